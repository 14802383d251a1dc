import { describe, expect, test } from 'vitest';
import { parseTag } from '../shared/tag';
import { tagSnippet } from './tagSnippet';

const target = {
  streamId: '42',
  genesisHash: `0x${'ab'.repeat(32)}`,
  creator: '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty',
};

describe('tagSnippet', () => {
  test('pins the stream, the network and the creator, one meta tag each', () => {
    expect(tagSnippet(target)).toBe(
      [
        '<meta name="vilokanam:stream" content="42">',
        `<meta name="vilokanam:network" content="0x${'ab'.repeat(32)}">`,
        '<meta name="vilokanam:creator" content="5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty">',
      ].join('\n'),
    );
  });

  test('what it produces is a tag the extension accepts', () => {
    const values = (name: string) => [...tagSnippet(target).matchAll(new RegExp(`name="vilokanam:${name}" content="([^"]*)"`, 'g'))].map((m) => m[1]);
    const parsed = parseTag({ stream: values('stream'), network: values('network'), creator: values('creator') });
    expect(parsed).toMatchObject({ ok: true, tag: { streamId: '42', network: target.genesisHash, creator: target.creator } });
  });
});
