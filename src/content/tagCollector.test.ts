// @vitest-environment happy-dom
import { beforeEach, describe, expect, test } from 'vitest';
import { TagCollector } from './tagCollector';

function addMeta(parent: Node, name: string, content: string | null): HTMLMetaElement {
  const meta = document.createElement('meta');
  meta.setAttribute('name', name);
  if (content !== null) meta.setAttribute('content', content);
  parent.appendChild(meta);
  return meta;
}

describe('TagCollector', () => {
  beforeEach(() => {
    document.head.innerHTML = '';
    document.body.innerHTML = '';
  });

  test('a document without vilokanam metas has no tag', () => {
    addMeta(document.head, 'description', 'a page');
    const tags = new TagCollector(document);
    tags.addFrom(document);
    expect(tags.current()).toBeNull();
  });

  test('collects every value of every tag name, raw and in document order', () => {
    addMeta(document.head, 'vilokanam:stream', '1');
    addMeta(document.head, 'vilokanam:network', ' 0xabc ');
    addMeta(document.body, 'vilokanam:stream', '02');
    addMeta(document.body, 'VILOKANAM:Creator', '5Grw');
    addMeta(document.body, 'vilokanam:creator', null);
    const tags = new TagCollector(document);
    tags.addFrom(document);
    expect(tags.current()).toEqual({ stream: ['1', '02'], network: [' 0xabc '], creator: ['5Grw', ''] });
  });

  test('a meta added later is found from the added node alone', () => {
    const tags = new TagCollector(document);
    tags.addFrom(document);
    const wrapper = document.createElement('div');
    addMeta(wrapper, 'vilokanam:stream', '7');
    document.body.append(wrapper);
    expect(tags.addFrom(wrapper)).toBe(true);
    expect(tags.current()).toEqual({ stream: ['7'], network: [], creator: [] });
  });

  test('content and name changes are read afresh; removed metas drop out', () => {
    const stream = addMeta(document.head, 'vilokanam:stream', '1');
    const network = addMeta(document.head, 'vilokanam:network', '0x01');
    const tags = new TagCollector(document);
    tags.addFrom(document);
    stream.setAttribute('content', '2');
    network.remove();
    expect(tags.current()).toEqual({ stream: ['2'], network: [], creator: [] });
    stream.setAttribute('name', 'other');
    expect(tags.current()).toBeNull();
  });

  test('metas inside a shadow root are not the document’s tag', () => {
    const host = document.createElement('div');
    const shadow = host.attachShadow({ mode: 'open' });
    addMeta(shadow, 'vilokanam:stream', '9');
    document.body.append(host);
    const tags = new TagCollector(document);
    tags.addFrom(document);
    tags.addFrom(shadow);
    expect(tags.current()).toBeNull();
  });
});
