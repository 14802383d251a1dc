import { describe, expect, it } from 'vitest';
import { MeterJournal } from './meterJournal';
import { emptyMeterDoc, loadMeterDoc, newSessionRecord, sessionKey, type MeterDoc, type SessionRecord } from './meterState';
import { joinCost, Settlement, type SettlementContext } from './settlement';
import { FAKE_TERMS, FakeChain } from './testing/fakeChain';

const GENESIS = `0x${'11'.repeat(32)}`;
const KEY = sessionKey(GENESIS, '1');
const RATE = 100_000_000_000n; // 0.1 VIL per minute
const DAY = '2025-01-01';
const flush = async () => {
  for (let i = 0; i < 30; i += 1) await new Promise((resolve) => setImmediate(resolve));
};

function sessionRecord(overrides: Partial<SessionRecord> = {}): SessionRecord {
  const fresh = newSessionRecord({
    streamId: '1',
    site: 'https://creator.example',
    title: 'Demo',
    creator: 'Bob',
    creatorPublicKey: `0x${'bb'.repeat(32)}`,
    ratePerMinute: RATE.toString(),
    agreedRatePerMinute: RATE.toString(),
    genesisHash: GENESIS,
    startedAt: 0,
  });
  return { ...fresh, ...overrides };
}

/** A settlement over one session of stream 1 on a fake chain and a fake clock; `stored` is what storage.local would hold. */
function harness(session: Partial<SessionRecord> = {}) {
  let now = Date.UTC(2025, 0, 1, 12);
  const chain = new FakeChain(() => now);
  chain.streams.set('1', { streamId: '1', title: 'Demo', creator: 'Bob', creatorPublicKey: `0x${'bb'.repeat(32)}`, ratePerMinute: RATE, active: true });
  const ctx: SettlementContext = { canSign: true, chainReady: true, genesisHash: GENESIS };
  let stored: MeterDoc | null = null;
  let ids = 0;
  const make = (doc: MeterDoc) => {
    const journal = new MeterJournal(doc, async (snapshot) => {
      stored = structuredClone(snapshot);
    });
    const settlement = new Settlement(
      { now: () => now, chain, context: () => ctx, newId: () => `id${(ids += 1)}`, onChange: () => undefined, forgetStream: () => undefined },
      journal,
    );
    return { journal, settlement };
  };
  const doc = emptyMeterDoc(DAY);
  doc.sessions[KEY] = sessionRecord(session);
  let current = make(doc);
  const h = {
    chain,
    ctx,
    get settlement() {
      return current.settlement;
    },
    get session(): SessionRecord {
      return current.journal.doc.sessions[KEY];
    },
    get ledger() {
      return current.journal.doc.ledger;
    },
    get now() {
      return now;
    },
    /** One second: the meter counted `count` seconds (billed: the stream plays) and the settlement steps. */
    async second(count = 1, billed = true) {
      now += 1000;
      h.session.held += count;
      current.journal.touch();
      current.settlement.billed(new Set(billed ? [KEY] : []));
      current.settlement.pump();
      await flush();
    },
    async seconds(n: number, billed = true) {
      for (let i = 0; i < n; i += 1) await h.second(1, billed);
    },
    /** Nothing was counted this second (paused, hidden, tab closed…): what is held is due at once. */
    async idle() {
      now += 1000;
      current.settlement.billed(new Set());
      current.settlement.pump();
      await flush();
    },
    /** The worker is killed and starts again from what storage holds. */
    restart() {
      current = make(loadMeterDoc(structuredClone(stored), DAY));
    },
    ticks: () => chain.recordCalls.map((call) => call.ticks),
  };
  return h;
}

describe('Settlement (fake chain, fake clock)', () => {
  it('joins at the agreed max rate, then settles every second while the chain asks for one', async () => {
    const h = harness({ agreedRatePerMinute: (RATE * 2n).toString() });
    await h.seconds(5);
    expect(h.chain.joinRates).toEqual([RATE * 2n]);
    expect(h.ticks()).toEqual([1, 1, 1, 1, 1]);
    expect(h.chain.recordCalls.every((call) => call.maxRate === RATE * 2n)).toBe(true);
    expect(h.session).toMatchObject({ join: 'joined', joinedRatePerMinute: (RATE * 2n).toString(), confirmedSeconds: 5, held: 0 });
    expect(BigInt(h.session.onHold)).toBe(joinCost(FAKE_TERMS, RATE * 2n, false) - FAKE_TERMS.feeReserve - FAKE_TERMS.existentialDeposit);
  });

  it('lets seconds gather until the chain’s interval while the stream is billed, and sends the rest at once when it is not', async () => {
    const h = harness();
    h.chain.settlementInterval = 5;
    await h.seconds(12);
    expect(h.ticks()).toEqual([5, 5]);
    expect(h.session.held).toBe(2);
    await h.idle(); // paused, hidden, the tab closed, a budget stop…: not billed this second
    expect(h.ticks()).toEqual([5, 5, 2]);
    expect(h.chain.sessions.get('1')?.ticks).toBe(12);
  });

  it('follows an interval the chain raises mid-session, and lowers again, without a lost or doubled second', async () => {
    const h = harness();
    await h.seconds(3);
    h.chain.settlementInterval = 10; // more sessions opened: the chain widens the interval
    await h.seconds(25);
    h.chain.settlementInterval = 4;
    await h.seconds(9);
    await h.idle();
    expect(h.ticks()).toEqual([1, 1, 1, 10, 10, 6, 4, 4]);
    expect(h.chain.sessions.get('1')?.ticks).toBe(37);
    expect(h.session).toMatchObject({ confirmedSeconds: 37, held: 0, inFlight: [] });
  });

  it('settleNow (before the key locks) sends what is gathering and resolves once it is signed', async () => {
    const h = harness();
    h.chain.settlementInterval = 30;
    h.chain.autoInclude = false;
    await h.seconds(7);
    expect(h.ticks()).toEqual([]);
    await h.settlement.settleNow();
    expect(h.ticks()).toEqual([7]);
    expect(h.session.inFlight[0]?.nonce, 'signed before it resolved').not.toBeNull();
  });

  it('stays within the elapsed-time guard: a backlog is split at what chain time allows since billed_until', async () => {
    const h = harness();
    await h.second();
    h.ctx.chainReady = false; // the chain is unreachable for 400 s while the viewer watches
    for (let i = 0; i < 400; i += 1) await h.second();
    h.ctx.chainReady = true;
    await h.idle();
    // billed_until is 400 s behind: the guard counts from at most MaxSettlementInterval back, plus the slack.
    expect(h.ticks()).toEqual([1, 300 + 12]);
    expect(h.session.held).toBe(400 - 312);
    // billed_until is now at the limit: the rest goes as chain time allows, a few seconds a call, none refused.
    for (let i = 0; i < 120 && h.session.held > 0; i += 1) await h.idle();
    expect(h.session.held).toBe(0);
    expect(h.chain.sessions.get('1')?.ticks).toBe(401);
    expect(h.chain.recordCalls.length).toBeLessThan(2 + 88 / 5);
    expect(h.session.stop).toBeNull();
  });

  it('does not join a viewer who cannot hold the session: says how much is needed, and joins once funded and retried', async () => {
    const h = harness();
    const needed = joinCost(FAKE_TERMS, RATE, false);
    h.chain.freeBalance = needed / 2n;
    await h.seconds(3);
    expect(h.chain.joinCalls).toEqual([]);
    expect(h.session.stop).toMatchObject({ code: 'hold-unaffordable', funds: { needed: needed.toString(), available: (needed / 2n).toString() } });
    expect(h.session.held, 'the seconds are kept, not sent').toBe(3);
    h.chain.freeBalance = needed * 2n;
    h.session.stop = null;
    h.settlement.retry(KEY);
    await h.second();
    expect(h.chain.joinCalls).toEqual(['1']);
    expect(h.chain.sessions.get('1')?.ticks).toBe(4);
  });

  it('a join the chain refuses with TickStream.InsufficientFunds stops with the amount needed too', async () => {
    const h = harness();
    h.chain.freeBalance = null; // the balance is not known yet: the chain decides
    const join = h.chain.join.bind(h.chain);
    h.chain.join = async (genesisHash, streamId, rate) => {
      await join(genesisHash, streamId, rate);
      h.chain.sessions.delete(streamId);
      return { kind: 'failed', fee: h.chain.fee, error: 'TickStream.InsufficientFunds' };
    };
    await h.second();
    expect(h.session.stop).toMatchObject({ code: 'hold-unaffordable', funds: { needed: joinCost(FAKE_TERMS, RATE, false).toString() } });
    expect(h.session.fees).toBe(h.chain.fee.toString());
  });

  it('a subscriber joins holding only the deposit: the funds for the coming seconds are not needed', async () => {
    const h = harness();
    h.chain.subscribed.add('1');
    h.ctx.isSubscribed = () => true;
    h.chain.freeBalance = joinCost(FAKE_TERMS, RATE, true) + 100n;
    await h.second();
    expect(h.chain.joinCalls).toEqual(['1']);
    expect(h.session.stop).toBeNull();
  });

  it('a session that ends settles what it counted, then leaves the stream (the hold released)', async () => {
    const h = harness();
    h.chain.settlementInterval = 10;
    await h.seconds(4);
    h.settlement.requestLeave(h.session);
    await h.idle();
    expect(h.ticks()).toEqual([4]);
    expect(h.chain.leaveCalls).toEqual(['1']);
    expect(h.chain.sessions.has('1')).toBe(false);
    expect(h.session).toMatchObject({ join: 'needed', joinedRatePerMinute: null, onHold: '0', leave: null, confirmedSeconds: 4 });
    expect(h.session.fees, 'join, one settlement and the leave').toBe((3n * h.chain.fee).toString());
  });

  it('a stream its creator stopped: no further charge, the unsettled seconds are not sent, the session leaves', async () => {
    const h = harness();
    h.chain.settlementInterval = 10;
    await h.seconds(6);
    h.chain.streams.get('1')!.active = false;
    h.settlement.streamStopped(h.session);
    await h.idle();
    expect(h.ticks()).toEqual([]);
    expect(h.chain.leaveCalls).toEqual(['1']);
    expect(h.session).toMatchObject({ held: 0, join: 'needed', stop: { code: 'stream-inactive' } });
    await h.idle();
    expect(h.chain.joinCalls, 'not joined again while stopped').toEqual(['1']);
  });

  it('a settlement refused because the stream stopped meanwhile also ends the session', async () => {
    const h = harness();
    await h.seconds(2);
    h.chain.streams.get('1')!.active = false;
    await h.second();
    expect(h.session.stop?.code).toBe('stream-inactive');
    await h.idle();
    expect(h.chain.leaveCalls).toEqual(['1']);
  });

  it('a worker killed with unsettled seconds settles them once on restart: never twice, never lost', async () => {
    const h = harness();
    h.chain.settlementInterval = 20;
    h.chain.autoInclude = false;
    await h.seconds(20); // one record_tick(20) signed and in the pool…
    await h.seconds(7); // …and 7 seconds gathering
    expect(h.ticks()).toEqual([20]);
    h.chain.includeSilently(); // the 20 land while the worker is being killed: it never hears of them
    h.restart();
    h.chain.autoInclude = true;
    await h.idle();
    for (let i = 0; i < 8 && (h.session.held > 0 || h.session.reconcile); i += 1) await h.idle();
    expect(h.ticks()).toEqual([20, 7]);
    expect(h.chain.sessions.get('1')?.ticks).toBe(27);
    expect(h.session).toMatchObject({ confirmedSeconds: 27, held: 0, inFlight: [], reconcile: false });
    expect(h.chain.joinCalls).toHaveLength(1);
  });

  it('a worker killed between signing and sending loses nothing: the unsigned call goes back to the held seconds', async () => {
    const h = harness();
    await h.seconds(2);
    h.session.inFlight.push({ id: 'x', ticks: 5, nonce: null, hash: null, createdAt: h.now, feeEstimate: '0', unknown: false });
    h.settlement.requestLeave(h.session);
    h.session.leave = 'in-flight';
    await h.settlement.settleNow(); // the journal is written
    h.restart();
    expect(h.session).toMatchObject({ held: 5, inFlight: [], leave: 'needed' });
  });

  it('agreeing to a higher rate leaves and joins again at it before settling more', async () => {
    const h = harness();
    await h.seconds(3);
    h.chain.streams.get('1')!.ratePerMinute = RATE * 3n;
    h.session.ratePerMinute = (RATE * 3n).toString();
    h.session.agreedRatePerMinute = (RATE * 3n).toString();
    await h.seconds(2);
    expect(h.chain.leaveCalls).toEqual(['1']);
    expect(h.chain.joinRates).toEqual([RATE, RATE * 3n]);
    expect(h.chain.recordCalls.map((call) => call.maxRate)).toEqual([RATE, RATE, RATE, RATE * 3n]);
    expect(h.session.held).toBe(0);
    expect(h.session.confirmedSeconds).toBe(5);
  });

  it('counts fees before any call landed: the chain’s estimate is asked once the chain is ready and carried by calls in flight', async () => {
    const h = harness();
    await h.chain.join(GENESIS, '1', RATE); // joined in an earlier life of the worker whose journal knew no fee yet
    h.chain.autoInclude = false;
    h.settlement.pump();
    await flush();
    expect(h.settlement.feeEstimate, 'known before the first second is counted').toBe(h.chain.fee);
    await h.second();
    expect(h.session.inFlight.map((entry) => entry.feeEstimate)).toEqual([h.chain.fee.toString()]);
    expect(h.chain.feeEstimates, 'asked once, not every second').toBe(1);
    // The result is lost: reconciled from chain state, the fee still counts.
    h.chain.includeSilently();
    h.restart();
    await h.idle();
    await h.idle();
    expect(h.session).toMatchObject({ confirmedSeconds: 1, inFlight: [], fees: h.chain.fee.toString() });
  });

  it.each([
    ['landed in a block all the same: counted once, never sent again', true, [1]],
    ['never landed: sent again once chain state shows it', false, [1, 1]],
  ])('a call the pool let go after accepting it, or that stayed in no block, %s', async (_, landed, ticks) => {
    const h = harness();
    h.chain.autoInclude = false;
    await h.second();
    h.chain.reportUnknown(landed);
    await flush();
    for (let i = 0; i < 8; i += 1) await h.idle();
    if (!landed) h.chain.includeNext();
    await h.idle();
    expect(h.ticks()).toEqual(ticks);
    expect(h.chain.sessions.get('1')?.ticks).toBe(1);
    expect(h.session).toMatchObject({ confirmedSeconds: 1, held: 0, inFlight: [], reconcile: false });
  });

  it('a call settled from chain state credits its seconds to the sites they were watched on', async () => {
    const h = harness();
    h.chain.autoInclude = false;
    h.chain.settlementInterval = 5;
    h.session.heldSites = { 'https://a.example': 2, 'https://b.example': 3 };
    await h.seconds(5);
    h.chain.includeSilently();
    h.restart();
    for (let i = 0; i < 8 && h.session.reconcile; i += 1) await h.idle();
    expect(h.session).toMatchObject({ confirmedSeconds: 5, held: 0, inFlight: [] });
    const paid = (5n * RATE) / 60n;
    expect(h.ledger.sites['https://a.example']).toMatchObject({ seconds: 2, amount: ((paid * 2n) / 5n).toString() });
    expect(h.ledger.sites['https://b.example']).toMatchObject({ seconds: 3, amount: (paid - (paid * 2n) / 5n).toString() });
    expect(h.ledger.sites['https://creator.example']?.seconds ?? 0).toBe(0);
  });

  it('sends only to the network the seconds were watched on', async () => {
    const h = harness();
    h.ctx.genesisHash = `0x${'22'.repeat(32)}`;
    await h.seconds(3);
    expect(h.chain.joinCalls).toEqual([]);
    expect(h.session.held).toBe(3);
  });
});
