import { describe, expect, test, vi } from 'vitest';
import type { CreatorStateMessage } from '../shared/messages';
import { CreatorWatch, historyStorageKey, MAX_HISTORY_POINTS, payoutsStorageKey, type CreatorFeedChain, type StreamChainState } from './creatorWatch';
import { WATCHING_WINDOW_MS, type BlockActivity, type StreamEvent } from './streamActivity';
import { memoryArea } from './storageArea';

const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const flush = () => new Promise((done) => setTimeout(done, 0));

const stream = (streamId: string, earnings: string, secondsWatched = 0, owed = '0'): StreamChainState => ({
  streamId,
  title: `Stream ${streamId}`,
  description: '',
  category: '',
  pricing: { baseRatePerMinute: '60', premiumRatePerMinute: null, subscriptionPrice: null },
  active: true,
  viewerCount: 1,
  secondsWatched,
  secondsInEscrow: secondsWatched,
  earnings,
  owed,
});

/** Storage subscriptions the test drives: `setIds` / `setStreams` play the chain's new blocks. */
class FakeFeedChain implements CreatorFeedChain {
  readonly subscriptionPeriodMs = 2_592_000_000;
  onIds: ((ids: string[]) => void) | null = null;
  onStreams: ((streams: StreamChainState[], activity: BlockActivity) => void) | null = null;
  block = 0;
  followedStreams: string[][] = [];
  active = 0;

  async followCreatorStreams(_account: string, onIds: (ids: string[]) => void) {
    this.onIds = onIds;
    this.active += 1;
    return () => {
      this.active -= 1;
    };
  }
  /** A new block: these streams' storage and the block's events about them. */
  emit(streams: StreamChainState[], events: StreamEvent[] = []) {
    this.block += 1;
    this.onStreams!(streams, { block: this.block, events });
  }
  async followStreams(ids: string[], onStreams: (streams: StreamChainState[], activity: BlockActivity) => void) {
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

/** A creator page connected and the chain listing `ids` as the account's streams. */
async function watching(ids: string[], storage = memoryArea()) {
  const context = setup(storage);
  const page = fakePort();
  context.watch.addPort(page.port);
  await flush();
  context.chain.onIds!(ids);
  await flush();
  return { ...context, page };
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
    chain.emit([stream('1', '0'), stream('3', '50', 30)]);
    expect(page.last()).toMatchObject({ account: ALICE, status: 'ready', subscriptionPeriodMs: 2_592_000_000, streams: [{ streamId: '3', secondsWatched: 30, earnings: '50' }, { streamId: '1' }] });
    expect(chain.active).toBe(2);
    page.close();
    expect(chain.active).toBe(0);
  });

  test('each change of earnings is a history point; an unchanged value adds none', async () => {
    const { chain, tick, page } = await watching(['3']);
    chain.emit([stream('3', '0')]);
    tick(1000);
    chain.emit([stream('3', '10', 6)]);
    tick(1000);
    chain.emit([stream('3', '10', 6)]);
    tick(1000);
    chain.emit([stream('3', '25', 15)]);
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
      first.chain.emit([stream('3', String(i))]);
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
    second.chain.emit([stream('3', String(MAX_HISTORY_POINTS + 4))]);
    expect(again.last().streams[0].history).toHaveLength(MAX_HISTORY_POINTS);
  });

  test('a newly registered stream re-subscribes the streams; the old subscription ends', async () => {
    const { chain, page } = await watching(['1']);
    const stale = chain.onStreams!;
    chain.onIds!(['1', '2']);
    await flush();
    expect(chain.followedStreams).toEqual([['1'], ['1', '2']]);
    expect(chain.active).toBe(2);
    stale([stream('1', '999')], { block: 99, events: [] });
    expect(page.last().streams).toEqual([]);
    chain.emit([stream('1', '0'), stream('2', '0')]);
    expect(page.last().streams.map((view) => view.streamId)).toEqual(['2', '1']);
  });

  test('viewers watching now fall when their seconds stop or they leave; the chain’s joined count is kept apart (fake timers)', async () => {
    vi.useFakeTimers();
    try {
      const { chain, watch, tick } = setup();
      const page = fakePort();
      watch.addPort(page.port);
      await vi.advanceTimersByTimeAsync(0);
      chain.onIds!(['3']);
      await vi.advanceTimersByTimeAsync(0);
      chain.emit([stream('3', '0')], [{ kind: 'joined', streamId: '3', viewer: 'V1' }, { kind: 'tick', streamId: '3', viewer: 'V2' }]);
      expect(page.last().streams[0]).toMatchObject({ watchingNow: 2, viewerCount: 1 });
      tick(10_000);
      await vi.advanceTimersByTimeAsync(10_000);
      chain.emit([stream('3', '10')], [{ kind: 'tick', streamId: '3', viewer: 'V1' }, { kind: 'left', streamId: '3', viewer: 'V2' }]);
      expect(page.last().streams[0].watchingNow).toBe(1);
      // V1's seconds stop: with no new block at all, the count falls once the window has passed.
      const published = page.messages.length;
      tick(WATCHING_WINDOW_MS);
      await vi.advanceTimersByTimeAsync(WATCHING_WINDOW_MS);
      expect(page.messages.length).toBeGreaterThan(published);
      expect(page.last().streams[0].watchingNow).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  test('a withdrawal is a payout; lifetime earnings keep counting it, so the chart never drops', async () => {
    const storage = memoryArea();
    const { chain, watch, tick, page } = await watching(['3'], storage);
    chain.emit([stream('3', '100')]);
    tick(1000);
    // The new earnings can arrive one block before the event that explains them.
    chain.emit([stream('3', '40')]);
    tick(1000);
    chain.emit([stream('3', '40')], [{ kind: 'withdrawn', streamId: '3', amount: '60' }]);
    tick(1000);
    chain.emit([stream('3', '55')]);
    const view = page.last().streams[0];
    expect(view).toMatchObject({ earnings: '55', lifetimeEarned: '115' });
    expect(view.payouts).toEqual([{ at: 3000, amount: '60', block: 3, index: 0 }]);
    expect(view.history.map((point) => point.earnings)).toEqual(['100', '115']);
    await watch.flush();
    expect(storage.dump()[payoutsStorageKey(ALICE)]).toEqual({ '3': [{ at: 3000, amount: '60', block: 3, index: 0 }] });
  });

  test('earnings count what open sessions owe, apart from what is in escrow; a flush moves it without a jump', async () => {
    const { chain, tick, page } = await watching(['3']);
    chain.emit([stream('3', '0', 10, '20')]);
    tick(1000);
    chain.emit([{ ...stream('3', '40', 20, '0'), secondsInEscrow: 20 }]);
    const view = page.last().streams[0];
    expect(view).toMatchObject({ earnings: '40', owed: '0', lifetimeEarned: '40', secondsWatched: 20, secondsInEscrow: 20 });
    expect(view.history.map((point) => point.earnings)).toEqual(['20', '40']);
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
