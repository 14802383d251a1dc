import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseContentMessage, type Budgets, type RawTag } from '../shared/messages';
import type { ChainStream } from './chainTypes';
import { FrameRegistry } from './frameRegistry';
import { MeteringEngine, type MeteringContext } from './meteringEngine';
import { emptyMeterDoc, loadMeterDoc, type MeterDoc } from './meterState';
import { todayOf } from './spendLedger';
import { FakeChain } from './testing/fakeChain';

const GENESIS = `0x${'11'.repeat(32)}`;
const SITE = 'https://creator.example';
const OTHER_SITE = 'https://other.example';
const RATE = 100_000_000_000n; // 0.1 VIL per minute
const CREATOR_KEY = `0x${'bb'.repeat(32)}`;
const NO_BUDGETS: Budgets = { perSession: null, perDay: null, global: null };
const EVE_KEY = `0x${'ee'.repeat(32)}`;
/** In these tests a site marked 'allow' has every creator always allowed on it, up to this rate. */
const ALLOW_CAP = RATE * 2n;
/** The fake chain's fee per call; budgets count it with the payments. */
const FEE = 7n;

type SiteRule = 'allow' | 'block';

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
    isBlocked: (site) => rules.get(site) === 'block',
    alwaysAllowedRate: (genesis, site, creatorPublicKey) =>
      genesis !== GENESIS ? null : rules.get(site) === 'allow' ? ALLOW_CAP : (allowed.get(`${site} ${creatorPublicKey}`) ?? null),
  };
  /** "Always allow" answers: `${site} ${creatorPublicKey}` → rate cap. */
  const allowed = new Map<string, bigint>();
  const askedTop: number[] = [];
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
        allowAlways: async (site: string, stream: ChainStream, rate: string) => {
          allowed.set(`${site} ${stream.creatorPublicKey}`, BigInt(rate));
        },
        askTopFrame: (tabId: number) => askedTop.push(tabId),
        publicKeyOf: (address) => (address === 'Bob' ? CREATOR_KEY : address === 'Eve' ? EVE_KEY : null),
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
    allowed,
    askedTop,
    engine: makeEngine(),
    get now() {
      return now;
    },
    advance(ms: number) {
      now += ms;
    },
    report(tabId: number, frameId: number, playing: boolean, tag: RawTag | null = tagFor('1'), origin = SITE, activated = true) {
      frames.report({ tabId, frameId, origin }, { type: 'frame:media', tag, playing, activated }, now);
    },
    consent(index = 0) {
      return h.engine.consentViews()[index] ?? null;
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
    expect(h.chain.recordCalls.every((c) => c.ticks === 1 && c.maxRate === ALLOW_CAP)).toBe(true);
    expect(h.chain.recordCalls.map((c) => c.nonce)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const session = h.session();
    expect(session?.confirmedSeconds).toBe(10);
    expect(session?.spent).toBe(paidFor(10).toString());
    expect(session?.fees).toBe((11n * h.chain.fee).toString());
    expect(todayOf(h.engine.ledger)).toEqual({ amount: paidFor(10).toString(), fees: (11n * h.chain.fee).toString(), seconds: 10 });
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
    const consent = h.consent();
    expect(consent).toMatchObject({ site: SITE, tabId: 1, stream: { streamId: '1', title: 'Demo', creator: 'Bob', ratePerMinute: RATE.toString() } });
    expect(h.engine.tabViews()[0]?.reason?.code).toBe('consent-needed');
    await h.engine.decideConsent(consent?.id ?? '', 'allow-once');
    await h.seconds(4);
    expect(h.tickedSeconds()).toBe(4);
    expect([...h.allowed.keys()], 'allow once is not an "always allow"').toEqual([]);
  });

  it('"always allow" is recorded for this creator on this site only (another site asks again); "decline" bills nothing', async () => {
    const h = harness();
    await h.second();
    await h.engine.decideConsent(h.consent()?.id ?? '', 'allow-always');
    expect(h.allowed.get(`${SITE} ${CREATOR_KEY}`)).toBe(RATE);
    h.report(1, 0, false);
    await h.second([[2, 0, tagFor('2'), OTHER_SITE]]);
    await h.engine.decideConsent(h.consent()?.id ?? '', 'decline');
    await h.seconds(3, [
      [1, 0],
      [2, 0, tagFor('2'), OTHER_SITE],
    ]);
    expect(h.tickedSeconds('1')).toBe(3);
    expect(h.tickedSeconds('2')).toBe(0);
    expect(h.engine.tabViews().find((t) => t.tabId === 2)?.reason?.code).toBe('consent-declined');
    expect(h.consent()).toBeNull();
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
    expect(h.consent()).toBeNull();
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
    // One second and the fees of ten calls (the join and nine record_ticks) fit today.
    const h = harness({ rules: { [SITE]: 'allow' }, budgets: { perSession: (perSecond * 3n).toString(), perDay: (perSecond + 10n * FEE).toString(), global: null } });
    h.chain.subscribed.add('1');
    h.ctx.isSubscribed = (streamId) => streamId === '1';
    await h.seconds(8);
    expect(h.tickedSeconds()).toBe(8);
    expect(h.chain.sessions.get('1')?.ticks).toBe(8);
    const session = h.session();
    expect(session?.stopReason).toBeNull();
    expect(session?.confirmedSeconds).toBe(8);
    expect(session?.spent).toBe('0');
    expect(todayOf(h.engine.ledger)).toMatchObject({ amount: '0', seconds: 8 });
    h.chain.subscribed.delete('1');
    h.ctx.isSubscribed = () => false;
    await h.seconds(4);
    expect(h.tickedSeconds()).toBe(9);
    expect(h.session()?.stopReason?.code).toBe('budget-day');
  });

  it('stops exactly at the per-session budget, fees counted, and goes on when it is raised', async () => {
    const perSecond = (RATE + 59n) / 60n;
    // n seconds cost n payments and n + 1 fees (the join and one record_tick per second).
    const fits = (seconds: bigint) => (seconds * (perSecond + FEE) + FEE).toString();
    const h = harness({ rules: { [SITE]: 'allow' }, budgets: { perSession: fits(4n), perDay: null, global: null } });
    await h.seconds(8);
    expect(h.tickedSeconds()).toBe(4);
    expect(h.session()?.stopReason?.code).toBe('budget-session');
    expect(h.engine.tabViews()[0]?.reason?.code).toBe('budget-session');
    const session = h.session();
    expect(BigInt(session?.spent ?? 0) + BigInt(session?.fees ?? 0)).toBeLessThanOrEqual(BigInt(fits(4n)));
    h.ctx.budgets = { perSession: fits(6n), perDay: null, global: null };
    await h.seconds(5);
    expect(h.tickedSeconds()).toBe(6);
  });

  it('counts network fees in the budgets: a cap paid only in fees stops metering', async () => {
    const h = harness({ rules: { [SITE]: 'allow' }, budgets: { perSession: null, perDay: null, global: null } });
    h.chain.subscribed.add('1');
    h.ctx.isSubscribed = () => true;
    h.ctx.budgets = { perSession: null, perDay: (FEE * 5n).toString(), global: null };
    await h.seconds(10);
    expect(h.session()?.stopReason?.code).toBe('budget-day');
    expect(BigInt(todayOf(h.engine.ledger).fees)).toBeLessThanOrEqual(FEE * 5n);
    expect(h.tickedSeconds()).toBe(4);
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
    const h = harness({ rules: { [SITE]: 'allow' }, budgets: { perSession: null, perDay: (6n * (perSecond1 + FEE) + 2n * FEE).toString(), global: null } });
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
    if (session) session.billedUntilMs = h.now - 10_000; // settled up to 10 s ago (e.g. the join landed late)
    await h.second();
    const allowedNow = 10 + 1 + 12; // chain time since billed_until (this second too) + slack
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
    expect(h.session()?.stopReason).toEqual({ code: 'chain-error', detail: expect.stringContaining('System.CallFiltered') });
  });

  it('asks again when the creator raises the rate, and agreed, leaves and joins again at it (the chain charges at most the joined rate)', async () => {
    const h = harness();
    await h.second();
    await h.engine.decideConsent(h.consent()?.id ?? '', 'allow-once');
    await h.seconds(3);
    const stream = h.chain.streams.get('1');
    if (stream) stream.ratePerMinute = RATE * 3n;
    await h.seconds(2);
    expect(h.session()?.stopReason?.code).toBe('rate-changed');
    const consent = h.consent();
    expect(consent?.stream.ratePerMinute).toBe((RATE * 3n).toString());
    const before = h.chain.recordCalls.length;
    await h.engine.decideConsent(consent?.id ?? '', 'allow-once');
    await h.seconds(2);
    expect(h.chain.recordCalls.length).toBeGreaterThan(before);
    expect(h.chain.recordCalls.at(-1)?.maxRate).toBe(RATE * 3n);
    expect(h.chain.joinRates).toEqual([RATE, RATE * 3n]);
    expect(h.chain.leaveCalls).toEqual(['1']);
    expect(h.chain.sessions.get('1')?.maxRatePerMinute).toBe(RATE * 3n);
    expect(h.session()).toMatchObject({ stopReason: null, pendingSeconds: 0 });
    expect(h.session()?.confirmedSeconds).toBe(h.session()?.seconds);
  });

  it('with the chain asking for a wider interval, settles gathered seconds at once on pause (fake chain)', async () => {
    const h = harness({ rules: { [SITE]: 'allow' } });
    h.chain.settlementInterval = 5;
    await h.seconds(12);
    expect(h.chain.recordCalls.map((c) => c.ticks)).toEqual([5, 5]);
    expect(h.session()).toMatchObject({ confirmedSeconds: 10, pendingSeconds: 2 });
    h.report(1, 0, false); // paused
    await h.seconds(1, []);
    expect(h.chain.recordCalls.map((c) => c.ticks)).toEqual([5, 5, 2]);
    expect(h.session()).toMatchObject({ confirmedSeconds: 12, pendingSeconds: 0 });
  });

  it('credits each second to the top-level site it was watched on, also within one settlement (fake chain)', async () => {
    const h = harness({ rules: { [SITE]: 'allow', [OTHER_SITE]: 'allow' } });
    h.chain.settlementInterval = 10;
    await h.seconds(3);
    h.report(1, 0, false); // the same stream goes on in another tab, on another site
    await h.seconds(2, [[2, 0, tagFor('1'), OTHER_SITE]]);
    h.report(2, 0, false, tagFor('1'), OTHER_SITE);
    await h.seconds(1, []);
    expect(h.chain.recordCalls.map((c) => c.ticks)).toEqual([5]);
    const { sites } = h.engine.ledger;
    expect(sites[SITE]).toMatchObject({ seconds: 3, amount: ((paidFor(5) * 3n) / 5n).toString() });
    expect(sites[OTHER_SITE]).toMatchObject({ seconds: 2, amount: (paidFor(5) - (paidFor(5) * 3n) / 5n).toString() });
    expect(BigInt(sites[SITE].fees) + BigInt(sites[OTHER_SITE].fees)).toBe(2n * FEE); // the join's and the call's
    // Seconds a call gives back keep their site.
    h.chain.rejectWith = { error: '1014: Priority is too low', retryable: true, insufficientFunds: false };
    await h.seconds(1, [[2, 0, tagFor('1'), OTHER_SITE]]);
    h.chain.rejectWith = null;
    h.report(2, 0, false, tagFor('1'), OTHER_SITE);
    await h.seconds(1, []);
    expect(h.engine.ledger.sites[OTHER_SITE]?.seconds).toBe(3);
    expect(h.engine.ledger.sites[SITE]?.seconds).toBe(3);
  });

  it('a budget stop settles what was counted within the budget at once (fake chain)', async () => {
    const perSecond = (RATE + 59n) / 60n;
    const h = harness({ rules: { [SITE]: 'allow' }, budgets: { perSession: (6n * (perSecond + FEE) + FEE).toString(), perDay: null, global: null } });
    h.chain.settlementInterval = 10;
    await h.seconds(9);
    expect(h.session()?.stopReason?.code).toBe('budget-session');
    expect(h.session()?.pendingSeconds).toBe(0);
    expect(h.tickedSeconds()).toBe(h.session()?.confirmedSeconds);
  });

  it('ends a session not seen for 10 minutes: leaves the stream on chain, then forgets it (fake chain)', async () => {
    const h = harness({ rules: { [SITE]: 'allow' } });
    await h.seconds(3);
    h.frames.removeTab(1); // the tab is closed
    await h.seconds(1, []);
    expect(h.chain.leaveCalls, 'not at once: the person may come back').toEqual([]);
    expect(h.engine.needsTicks(), 'joined: the timer runs until the session has left').toBe(true);
    h.advance(10 * 60_000);
    await h.seconds(2, []);
    expect(h.chain.leaveCalls).toEqual(['1']);
    expect(h.chain.sessions.has('1')).toBe(false);
    await h.seconds(1, []);
    expect(h.session()).toBeUndefined();
    expect(h.engine.needsTicks()).toBe(false);
  });

  it('consent withdrawn — the site blocked — settles the counted seconds and leaves the stream (fake chain)', async () => {
    const h = harness({ rules: { [SITE]: 'allow' } });
    h.chain.settlementInterval = 10;
    await h.seconds(4);
    h.rules.set(SITE, 'block');
    await h.seconds(2);
    expect(h.chain.recordCalls.map((c) => c.ticks)).toEqual([4]);
    expect(h.chain.leaveCalls).toEqual(['1']);
    expect(h.session()).toMatchObject({ confirmedSeconds: 4, pendingSeconds: 0, onHold: '0' });
    h.rules.set(SITE, 'allow');
    await h.seconds(3);
    expect(h.chain.joinCalls, 'allowed again: it joins again').toEqual(['1', '1']);
  });

  it('a stream its creator stopped (the chain’s terms, followed) leaves at once, charging nothing more (fake chain)', async () => {
    const h = harness({ rules: { [SITE]: 'allow' } });
    let stopped = false;
    h.ctx.isStreamStopped = () => stopped;
    h.chain.settlementInterval = 10;
    await h.seconds(13);
    h.chain.streams.get('1')!.active = false;
    stopped = true;
    await h.seconds(3);
    expect(h.chain.recordCalls.map((c) => c.ticks)).toEqual([10]);
    expect(h.chain.leaveCalls).toEqual(['1']);
    expect(h.session()).toMatchObject({ status: 'stopped', stopReason: { code: 'stream-inactive' }, pendingSeconds: 0, onHold: '0' });
    expect(h.engine.tabViews()[0]?.reason?.code).toBe('stream-inactive');
    h.chain.streams.get('1')!.active = true;
    stopped = false;
    h.advance(61_000); // looked up again
    await h.seconds(3);
    expect(h.session()?.stopReason, 'started again: the session goes on').toBeNull();
    expect(h.chain.joinCalls).toEqual(['1', '1']);
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

  it('a restarted worker not yet connected counts the seconds of an "always allow" of the network last connected (fake chain)', async () => {
    const h = harness({ rules: { [SITE]: 'allow' } });
    await h.seconds(3);
    h.restart();
    h.ctx.chainReady = false;
    h.ctx.genesisHash = null;
    await h.seconds(2);
    expect(h.engine.tabViews()[0]).toMatchObject({ billing: true, reason: null });
    expect(h.session()?.pendingSeconds).toBe(2);
    h.ctx.chainReady = true;
    h.ctx.genesisHash = GENESIS;
    await h.second();
    expect(h.chain.sessions.get('1')?.ticks).toBe(6);
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
      const session = doc.sessions[`${GENESIS} 1`];
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
      h.frames.report({ tabId: 1, frameId: 0, origin: SITE }, { type: 'frame:media', tag: tagFor('1'), playing: true, activated: true, playingForMs: h.now - playingSince }, h.now);
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
      h.frames.report({ tabId: 1, frameId: 0, origin: SITE }, { type: 'frame:media', tag: tagFor('1'), playing: false, activated: true }, h.now);
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
      const h = harness({ rules: { [SITE]: 'allow' }, budgets: { perSession: (6n * (perSecond + FEE) + FEE).toString(), perDay: null, global: null } });
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

describe('who pays for what: sites, creators, interaction (fake chain, fake clock)', () => {
  const NEWS = 'https://news.example';
  const tick = async (h: ReturnType<typeof harness>) => {
    h.engine.framesChanged();
    await flush();
    await h.engine.tick();
    await flush();
  };
  /** One second of a player (tab 1, frame 5, from SITE) embedded in a page of `top` that reported before it. */
  const embeddedSecond = async (h: ReturnType<typeof harness>, top: string, options: { tag?: RawTag; topActivated?: boolean; playerActivated?: boolean } = {}) => {
    h.advance(1000);
    h.report(1, 0, false, null, top, options.topActivated ?? true);
    h.report(1, 5, true, options.tag ?? tagFor('1'), SITE, options.playerActivated ?? false);
    await tick(h);
  };

  it('an embed is asked for on the site the person is on, naming both, and an "always allow" of the creator elsewhere does not cover it', async () => {
    const h = harness({ rules: { [SITE]: 'allow' } });
    for (let i = 0; i < 3; i += 1) await embeddedSecond(h, NEWS);
    expect(h.chain.recordCalls).toHaveLength(0);
    expect(h.chain.joinCalls).toHaveLength(0);
    expect(h.engine.tabViews()[0]).toMatchObject({ site: NEWS, billing: false, reason: { code: 'consent-needed' } });
    expect(h.consent()).toMatchObject({ site: NEWS, frameOrigin: SITE, tabId: 1, stream: { streamId: '1', creator: 'Bob' } });
    await h.engine.decideConsent(h.consent()?.id ?? '', 'allow-once');
    for (let i = 0; i < 3; i += 1) await embeddedSecond(h, NEWS);
    expect(h.tickedSeconds()).toBe(3);
    expect(h.engine.ledger.sites[NEWS]?.seconds, 'spend is booked to the site the person is on').toBe(3);
  });

  it('"always allow" covers that creator on that site up to the agreed rate, never another creator’s stream the site tags', async () => {
    const h = harness();
    h.chain.streams.set('7', { streamId: '7', title: 'Not the site’s', creator: 'Eve', creatorPublicKey: EVE_KEY, ratePerMinute: RATE, active: true });
    await h.second();
    await h.engine.decideConsent(h.consent()?.id ?? '', 'allow-always');
    await h.seconds(3);
    expect(h.tickedSeconds('1')).toBe(3);
    h.report(1, 0, false);
    await h.seconds(3, [[2, 0, tagFor('7')]]);
    expect(h.tickedSeconds('7'), 'another creator on the same site').toBe(0);
    expect(h.consent()).toMatchObject({ site: SITE, stream: { streamId: '7' } });
    await h.seconds(3, [[3, 0, tagFor('2')]]);
    expect(h.tickedSeconds('2'), 'the same creator at twice the agreed rate').toBe(0);
    expect(h.engine.tabViews().find((t) => t.tabId === 3)?.reason?.code).toBe('consent-needed');
  });

  it('a rate raised above an "always allow" cap stops the session and asks', async () => {
    const h = harness();
    await h.second();
    await h.engine.decideConsent(h.consent()?.id ?? '', 'allow-always');
    await h.seconds(2);
    const stream = h.chain.streams.get('1');
    if (stream) stream.ratePerMinute = RATE + 1n;
    h.advance(61_000); // the stream is looked up again after a minute
    await h.seconds(2);
    const sent = h.tickedSeconds();
    await h.seconds(2);
    expect(h.tickedSeconds()).toBe(sent);
    expect(h.session()?.stopReason?.code).toBe('rate-changed');
    expect(h.consent()?.stream.ratePerMinute).toBe((RATE + 1n).toString());
  });

  it('a prompt answers only its own request: two tabs ask apart, and an answer for a replaced request fails', async () => {
    const h = harness();
    await h.second([
      [1, 0],
      [2, 0, tagFor('1'), OTHER_SITE],
    ]);
    const [first, second] = h.engine.consentViews();
    expect([first?.tabId, second?.tabId]).toEqual([1, 2]);
    await h.engine.decideConsent(second?.id ?? '', 'decline');
    expect(h.engine.consentViews().map((c) => c.id)).toEqual([first?.id]);
    await expect(h.engine.decideConsent(second?.id ?? '', 'allow-once')).rejects.toThrow('no longer open');
    const stream = h.chain.streams.get('1');
    if (stream) stream.ratePerMinute = RATE * 2n;
    h.advance(61_000);
    await h.seconds(2, [[1, 0]]);
    expect(h.consent()?.id, 'a new rate is a new request').not.toBe(first?.id);
    await expect(h.engine.decideConsent(first?.id ?? '', 'allow-once')).rejects.toThrow('no longer open');
    expect(h.chain.recordCalls).toHaveLength(0);
  });

  it('autoplay without the person’s interaction is not billed, and does not ask, until they interact', async () => {
    const h = harness({ rules: { [NEWS]: 'allow' } });
    for (let i = 0; i < 3; i += 1) await embeddedSecond(h, NEWS, { topActivated: false });
    expect(h.chain.recordCalls).toHaveLength(0);
    expect(h.engine.tabViews()[0]?.reason?.code).toBe('no-interaction');
    expect(h.askedTop, 'the top frame is asked again, at most once a second').toEqual([1, 1, 1]);
    await embeddedSecond(h, NEWS, { topActivated: true });
    await embeddedSecond(h, NEWS, { topActivated: false, playerActivated: true });
    expect(h.tickedSeconds(), 'a click on the page or in the player counts').toBe(2);
  });

  it('a player whose page is not known yet is not billed; the tab’s top frame is asked', async () => {
    const h = harness({ rules: { [SITE]: 'allow' } });
    h.report(1, 0, false, null, NEWS, true); // the page the tab showed before
    h.advance(1000);
    h.report(1, 5, true, tagFor('1'), SITE, true);
    await tick(h);
    expect(h.engine.tabViews()[0]?.reason?.code).toBe('site-unknown');
    expect(h.askedTop).toEqual([1]);
    expect(h.chain.recordCalls).toHaveLength(0);
    h.advance(100);
    h.report(1, 0, false, null, SITE, true); // the top frame answers: another page now, the player's own site
    h.advance(900);
    h.report(1, 5, true, tagFor('1'), SITE, true); // the player, heard again after the page changed…
    await tick(h);
    expect(h.engine.tabViews()[0]?.reason?.code, '…is confirmed by the top frame once more').toBe('site-unknown');
    expect(h.askedTop).toEqual([1, 1]);
    h.advance(100);
    h.report(1, 0, false, null, SITE, true);
    h.advance(900);
    h.report(1, 5, true, tagFor('1'), SITE, true);
    await tick(h);
    expect(h.tickedSeconds()).toBe(1);
  });

  it('media a person cannot see or hear is not billed, with its own reason', async () => {
    const h = harness({ rules: { [SITE]: 'allow' } });
    for (let i = 0; i < 3; i += 1) {
      h.advance(1000);
      h.frames.report({ tabId: 1, frameId: 0, origin: SITE }, { type: 'frame:media', tag: tagFor('1'), playing: false, unperceived: true, activated: true }, h.now);
      await tick(h);
    }
    expect(h.chain.recordCalls).toHaveLength(0);
    expect(h.engine.tabViews()[0]).toMatchObject({ billing: false, reason: { code: 'not-perceivable' } });
  });

  it('queued seconds are sent only to the network they were watched on', async () => {
    const OTHER_GENESIS = `0x${'22'.repeat(32)}`;
    const h = harness({ rules: { [SITE]: 'allow' } });
    await h.seconds(2);
    h.ctx.chainReady = false;
    h.ctx.genesisHash = null;
    await h.seconds(5);
    expect(h.session()?.pendingSeconds).toBe(5);
    h.report(1, 0, false);
    h.ctx.chainReady = true;
    h.ctx.genesisHash = OTHER_GENESIS; // the person switched to another chain with a stream 1 too
    await h.seconds(3, []);
    expect(h.tickedSeconds(), 'nothing of it went to the other network').toBe(2);
    expect(h.session(), 'the other network shows no session of it').toBeUndefined();
    h.ctx.genesisHash = GENESIS;
    await h.seconds(2, []);
    expect(h.tickedSeconds()).toBe(7);
    expect(h.chain.recordCalls.map((c) => c.ticks)).toEqual([1, 1, 5]);
  });

  it('a page cycling through thousands of stream ids costs a bounded number of lookups and leaves nothing behind', async () => {
    const h = harness({ rules: { [SITE]: 'allow' } });
    let lookups = 0;
    const getStream = h.chain.getStream.bind(h.chain);
    h.chain.getStream = async (streamId) => {
      lookups += 1;
      return getStream(streamId);
    };
    let accepted = 0;
    for (let id = 1000; id < 6000; id += 1) {
      h.advance(10); // a report every 10 ms: 100 a second
      const result = h.frames.report({ tabId: 1, frameId: 0, origin: SITE }, { type: 'frame:media', tag: tagFor(String(id)), playing: true, activated: true }, h.now);
      if (result === 'accepted') accepted += 1;
      h.engine.framesChanged();
      if (id % 100 === 0) await h.engine.tick();
    }
    await flush();
    await h.engine.tick();
    expect(accepted, 'the rate limit: a burst, then 5 a second for 50 s').toBeLessThanOrEqual(10 + 5 * 50 + 1);
    expect(lookups).toBeLessThanOrEqual(accepted);
    expect(h.chain.recordCalls).toHaveLength(0);
    expect(h.engine.consentViews().length, 'at most the request of the id playing now').toBeLessThanOrEqual(1);
    expect(h.engine.sessionViews()).toEqual([]);
    expect(h.frames.all()).toHaveLength(1);
  });

  it('fast-check: of thousands of generated frame messages, only well-formed, playing, consented ones are billed, and none throws', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          type: fc.constant('frame:media'),
          tag: fc.oneof(
            fc.constant(null),
            fc.record({
              stream: fc.array(fc.oneof(fc.constantFrom('1', '2', '99', '01', ''), fc.string({ maxLength: 4 })), { maxLength: 2 }),
              network: fc.array(fc.constantFrom(GENESIS, `0x${'22'.repeat(32)}`, 'x'), { maxLength: 1 }),
              creator: fc.array(fc.constantFrom('Bob', 'Eve', 'NotAnAddress'), { maxLength: 1 }),
            }),
            fc.anything(),
          ),
          playing: fc.oneof(fc.boolean(), fc.anything()),
          activated: fc.oneof(fc.boolean(), fc.anything()),
          playingForMs: fc.oneof(fc.constant(undefined), fc.integer({ min: -1, max: 700_000 })),
        }, { requiredKeys: ['type'] }),
        async (raw) => {
          const h = harness({ rules: { [SITE]: 'allow' } });
          const message = parseContentMessage(raw);
          for (let i = 0; i < 3; i += 1) {
            h.advance(1000);
            if (message?.type === 'frame:media') h.frames.report({ tabId: 1, frameId: 0, origin: SITE }, { ...message, playingForMs: undefined }, h.now);
            await tick(h);
          }
          const tag = message?.type === 'frame:media' ? message.tag : null;
          const billable =
            message?.type === 'frame:media' &&
            message.playing &&
            message.activated &&
            tag !== null &&
            new Set(tag.stream).size === 1 &&
            ['1', '2'].includes(tag.stream[0]) &&
            tag.network.every((network) => network === GENESIS) &&
            tag.creator.every((creator) => creator === 'Bob');
          expect(h.chain.recordCalls.length > 0).toBe(billable);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
