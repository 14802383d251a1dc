import { afterEach, describe, expect, it, vi } from 'vitest';
import { emptyMeterDoc, loadMeterDoc, METER_SCHEMA_VERSION, sessionKey, type SessionRecord } from './meterState';

afterEach(() => vi.restoreAllMocks());

const GENESIS = `0x${'11'.repeat(32)}`;
const DAY = '2026-01-01';
const session = (overrides: Partial<SessionRecord> = {}): SessionRecord => ({
  streamId: '1',
  site: 'https://creator.example',
  title: 'Demo',
  creator: '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty',
  creatorPublicKey: `0x${'bb'.repeat(32)}`,
  ratePerMinute: '100',
  agreedRatePerMinute: '100',
  genesisHash: GENESIS,
  startedAt: 1,
  lastSeenAt: 2,
  lastCountedSecond: 2,
  join: 'joined',
  joinedRatePerMinute: '100',
  onHold: '1010',
  leave: null,
  held: 3,
  inFlight: [{ id: 'a', ticks: 1, nonce: 4, hash: '0xab', createdAt: 2, feeEstimate: '7', unknown: false }],
  confirmedSeconds: 10,
  spent: '16',
  fees: '70',
  lastFee: '7',
  chainTicks: 10,
  chainPaid: '16',
  reconcile: false,
  stop: null,
  ...overrides,
});
const doc = (sessions: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ ...emptyMeterDoc(DAY), sessions, ...extra });

describe('loadMeterDoc: the metering journal is checked when loaded', () => {
  it('keeps a journal that passes every check as it is', () => {
    const stored = doc({ [sessionKey(GENESIS, '1')]: session() });
    expect(loadMeterDoc(structuredClone(stored), DAY)).toEqual(stored);
  });

  it('drops each session that fails a check, logging which field, and keeps the others', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const good = session({ streamId: '2' });
    const loaded = loadMeterDoc(
      doc({
        [sessionKey(GENESIS, '2')]: good,
        [sessionKey(GENESIS, '1')]: session({ held: -5 }),
        [sessionKey(GENESIS, '3')]: session({ streamId: '3', agreedRatePerMinute: '1e30' }),
        [sessionKey(GENESIS, '4')]: session({ streamId: '4', inFlight: [{ id: 'x', ticks: 0 }] as never }),
        [sessionKey(GENESIS, '5')]: session({ streamId: '5', stop: { code: 'made-up' } as never }),
        [sessionKey(GENESIS, '6')]: session({ streamId: '6', site: 'javascript:alert(1)' }),
        [sessionKey(`0x${'22'.repeat(32)}`, '7')]: session({ streamId: '7' }),
      }),
      DAY,
    );
    expect(Object.values(loaded.sessions)).toEqual([good]);
    expect(warn.mock.calls.map(([line]) => String(line))).toEqual([
      expect.stringMatching(/metering session .*: bad held/),
      expect.stringMatching(/metering session .*: bad agreedRatePerMinute/),
      expect.stringMatching(/metering session .*: bad inFlight/),
      expect.stringMatching(/metering session .*: bad stop/),
      expect.stringMatching(/metering session .*: bad site/),
      expect.stringMatching(/metering session .*: stored under the wrong key/),
    ]);
  });

  it('a journal from a newer version, or not a journal at all, is replaced by a fresh one (and logged)', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(loadMeterDoc({ version: METER_SCHEMA_VERSION + 1, sessions: {} }, DAY)).toEqual(emptyMeterDoc(DAY));
    expect(loadMeterDoc('{"version":2}', DAY)).toEqual(emptyMeterDoc(DAY));
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it('a ledger whose totals are not amounts starts again (logged)', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const loaded = loadMeterDoc(doc({}, { ledger: { day: DAY, allTime: { amount: 'lots', fees: '0', seconds: 0 }, sites: {}, days: {}, creators: {} } }), DAY);
    expect(loaded.ledger).toEqual(emptyMeterDoc(DAY).ledger);
    expect(warn).toHaveBeenCalledOnce();
  });

  it('brings a version-1 journal over: sessions keyed by network and stream, its per-frame consents dropped', () => {
    const v1 = { version: 1, paused: true, sessions: { '1': session() }, consents: { 'https://creator.example 1': { decision: 'once', ratePerMinute: '100', lastSeenAt: 1 } }, consentRequests: [], ledger: emptyMeterDoc(DAY).ledger, lastError: null };
    const loaded = loadMeterDoc(v1, DAY);
    expect(loaded.version).toBe(METER_SCHEMA_VERSION);
    expect(loaded.paused).toBe(true);
    expect(Object.keys(loaded.sessions)).toEqual([sessionKey(GENESIS, '1')]);
    expect(loaded.consents).toEqual({});
  });

  it('brings a version-2 journal over to held sessions: a joined session was joined at its agreed rate, nothing known on hold', () => {
    const { joinedRatePerMinute: _rate, onHold: _onHold, leave: _leave, ...v2session } = session({ agreedRatePerMinute: '250' });
    const waiting = { ...v2session, streamId: '2', join: 'needed' };
    const v2 = { ...emptyMeterDoc(DAY), version: 2, sessions: { [sessionKey(GENESIS, '1')]: v2session, [sessionKey(GENESIS, '2')]: waiting } };
    const loaded = loadMeterDoc(v2, DAY);
    expect(loaded.sessions[sessionKey(GENESIS, '1')]).toEqual(session({ agreedRatePerMinute: '250', joinedRatePerMinute: '250', onHold: '0' }));
    expect(loaded.sessions[sessionKey(GENESIS, '2')]).toMatchObject({ join: 'needed', joinedRatePerMinute: null, onHold: '0', leave: null, held: 3 });
  });

  it('keeps the sites the seconds were watched on, and drops a session whose held sites are not sites (logged)', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const good = session({ heldSites: { 'https://other.example': 3 }, inFlight: [{ id: 'a', ticks: 1, nonce: 4, hash: '0xab', createdAt: 2, feeEstimate: '7', unknown: false, sites: { 'https://other.example': 1 } }] });
    const loaded = loadMeterDoc(
      doc({ [sessionKey(GENESIS, '1')]: good, [sessionKey(GENESIS, '2')]: session({ streamId: '2', heldSites: { 'javascript:x': 3 } }) }),
      DAY,
    );
    expect(Object.values(loaded.sessions)).toEqual([good]);
  });

  it('brings a version-3 ledger over: today’s totals become the current day’s, per-creator totals it lacked start empty', () => {
    const today = { amount: '5', fees: '2', seconds: 5 };
    const { days: _days, creators: _creators, ...ledger } = emptyMeterDoc(DAY).ledger;
    const v3 = { ...emptyMeterDoc(DAY), version: 3, ledger: { ...ledger, today, allTime: { amount: '9', fees: '2', seconds: 9 } } };
    const loaded = loadMeterDoc(v3, DAY);
    expect(loaded.ledger).toEqual({ day: DAY, allTime: { amount: '9', fees: '2', seconds: 9 }, sites: {}, days: { [DAY]: today }, creators: {} });
    const withDays = { ...v3, ledger: { ...v3.ledger, days: { [DAY]: { amount: '1', fees: '0', seconds: 1 } }, creators: {} } };
    expect(loadMeterDoc(withDays, DAY).ledger.days, 'per-day totals begun mid-day hold only part of it').toEqual({ [DAY]: today });
  });

  it('keeps the funds a hold-unaffordable stop says are needed, and drops a stop whose funds are not amounts', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const stop = { code: 'hold-unaffordable' as const, funds: { needed: '1021000000000', available: '500000000000' } };
    const loaded = loadMeterDoc(
      doc({
        [sessionKey(GENESIS, '1')]: session({ stop }),
        [sessionKey(GENESIS, '2')]: session({ streamId: '2', stop: { ...stop, funds: { needed: 'all', available: '0' } } }),
      }),
      DAY,
    );
    expect(Object.values(loaded.sessions).map((s) => s.stop)).toEqual([stop]);
  });
});
