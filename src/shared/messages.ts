/*
 * The one message contract between the content script, the service worker and the extension pages.
 *
 * Flows
 * - content → worker: `frame:media` from every frame with a tag or media, on every change of its tag,
 *   media state or the person's interaction, and every second while playing (heartbeat), with
 *   `playingForMs` (how long it has played without a break) while playing; `frame:gone` when the frame's
 *   document leaves (pagehide). The tag values are raw strings: the worker parses them strictly
 *   (src/shared/tag.ts) and resolves the stream on chain itself; nothing else a frame says is trusted
 *   beyond its own media state. The worker accepts them only from this extension's content script in a tab
 *   (`sender.tab` set, `sender.id === runtime.id`), at most REPORT_BURST at once and REPORTS_PER_SECOND on
 *   average per frame (src/background/frameRegistry.ts). No reply is needed.
 * - worker → content: `frame:resend` (to every tab after the worker restarts, or to a tab's top frame to
 *   learn which site an embedded player is on): answer by sending the frame's current `frame:media`.
 * - page (popup / options) → worker: a `UiRequest` through `runtime.sendMessage`; the reply is a
 *   `UiReply<T>`: `{ ok: true, data }` or `{ ok: false, error }` with a sentence a person can read.
 *   Accepted only from this extension's own pages (`sender.url` starts with the extension origin).
 *   The result type of each request is `UiResult<'type'>` (see `UiResults`).
 * - worker → page: connect a long-lived Port named `ui` (`UI_PORT_NAME`); the worker posts a full `UiState`
 *   snapshot (`{ type: 'ui:state', state }`) right away and on every change. Pages never write storage.
 * - worker → creator page: a Port named `creator` (`CREATOR_PORT_NAME`) carries `CreatorState` snapshots of
 *   the account's streams, from chain storage subscriptions held only while such a page is connected.
 *
 * Amounts are planck integers written as decimal strings (they exceed 2^53); format them with
 * `network.tokenDecimals` / `network.tokenSymbol`. Stream ids are decimal strings too. Times are ms since
 * the epoch. No key material ever travels in these messages, except the mnemonic of a new account,
 * returned once by `account:create` so the person can write it down.
 */

import { isPricingInput, isStreamDetailsInput, type PricingInput, type StreamDetailsInput } from './streamDetails';
import { isHash, isPlanck, isPlanckOrNull, isStreamId } from './validators';

export type { PricingInput, StreamDetailsInput } from './streamDetails';

export const UI_PORT_NAME = 'ui';

// ---------- content script ↔ worker ----------

export interface RawTag {
  stream: string[];
  network: string[];
  creator: string[];
}

export interface FrameMediaMessage {
  type: 'frame:media';
  /** All values of each `vilokanam:*` meta tag in the frame's own document; null when there is none. */
  tag: RawTag | null;
  /** Media plays where a person can see or hear it (the rules are in docs/permissions.md). */
  playing: boolean;
  /** Media plays, but nobody could see or hear it (hidden, covered, transparent, too small, silent). Never with `playing`. */
  unperceived?: true;
  /** The person has interacted with this frame's document (`navigator.userActivation.hasBeenActive`). */
  activated: boolean;
  /**
   * While playing: how long the frame has been playing without a break, ms by its own clock, at most
   * `MAX_PLAYING_FOR_MS`. Lets a restarted worker bill the seconds it was not running to see (never more
   * than the wall-clock time since its last billed second). Absent when not playing.
   */
  playingForMs?: number;
}

/** Cap of `FrameMediaMessage.playingForMs` (the session idle end: 10 minutes). */
export const MAX_PLAYING_FOR_MS = 10 * 60_000;

export interface FrameResendMessage {
  type: 'frame:resend';
}

/** The frame's document left (pagehide): the worker forgets the frame; a top frame takes its tab's frames along. */
export interface FrameGoneMessage {
  type: 'frame:gone';
}

export type ContentToWorkerMessage = FrameMediaMessage | FrameGoneMessage;
export type WorkerToContentMessage = FrameResendMessage;

// ---------- shared pieces of state ----------

/**
 * Every budget is a cap in planck on what metering costs: creator payments and the network fees of the
 * calls that make them; null = no cap. A new viewer starts with a daily cap (DEFAULT_DAY_BUDGET_TOKENS).
 */
export interface Budgets {
  /** One stream session: from the first billed second until the stream has not been seen for 10 minutes. */
  perSession: string | null;
  /** All streams, one local calendar day. */
  perDay: string | null;
  /** All streams, all tabs, all time since the account was added (raise it to go on). */
  global: string | null;
}

export interface Settings {
  endpoint: string;
  budgets: Budgets;
  /** Lock after this many minutes without metering or UI use; 0 = only when the browser closes. */
  autoLockMinutes: number;
}

/**
 * "Always allow": the streams of `creator` on the top-level site `site` (the site in the address bar, an
 * origin such as `https://news.example`) are paid without asking, up to `maxRatePerMinute`. A stream of
 * another creator, the same creator on another site, or a higher rate asks again.
 */
export interface AlwaysAllowEntry {
  site: string;
  /** SS58 address of the creator. */
  creator: string;
  /** Hex public key: what is compared with a stream's on-chain creator. */
  creatorPublicKey: string;
  /** planck */
  maxRatePerMinute: string;
  /** The network (genesis hash) the entry was made on. */
  genesisHash: string;
}

export type ConnectionStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'error';

export interface NetworkState {
  endpoint: string;
  status: ConnectionStatus;
  /** Human text for `error` / `reconnecting` (e.g. "Cannot reach ws://127.0.0.1:9944"). */
  error: string | null;
  /** Next reconnect attempt, while reconnecting. */
  retryAt: number | null;
  genesisHash: string | null;
  chainName: string | null;
  tokenSymbol: string | null;
  tokenDecimals: number | null;
  ss58Format: number | null;
  /** `Balances.ExistentialDeposit` in planck: what always stays in an account; null until connected. */
  existentialDeposit: string | null;
  /**
   * `TickStream.SettlementInterval`: seconds the chain asks viewers to let gather before settling them (1
   * while it has room, more under load); null until known.
   */
  settlementInterval: number | null;
}

export type KeyStatus = 'no-account' | 'locked' | 'unlocked';

export interface AccountState {
  status: KeyStatus;
  address: string | null;
  name: string | null;
  /** An `account:create` waits for `account:confirm-create` (or `account:cancel-create`). */
  pendingCreate: boolean;
  /** When the worker locks itself for inactivity (null while locked or with auto-lock off). */
  autoLockAt: number | null;
}

export interface BalanceState {
  free: string;
  /** free minus frozen: what payments may spend (one existential deposit always stays). */
  transferable: string;
}

/** Why a tab's stream is not being paid for right now; the pages say it in the person's language (`reasonTextKey`). */
export type NotBillingCode =
  | 'no-tag'
  | 'not-playing'
  | 'tag-malformed'
  | 'tag-conflict'
  | 'wrong-network'
  | 'creator-mismatch'
  | 'stream-unknown'
  | 'stream-inactive'
  | 'stream-lookup-failed'
  | 'site-blocked'
  | 'site-unknown'
  | 'no-interaction'
  | 'not-perceivable'
  | 'consent-needed'
  | 'consent-declined'
  | 'paused'
  | 'locked'
  | 'no-account'
  | 'chain-unreachable'
  | 'insufficient-funds'
  | 'hold-unaffordable'
  | 'rate-changed'
  | 'budget-session'
  | 'budget-day'
  | 'budget-global'
  | 'chain-error';

export interface NotBillingReason {
  code: NotBillingCode;
  /**
   * The precise sentence of a stop (naming the chain's error…), already localized, for the error banner and
   * the logs; the reason itself is said by its code (`reasonTextKey`).
   */
  detail?: string;
  /**
   * `hold-unaffordable`: planck the account needs free to join the stream (the session deposit, the funds
   * held for the coming seconds, the fee reserve and the existential deposit; docs/chain.md) and what it has.
   */
  funds?: { needed: string; available: string };
}

export interface StreamInfoView {
  streamId: string;
  title: string;
  creator: string;
  ratePerMinute: string;
  active: boolean;
}

export type SessionStatus =
  /** Seconds are being recorded. */
  | 'metering'
  /** Nothing plays this second; the session stays open. */
  | 'idle'
  /** Chain unreachable: seconds are kept and settled later in one call. */
  | 'holding'
  /** Stopped for `stopReason` until the person acts (top up, raise a budget, consent again…). */
  | 'stopped';

export interface StreamSessionView {
  stream: StreamInfoView;
  /** The top-level site on which the session started. */
  site: string;
  /** Rate the person agreed to; record_tick is sent with it as `max_rate_per_minute`. */
  agreedRatePerMinute: string;
  status: SessionStatus;
  stopReason: NotBillingReason | null;
  startedAt: number;
  /** Seconds counted this session (settled + not yet settled). */
  seconds: number;
  /** Settled: in a block on chain. */
  confirmedSeconds: number;
  /**
   * Not yet settled: gathering until the chain's settlement interval, in flight, or held while the chain is
   * unreachable.
   */
  pendingSeconds: number;
  /** planck the chain holds for this session while it lasts (released when the session ends); '0' when none. */
  onHold: string;
  /** Creator payments confirmed in blocks this session. */
  spent: string;
  fees: string;
  /** Tabs playing this stream right now. */
  tabIds: number[];
}

/** One stream playing in one tab, waiting for the person's answer. A decision answers this request only. */
export interface ConsentRequestView {
  id: string;
  /** The top-level site of the tab (the site the person is on). */
  site: string;
  /** Origin of the frame carrying the tag: another origin than `site` when the player is embedded. */
  frameOrigin: string;
  tabId: number;
  /** Title and creator from the chain; the rate is the cap the answer agrees to. */
  stream: StreamInfoView;
  /** The page's tag names the creator (`vilokanam:creator`), and it is the stream's creator on chain. */
  creatorVerified: boolean;
  requestedAt: number;
}

export interface TabView {
  tabId: number;
  /** The tab's top-level site (the site the person is on); null while the worker does not know it yet. */
  site: string | null;
  streamId: string | null;
  playing: boolean;
  billing: boolean;
  reason: NotBillingReason | null;
}

export interface SpendTotals {
  amount: string;
  fees: string;
  seconds: number;
}

export interface SiteSpend {
  site: string;
  amount: string;
  fees: string;
  seconds: number;
  lastAt: number;
}

export interface DaySpend extends SpendTotals {
  /** Local calendar day, YYYY-MM-DD. */
  day: string;
}

export interface CreatorSpend {
  /** The stream creator's address. */
  creator: string;
  amount: string;
  fees: string;
  seconds: number;
  lastAt: number;
}

export interface SpendState {
  /** Local calendar day, YYYY-MM-DD. */
  day: string;
  today: SpendTotals;
  allTime: SpendTotals;
  /** Most recent first, at most 20. */
  recentSites: SiteSpend[];
  /** The days with spend kept (the last 90), oldest first (days without spend are left out). */
  days: DaySpend[];
  /** Most recently paid first, at most 100. */
  creators: CreatorSpend[];
}

export type BadgeState = 'idle' | 'consent' | 'metering' | 'paused' | 'error' | 'locked';

export interface UiState {
  account: AccountState;
  network: NetworkState;
  balance: BalanceState | null;
  paused: boolean;
  badge: BadgeState;
  /** Open stream sessions, most recently active first. */
  sessions: StreamSessionView[];
  /** Unanswered consent requests, oldest first (at most one per tab and stream). */
  consents: ConsentRequestView[];
  tabs: TabView[];
  spend: SpendState;
  settings: Settings;
  /** Top-level sites on which nothing is ever paid, sorted. */
  blockedSites: string[];
  alwaysAllowed: AlwaysAllowEntry[];
  /** The last error that stopped metering or a background job, for a banner; null when none. */
  lastError: string | null;
  /** Subscription offers of the streams in `sessions`, `consents` and `tabs`, and the viewer's subscriptions to them. */
  subscriptions: SubscriptionView[];
}

export interface UiStateMessage {
  type: 'ui:state';
  state: UiState;
}
export type WorkerToUiPortMessage = UiStateMessage;

/** A stream the viewer meets (session, consent request, tab) and its subscription, if it offers one. */
export interface SubscriptionView {
  streamId: string;
  /** Price of one subscription period in planck; null when the stream offers no subscription. */
  price: string | null;
  /** Length of one subscription, ms of chain time. */
  periodMs: number;
  /** When the viewer's subscription ends (wall clock, estimated from chain time); null when not subscribed. */
  activeUntil: number | null;
}

// ---------- creator page ↔ worker ----------

/** The creator page connects a Port with this name; the worker posts `CreatorStateMessage`s on it. */
export const CREATOR_PORT_NAME = 'creator';

/** A call the creator page asks the worker to sign with the account's key (docs/chain.md). */
export type CreatorCall =
  | { call: 'register'; details: StreamDetailsInput }
  | { call: 'set-status'; streamId: string; active: boolean }
  | { call: 'set-pricing'; streamId: string; pricing: PricingInput }
  /** `amount` null: everything the stream has earned when the worker signs. */
  | { call: 'withdraw'; streamId: string; amount: string | null };

export type ChainCallResult =
  /**
   * In a block and succeeded. `streamId`: the stream a registration created (else null); `amount`: what
   * moved (withdrawn earnings, a subscription's price; else null). Amounts and fees in planck.
   */
  | { status: 'included'; fee: string; streamId: string | null; amount: string | null }
  /** In a block but the call failed; `error` is `Section.Name` (docs/chain.md). The fee was still charged. */
  | { status: 'failed'; fee: string; error: string };

export interface EarningsPoint {
  /** ms since the epoch */
  at: number;
  /** planck earned in the stream's life up to then (withdrawn or not) */
  earnings: string;
}

/** An `EarningsWithdrawn` event the worker saw: a payout from escrow to the creator. */
export interface PayoutView {
  /** When the worker saw its block, ms since the epoch. */
  at: number;
  /** planck */
  amount: string;
  block: number;
  /** Its place among the stream's payouts in that block. */
  index: number;
}

/** One of the creator's streams as the chain holds it now (from storage subscriptions, not polling). */
export interface CreatorStreamView {
  streamId: string;
  title: string;
  description: string;
  category: string;
  pricing: PricingInput;
  active: boolean;
  /** `TickStream.Totals.viewers`: viewers joined (it falls when a viewer's session ends on chain). */
  viewerCount: number;
  /** Viewers with a second recorded in the last 30 s (from the blocks' events): falls when they stop watching. */
  watchingNow: number;
  /** Seconds settled for all viewers: `TickStream.Totals.seconds` plus the open sessions' unflushed seconds. */
  secondsWatched: number;
  /** The part of `secondsWatched` whose payment is already in escrow (`Totals.seconds`). */
  secondsInEscrow: number;
  /** `PaymentHandler.StreamEarnings`: in escrow, not yet withdrawn (what a withdrawal can take now). */
  earnings: string;
  /** Owed by open sessions from their viewers' held funds: moves into escrow at each session's next flush. */
  owed: string;
  /** Earned in the stream's life: owed by open sessions, in escrow, and every payout seen. */
  lifetimeEarned: string;
  /** Payouts seen (newest first, at most 50), from `EarningsWithdrawn` events. */
  payouts: PayoutView[];
  /** Lifetime earnings seen over time, oldest first (recorded by the worker while a creator page is open). */
  history: EarningsPoint[];
}

export type CreatorFeedStatus =
  /** No account, or not connected to the chain. */
  | 'idle'
  | 'loading'
  | 'ready'
  | 'error';

export interface CreatorState {
  /** The account whose streams these are. */
  account: string | null;
  status: CreatorFeedStatus;
  error: string | null;
  /** Newest stream first. */
  streams: CreatorStreamView[];
  /** How long a subscription lasts (`PaymentHandler.SubscriptionPeriod`, ms); null until connected. */
  subscriptionPeriodMs: number | null;
}

export interface CreatorStateMessage {
  type: 'creator:state';
  state: CreatorState;
}

// ---------- pages → worker requests ----------

/**
 * `allow-once`: this stream on this site, at this rate, for this session (until it is not seen for 10
 * minutes); `allow-always`: this creator on this site up to this rate (an `AlwaysAllowEntry`).
 */
export type ConsentDecision = 'allow-once' | 'allow-always' | 'decline';

export type UiRequest =
  | { type: 'state:get' }
  | { type: 'keys:unlock'; password: string }
  | { type: 'keys:lock' }
  /** Makes a new mnemonic; nothing is saved until `account:confirm-create`. */
  | { type: 'account:create'; name: string; password: string }
  /** The words the person re-typed at the positions `account:create` asked for (`confirmIndexes`). */
  | { type: 'account:confirm-create'; words: string[] }
  | { type: 'account:cancel-create' }
  | { type: 'account:import-mnemonic'; name: string; mnemonic: string; password: string }
  /** `json` is the polkadot-js backup file's text; `password` protects it here from now on. */
  | { type: 'account:import-json'; json: string; jsonPassword: string; password: string }
  | { type: 'account:export-json'; password: string }
  /** Removes the account from this browser (asks for its password). */
  | { type: 'account:remove'; password: string }
  | { type: 'settings:set'; settings: Partial<Omit<Settings, 'budgets'>> & { budgets?: Partial<Budgets> } }
  | { type: 'consent:decide'; id: string; decision: ConsentDecision }
  /** Forgets the person's decline of `streamId` on the top-level `site` (that site only), so it asks again. */
  | { type: 'consent:forget'; site: string; streamId: string }
  | { type: 'metering:pause' }
  | { type: 'metering:resume' }
  /** Clears a session's stop reason so metering may start again (after a top-up, a raised budget…). */
  | { type: 'metering:retry'; streamId: string }
  | { type: 'site:block'; site: string }
  | { type: 'site:unblock'; site: string }
  /** Always allow `creator` (SS58) on the top-level `site` up to `maxRatePerMinute`, on the connected network. */
  | { type: 'allow:add'; site: string; creator: string; maxRatePerMinute: string }
  | { type: 'allow:remove'; site: string; creatorPublicKey: string; genesisHash: string }
  /** Buys (or extends) a subscription at most at `maxPrice`; with `consentId`, also answers that consent with allow-once. */
  | { type: 'subscription:buy'; streamId: string; maxPrice: string; consentId: string | null }
  /** The network fee `call` would cost now (`payment_queryInfo`). */
  | { type: 'creator:estimate-fee'; call: CreatorCall }
  /** Signs `call` with the account's key and waits for its block. */
  | { type: 'creator:submit'; call: CreatorCall };

export type UiRequestType = UiRequest['type'];

export interface CreatedAccount {
  address: string;
  mnemonic: string;
  /** 0-based word positions the person must re-type, in this order. */
  confirmIndexes: number[];
}

export interface ExportedAccount {
  fileName: string;
  json: string;
}

export interface UiResults {
  'state:get': UiState;
  'keys:unlock': null;
  'keys:lock': null;
  'account:create': CreatedAccount;
  'account:confirm-create': { address: string };
  'account:cancel-create': null;
  'account:import-mnemonic': { address: string };
  'account:import-json': { address: string };
  'account:export-json': ExportedAccount;
  'account:remove': null;
  'settings:set': Settings;
  'consent:decide': null;
  'consent:forget': null;
  'metering:pause': null;
  'metering:resume': null;
  'metering:retry': null;
  'site:block': null;
  'site:unblock': null;
  'allow:add': null;
  'allow:remove': null;
  'subscription:buy': ChainCallResult;
  'creator:estimate-fee': { fee: string };
  'creator:submit': ChainCallResult;
}

export type UiResult<T extends UiRequestType> = UiResults[T];

export type UiReply<T> = { ok: true; data: T } | { ok: false; error: string };

// ---------- runtime validation (used by the worker; cheap enough for any side) ----------

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isStringArray = (value: unknown, max: number): value is string[] =>
  Array.isArray(value) && value.length <= max && value.every((item) => typeof item === 'string' && item.length <= 256);

const hasOnlyKeys = (value: Record<string, unknown>, keys: readonly string[]): boolean =>
  Object.keys(value).every((key) => keys.includes(key));

/** Returns the message when it has exactly the shape of a `ContentToWorkerMessage`, otherwise null. */
export function parseContentMessage(value: unknown): ContentToWorkerMessage | null {
  if (!isRecord(value)) return null;
  if (value.type === 'frame:gone') return hasOnlyKeys(value, ['type']) ? { type: 'frame:gone' } : null;
  if (value.type !== 'frame:media' || !hasOnlyKeys(value, ['type', 'tag', 'playing', 'unperceived', 'activated', 'playingForMs'])) return null;
  if (typeof value.playing !== 'boolean' || typeof value.activated !== 'boolean') return null;
  if (value.unperceived !== undefined && !(value.unperceived === true && !value.playing)) return null;
  const playingFor = value.playingForMs;
  if (
    playingFor !== undefined &&
    !(value.playing && typeof playingFor === 'number' && Number.isInteger(playingFor) && playingFor >= 0 && playingFor <= MAX_PLAYING_FOR_MS)
  )
    return null;
  const extra = {
    ...(value.unperceived === true ? { unperceived: true as const } : {}),
    activated: value.activated,
    ...(playingFor === undefined ? {} : { playingForMs: playingFor }),
  };
  const tag = value.tag;
  if (tag === null) return { type: 'frame:media', tag: null, playing: value.playing, ...extra };
  if (!isRecord(tag) || !hasOnlyKeys(tag, ['stream', 'network', 'creator'])) return null;
  if (!isStringArray(tag.stream, 16) || !isStringArray(tag.network, 16) || !isStringArray(tag.creator, 16)) return null;
  return {
    type: 'frame:media',
    tag: { stream: [...tag.stream], network: [...tag.network], creator: [...tag.creator] },
    playing: value.playing,
    ...extra,
  };
}

const str = (max: number) => (value: unknown) => typeof value === 'string' && value.length <= max;

type FieldCheck = (value: unknown) => boolean;

const REQUEST_FIELDS: { [K in UiRequestType]: Record<string, FieldCheck> } = {
  'state:get': {},
  'keys:unlock': { password: str(1024) },
  'keys:lock': {},
  'account:create': { name: str(64), password: str(1024) },
  'account:confirm-create': { words: (value) => isStringArray(value, 24) },
  'account:cancel-create': {},
  'account:import-mnemonic': { name: str(64), mnemonic: str(1024), password: str(1024) },
  'account:import-json': { json: str(65536), jsonPassword: str(1024), password: str(1024) },
  'account:export-json': { password: str(1024) },
  'account:remove': { password: str(1024) },
  'settings:set': { settings: isSettingsPatch },
  'consent:decide': {
    id: str(64),
    decision: (value) => value === 'allow-once' || value === 'allow-always' || value === 'decline',
  },
  'consent:forget': { site: str(512), streamId: isStreamId },
  'metering:pause': {},
  'metering:resume': {},
  'metering:retry': { streamId: isStreamId },
  'site:block': { site: str(512) },
  'site:unblock': { site: str(512) },
  'allow:add': { site: str(512), creator: str(64), maxRatePerMinute: isPlanck },
  'allow:remove': { site: str(512), creatorPublicKey: isHash, genesisHash: isHash },
  'subscription:buy': { streamId: isStreamId, maxPrice: isPlanck, consentId: (value) => value === null || str(64)(value) },
  'creator:estimate-fee': { call: isCreatorCall },
  'creator:submit': { call: isCreatorCall },
};

function isCreatorCall(value: unknown): value is CreatorCall {
  if (!isRecord(value)) return false;
  switch (value.call) {
    case 'register':
      return hasOnlyKeys(value, ['call', 'details']) && isStreamDetailsInput(value.details);
    case 'set-status':
      return hasOnlyKeys(value, ['call', 'streamId', 'active']) && isStreamId(value.streamId) && typeof value.active === 'boolean';
    case 'set-pricing':
      return hasOnlyKeys(value, ['call', 'streamId', 'pricing']) && isStreamId(value.streamId) && isPricingInput(value.pricing);
    case 'withdraw':
      return hasOnlyKeys(value, ['call', 'streamId', 'amount']) && isStreamId(value.streamId) && (value.amount === null || isPlanck(value.amount));
    default:
      return false;
  }
}

function isSettingsPatch(value: unknown): boolean {
  if (!isRecord(value) || !hasOnlyKeys(value, ['endpoint', 'budgets', 'autoLockMinutes'])) return false;
  if (value.endpoint !== undefined && !str(2048)(value.endpoint)) return false;
  if (
    value.autoLockMinutes !== undefined &&
    !(typeof value.autoLockMinutes === 'number' && Number.isInteger(value.autoLockMinutes) && value.autoLockMinutes >= 0)
  )
    return false;
  if (value.budgets === undefined) return true;
  const budgets = value.budgets;
  if (!isRecord(budgets) || !hasOnlyKeys(budgets, ['perSession', 'perDay', 'global'])) return false;
  return ['perSession', 'perDay', 'global'].every((key) => budgets[key] === undefined || isPlanckOrNull(budgets[key]));
}

/** Returns the request when its type is known and every field has the right shape, otherwise null. */
export function parseUiRequest(value: unknown): UiRequest | null {
  if (!isRecord(value) || typeof value.type !== 'string' || !Object.hasOwn(REQUEST_FIELDS, value.type)) return null;
  const fields = REQUEST_FIELDS[value.type as UiRequestType];
  if (!hasOnlyKeys(value, ['type', ...Object.keys(fields)])) return null;
  for (const [name, check] of Object.entries(fields)) if (!check(value[name])) return null;
  return value as UiRequest;
}
