import type { NotBillingReason } from '../shared/messages';
import type { ChainViewerSession, MeteringChain, SettlementTerms, TxOutcome } from './chainTypes';
import { errorText, notBilling, type MeterJournal } from './meterJournal';
import { sessionKey, type InFlightRecord, type SessionRecord } from './meterState';
import { addAll, giveBack, secondsIn, shareBySeconds, take, takeHeld, type SiteSeconds } from './siteSeconds';
import { recordSpend } from './spendLedger';
import { t } from '../shared/i18n';

/** `MaxTicksPerCall`, `TickSlackSeconds` and `MaxSettlementInterval` of the runtime, until its constants are read. */
const DEFAULT_TERMS = { maxTicksPerCall: 3600, tickSlackSeconds: 12, maxSettlementInterval: 300 };
const ELAPSED_GUARD_RETRY_MS = 6000;
/**
 * A call seen neither in a block nor in the pool may still be in the block being built right now
 * (chopsticks takes it out of the pool first): it counts as dropped only if it still looks so this long after.
 */
const DROP_CONFIRM_MS = 6000;

export interface SettlementContext {
  canSign: boolean;
  chainReady: boolean;
  /** The network connected to now; null while not connected. */
  genesisHash: string | null;
  /** The viewer holds a subscription to the stream: joining holds no funds for its seconds. */
  isSubscribed?(streamId: string): boolean;
}

export interface SettlementDeps {
  now(): number;
  chain: MeteringChain;
  context(): SettlementContext;
  newId(): string;
  onChange(): void;
  /** What was last looked up about the stream is stale (its rate or state changed on chain). */
  forgetStream(genesisHash: string, streamId: string): void;
}

const big = (value: string) => BigInt(value);
export const inFlightTicks = (session: SessionRecord) => session.inFlight.reduce((sum, entry) => sum + entry.ticks, 0);

/** Held seconds still settle after a budget stop (it only stops counting more); after any other stop the chain would refuse them. */
export const settlesHeld = (session: SessionRecord) => session.stop === null || session.stop.code.startsWith('budget-');

/**
 * What an account needs free to join at `ratePerMinute` (docs/chain.md): the session deposit, the funds for
 * `HeldSeconds` of watching (none while subscribed), the fee reserve, above the existential deposit.
 */
export function joinCost(terms: SettlementTerms, ratePerMinute: bigint, subscribed: boolean): bigint {
  const window = subscribed ? 0n : (ratePerMinute * BigInt(terms.heldSeconds) + 59n) / 60n;
  return terms.existentialDeposit + terms.sessionDeposit + window + terms.feeReserve;
}

/**
 * Settlement: decides when and how much of the seconds the metering engine counted to send, and keeps
 * the session on chain that they are paid from. It
 * - joins the stream at the rate the person agreed to (only when the account can hold the session: else it
 *   says how much is needed), and leaves it — releasing the hold — when the session ends;
 * - sends `record_tick(n)` once the seconds gathered reach the chain's `SettlementInterval`, and at once
 *   for a session the meter did not bill this second (paused, hidden, tab closed, stopped, no consent…) or
 *   when asked to (`settleNow`, before the key locks), within the chain's elapsed-time guard;
 * - reconciles calls whose result was lost with chain state, so that a second is never paid twice nor lost.
 * The `MeterDoc` journal is written before every signature and after every result.
 */
export class Settlement {
  readonly #deps: SettlementDeps;
  readonly #journal: MeterJournal;
  readonly #running = new Map<string, Promise<void>>();
  readonly #again = new Set<string>();
  readonly #notBefore = new Map<string, number>();
  /** Session key → when its unknown calls first looked dropped. */
  readonly #looksDroppedSince = new Map<string, number>();
  /** Sessions the meter billed in its last tick: their seconds gather until the interval. */
  #billing: ReadonlySet<string> = new Set();
  /**
   * The network fee of the last call that landed — before any did, the chain's estimate: what each call
   * still to be sent is expected to cost. null until known.
   */
  #feeEstimate: bigint | null = null;
  #estimatingFee: Promise<bigint> | null = null;

  constructor(deps: SettlementDeps, journal: MeterJournal) {
    this.#deps = deps;
    this.#journal = journal;
    // A restarted worker: what it was sending is settled from chain state, what it had not signed is sent again.
    for (const session of Object.values(journal.doc.sessions)) {
      if (session.join === 'in-flight') session.join = 'needed';
      if (session.leave === 'in-flight') session.leave = 'needed';
      for (const entry of session.inFlight) entry.unknown = true;
      requeueUnsent(session);
      session.reconcile = session.inFlight.length > 0;
      if (big(session.lastFee) > (this.#feeEstimate ?? 0n)) this.#feeEstimate = big(session.lastFee);
    }
  }

  /** What a call is expected to cost in fees (budgets count it); 0 only until the chain could first be asked. */
  get feeEstimate(): bigint {
    return this.#feeEstimate ?? 0n;
  }

  /** The sessions the meter billed this second; every other session's seconds are due at once. */
  billed(keys: ReadonlySet<string>): void {
    this.#billing = keys;
  }

  /** Sends what is due, for every session of the connected network (no-op while unreachable or locked). */
  pump(): void {
    // Known before the first second is counted, so that budgets count fees from the first call on.
    if (this.#feeEstimate === null && this.#deps.context().chainReady) this.#fee().catch(() => undefined);
    for (const key of Object.keys(this.#journal.doc.sessions)) void this.#pump(key);
  }

  /** Settles every counted second now, gathering or not (the key is about to lock); resolves once each call is signed. */
  async settleNow(): Promise<void> {
    this.#billing = new Set();
    await Promise.all(
      Object.keys(this.#journal.doc.sessions).map(async (key) => {
        await this.#running.get(key);
        await this.#pump(key);
      }),
    );
  }

  /** The session ended (idle, consent withdrawn): it leaves the stream on chain once its seconds are settled. */
  requestLeave(session: SessionRecord): void {
    if (session.join === 'needed' || session.leave !== null) return;
    session.leave = 'needed';
    this.#journal.touch();
  }

  /**
   * The creator stopped the stream: the chain takes no more of its seconds, so those not settled yet are
   * not charged; the session leaves, releasing the hold.
   */
  streamStopped(session: SessionRecord): void {
    if (session.stop?.code !== 'stream-inactive') this.#journal.stop(session, notBilling('stream-inactive'));
    session.held = 0;
    session.heldSites = {};
    this.requestLeave(session);
    this.#journal.touch();
  }

  /** Forgets a wait after an error (a retry by the person). */
  retry(key: string): void {
    this.#notBefore.delete(key);
  }

  /** Runs one settlement step of the session, after the one under way if any (and then once more). */
  #pump(key: string): Promise<void> {
    const running = this.#running.get(key);
    if (running) {
      this.#again.add(key);
      return running;
    }
    const run = this.#step(key).finally(() => {
      this.#running.delete(key);
      if (this.#again.delete(key)) void this.#pump(key);
    });
    this.#running.set(key, run);
    return run;
  }

  /** Seconds are sent only to the network they were watched on: a session of another network waits for it. */
  async #step(key: string): Promise<void> {
    const ctx = this.#deps.context();
    const session = this.#journal.doc.sessions[key];
    if (!session || !ctx.chainReady || !ctx.canSign || ctx.genesisHash !== session.genesisHash) return;
    try {
      if (session.reconcile) await this.#reconcile(session);
      if (session.reconcile) return;
      if (this.#mustRejoin(session)) this.requestLeave(session);
      if (session.leave !== null) {
        await this.#settleAndLeave(session, key);
        return;
      }
      if (session.held === 0 || !settlesHeld(session)) return;
      if (session.join !== 'joined') await this.#join(session);
      if (session.join === 'joined' && settlesHeld(session)) await this.#sendDue(session, key, !this.#billing.has(key));
    } catch (error) {
      this.#journal.setError(t('errorChainTalk', errorText(error)));
    } finally {
      await this.#journal.persist();
      this.#deps.onChange();
    }
  }

  /**
   * The chain charges no more than the rate joined with: a session whose person agreed to a higher rate
   * (the stream's new one) leaves and joins again at it.
   */
  #mustRejoin(session: SessionRecord): boolean {
    return session.join === 'joined' && session.joinedRatePerMinute !== null && big(session.agreedRatePerMinute) > big(session.joinedRatePerMinute);
  }

  /** Seconds counted while the session still had its consent are settled first (if the chain takes them), then it leaves. */
  async #settleAndLeave(session: SessionRecord, key: string): Promise<void> {
    const settleFirst = session.join === 'joined' && session.held > 0 && settlesHeld(session) && !this.#mustRejoin(session);
    if (settleFirst) await this.#sendDue(session, key, true);
    if (session.inFlight.length > 0 || (settleFirst && session.held > 0)) return;
    await this.#leave(session);
  }

  /** Sends the held seconds that are due: all of them unless they are still gathering toward the interval. */
  async #sendDue(session: SessionRecord, key: string, due: boolean): Promise<void> {
    if ((this.#notBefore.get(key) ?? 0) > this.#deps.now()) return;
    const interval = Math.max(1, this.#deps.chain.settlementInterval ?? 1);
    const maxTicks = this.#deps.chain.settlementTerms?.maxTicksPerCall ?? DEFAULT_TERMS.maxTicksPerCall;
    while (session.held > 0 && (due || session.held >= interval) && settlesHeld(session) && !session.reconcile && session.join === 'joined') {
      let ticks = Math.min(session.held, maxTicks);
      if (ticks > 1) ticks = await this.#elapsedAllowance(session, ticks);
      if (ticks <= 0) {
        this.#notBefore.set(key, this.#deps.now() + ELAPSED_GUARD_RETRY_MS);
        return;
      }
      // A call that could not even be signed gave its seconds back: they wait for the next step.
      if (!(await this.#send(session, ticks))) return;
    }
  }

  /**
   * Signs and sends `record_tick(ticks)`; resolves once it is signed (true) or could not be (false). Its
   * result is handled when it comes.
   */
  async #send(session: SessionRecord, ticks: number): Promise<boolean> {
    const feeEstimate = await this.#fee();
    const entry: InFlightRecord = {
      id: this.#deps.newId(),
      ticks,
      nonce: null,
      hash: null,
      createdAt: this.#deps.now(),
      feeEstimate: feeEstimate.toString(),
      unknown: false,
      sites: takeHeld(session, ticks),
    };
    session.inFlight.push(entry);
    this.#journal.touch();
    await this.#journal.persist();
    let sent: (signed: boolean) => void = () => undefined;
    const signedOrDone = new Promise<boolean>((resolve) => (sent = resolve));
    const outcome = this.#deps.chain.recordTicks(session.genesisHash, session.streamId, ticks, big(session.agreedRatePerMinute), async (info) => {
      entry.nonce = info.nonce;
      entry.hash = info.hash;
      this.#journal.touch();
      await this.#journal.persist();
      sent(true);
    });
    void outcome
      .catch((error: unknown): TxOutcome => ({ kind: 'unknown', error: errorText(error) }))
      .then((result) => {
        sent(entry.nonce !== null);
        return this.#settle(sessionKey(session.genesisHash, session.streamId), entry.id, result);
      });
    return signedOrDone;
  }

  async #settle(key: string, entryId: string, outcome: TxOutcome): Promise<void> {
    const session = this.#journal.doc.sessions[key];
    const entry = session?.inFlight.find((item) => item.id === entryId);
    if (!session || !entry) return;
    const remove = () => {
      session.inFlight = session.inFlight.filter((item) => item !== entry);
    };
    switch (outcome.kind) {
      case 'included':
        remove();
        session.confirmedSeconds += entry.ticks;
        session.spent = (big(session.spent) + outcome.paid).toString();
        this.#charge(session, outcome.fee, outcome.paid, sitesOf(session, entry), true);
        session.lastFee = outcome.fee.toString();
        if (session.chainTicks !== null) session.chainTicks += entry.ticks;
        if (session.chainPaid !== null) session.chainPaid = (big(session.chainPaid) + outcome.paid).toString();
        break;
      case 'failed':
        remove();
        giveBack(session, sitesOf(session, entry), entry.ticks);
        this.#charge(session, outcome.fee, 0n, sitesOf(session, entry));
        this.#onDispatchError(session, outcome.error);
        break;
      case 'rejected':
        remove();
        giveBack(session, sitesOf(session, entry), entry.ticks);
        if (outcome.insufficientFunds) this.#journal.stop(session, notBilling('insufficient-funds', t('errorFeeUnpayableStopped')));
        else if (!outcome.retryable) this.#journal.stop(session, notBilling('chain-error', t('errorPaymentRefused', outcome.error)));
        break;
      case 'unknown':
        if (entry.nonce === null) {
          remove();
          giveBack(session, sitesOf(session, entry), entry.ticks);
        } else {
          entry.unknown = true;
          session.reconcile = true;
        }
        break;
    }
    this.#journal.touch();
    await this.#journal.persist();
    this.#deps.onChange();
    // A session waiting to leave goes as soon as its last settlement is heard of.
    if (session.leave !== null && session.inFlight.length === 0) void this.#pump(key);
  }

  /**
   * A fee the chain took, and what a call paid: the session's, the ledger's (shared among the sites its
   * seconds were watched on; a call of no seconds is the session's site's), and the estimate for the next call.
   */
  #charge(session: SessionRecord, fee: bigint, paid = 0n, sites: SiteSeconds = { [session.site]: 0 }, settled = false): void {
    session.fees = (big(session.fees) + fee).toString();
    this.#record(session, sites, paid, fee, settled);
    if (fee > 0n) this.#feeEstimate = fee;
  }

  /** Records `paid` and `fee` for the sites the seconds were watched on, in proportion; the seconds count when `settled`. */
  #record(session: SessionRecord, sites: SiteSeconds, paid: bigint, fee: bigint, settled: boolean): void {
    const fees = new Map(shareBySeconds(fee, sites));
    for (const [site, amount] of shareBySeconds(paid, sites)) {
      const payee = { site, creator: session.creator };
      recordSpend(this.#journal.doc.ledger, payee, amount, fees.get(site) ?? 0n, settled ? (sites[site] ?? 0) : 0, this.#deps.now());
    }
  }

  /** The fee a call is expected to cost: the last one that landed, else the chain's estimate (asked once at a time). */
  #fee(): Promise<bigint> {
    if (this.#feeEstimate !== null) return Promise.resolve(this.#feeEstimate);
    this.#estimatingFee ??= this.#deps.chain
      .estimateTickFee()
      .then((fee) => (this.#feeEstimate ??= fee))
      .finally(() => (this.#estimatingFee = null));
    return this.#estimatingFee;
  }

  #onDispatchError(session: SessionRecord, error: string): void {
    switch (error) {
      case 'TickStream.TicksExceedElapsedTime':
        this.#notBefore.set(sessionKey(session.genesisHash, session.streamId), this.#deps.now() + ELAPSED_GUARD_RETRY_MS);
        return;
      case 'TickStream.NotJoined':
        this.#markLeft(session);
        return;
      case 'TickStream.RateAboveLimit':
        this.#deps.forgetStream(session.genesisHash, session.streamId);
        if (this.#mustRejoin(session)) this.requestLeave(session);
        else this.#journal.stop(session, notBilling('rate-changed'));
        return;
      case 'TickStream.StreamNotActive':
        this.#deps.forgetStream(session.genesisHash, session.streamId);
        this.streamStopped(session);
        return;
      case 'TickStream.StreamNotFound':
        this.#journal.stop(session, notBilling('stream-unknown'));
        return;
      default:
        if (isFundsError(error)) this.#journal.stop(session, notBilling('insufficient-funds', t('errorNoFunds', error)));
        else this.#journal.stop(session, notBilling('chain-error', t('errorPaymentRefused', error)));
    }
  }

  /** Joins at the agreed rate, unless the account cannot hold the session: then it says how much is needed. */
  async #join(session: SessionRecord): Promise<void> {
    const chain = this.#deps.chain;
    const existing = await chain.readSession(session.streamId);
    if (existing) {
      this.#markJoined(session, existing);
      return;
    }
    const agreed = big(session.agreedRatePerMinute);
    const needed = this.#joinCost(session);
    const free = chain.freeBalance;
    if (needed !== null && free !== null && free < needed + (await this.#fee())) {
      this.#cannotHold(session, needed, free);
      return;
    }
    session.join = 'in-flight';
    this.#journal.touch();
    await this.#journal.persist();
    const outcome = await chain.join(session.genesisHash, session.streamId, agreed);
    session.join = 'needed';
    if (outcome.kind === 'included' || outcome.kind === 'failed') this.#charge(session, outcome.fee);
    if (outcome.kind === 'included') {
      const joined = await chain.readSession(session.streamId);
      if (joined) this.#markJoined(session, joined);
    } else if (outcome.kind === 'failed') {
      if (outcome.error === 'TickStream.InsufficientFunds' && needed !== null) this.#cannotHold(session, needed, chain.freeBalance ?? 0n);
      else this.#onDispatchError(session, outcome.error);
    } else if (outcome.kind === 'rejected') {
      if (outcome.insufficientFunds) this.#journal.stop(session, notBilling('insufficient-funds', t('errorJoinFeeUnpayable')));
      else if (!outcome.retryable) this.#journal.stop(session, notBilling('chain-error', t('errorJoinRefused', outcome.error)));
    }
    this.#journal.touch();
  }

  #joinCost(session: SessionRecord): bigint | null {
    const terms = this.#deps.chain.settlementTerms;
    if (!terms) return null;
    const subscribed = this.#deps.context().isSubscribed?.(session.streamId) ?? false;
    return joinCost(terms, big(session.agreedRatePerMinute), subscribed);
  }

  #cannotHold(session: SessionRecord, needed: bigint, available: bigint): void {
    const reason: NotBillingReason = {
      ...notBilling('hold-unaffordable', t('errorHoldUnaffordable')),
      funds: { needed: needed.toString(), available: available.toString() },
    };
    this.#journal.stop(session, reason);
  }

  /** Leaves the stream on chain (what it owes goes to escrow, the hold is released). */
  async #leave(session: SessionRecord): Promise<void> {
    const chain = this.#deps.chain;
    if (!(await chain.readSession(session.streamId))) {
      this.#markLeft(session);
      return;
    }
    session.leave = 'in-flight';
    this.#journal.touch();
    await this.#journal.persist();
    const outcome = await chain.leave(session.genesisHash, session.streamId);
    session.leave = 'needed';
    if (outcome.kind === 'included' || outcome.kind === 'failed') this.#charge(session, outcome.fee);
    if (outcome.kind === 'included' || (outcome.kind === 'failed' && outcome.error === 'TickStream.NotJoined')) this.#markLeft(session);
    else if (outcome.kind === 'failed' || (outcome.kind === 'rejected' && !outcome.retryable)) {
      // Sending it again would fail the same way; the chain closes an idle session itself (`close_session`).
      session.leave = null;
      this.#journal.setError(t('errorLeaveRefused', outcome.error));
    } else if (outcome.kind === 'rejected') {
      this.#notBefore.set(sessionKey(session.genesisHash, session.streamId), this.#deps.now() + ELAPSED_GUARD_RETRY_MS);
    }
    this.#journal.touch();
  }

  #markJoined(session: SessionRecord, onChain: ChainViewerSession): void {
    session.join = 'joined';
    session.joinedRatePerMinute = onChain.maxRatePerMinute.toString();
    session.onHold = onChain.onHold.toString();
    session.chainTicks = onChain.ticks;
    session.chainPaid = onChain.paid.toString();
    this.#journal.touch();
  }

  #markLeft(session: SessionRecord): void {
    session.join = 'needed';
    session.joinedRatePerMinute = null;
    session.onHold = '0';
    session.chainTicks = null;
    session.chainPaid = null;
    session.leave = null;
    this.#journal.touch();
  }

  /**
   * How many of `ticks` the runtime's elapsed-time guard accepts now: the session's `billed_until` may
   * advance from `max(billed_until, now − MaxSettlementInterval)` to at most `now + TickSlackSeconds`,
   * less what is in flight.
   */
  async #elapsedAllowance(session: SessionRecord, ticks: number): Promise<number> {
    const chain = this.#deps.chain;
    const [onChain, chainNow] = await Promise.all([chain.readSession(session.streamId), chain.chainTimeMs()]);
    if (!onChain) {
      this.#markLeft(session);
      return 0;
    }
    session.onHold = onChain.onHold.toString();
    const terms = chain.settlementTerms ?? DEFAULT_TERMS;
    const from = Math.max(onChain.billedUntilMs, chainNow - terms.maxSettlementInterval * 1000);
    const allowed = Math.floor((chainNow + terms.tickSlackSeconds * 1000 - from) / 1000) - inFlightTicks(session);
    return Math.min(ticks, allowed);
  }

  /**
   * Settles calls whose result was lost, from chain state: a nonce below the account's nonce is in a
   * block, one the pool still counts is waited for, any other was never included and goes back to `held`.
   * `TickStream.Sessions` tells how many of the included seconds were recorded and what they cost.
   */
  async #reconcile(session: SessionRecord): Promise<void> {
    if (session.inFlight.some((entry) => !entry.unknown)) return;
    const unknown = session.inFlight;
    if (unknown.length === 0) {
      session.reconcile = false;
      return;
    }
    const chain = this.#deps.chain;
    const key = sessionKey(session.genesisHash, session.streamId);
    const { stateNonce, poolNextIndex } = await chain.nonceStatus();
    if (unknown.some((entry) => entry.nonce !== null && entry.nonce >= stateNonce && entry.nonce < poolNextIndex)) return;
    if (unknown.some((entry) => entry.nonce === null || entry.nonce >= stateNonce)) {
      const now = this.#deps.now();
      const since = this.#looksDroppedSince.get(key) ?? now;
      this.#looksDroppedSince.set(key, since);
      if (now - since < DROP_CONFIRM_MS) return;
    }
    this.#looksDroppedSince.delete(key);
    const onChain = await chain.readSession(session.streamId);
    const included = unknown.filter((entry) => entry.nonce !== null && entry.nonce < stateNonce);
    const includedTicks = included.reduce((sum, entry) => sum + entry.ticks, 0);
    let landedTicks = 0;
    let landedPaid = 0n;
    if (onChain && session.chainTicks !== null && session.chainPaid !== null) {
      landedTicks = Math.max(0, Math.min(includedTicks, onChain.ticks - session.chainTicks));
      landedPaid = onChain.paid > big(session.chainPaid) ? onChain.paid - big(session.chainPaid) : 0n;
    }
    const fees = included.reduce((sum, entry) => sum + big(entry.feeEstimate), 0n);
    // The seconds that landed are taken from the included calls' sites; the others are held again with theirs.
    const includedSites: SiteSeconds = {};
    for (const entry of included) addAll(includedSites, sitesOf(session, entry));
    const unsettled = structuredClone(includedSites);
    const landedSites = take(unsettled, landedTicks);
    for (const entry of unknown) if (!included.includes(entry)) addAll(unsettled, sitesOf(session, entry));
    giveBack(session, unsettled, unknown.reduce((sum, entry) => sum + entry.ticks, 0) - landedTicks);
    session.confirmedSeconds += landedTicks;
    session.spent = (big(session.spent) + landedPaid).toString();
    session.fees = (big(session.fees) + fees).toString();
    this.#record(session, secondsIn(landedSites) > 0 ? landedSites : { [session.site]: 0 }, landedPaid, 0n, true);
    this.#record(session, secondsIn(includedSites) > 0 ? includedSites : { [session.site]: 0 }, 0n, fees, false);
    if (onChain) this.#markJoined(session, onChain);
    else this.#markLeft(session);
    session.inFlight = [];
    session.reconcile = false;
    this.#journal.touch();
  }
}

/** Calls that were never signed when the worker died go back to the held seconds. */
function requeueUnsent(session: SessionRecord): void {
  const unsent = session.inFlight.filter((entry) => entry.nonce === null);
  if (unsent.length === 0) return;
  for (const entry of unsent) giveBack(session, sitesOf(session, entry), entry.ticks);
  session.inFlight = session.inFlight.filter((entry) => entry.nonce !== null);
}

/** The seconds of a call by site; a call journaled before sites were is all of the session's first site. */
const sitesOf = (session: SessionRecord, entry: InFlightRecord): SiteSeconds => entry.sites ?? { [session.site]: entry.ticks };

function isFundsError(error: string): boolean {
  return (
    error === 'PaymentHandler.InsufficientFunds' ||
    error === 'TickStream.InsufficientFunds' ||
    error.startsWith('Balances.') ||
    ['Token.FundsUnavailable', 'Token.BelowMinimum', 'Token.OnlyProvider', 'Token.Frozen'].includes(error)
  );
}
