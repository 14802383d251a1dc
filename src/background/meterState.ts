import type { NotBillingReason } from '../shared/messages';
import { emptyLedger, type Ledger } from './spendLedger';
import { t } from '../shared/i18n';

/**
 * The metering state persisted in storage.local under `meterStorageKey(account)` (not secret: no keys).
 * Bump METER_SCHEMA_VERSION whenever a stored shape changes, and add the step to MIGRATIONS.
 */
export const METER_SCHEMA_VERSION = 1;

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
}

export type JoinState = 'needed' | 'in-flight' | 'joined';

export interface SessionRecord {
  streamId: string;
  site: string;
  title: string;
  creator: string;
  creatorPublicKey: string;
  /** On-chain rate when the stream was last resolved. */
  ratePerMinute: string;
  /** `max_rate_per_minute` of every record_tick: what the person agreed to. */
  agreedRatePerMinute: string;
  genesisHash: string;
  startedAt: number;
  lastSeenAt: number;
  /** Epoch second (ms / 1000) last counted: a second is never counted twice, even across restarts. */
  lastCountedSecond: number | null;
  /**
   * First second after `lastCountedSecond` a tick saw the stream and did not count it (paused, stopped,
   * over budget, not playing…). Seconds from it on are never billed from a frame's `playingForMs`.
   * Absent in documents saved before it existed.
   */
  heldBackSecond?: number | null;
  join: JoinState;
  /** Counted seconds not yet sent (chain unreachable, locked, stopped…): settled later, never dropped. */
  held: number;
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

export interface ConsentRecord {
  decision: 'once' | 'declined';
  ratePerMinute: string;
  lastSeenAt: number;
}

export interface ConsentRequestRecord {
  id: string;
  site: string;
  tabId: number;
  streamId: string;
  title: string;
  creator: string;
  ratePerMinute: string;
  requestedAt: number;
}

export interface MeterDoc {
  version: typeof METER_SCHEMA_VERSION;
  paused: boolean;
  sessions: Record<string, SessionRecord>;
  /** Keyed by `consentKey(site, streamId)`. */
  consents: Record<string, ConsentRecord>;
  consentRequests: ConsentRequestRecord[];
  ledger: Ledger;
  lastError: string | null;
}

export const consentKey = (site: string, streamId: string) => `${site} ${streamId}`;

export function emptyMeterDoc(day: string): MeterDoc {
  return {
    version: METER_SCHEMA_VERSION,
    paused: false,
    sessions: {},
    consents: {},
    consentRequests: [],
    ledger: emptyLedger(day),
    lastError: null,
  };
}

/** MIGRATIONS[n] turns a version-n document into version n+1. */
const MIGRATIONS: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>> = {};

/** A stored document brought to the current schema, or a fresh one when there is none. */
export function loadMeterDoc(stored: unknown, day: string): MeterDoc {
  if (typeof stored !== 'object' || stored === null || typeof (stored as { version?: unknown }).version !== 'number')
    return emptyMeterDoc(day);
  let doc = stored as Record<string, unknown>;
  for (let version = doc.version as number; version < METER_SCHEMA_VERSION; version += 1) {
    const migrate = MIGRATIONS[version];
    if (!migrate) throw new Error(t('errorMeterVersionUnknown', String(version)));
    doc = migrate(doc);
  }
  if (doc.version !== METER_SCHEMA_VERSION)
    throw new Error(t('errorMeterVersionNewer', String(doc.version)));
  return doc as unknown as MeterDoc;
}
