import { describe, expect, test } from 'vitest';
import type { CreatorStateMessage } from '../shared/messages';
import { CreatorWatch, historyStorageKey, MAX_HISTORY_POINTS, type CreatorFeedChain, type StreamChainState } from './creatorWatch';
import { memoryArea } from './storageArea';

const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const flush = () => new Promise((done) => setTimeout(done, 0));

const stream = (streamId: string, earnings: string, tickCount = 0): StreamChainState => ({
  streamId,
  title: `Stream ${streamId}`,
  description: '',
  category: '',
  pricing: { baseRatePerMinute: '60', premiumRatePerMinute: null, subscriptionPrice: null },
  active: true,
  viewerCount: 1,
  tickCount,
  earnings,
});

/** Storage subscriptions the test drives: `setIds` / `setStreams` play the chain's new blocks. */
class FakeFeedChain implements CreatorFeedChain {
  readonly subscriptionPeriodMs = 2_592_000_000;
  onIds: ((ids: string[]) => void) | null = null;
  onStreams: ((streams: StreamChainState[]) => void) | null = null;
  followedStreams: string[][] = [];
  active = 0;

  async followCreatorStreams(_account: string, onIds: (ids: string[]) => void) {
    this.onIds = onIds;
    this.active += 1;
    return () => {
      this.active -= 1;
    };
  }
  async followStreams(ids: string[], onStreams: (streams: StreamChainState[]) => void) {
    this.followedStreams.push(ids);
    this.onStreams = onStreams;
    this.active += 1;
    return () => {
      this.active -= 1;
    };
  }
}

function fakePort() {
  const messages: CreatorStateMessage[] = [];
  let disconnect = () => {};
  return {
    port: {
      name: 'creator',
      postMessage: (message: CreatorStateMessage) => messages.push(structuredClone(message)),
      onDisconnect: { addListener: (callback: () => void) => (disconnect = callback) },
    },
    messages,
    last: () => messages.at(-1)!.state,
    close: () => disconnect(),
  };
}

function setup(storage = memoryArea()) {
  const chain = new FakeFeedChain();
  let now = 1000;
  let account: string | null = ALICE;
  const watch = new CreatorWatch({ chain: () => chain, account: () => account, storage, now: () => now });
  return {
    chain,
    watch,
    storage,
    tick: (ms: number) => (now += ms),
    setAccount: (next: string | null) => (account = next),
  };
}

describe('CreatorWatch (fake chain)', () => {
  test('follows the account’s streams only while a page is connected, newest stream first', async () => {
    const { chain, watch } = setup();
    const page = fakePort();
    watch.addPort(page.port);
    await flush();
    expect(page.last().status).toBe('loading');
    chain.onIds!(['1', '3']);
    await flush();
    expect(chain.followedStreams).toEqual([['1', '3']]);
    chain.onStreams!([stream('1', '0'), stream('3', '50', 30)]);
    expect(page.last()).toMatchObject({ account: ALICE, status: 'ready', subscriptionPeriodMs: 2_592_000_000, streams: [{ streamId: '3', tickCount: 30, earnings: '50' }, { streamId: '1' }] });
    expect(chain.active).toBe(2);
    page.close();
    expect(chain.active).toBe(0);
  });

  test('each change of earnings is a history point; an unchanged value adds none', async () => {
    const { chain, watch, tick } = setup();
    const page = fakePort();
    watch.addPort(page.port);
    await flush();
    chain.onIds!(['3']);
    await flush();
    chain.onStreams!([stream('3', '0')]);
    tick(1000);
    chain.onStreams!([stream('3', '10', 6)]);
    tick(1000);
    chain.onStreams!([stream('3', '10', 6)]);
    tick(1000);
    chain.onStreams!([stream('3', '25', 15)]);
    expect(page.last().streams[0].history).toEqual([
      { at: 1000, earnings: '0' },
      { at: 2000, earnings: '10' },
      { at: 4000, earnings: '25' },
    ]);
  });

  test('history is capped, kept in storage, and back when the page opens again', async () => {
    const storage = memoryArea();
    const first = setup(storage);
    const page = fakePort();
    first.watch.addPort(page.port);
    await flush();
    first.chain.onIds!(['3']);
    await flush();
    for (let i = 0; i < MAX_HISTORY_POINTS + 5; i++) {
      first.tick(10);
      first.chain.onStreams!([stream('3', String(i))]);
    }
    expect(page.last().streams[0].history).toHaveLength(MAX_HISTORY_POINTS);
    expect(page.last().streams[0].history[0].earnings).toBe('5');
    await first.watch.flush();
    expect((storage.dump()[historyStorageKey(ALICE)] as Record<string, unknown[]>)['3']).toHaveLength(MAX_HISTORY_POINTS);

    const second = setup(storage);
    const again = fakePort();
    second.watch.addPort(again.port);
    await flush();
    second.chain.onIds!(['3']);
    await flush();
    second.chain.onStreams!([stream('3', String(MAX_HISTORY_POINTS + 4))]);
    expect(again.last().streams[0].history).toHaveLength(MAX_HISTORY_POINTS);
  });

  test('a newly registered stream re-subscribes the streams; the old subscription ends', async () => {
    const { chain, watch } = setup();
    const page = fakePort();
    watch.addPort(page.port);
    await flush();
    chain.onIds!(['1']);
    await flush();
    const stale = chain.onStreams!;
    chain.onIds!(['1', '2']);
    await flush();
    expect(chain.followedStreams).toEqual([['1'], ['1', '2']]);
    expect(chain.active).toBe(2);
    stale([stream('1', '999')]);
    expect(page.last().streams).toEqual([]);
    chain.onStreams!([stream('1', '0'), stream('2', '0')]);
    expect(page.last().streams.map((view) => view.streamId)).toEqual(['2', '1']);
  });

  test('no account (or no chain): idle, nothing followed', async () => {
    const { chain, watch, setAccount } = setup();
    setAccount(null);
    const page = fakePort();
    watch.addPort(page.port);
    await flush();
    expect(page.last()).toEqual({ account: null, status: 'idle', error: null, streams: [], subscriptionPeriodMs: null });
    expect(chain.active).toBe(0);
    setAccount(ALICE);
    watch.restart();
    await flush();
    expect(page.last().status).toBe('loading');
    expect(chain.active).toBe(1);
  });
});
