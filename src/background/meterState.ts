import type { NotBillingCode, NotBillingReason } from '../shared/messages';
import { isHash, isOrigin, isPlanck, isStreamId } from '../shared/validators';
import { logDropped } from './dropLog';
import type { SiteSeconds } from './siteSeconds';
import { emptyLedger, type Ledger } from './spendLedger';

/**
 * The metering state persisted in storage.local under `meterStorageKey(account)` (not secret: no keys).
 * Bump METER_SCHEMA_VERSION whenever a stored shape changes, and add the step to MIGRATIONS. What is
 * loaded is checked entry by entry (`loadMeterDoc`): an entry that fails is dropped and logged, never used.
 */
export const METER_SCHEMA_VERSION = 4;

export const meterStorageKey = (account: string) => `meter:${account}`;

/** One signed `record_tick` that may be in the pool or in a block. */
export interface InFlightRecord {
  id: string;
  ticks: number;
  /** null until signed: an entry without a nonce was never sent. */
  nonce: number | null;
  hash: string | null;
  createdAt: number;
  /** Fee of the last included call, used when only chain state tells that this one landed. */
  feeEstimate: string;
  /** The result was lost (connection dropped, worker restarted): settle from chain state. */
  unknown: boolean;
  /** Its seconds by the top-level site they were watched on; absent in journals written before: all of `SessionRecord.site`. */
  sites?: SiteSeconds;
}

export type JoinState = 'needed' | 'in-flight' | 'joined';

/** Leaving the stream on chain (releasing the session's hold): wanted, or sent and not yet heard back. */
export type LeaveState = 'needed' | 'in-flight' | null;

export interface SessionRecord {
  streamId: string;
  /** The top-level site the session started on (each second's spend goes to the site it was watched on: `heldSites`, `InFlightRecord.sites`). */
  site: string;
  title: string;
  creator: string;
  creatorPublicKey: string;
  /** On-chain rate when the stream was last resolved. */
  ratePerMinute: string;
  /** `max_rate_per_minute` of every record_tick: what the person agreed to. */
  agreedRatePerMinute: string;
  /** The network the seconds were watched on: they are sent to no other (`sessionKey`). */
  genesisHash: string;
  startedAt: number;
  lastSeenAt: number;
  /** Epoch second (ms / 1000) last counted: a second is never counted twice, even across restarts. */
  lastCountedSecond: number | null;
  /**
   * First second after `lastCountedSecond` a tick saw the stream and did not count it (paused, stopped,
   * over budget, not playing…). Seconds from it on are never billed from a frame's `playingForMs`.
   */
  heldBackSecond?: number | null;
  join: JoinState;
  /** The chain session's `max_rate_per_minute` (what its hold is sized by); null while not joined. */
  joinedRatePerMinute: string | null;
  /** planck the chain session holds (funds for the coming seconds and the deposit), as last read; '0' while not joined. */
  onHold: string;
  /** The session leaves the stream on chain once its seconds are settled (it ended, the stream stopped, consent went). */
  leave: LeaveState;
  /**
   * Counted seconds not yet sent: gathering until the chain's settlement interval, or kept while the chain
   * is unreachable, the key locked…: settled later, never dropped.
   */
  held: number;
  /** The held seconds by the top-level site they were watched on; held seconds it does not cover (older journals) are of `site`. */
  heldSites?: SiteSeconds;
  inFlight: InFlightRecord[];
  confirmedSeconds: number;
  spent: string;
  fees: string;
  lastFee: string;
  /** `TickStream.Sessions` ticks / paid after the last confirmed call of ours; null until joined. */
  chainTicks: number | null;
  chainPaid: string | null;
  reconcile: boolean;
  stop: NotBillingReason | null;
}

/** The person's answer for one stream on one top-level site, with the rate agreed as its cap. */
export interface ConsentRecord {
  decision: 'once' | 'declined';
  ratePerMinute: string;
  lastSeenAt: number;
}

export interface ConsentRequestRecord {
  id: string;
  genesisHash: string;
  /** Top-level site of the tab. */
  site: string;
  frameOrigin: string;
  tabId: number;
  streamId: string;
  title: string;
  creator: string;
  creatorPublicKey: string;
  ratePerMinute: string;
  creatorVerified: boolean;
  requestedAt: number;
}

export interface MeterDoc {
  version: typeof METER_SCHEMA_VERSION;
  paused: boolean;
  /** The network last connected to (what sessions are shown and counted for while disconnected). */
  network: string | null;
  /** Keyed by `sessionKey(genesisHash, streamId)`. */
  sessions: Record<string, SessionRecord>;
  /** Keyed by `consentKey(genesisHash, site, streamId)`. */
  consents: Record<string, ConsentRecord>;
  consentRequests: ConsentRequestRecord[];
  ledger: Ledger;
  lastError: string | null;
}

export const sessionKey = (genesisHash: string, streamId: string) => `${genesisHash} ${streamId}`;
export const consentKey = (genesisHash: string, site: string, streamId: string) => `${genesisHash} ${site} ${streamId}`;

/** What a session knows when it starts: the stream, the site, the agreed rate, the network and when. */
export type NewSession = Pick<
  SessionRecord,
  'streamId' | 'site' | 'title' | 'creator' | 'creatorPublicKey' | 'ratePerMinute' | 'agreedRatePerMinute' | 'genesisHash' | 'startedAt'
>;

/** A session that has counted nothing yet and is not joined on chain. */
export function newSessionRecord(fields: NewSession): SessionRecord {
  return {
    ...fields,
    lastSeenAt: fields.startedAt,
    lastCountedSecond: null,
    join: 'needed',
    joinedRatePerMinute: null,
    onHold: '0',
    leave: null,
    held: 0,
    inFlight: [],
    confirmedSeconds: 0,
    spent: '0',
    fees: '0',
    lastFee: '0',
    chainTicks: null,
    chainPaid: null,
    reconcile: false,
    stop: null,
  };
}

export function emptyMeterDoc(day: string): MeterDoc {
  return {
    version: METER_SCHEMA_VERSION,
    paused: false,
    network: null,
    sessions: {},
    consents: {},
    consentRequests: [],
    ledger: emptyLedger(day),
    lastError: null,
  };
}

type Stored = Record<string, unknown>;

/** MIGRATIONS[n] turns a version-n document into version n+1. */
const MIGRATIONS: Record<number, (doc: Stored) => Stored> = {
  // 1 → 2: sessions keyed by network and stream; consents per network and top-level site. Version-1
  // consents and open requests were per frame origin and are dropped (they asked again anyway).
  1: (doc) => {
    const sessions: Stored = {};
    for (const session of Object.values(isObject(doc.sessions) ? doc.sessions : {})) {
      if (isObject(session) && typeof session.genesisHash === 'string' && typeof session.streamId === 'string')
        sessions[sessionKey(session.genesisHash, session.streamId)] = session;
    }
    return { ...doc, version: 2, network: null, sessions, consents: {}, consentRequests: [] };
  },
  // 2 → 3: held sessions (docs/chain.md). A session joined before knew no joined rate: it was the agreed one.
  2: (doc) => {
    const sessions: Stored = {};
    for (const [key, session] of Object.entries(isObject(doc.sessions) ? doc.sessions : {})) {
      sessions[key] = isObject(session)
        ? { ...session, joinedRatePerMinute: session.join === 'joined' ? session.agreedRatePerMinute : null, onHold: '0', leave: null }
        : session;
    }
    return { ...doc, version: 3, sessions };
  },
  // 3 → 4: today's totals are the current day's (`days[day]`), no longer kept apart as `today`. `today`
  // wins: a ledger that got per-day totals in the middle of a day has only part of that day in `days`.
  3: (doc) => {
    if (!isObject(doc.ledger)) return { ...doc, version: 4 };
    const { today, ...ledger } = doc.ledger;
    const days = isObject(ledger.days) ? { ...ledger.days } : {};
    const spentToday = isObject(today) && (today.seconds !== 0 || today.amount !== '0' || today.fees !== '0');
    if (typeof ledger.day === 'string' && spentToday) days[ledger.day] = today;
    return { ...doc, version: 4, ledger: { ...ledger, days, creators: isObject(ledger.creators) ? ledger.creators : {} } };
  },
};

/**
 * A stored document brought to the current schema and checked: entries that fail a check are dropped
 * (and logged); a document that cannot be read at all gives a fresh one.
 */
export function loadMeterDoc(stored: unknown, day: string): MeterDoc {
  if (stored === undefined || stored === null) return emptyMeterDoc(day);
  if (!isObject(stored) || typeof stored.version !== 'number') {
    logDropped('metering journal', 'not a versioned document');
    return emptyMeterDoc(day);
  }
  let doc: Stored = stored;
  for (let version = stored.version; version < METER_SCHEMA_VERSION; version += 1) {
    const migrate = MIGRATIONS[version];
    if (!migrate) {
      logDropped('metering journal', `unknown version ${version}`);
      return emptyMeterDoc(day);
    }
    doc = migrate(doc);
  }
  if (doc.version !== METER_SCHEMA_VERSION) {
    logDropped('metering journal', `it is from a newer version (${String(doc.version)}) of the extension`);
    return emptyMeterDoc(day);
  }
  return checkedDoc(doc, day);
}

// ---------- checks ----------

const isObject = (value: unknown): value is Stored => typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isText = (value: unknown, max = 1024): value is string => typeof value === 'string' && value.length <= max;
const orNull =
  <T>(check: (value: unknown) => value is T) =>
  (value: unknown): value is T | null =>
    value === null || check(value);

/** Every code, so a stored reason is checked against the current list (the compiler keeps it complete). */
const NOT_BILLING_CODES: Record<NotBillingCode, true> = {
  'no-tag': true,
  'not-playing': true,
  'tag-malformed': true,
  'tag-conflict': true,
  'wrong-network': true,
  'creator-mismatch': true,
  'stream-unknown': true,
  'stream-inactive': true,
  'stream-lookup-failed': true,
  'site-blocked': true,
  'site-unknown': true,
  'no-interaction': true,
  'not-perceivable': true,
  'consent-needed': true,
  'consent-declined': true,
  paused: true,
  locked: true,
  'no-account': true,
  'chain-unreachable': true,
  'insufficient-funds': true,
  'hold-unaffordable': true,
  'rate-changed': true,
  'budget-session': true,
  'budget-day': true,
  'budget-global': true,
  'chain-error': true,
};

const isSiteSeconds = (v: unknown) => isObject(v) && Object.entries(v).every(([site, seconds]) => isOrigin(site) && isCount(seconds));
const isFunds = (value: unknown) => value === undefined || (isObject(value) && isPlanck(value.needed) && isPlanck(value.available));
const isReason = (value: unknown): value is NotBillingReason =>
  isObject(value) && typeof value.code === 'string' && Object.hasOwn(NOT_BILLING_CODES, value.code) && (value.detail === undefined || isText(value.detail)) && isFunds(value.funds);

/** Checks each field with its check; returns the name of the first that fails, or null. */
function firstBadField(value: Stored, checks: Record<string, (field: unknown) => boolean>): string | null {
  for (const [name, check] of Object.entries(checks)) if (!check(value[name])) return name;
  return null;
}

const IN_FLIGHT_CHECKS = {
  id: (v: unknown) => isText(v, 128),
  ticks: (v: unknown) => isCount(v) && v > 0,
  nonce: orNull(isCount),
  hash: (v: unknown) => v === null || (typeof v === 'string' && /^0x[0-9a-f]+$/.test(v)),
  createdAt: isTime,
  feeEstimate: isPlanck,
  unknown: (v: unknown) => typeof v === 'boolean',
  sites: (v: unknown) => v === undefined || isSiteSeconds(v),
};

const SESSION_CHECKS = {
  streamId: isStreamId,
  site: isOrigin,
  title: isText,
  creator: (v: unknown) => isText(v, 64),
  creatorPublicKey: isHash,
  ratePerMinute: isPlanck,
  agreedRatePerMinute: isPlanck,
  genesisHash: isHash,
  startedAt: isTime,
  lastSeenAt: isTime,
  lastCountedSecond: orNull(isCount),
  heldBackSecond: (v: unknown) => v === undefined || v === null || isCount(v),
  join: (v: unknown) => v === 'needed' || v === 'in-flight' || v === 'joined',
  joinedRatePerMinute: orNull(isPlanck),
  onHold: isPlanck,
  leave: (v: unknown) => v === null || v === 'needed' || v === 'in-flight',
  held: isCount,
  heldSites: (v: unknown) => v === undefined || isSiteSeconds(v),
  inFlight: (v: unknown) => Array.isArray(v) && v.every((entry) => isObject(entry) && firstBadField(entry, IN_FLIGHT_CHECKS) === null),
  confirmedSeconds: isCount,
  spent: isPlanck,
  fees: isPlanck,
  lastFee: isPlanck,
  chainTicks: orNull(isCount),
  chainPaid: orNull(isPlanck),
  reconcile: (v: unknown) => typeof v === 'boolean',
  stop: orNull(isReason),
};

const CONSENT_CHECKS = {
  decision: (v: unknown) => v === 'once' || v === 'declined',
  ratePerMinute: isPlanck,
  lastSeenAt: isTime,
};

const REQUEST_CHECKS = {
  id: (v: unknown) => isText(v, 64),
  genesisHash: isHash,
  site: isOrigin,
  frameOrigin: isOrigin,
  tabId: isCount,
  streamId: isStreamId,
  title: isText,
  creator: (v: unknown) => isText(v, 64),
  creatorPublicKey: isHash,
  ratePerMinute: isPlanck,
  creatorVerified: (v: unknown) => typeof v === 'boolean',
  requestedAt: isTime,
};

const isDay = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
const isTotals = (v: unknown) => isObject(v) && isPlanck(v.amount) && isPlanck(v.fees) && isCount(v.seconds);
const isPayeeTotals = (v: unknown) => isTotals(v) && isTime((v as Stored).lastAt);
const isLedger = (v: unknown): v is Ledger =>
  isObject(v) &&
  isDay(v.day) &&
  isTotals(v.allTime) &&
  isObject(v.sites) &&
  Object.entries(v.sites).every(([site, entry]) => isOrigin(site) && isPayeeTotals(entry)) &&
  isObject(v.days) &&
  Object.entries(v.days).every(([day, totals]) => isDay(day) && isTotals(totals)) &&
  isObject(v.creators) &&
  Object.entries(v.creators).every(([creator, entry]) => creator.length <= 64 && isPayeeTotals(entry));

/** Keeps the entries of `record` that pass `check` and whose key is `keyOf` the entry; logs the others. */
function checkedEntries<T>(what: string, record: unknown, check: (entry: Stored) => string | null, keyOf: (entry: Stored, key: string) => string) {
  const kept: Record<string, T> = {};
  if (!isObject(record)) {
    if (record !== undefined) logDropped(`${what}s`, 'not an object');
    return kept;
  }
  for (const [key, entry] of Object.entries(record)) {
    const bad = isObject(entry) ? check(entry) : 'not an object';
    if (bad === null && keyOf(entry as Stored, key) === key) kept[key] = entry as T;
    else logDropped(`${what} ${JSON.stringify(key)}`, bad === null ? 'stored under the wrong key' : `bad ${bad}`);
  }
  return kept;
}

function checkedDoc(doc: Stored, day: string): MeterDoc {
  const fresh = emptyMeterDoc(day);
  const sessions = checkedEntries<SessionRecord>(
    'metering session',
    doc.sessions,
    (entry) => firstBadField(entry, SESSION_CHECKS),
    (entry) => sessionKey(entry.genesisHash as string, entry.streamId as string),
  );
  const consents = checkedEntries<ConsentRecord>(
    'consent',
    doc.consents,
    (entry) => firstBadField(entry, CONSENT_CHECKS),
    (_, key) => (/^0x[0-9a-f]{64} https?:\/\/\S+ (0|[1-9]\d{0,38})$/.test(key) ? key : ''),
  );
  const requests = Array.isArray(doc.consentRequests) ? doc.consentRequests : [];
  const consentRequests = requests.filter((request): request is ConsentRequestRecord => {
    const bad = isObject(request) ? firstBadField(request, REQUEST_CHECKS) : 'not an object';
    if (bad !== null) logDropped('consent request', `bad ${bad}`);
    return bad === null;
  });
  let ledger = fresh.ledger;
  if (isLedger(doc.ledger)) ledger = doc.ledger;
  else logDropped('spend ledger', 'its totals are not amounts');
  return {
    version: METER_SCHEMA_VERSION,
    paused: doc.paused === true,
    network: isHash(doc.network) ? doc.network : null,
    sessions,
    consents,
    consentRequests,
    ledger,
    lastError: isText(doc.lastError) ? doc.lastError : null,
  };
}
