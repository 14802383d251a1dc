import { describe, expect, it } from 'vitest';
import { contentFrameOf, isExtensionPage } from './senders';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}`;

describe('message senders', () => {
  it('accepts this extension’s content script in a tab frame, with the browser-reported origin', () => {
    expect(contentFrameOf({ id: ID, url: 'https://a.example/watch?v=1', origin: 'https://a.example', frameId: 3, tab: { id: 9 } }, ID, ORIGIN)).toEqual({
      tabId: 9,
      frameId: 3,
      origin: 'https://a.example',
    });
  });

  it('uses the creator’s origin for about:srcdoc frames and derives the origin from the URL when missing', () => {
    expect(contentFrameOf({ id: ID, url: 'about:srcdoc', origin: 'https://a.example', frameId: 1, tab: { id: 2 } }, ID, ORIGIN)?.origin).toBe(
      'https://a.example',
    );
    expect(contentFrameOf({ id: ID, url: 'https://b.example/x', frameId: 0, tab: { id: 2 } }, ID, ORIGIN)?.origin).toBe('https://b.example');
  });

  it.each([
    ['another extension', { id: 'other', url: 'https://a.example', origin: 'https://a.example', frameId: 0, tab: { id: 1 } }],
    ['no tab', { id: ID, url: 'https://a.example', origin: 'https://a.example', frameId: 0 }],
    ['no frame id', { id: ID, url: 'https://a.example', origin: 'https://a.example', tab: { id: 1 } }],
    ['an extension page in a tab', { id: ID, url: `${ORIGIN}/src/options/index.html`, origin: ORIGIN, frameId: 0, tab: { id: 1 } }],
    ['an opaque origin', { id: ID, url: 'data:text/html,x', origin: 'null', frameId: 0, tab: { id: 1 } }],
    ['a file URL', { id: ID, url: 'file:///tmp/x.html', origin: 'file://', frameId: 0, tab: { id: 1 } }],
  ])('refuses frame messages from %s', (_label, sender) => {
    expect(contentFrameOf(sender, ID, ORIGIN)).toBeNull();
  });

  it('accepts UI requests only from this extension’s pages', () => {
    expect(isExtensionPage({ id: ID, url: `${ORIGIN}/src/popup/index.html` }, ID, ORIGIN)).toBe(true);
    expect(isExtensionPage({ id: ID, url: 'https://a.example/', tab: { id: 1 }, frameId: 0 }, ID, ORIGIN)).toBe(false);
    expect(isExtensionPage({ id: 'other', url: `chrome-extension://other/popup.html` }, ID, ORIGIN)).toBe(false);
    expect(isExtensionPage({ id: ID, url: `${ORIGIN}evil.example/` }, ID, ORIGIN)).toBe(false);
    expect(isExtensionPage(undefined, ID, ORIGIN)).toBe(false);
  });
});
