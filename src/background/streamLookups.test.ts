import { describe, expect, it } from 'vitest';
import type { ChainStream } from './chainTypes';
import { MAX_LOOKUPS_IN_FLIGHT, MAX_STREAM_LOOKUPS, STREAM_INFO_TTL_MS, StreamLookups } from './streamLookups';

const GENESIS = `0x${'11'.repeat(32)}`;
const flush = async () => {
  for (let i = 0; i < 10; i += 1) await new Promise((resolve) => setImmediate(resolve));
};
const stream = (streamId: string): ChainStream => ({ streamId, title: 't', creator: 'Bob', creatorPublicKey: '0xbb', ratePerMinute: 1n, active: true });

/** Lookups against a fake chain that knows streams 1–10; `hold` keeps answers back until released. */
function setup() {
  let now = 0;
  const asked: string[] = [];
  const held: (() => void)[] = [];
  const state = { hold: false, genesis: GENESIS as string | null };
  const lookups = new StreamLookups({
    getStream: async (streamId) => {
      asked.push(streamId);
      if (state.hold) await new Promise<void>((release) => held.push(release));
      return Number(streamId) <= 10 ? stream(streamId) : null;
    },
    genesisHash: () => state.genesis,
    now: () => now,
    onLookup: () => undefined,
  });
  return { lookups, asked, held, state, advance: (ms: number) => (now += ms) };
}

describe('StreamLookups (fake chain)', () => {
  it(`keeps at most ${MAX_STREAM_LOOKUPS} streams however many ids a page cycles through, least recently used out first`, async () => {
    const { lookups, asked } = setup();
    lookups.refresh(GENESIS, ['1']);
    await flush();
    for (let id = 100; id < 5100; id += 1) {
      lookups.refresh(GENESIS, [String(id)]);
      if (id % 50 === 0) lookups.get(GENESIS, '1'); // stream 1 keeps being used
      await flush();
    }
    expect(lookups.size).toBeLessThanOrEqual(MAX_STREAM_LOOKUPS);
    expect(lookups.get(GENESIS, '1')?.info?.streamId).toBe('1');
    expect(lookups.get(GENESIS, '100'), 'the oldest unused id was dropped').toBeUndefined();
    expect(asked).toHaveLength(5001);
  });

  it('remembers that a stream does not exist (negative cache) and asks again only after the TTL', async () => {
    const { lookups, asked, advance } = setup();
    lookups.refresh(GENESIS, ['999']);
    await flush();
    expect(lookups.get(GENESIS, '999')?.info).toBeNull();
    advance(STREAM_INFO_TTL_MS - 1);
    lookups.refresh(GENESIS, ['999']);
    advance(2);
    lookups.refresh(GENESIS, ['999']);
    await flush();
    expect(asked).toEqual(['999', '999']);
  });

  it(`has at most ${MAX_LOOKUPS_IN_FLIGHT} lookups under way, most wanted first`, async () => {
    const { lookups, asked, held, state } = setup();
    state.hold = true;
    lookups.refresh(GENESIS, ['1', '2', '3', '4', '5', '6']);
    lookups.refresh(GENESIS, ['7']);
    expect(asked).toEqual(['1', '2', '3', '4']);
    for (const release of held.splice(0)) release();
    await flush();
    lookups.refresh(GENESIS, ['5', '6']);
    expect(asked).toEqual(['1', '2', '3', '4', '5', '6']);
  });

  it('keeps an answer apart from the network it was asked on: one that arrives after a switch is a failure', async () => {
    const { lookups, held, state } = setup();
    state.hold = true;
    lookups.refresh(GENESIS, ['1']);
    state.genesis = `0x${'22'.repeat(32)}`;
    held[0]?.();
    await flush();
    expect(lookups.get(GENESIS, '1')).toMatchObject({ info: undefined, error: expect.stringContaining('switched networks') });
  });
});
