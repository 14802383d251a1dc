import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTag } from './tag';

const HASH = `0x${'ab'.repeat(32)}`;
const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const tag = (stream: string[], network: string[] = [], creator: string[] = []) => ({ stream, network, creator });

describe('parseTag', () => {
  it('accepts a plain stream id', () => {
    expect(parseTag(tag(['42']))).toEqual({ ok: true, tag: { streamId: '42', network: null, creator: null } });
  });

  it('accepts network and creator, lower-casing the hash', () => {
    const result = parseTag(tag(['1'], [HASH.toUpperCase().replace('0X', '0x')], [ALICE]));
    expect(result).toEqual({ ok: true, tag: { streamId: '1', network: HASH, creator: ALICE } });
  });

  it('treats identical repeated values as one', () => {
    expect(parseTag(tag(['7', '7'], [HASH, HASH], [ALICE, ALICE])).ok).toBe(true);
  });

  it('accepts the largest u128 and rejects one more', () => {
    expect(parseTag(tag(['340282366920938463463374607431768211455'])).ok).toBe(true);
    expect(parseTag(tag(['340282366920938463463374607431768211456']))).toMatchObject({ ok: false, problem: 'malformed-stream' });
    expect(parseTag(tag(['1000000000000000000000000000000000000000']))).toMatchObject({ ok: false, problem: 'malformed-stream' });
  });

  it.each([
    ['', 'empty'],
    [' 42', 'leading space'],
    ['42 ', 'trailing space'],
    ['+42', 'plus sign'],
    ['-1', 'minus sign'],
    ['042', 'leading zero'],
    ['00', 'double zero'],
    ['4_2', 'underscore'],
    ['4.0', 'decimal point'],
    ['1e3', 'exponent'],
    ['0x2a', 'hex'],
    ['٤٢', 'non-ASCII digits'],
    ['42\n', 'newline'],
    ['forty-two', 'words'],
  ])('rejects stream %j (%s)', (value) => {
    expect(parseTag(tag([value]))).toMatchObject({ ok: false, problem: 'malformed-stream' });
  });

  it('reports a missing stream when only other tags exist', () => {
    expect(parseTag(tag([], [HASH]))).toMatchObject({ ok: false, problem: 'missing-stream' });
  });

  it('reports differing stream values as a conflict', () => {
    expect(parseTag(tag(['1', '2']))).toEqual({ ok: false, problem: 'conflicting-stream' });
  });

  it.each([
    ['ab'.repeat(32), 'no 0x'],
    [`0x${'ab'.repeat(31)}`, 'too short'],
    [`0x${'ab'.repeat(33)}`, 'too long'],
    [`0x${'zz'.repeat(32)}`, 'not hex'],
    [` ${HASH}`, 'space'],
    [`0X${'ab'.repeat(32)}`, 'upper-case prefix'],
  ])('rejects network %j (%s)', (value) => {
    expect(parseTag(tag(['1'], [value]))).toMatchObject({ ok: false, problem: 'malformed-network' });
  });

  it('reports differing networks as a conflict', () => {
    expect(parseTag(tag(['1'], [HASH, `0x${'cd'.repeat(32)}`]))).toMatchObject({ ok: false, problem: 'conflicting-network' });
  });

  it.each([
    ['', 'empty'],
    ['5Grw 0OIl', 'characters outside base58'],
    [`${ALICE} `, 'trailing space'],
    ['x'.repeat(65), 'too long'],
  ])('rejects creator %j (%s)', (value) => {
    expect(parseTag(tag(['1'], [], [value]))).toMatchObject({ ok: false, problem: 'malformed-creator' });
  });

  it('reports differing creators as a conflict', () => {
    expect(parseTag(tag(['1'], [], [ALICE, '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty']))).toMatchObject({
      ok: false,
      problem: 'conflicting-creator',
    });
  });
});

/** What a well-formed tag is, written out apart from the parser (BigInt instead of string compares). */
function wellFormed(raw: { stream: string[]; network: string[]; creator: string[] }): string | null {
  const one = (values: string[]) => [...new Set(values)];
  const [stream, ...otherStreams] = one(raw.stream);
  if (stream === undefined || otherStreams.length > 0) return null;
  if (!/^(0|[1-9][0-9]*)$/.test(stream) || BigInt(stream) >= 2n ** 128n) return null;
  const networks = one(raw.network);
  if (networks.length > 1 || (networks.length === 1 && !/^0x[0-9a-fA-F]{64}$/.test(networks[0]))) return null;
  const creators = one(raw.creator);
  if (creators.length > 1 || (creators.length === 1 && !/^[1-9A-HJ-NP-Za-km-z]{3,64}$/.test(creators[0]))) return null;
  return stream;
}

/** A list of values for one tag name: often one value, sometimes repeated, sometimes several. */
const values = (value: fc.Arbitrary<string>) =>
  fc.oneof(value.map((v) => [v]), value.map((v) => [v, v]), fc.array(value, { maxLength: 3 }));

const streamValue = fc.oneof(
  fc.bigInt({ min: 0n, max: 2n ** 128n + 10n }).map(String),
  fc.stringMatching(/^[0-9]{1,41}$/),
  fc.constantFrom('042', '+1', ' 7', '7 ', '1e3', '0x2a', '٤٢', '-0', ''),
  fc.string({ maxLength: 50 }),
);
const networkValue = fc.oneof(
  fc.stringMatching(/^0x[0-9a-fA-F]{64}$/),
  fc.stringMatching(/^0[xX][0-9a-fA-F]{62,66}$/),
  fc.string({ maxLength: 70 }),
);
const creatorValue = fc.oneof(fc.stringMatching(/^[1-9A-HJ-NP-Za-km-z]{1,70}$/), fc.string({ maxLength: 70 }));
const rawTag = fc.record({ stream: values(streamValue), network: values(networkValue), creator: values(creatorValue) });

describe('parseTag, property-based (fast-check)', () => {
  it('never throws, and accepts exactly the well-formed tags with their stream id', () => {
    fc.assert(
      fc.property(rawTag, (raw) => {
        const result = parseTag(raw);
        const expected = wellFormed(raw);
        expect(result.ok).toBe(expected !== null);
        if (result.ok) expect(result.tag.streamId).toBe(expected);
      }),
      { numRuns: 5000 },
    );
  });

  it('accepts any value it produced itself (canonical ids, lower-case network) again, unchanged', () => {
    fc.assert(
      fc.property(rawTag, (raw) => {
        const result = parseTag(raw);
        if (!result.ok) return;
        const { streamId, network, creator } = result.tag;
        const again = parseTag({ stream: [streamId], network: network ? [network] : [], creator: creator ? [creator] : [] });
        expect(again).toEqual(result);
      }),
      { numRuns: 2000 },
    );
  });
});
