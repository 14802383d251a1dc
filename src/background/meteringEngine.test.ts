import { describe, expect, it } from 'vitest';
import type { Budgets, RawTag, SiteRule } from '../shared/messages';
import { FrameRegistry } from './frameRegistry';
import { MeteringEngine, type MeteringContext } from './meteringEngine';
import { emptyMeterDoc, loadMeterDoc, type MeterDoc } from './meterState';
import { FakeChain } from './testing/fakeChain';

const GENESIS = `0x${'11'.repeat(32)}`;
const SITE = 'https://creator.example';
const OTHER_SITE = 'https://other.example';
const RATE = 100_000_000_000n; // 0.1 VIL per minute
const CREATOR_KEY = `0x${'bb'.repeat(32)}`;
const NO_BUDGETS: Budgets = { perSession: null, perDay: null, global: null };

const tagFor = (stream: string, extra: Partial<RawTag> = {}): RawTag => ({ stream: [stream], network: [], creator: [], ...extra });
const flush = async () => {
  for (let i = 0; i < 30; i += 1) await new Promise((resolve) => setImmediate(resolve));
};

/** An engine on a fake clock and a fake chain, persisting into `stored` like storage.local would. */
function harness(options: { rules?: Record<string, SiteRule>; budgets?: Budgets; start?: number } = {}) {
  let now = options.start ?? Date.UTC(2025, 0, 1, 12, 0, 0, 300);
  const clock = () => now;
  const chain = new FakeChain(clock);
  chain.streams.set('1', { streamId: '1', title: 'Demo', creator: 'Bob', creatorPublicKey: CREATOR_KEY, ratePerMinute: RATE, active: true });
  chain.streams.set('2', { streamId: '2', title: 'Other', creator: 'Bob', creatorPublicKey: CREATOR_KEY, ratePerMinute: RATE * 2n, active: true });
  const frames = new FrameRegistry();
  const rules = new Map(Object.entries(options.rules ?? {}));
  const ctx: MeteringContext & { chainReady: boolean } = {
    hasAccount: true,
    canSign: true,
    chainReady: true,
    genesisHash: GENESIS,
    budgets: options.budgets ?? NO_BUDGETS,
    siteRule: (site) => rules.get(site) ?? null,
  };
  let stored: unknown = null;
  let ids = 0;
  const makeEngine = (withChain: FakeChain = chain) =>
    new MeteringEngine(
      {
        now: clock,
        chain: withChain,
        frames,
        context: () => ctx,
        save: async (doc: MeterDoc) => {
          stored = JSON.parse(JSON.stringify(doc));
        },
        allowSite: (site) => rules.set(site, 'allow'),
        publicKeyOf: (address) => (address === 'Bob' ? CREATOR_KEY : address === 'Eve' ? `0x${'ee'.repeat(32)}` : null),
        newId: () => `id${(ids += 1)}`,
        onChange: () => undefined,
        day: () => '2025-01-01',
      },
      stored === null ? emptyMeterDoc('2025-01-01') : loadMeterDoc(structuredClone(stored), '2025-01-01'),
    );
  const h = {
    chain,
    frames,
    ctx,
    rules,
    engine: makeEngine(),
    get now() {
      return now;
    },
    advance(ms: number) {
      now += ms;
    },
    report(tabId: number, frameId: number, playing: boolean, tag: RawTag | null = tagFor('1'), origin = SITE) {
      frames.report({ tabId, frameId, origin }, { type: 'frame:media', tag, playing }, now);
    },
    /** One second passes while the given frames keep sending heartbeats; then the meter ticks. */
    async second(playingFrames: [number, number, RawTag?, string?][] = [[1, 0]]) {
      now += 1000;
      for (const [tabId, frameId, tag, origin] of playingFrames) h.report(tabId, frameId, true, tag ?? tagFor('1'), origin ?? SITE);
      h.engine.framesChanged();
      await flush();
      await h.engine.tick();
      await flush();
    },
    async seconds(count: number, playingFrames?: [number, number, RawTag?, string?][]) {
      for (let i = 0; i < count; i += 1) await h.second(playingFrames);
    },
    /** The worker is killed and starts again from what it had stored. */
    editStored(edit: (doc: MeterDoc) => void) {
      const doc = structuredClone(stored) as MeterDoc;
      edit(doc);
      stored = doc;
    },
    restart(withChain: FakeChain = chain) {
      h.engine = makeEngine(withChain);
    },
    session(streamId = '1') {
      return h.engine.sessionViews().find((s) => s.stream.streamId === streamId);
    },
    tickedSeconds(streamId = '1') {
      return chain.recordCalls.filter((c) => c.streamId === streamId).reduce((sum, c) => sum + c.ticks, 0);
    },
  };
  return h;
}

const paidFor = (ticks: number, rate = RATE) => (BigInt(ticks) * rate) / 60n;

describe('MeteringEngine (fake chain, fake clock)', () => {
  it('joins once, then sends exactly one record_tick(1) per second of play at the agreed rate', async () => {
    const h = harness({ rules: { [SITE]: 'allow' } });
    await h.seconds(10);
    expect(h.chain.joinCalls).toEqual(['1']);
    expect(h.chain.recordCalls).toHaveLength(10);
    expect(h.chain.recordCalls.every((c) => c.ticks === 1 && c.maxRate === RATE)).toBe(true);
    expect(h.chain.recordCalls.map((c) => c.nonce)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const session = h.session();
    expect(session?.confirmedSeconds).toBe(10);
    expect(session?.spent).toBe(paidFor(10).toString());
    expect(session?.fees).toBe((11n * h.chain.fee).toString());
    expect(h.engine.ledger.today).toEqual({ amount: paidFor(10).toString(), fees: (11n * h.chain.fee).toString(), seconds: 10 });
  });

  it('counts nothing while paused, hidden or when the heartbeat stops', async () => {
    const h = harness({ rules: { [SITE]: 'allow' } });
    await h.seconds(5);
    h.report(1, 0, false);
    await h.seconds(5, []);
    await h.seconds(3);
    h.advance(1000);
    await h.engine.tick(); // last heartbeat 1 s old: still counts
    h.advance(1000);
    await h.engine.tick(); // 2 s old: stale
    await flush();
    expect(h.tickedSeconds()).toBe(9);
    expect(h.engine.tabViews()[0]).toMatchObject({ billing: false, reason: { code: 'not-playing' } });
  });

  it('pays once per second when several frames and tabs play the same stream', async () => {
    const h = harness({ rules: { [SITE]: 'allow', [OTHER_SITE]: 'allow' } });
    await h.seconds(10, [
      [1, 0],
      [1, 3],
      [2, 0, tagFor('1'), OTHER_SITE],
    ]);
    expect(h.tickedSeconds()).toBe(10);
    expect(h.chain.joinCalls).toHaveLength(1);
    expect(h.session()?.tabIds.sort()).toEqual([1, 2]);
  });

  it('bills only seconds a tick saw playing, once each, even when the timer runs late or twice', async () => {
    const h = harness({ rules: { [SITE]: 'allow' } });
    await h.seconds(3);
    h.advance(2000); // the timer fired 2 s late: the meter did not see the second in between
    h.report(1, 0, true);
    await h.engine.tick();
    await flush();
    expect(h.tickedSeconds()).toBe(4);
    await h.second();
    h.advance(500);
    await h.engine.tick(); // a second tick in the same second counts nothing
    await flush();
    expect(h.tickedSeconds()).toBe(5);
  });

  it('asks for consent before the first payment and bills nothing until allowed', async () => {
    const h = harness();
    await h.seconds(3);
    expect(h.chain.recordCalls).toHaveLength(0);
    expect(h.chain.joinCalls).toHaveLength(0);
    const consent = h.engine.consentView();
    expect(consent).toMatchObject({ site: SITE, tabId: 1, stream: { streamId: '1', title: 'Demo', creator: 'Bob', ratePerMinute: RATE.toString() } });
    expect(h.engine.tabViews()[0]?.reason?.code).toBe('consent-needed');
    await h.engine.decideConsent(consent?.id ?? '', 'allow-once');
    await h.seconds(4);
    expect(h.tickedSeconds()).toBe(4);
    expect(h.rules.get(SITE)).toBeUndefined();
  });

  it('remembers "always allow" as a site rule and "decline" as not billed', async () => {
    const h = harness();
    await h.second();
    await h.engine.decideConsent(h.engine.consentView()?.id ?? '', 'allow-site');
    expect(h.rules.get(SITE)).toBe('allow');
    h.report(1, 0, false);
    await h.second([[2, 0, tagFor('2'), OTHER_SITE]]);
    await h.engine.decideConsent(h.engine.consentView()?.id ?? '', 'decline');
    await h.seconds(3, [
      [1, 0],
      [2, 0, tagFor('2'), OTHER_SITE],
    ]);
    expect(h.tickedSeconds('1')).toBe(3);
    expect(h.tickedSeconds('2')).toBe(0);
    expect(h.engine.tabViews().find((t) => t.tabId === 2)?.reason?.code).toBe('consent-declined');
    expect(h.engine.consentView()).toBeNull();
  });

  it('never bills a blocked site, a paused meter or a locked key', async () => {
    const h = harness({ rules: { [SITE]: 'block' } });
    await h.seconds(3);
    expect(h.engine.tabViews()[0]?.reason?.code).toBe('site-blocked');
    h.rules.set(SITE, 'allow');
    await h.engine.setPaused(true);
    await h.seconds(3);
    expect(h.engine.tabViews()[0]?.reason?.code).toBe('paused');
    await h.engine.setPaused(false);
    h.ctx.canSign = false;
    await h.seconds(3);
    expect(h.engine.tabViews()[0]?.reason?.code).toBe('locked');
    expect(h.chain.recordCalls).toHaveLength(0);
    expect(h.engine.consentView()).toBeNull();
  });

  it.each([
    ['wrong-network', tagFor('1', { network: [`0x${'22'.repeat(32)}`] })],
    ['creator-mismatch', tagFor('1', { creator: ['Eve'] })],
    ['tag-malformed', tagFor('1', { creator: ['NotAnAddress'] })],
    ['tag-malformed', tagFor('01')],
    ['tag-conflict', { stream: ['1', '2'], network: [], creator: [] }],
    ['stream-unknown', tagFor('99')],
  ])('does not bill a tag with %s', async (code, tag) => {
    const h = harness({ rules: { [SITE]: 'allow' } });
    await h.seconds(3, [[1, 0, tag]]);
    expect(h.chain.recordCalls).toHaveLength(0);
    expect(h.engine.tabViews()[0]).toMatchObject({ billing: false, reason: { code } });
  });

  it('does not bill an inactive stream', async () => {
    const h = harness({ rules: { [SITE]: 'allow' } });
    const stream = h.chain.streams.get('1');
    if (stream) stream.active = false;
    await h.seconds(3);
    expect(h.chain.recordCalls).toHaveLength(0);
    expect(h.engine.tabViews()[0]?.reason?.code).toBe('stream-inactive');
  });

  it('accepts a tag pinned to the connected network and naming the right creator', async () => {
    const h = harness({ rules: { [SITE]: 'allow' } });
    await h.seconds(3, [[1, 0, tagFor('1', { network: [GENESIS], creator: ['Bob'] })]]);
    expect(h.tickedSeconds()).toBe(3);
  });

  it('a subscribed stream records every second, counts none of them as spend, and no budget stops it', async () => {
    const perSecond = (RATE + 59n) / 60n;
    const h = harness({ rules: { [SITE]: 'allow' }, budgets: { perSession: (perSecond * 2n).toString(), perDay: perSecond.toString(), global: null } });
    h.chain.subscribed.add('1');
    h.ctx.isSubscribed = (streamId) => streamId === '1';
    await h.seconds(8);
    expect(h.tickedSeconds()).toBe(8);
    expect(h.chain.sessions.get('1')?.ticks).toBe(8);
    const session = h.session();
    expect(session?.stopReason).toBeNull();
    expect(session?.confirmedSeconds).toBe(8);
    expect(session?.spent).toBe('0');
    expect(h.engine.ledger.today).toMatchObject({ amount: '0', seconds: 8 });
    h.chain.subscribed.delete('1');
    h.ctx.isSubscribed = () => false;
    await h.seconds(4);
    expect(h.tickedSeconds()).toBe(9);
    expect(h.session()?.stopReason?.code).toBe('budget-day');
  });

  it('stops exactly at the per-session budget and goes on when it is raised', async () => {
    const perSecond = (RATE + 59n) / 60n;
    const h = harness({ rules: { [SITE]: 'allow' }, budgets: { perSession: (perSecond * 4n).toString(), perDay: null, global: null } });
    await h.seconds(8);
    expect(h.tickedSeconds()).toBe(4);
    expect(h.session()?.stopReason?.code).toBe('budget-session');
    expect(h.engine.tabViews()[0]?.reason?.code).toBe('budget-session');
    h.ctx.budgets = { perSession: (perSecond * 6n).toString(), perDay: null, global: null };
    await h.seconds(5);
    expect(h.tickedSeconds()).toBe(6);
  });

  it('never exceeds the global cap across tabs, even with payments still in flight', async () => {
    const perSecond1 = (RATE + 59n) / 60n;
    const h = harness({ rules: { [SITE]: 'allow', [OTHER_SITE]: 'allow' }, budgets: { perSession: null, perDay: null, global: (perSecond1 * 10n).toString() } });
    h.chain.autoInclude = false;
    await h.seconds(10, [
      [1, 0],
      [2, 0, tagFor('2'), OTHER_SITE],
    ]);
    // stream 2 costs twice as much per second: 10 units of budget buy at most 10 seconds of stream 1 alone.
    const reserved = BigInt(h.tickedSeconds('1')) * perSecond1 + BigInt(h.tickedSeconds('2')) * ((RATE * 2n + 59n) / 60n);
    expect(reserved).toBeLessThanOrEqual(perSecond1 * 10n);
    expect(h.tickedSeconds('1') + h.tickedSeconds('2')).toBeGreaterThan(0);
    while (h.chain.pending.length) h.chain.includeNext();
    await flush();
    expect(BigInt(h.engine.ledger.allTime.amount)).toBeLessThanOrEqual(perSecond1 * 10n);
    expect(h.engine.tabViews().some((t) => t.reason?.code === 'budget-global')).toBe(true);
  });

  it('applies the per-day budget to all streams together', async () => {
    const perSecond1 = (RATE + 59n) / 60n;
    const h = harness({ rules: { [SITE]: 'allow' }, budgets: { perSession: null, perDay: (perSecond1 * 6n).toString(), global: null } });
    await h.seconds(3);
    await h.seconds(10, [[1, 0, tagFor('2')]]);
    expect(h.tickedSeconds('1')).toBe(3);
    expect(h.tickedSeconds('2')).toBe(1);
    expect(h.session('2')?.stopReason?.code).toBe('budget-day');
  });

  it('holds seconds while the chain is unreachable and settles them in one record_tick(n)', async () => {
    const h = harness({ rules: { [SITE]: 'allow' } });
    await h.seconds(2);
    h.ctx.chainReady = false;
    await h.seconds(30);
    expect(h.tickedSeconds()).toBe(2);
    expect(h.session()).toMatchObject({ status: 'holding', pendingSeconds: 30, seconds: 32 });
    h.ctx.chainReady = true;
    await h.second();
    expect(h.chain.recordCalls.map((c) => c.ticks)).toEqual([1, 1, 31]);
    expect(h.chain.sessions.get('1')?.ticks).toBe(33);
    expect(h.session()).toMatchObject({ confirmedSeconds: 33, pendingSeconds: 0, spent: paidFor(33).toString() });
  });

  it('splits a held backlog that the chain’s elapsed-time guard would refuse', async () => {
    const h = harness({ rules: { [SITE]: 'allow' } });
    await h.second();
    h.ctx.chainReady = false;
    await h.seconds(40);
    h.ctx.chainReady = true;
    const session = h.chain.sessions.get('1');
    if (session) session.joinedAtMs = h.now - 10_000; // joined 10 s ago (e.g. the join landed late)
    await h.second();
    const allowedNow = 10 + 1 + 12 - 1; // elapsed + this second + slack - ticks already recorded
    expect(h.chain.recordCalls.map((c) => c.ticks)).toEqual([1, allowedNow]);
    // While the viewer keeps watching, the chain's allowance grows exactly as fast as the backlog...
    await h.seconds(10);
    expect(h.session()?.pendingSeconds).toBeGreaterThan(0);
    // ...and once they stop, the rest is settled as the allowance grows: nothing is lost.
    h.report(1, 0, false);
    for (let i = 0; i < 40 && h.engine.needsTicks(); i += 1) await h.seconds(1, []);
    expect(h.session()?.pendingSeconds).toBe(0);
    expect(h.chain.sessions.get('1')?.ticks).toBe(h.session()?.seconds);
    expect(h.session()?.seconds).toBe(52);
  });

  it('stops and tells the viewer on insufficient funds, keeping the unpaid seconds', async () => {
    const h = harness({ rules: { [SITE]: 'allow' } });
    await h.seconds(3);
    h.chain.failWith = 'PaymentHandler.InsufficientFunds';
    await h.seconds(3);
    const session = h.session();
    expect(session?.stopReason?.code).toBe('insufficient-funds');
    expect(session?.status).toBe('stopped');
    expect(h.engine.tabViews()[0]?.reason?.code).toBe('insufficient-funds');
    expect(h.engine.lastError).toContain('Not enough balance');
    const callsWhenStopped = h.chain.recordCalls.length;
    await h.seconds(3);
    expect(h.chain.recordCalls.length).toBe(callsWhenStopped);
    expect(session?.pendingSeconds).toBe(1);
    h.chain.failWith = null;
    await h.engine.retry('1');
    await h.seconds(2);
    expect(h.session()?.confirmedSeconds).toBe(6);
    expect(h.chain.sessions.get('1')?.ticks).toBe(6);
  });

  it('stops on other dispatch errors with the decoded Section.Name', async () => {
    const h = harness({ rules: { [SITE]: 'allow' } });
    h.chain.failWith = 'System.CallFiltered';
    await h.seconds(2);
    expect(h.session()?.stopReason).toEqual({ code: 'chain-error', message: expect.stringContaining('System.CallFiltered') });
  });

  it('asks again when the creator raises the rate', async () => {
    const h = harness();
    await h.second();
    await h.engine.decideConsent(h.engine.consentView()?.id ?? '', 'allow-once');
    await h.seconds(3);
    const stream = h.chain.streams.get('1');
    if (stream) stream.ratePerMinute = RATE * 3n;
    await h.seconds(2);
    expect(h.session()?.stopReason?.code).toBe('rate-changed');
    const consent = h.engine.consentView();
    expect(consent?.stream.ratePerMinute).toBe((RATE * 3n).toString());
    const before = h.chain.recordCalls.length;
    await h.engine.decideConsent(consent?.id ?? '', 'allow-once');
    await h.seconds(2);
    expect(h.chain.recordCalls.length).toBeGreaterThan(before);
    expect(h.chain.recordCalls.at(-1)?.maxRate).toBe(RATE * 3n);
    expect(h.chain.sessions.get('1')?.ticks).toBe(h.session()?.seconds);
  });

  it('resumes after the worker is killed: nothing lost, nothing paid twice', async () => {
    const h = harness({ rules: { [SITE]: 'allow' } });
    h.chain.autoInclude = false;
    await h.seconds(5);
    expect(h.chain.pending).toHaveLength(5);
    h.chain.includeNext(); // reported
    h.chain.includeSilently(); // lands, but the worker dies before hearing it
    h.chain.includeSilently();
    h.chain.dropAllSilently(); // the last two never make it into a block
    await flush();
    h.restart();
    h.chain.autoInclude = true;
    await h.seconds(10);
    expect(h.chain.sessions.get('1')?.ticks).toBe(15);
    expect(h.session()).toMatchObject({ seconds: 15, confirmedSeconds: 15, pendingSeconds: 0 });
    expect(h.session()?.spent).toBe(paidFor(15).toString());
    expect(h.chain.joinCalls).toHaveLength(1);
  });

  it('does not send again a call that was in a block being built when the worker restarted', async () => {
    const h = harness({ rules: { [SITE]: 'allow' } });
    h.chain.autoInclude = false;
    await h.seconds(3);
    h.chain.includeNext();
    h.chain.startBuilding(); // out of the pool, not yet in state: looks dropped for a moment
    h.chain.startBuilding();
    h.restart();
    h.chain.autoInclude = true;
    await h.seconds(2);
    h.chain.finishBuildingSilently();
    await h.seconds(8);
    expect(h.chain.sessions.get('1')?.ticks).toBe(13);
    expect(h.session()).toMatchObject({ seconds: 13, confirmedSeconds: 13, pendingSeconds: 0 });
  });

  it('waits for calls still in the pool after a restart instead of sending them again', async () => {
    const h = harness({ rules: { [SITE]: 'allow' } });
    h.chain.autoInclude = false;
    await h.seconds(3);
    h.restart();
    await h.seconds(2);
    expect(h.chain.recordCalls).toHaveLength(3);
    while (h.chain.pending.length) h.chain.includeSilently();
    await h.seconds(2);
    h.chain.autoInclude = true;
    await h.seconds(2);
    while (h.chain.pending.length) h.chain.includeNext();
    await flush();
    expect(h.chain.sessions.get('1')?.ticks).toBe(h.session()?.seconds);
    expect(h.session()?.pendingSeconds).toBe(0);
  });

  it('never counts a second twice across a restart within that second', async () => {
    const h = harness({ rules: { [SITE]: 'allow' } });
    await h.seconds(3);
    h.restart();
    h.report(1, 0, true);
    await h.engine.tick();
    await flush();
    expect(h.tickedSeconds()).toBe(3);
  });

  it('puts seconds back when the pool refuses a call and sends them with the next one', async () => {
    const h = harness({ rules: { [SITE]: 'allow' } });
    await h.seconds(2);
    h.chain.rejectWith = { error: '1014: Priority is too low', retryable: true, insufficientFunds: false };
    await h.seconds(2);
    expect(h.session()?.pendingSeconds).toBe(2);
    expect(h.session()?.stopReason).toBeNull();
    h.chain.rejectWith = null;
    await h.second();
    expect(h.chain.sessions.get('1')?.ticks).toBe(5);
  });

  it('requeues a call that was never signed when the worker died', async () => {
    const h = harness({ rules: { [SITE]: 'allow' } });
    await h.seconds(2);
    h.editStored((doc) => {
      const session = doc.sessions['1'];
      session?.inFlight.push({ id: 'x', ticks: 4, nonce: null, hash: null, createdAt: h.now, feeEstimate: '0', unknown: false });
    });
    h.restart();
    expect(h.session()?.pendingSeconds).toBe(4);
    await h.second();
    expect(h.chain.recordCalls.map((c) => c.ticks)).toEqual([1, 1, 5]);
  });
  describe('seconds no tick saw, proven by the frame (fake clock)', () => {
    /** The frame's heartbeat, with how long it has played without a break (as the content script sends it). */
    const heartbeat = (h: ReturnType<typeof harness>, playingSince: number) =>
      h.frames.report({ tabId: 1, frameId: 0, origin: SITE }, { type: 'frame:media', tag: tagFor('1'), playing: true, playingForMs: h.now - playingSince }, h.now);
    const playFor = async (h: ReturnType<typeof harness>, playingSince: number, count: number) => {
      for (let i = 0; i < count; i += 1) {
        h.advance(1000);
        heartbeat(h, playingSince);
        h.engine.framesChanged();
        await flush();
        await h.engine.tick();
        await flush();
      }
    };

    it('bills the seconds the worker was stopped once, when the frame played through them, and none twice', async () => {
      const h = harness({ rules: { [SITE]: 'allow' } });
      const start = h.now;
      await playFor(h, start, 5);
      expect(h.tickedSeconds()).toBe(5);
      h.restart(); // the worker is stopped…
      h.advance(7000); // …for 7 s while the video plays on
      heartbeat(h, start); // the next heartbeat wakes it
      await h.engine.tick();
      await flush();
      expect(h.tickedSeconds(), 'the 6 seconds no tick saw and this one').toBe(12);
      h.advance(300);
      heartbeat(h, start);
      await h.engine.tick(); // the same second again: nothing more
      await flush();
      expect(h.tickedSeconds()).toBe(12);
      await playFor(h, start, 3);
      const elapsedSeconds = Math.floor(h.now / 1000) - Math.floor(start / 1000);
      expect(h.tickedSeconds()).toBe(15);
      expect(h.tickedSeconds()).toBeLessThanOrEqual(elapsedSeconds);
      expect(h.chain.sessions.get('1')?.ticks).toBe(15);
      expect(h.session()).toMatchObject({ seconds: 15, confirmedSeconds: 15, pendingSeconds: 0 });
      expect(h.session()?.spent).toBe(paidFor(15).toString());
    });

    it('bills only the part of the gap the frame played without a break', async () => {
      const h = harness({ rules: { [SITE]: 'allow' } });
      await playFor(h, h.now, 4);
      h.restart();
      h.advance(4000);
      const resumedAt = h.now; // paused and played again while the worker was stopped
      h.advance(3000);
      heartbeat(h, resumedAt);
      await h.engine.tick();
      await flush();
      expect(h.tickedSeconds(), '4, then the 2 whole seconds since the frame resumed, then this one').toBe(7);
    });

    it('bills a second whose tick came before the frame’s report that it was playing, once the frame proves it', async () => {
      const h = harness({ rules: { [SITE]: 'allow' } });
      const start = h.now;
      await playFor(h, start, 3);
      expect(h.tickedSeconds()).toBe(3);
      h.frames.report({ tabId: 1, frameId: 0, origin: SITE }, { type: 'frame:media', tag: tagFor('1'), playing: false }, h.now);
      h.advance(2000);
      await h.engine.tick(); // paused: nothing
      const resumedAt = h.now + 700; // playback resumes here…
      h.advance(1000);
      await h.engine.tick(); // …but this tick has not heard of it yet
      expect(h.tickedSeconds()).toBe(3);
      h.advance(200);
      heartbeat(h, resumedAt); // the frame noticed 500 ms in, and says so
      h.advance(800);
      await h.engine.tick();
      await flush();
      expect(h.tickedSeconds(), 'the second the late report covers, and this one').toBe(5);
    });

    it('never bills from playingForMs the seconds a tick saw and did not count (metering paused)', async () => {
      const h = harness({ rules: { [SITE]: 'allow' } });
      const start = h.now;
      await playFor(h, start, 3);
      await h.engine.setPaused(true);
      await playFor(h, start, 5);
      expect(h.tickedSeconds()).toBe(3);
      h.restart(); // even across a worker restart
      h.advance(2000);
      await h.engine.setPaused(false);
      await playFor(h, start, 2);
      expect(h.tickedSeconds()).toBe(5);
    });

    it('keeps to the budget: the gap is billed only when the budget has room for it', async () => {
      const perSecond = (RATE + 59n) / 60n;
      const h = harness({ rules: { [SITE]: 'allow' }, budgets: { perSession: (perSecond * 6n).toString(), perDay: null, global: null } });
      const start = h.now;
      await playFor(h, start, 3);
      h.restart();
      h.advance(6000);
      heartbeat(h, start);
      await h.engine.tick();
      await flush();
      expect(h.tickedSeconds(), 'the 5 unseen seconds do not fit: only this one').toBe(4);
      await playFor(h, start, 4);
      expect(h.tickedSeconds()).toBe(6);
      expect(h.session()?.stopReason?.code).toBe('budget-session');
    });
  });
});
