import type {
  Budgets,
  ConsentDecision,
  ConsentRequestView,
  NotBillingCode,
  NotBillingReason,
  SessionStatus,
  SiteRule,
  StreamSessionView,
  TabView,
} from '../shared/messages';
import type { ChainStream, MeteringChain, TxOutcome } from './chainTypes';
import { FrameRegistry, type FrameState } from './frameRegistry';
import {
  consentKey,
  type ConsentRequestRecord,
  type InFlightRecord,
  type MeterDoc,
  type SessionRecord,
} from './meterState';
import { localDay, recordSpend, rollDay } from './spendLedger';
import { t } from '../shared/i18n';

const SESSION_IDLE_END_MS = 10 * 60_000;
const STREAM_INFO_TTL_MS = 60_000;
const STREAM_LOOKUP_RETRY_MS = 5000;
const MAX_TICKS_PER_CALL = 3600;
/** `TickSlackSeconds` of the runtime (docs/chain.md, elapsed-time guard). */
const TICK_SLACK_SECONDS = 12;
const ELAPSED_GUARD_RETRY_MS = 6000;
/**
 * A call seen neither in a block nor in the pool may still be in the block being built right now
 * (chopsticks takes it out of the pool first): it counts as dropped only if it still looks so this long after.
 */
const DROP_CONFIRM_MS = 6000;

export interface MeteringContext {
  hasAccount: boolean;
  canSign: boolean;
  chainReady: boolean;
  genesisHash: string | null;
  budgets: Budgets;
  siteRule(site: string): SiteRule | null;
  /** The viewer holds a subscription to the stream: its seconds are recorded but cost nothing, so no budget. */
  isSubscribed?(streamId: string): boolean;
}

export interface MeteringDeps {
  now(): number;
  chain: MeteringChain;
  frames: FrameRegistry;
  context(): MeteringContext;
  save(doc: MeterDoc): Promise<void>;
  /** Makes `site` an always-allowed site (the person chose "always allow this site"). */
  allowSite(site: string): void;
  /** Hex public key of a valid SS58 address, null when the address is invalid. */
  publicKeyOf(address: string): string | null;
  newId(): string;
  onChange(): void;
  day?(ms: number): string;
}

interface StreamLookup {
  /** undefined until a lookup succeeded; null: no such stream. */
  info: ChainStream | null | undefined;
  error: string | null;
  /** Time of the last finished attempt. */
  fetchedAt: number;
  loading: boolean;
}

interface FrameVerdict {
  frame: FrameState;
  playing: boolean;
  streamId: string | null;
  billable: boolean;
  reason: NotBillingReason | null;
  /** Resolved stream, when the tag got that far. */
  info: ChainStream | null;
  /** Playing, everything fine, but the person has not been asked yet (or the rate went up). */
  wantsConsent: boolean;
}

/** A reason with its sentence in _locales (`reasonText_<code>`, as the pages show it), or a more precise one. */
export const notBilling = (code: NotBillingCode, message = t(`reasonText_${code.replaceAll('-', '_')}`)): NotBillingReason => ({ code, message });

/** Upper bound of what one second costs at `ratePerMinute` (the chain charges floor((ticks·rate + carry) / 60)). */
export const perSecondCap = (ratePerMinute: bigint) => (ratePerMinute + 59n) / 60n;

const big = (value: string) => BigInt(value);
const inFlightTicks = (session: SessionRecord) => session.inFlight.reduce((sum, entry) => sum + entry.ticks, 0);
const reservedOf = (session: SessionRecord) =>
  BigInt(session.held + inFlightTicks(session)) * perSecondCap(big(session.agreedRatePerMinute));

/** Decides, second by second, what to pay, and drives join / record_tick through `MeteringChain`. */
export class MeteringEngine {
  readonly #deps: MeteringDeps;
  readonly #doc: MeterDoc;
  readonly #lookups = new Map<string, StreamLookup>();
  readonly #busy = new Set<string>();
  readonly #notBefore = new Map<string, number>();
  /** Stream id → when its unknown calls first looked dropped. */
  readonly #looksDroppedSince = new Map<string, number>();
  #saving: Promise<void> = Promise.resolve();
  #dirty = false;

  constructor(deps: MeteringDeps, doc: MeterDoc) {
    this.#deps = deps;
    this.#doc = doc;
    for (const session of Object.values(doc.sessions)) {
      if (session.join === 'in-flight') session.join = 'needed';
      for (const entry of session.inFlight) entry.unknown = true;
      this.#requeueUnsent(session);
      session.reconcile = session.inFlight.length > 0;
    }
  }

  get paused(): boolean {
    return this.#doc.paused;
  }

  get lastError(): string | null {
    return this.#doc.lastError;
  }

  get ledger() {
    return this.#doc.ledger;
  }

  /** True while something needs the per-second timer: media playing or seconds still to settle. */
  needsTicks(): boolean {
    const now = this.#deps.now();
    if (this.#deps.frames.anyPlaying(now)) return true;
    return Object.values(this.#doc.sessions).some(
      (session) => !session.stop && (session.held > 0 || session.inFlight.length > 0 || session.reconcile),
    );
  }

  /** One step of the meter; the worker calls it about every second. */
  async tick(): Promise<void> {
    const now = this.#deps.now();
    const ctx = this.#deps.context();
    const second = Math.floor(now / 1000);
    this.#rollDay(now);
    this.#liftBudgetStops(ctx);

    const verdicts = this.#deps.frames.all().map((frame) => this.#evaluate(frame, now, ctx));
    this.#refreshLookups(verdicts, now, ctx);
    this.#updateConsentRequests(verdicts, now);

    const billable = new Map<string, FrameVerdict>();
    for (const verdict of verdicts) {
      if (verdict.streamId === null) continue;
      const session = this.#doc.sessions[verdict.streamId];
      if (session) session.lastSeenAt = now;
      const consent = this.#doc.consents[consentKey(verdict.frame.origin, verdict.streamId)];
      if (consent) consent.lastSeenAt = now;
      if (verdict.reason?.code === 'rate-changed' && session && !session.stop) this.#stop(session, verdict.reason);
      if (verdict.billable && !billable.has(verdict.streamId)) billable.set(verdict.streamId, verdict);
    }
    for (const [streamId, verdict] of billable) this.#count(streamId, verdict, second, now, ctx, playingSince(verdicts, streamId));
    this.#markHeldBack(verdicts, second);
    this.#expire(now);

    await this.#persist();
    this.#deps.onChange();
    this.pump();
  }

  /** A frame reported: look up streams not seen yet, so the first playing second can already count. */
  framesChanged(): void {
    const now = this.#deps.now();
    const ctx = this.#deps.context();
    this.#refreshLookups(this.#deps.frames.all().map((frame) => this.#evaluate(frame, now, ctx)), now, ctx);
  }

  /** Sends what is waiting, for every session (no-op while the chain is unreachable or the key locked). */
  pump(): void {
    for (const streamId of Object.keys(this.#doc.sessions)) void this.#pumpSession(streamId);
  }

  async decideConsent(id: string, decision: ConsentDecision): Promise<void> {
    const request = this.#doc.consentRequests.find((item) => item.id === id);
    if (!request) throw new Error(t('errorConsentGone'));
    this.#doc.consentRequests = this.#doc.consentRequests.filter((item) => item.id !== id);
    const key = consentKey(request.site, request.streamId);
    const now = this.#deps.now();
    if (decision === 'decline') {
      this.#doc.consents[key] = { decision: 'declined', ratePerMinute: request.ratePerMinute, lastSeenAt: now };
    } else {
      if (decision === 'allow-site') this.#deps.allowSite(request.site);
      this.#doc.consents[key] = { decision: 'once', ratePerMinute: request.ratePerMinute, lastSeenAt: now };
      const session = this.#doc.sessions[request.streamId];
      if (session) {
        session.agreedRatePerMinute = request.ratePerMinute;
        if (session.stop?.code === 'rate-changed') session.stop = null;
      }
    }
    this.#dirty = true;
    await this.#persist();
    this.#deps.onChange();
  }

  async setPaused(paused: boolean): Promise<void> {
    this.#doc.paused = paused;
    this.#dirty = true;
    await this.#persist();
    this.#deps.onChange();
  }

  /** Clears a stop (after a top-up, a raised budget…) and a decline, so metering may start again. */
  async retry(streamId: string): Promise<void> {
    const session = this.#doc.sessions[streamId];
    if (session) session.stop = null;
    for (const [key, consent] of Object.entries(this.#doc.consents))
      if (key.endsWith(` ${streamId}`) && consent.decision === 'declined') delete this.#doc.consents[key];
    this.#lookups.delete(streamId);
    this.#notBefore.delete(streamId);
    this.#doc.lastError = null;
    this.#dirty = true;
    await this.#persist();
    this.#deps.onChange();
    this.pump();
  }

  /** Clears every session stop with this reason (e.g. insufficient funds after the balance went up). */
  async liftStops(code: NotBillingCode): Promise<void> {
    const stopped = Object.values(this.#doc.sessions).filter((session) => session.stop?.code === code);
    if (stopped.length === 0) return;
    for (const session of stopped) session.stop = null;
    this.#dirty = true;
    await this.#persist();
    this.#deps.onChange();
    this.pump();
  }

  /** Resolves once everything changed so far is in storage. */
  async flush(): Promise<void> {
    await this.#persist();
  }

  // ---------- views ----------

  sessionViews(): StreamSessionView[] {
    const now = this.#deps.now();
    const ctx = this.#deps.context();
    const verdicts = this.#deps.frames.all().map((frame) => this.#evaluate(frame, now, ctx));
    return Object.values(this.#doc.sessions)
      .sort((a, b) => b.lastSeenAt - a.lastSeenAt)
      .map((session) => {
        const playingHere = verdicts.filter((v) => v.billable && v.streamId === session.streamId);
        const pending = session.held + inFlightTicks(session);
        let status: SessionStatus = 'idle';
        if (session.stop) status = 'stopped';
        else if (!ctx.chainReady && (pending > 0 || playingHere.length > 0)) status = 'holding';
        else if (playingHere.length > 0) status = 'metering';
        return {
          stream: {
            streamId: session.streamId,
            title: session.title,
            creator: session.creator,
            ratePerMinute: session.ratePerMinute,
            active: true,
          },
          site: session.site,
          agreedRatePerMinute: session.agreedRatePerMinute,
          status,
          stopReason: session.stop,
          startedAt: session.startedAt,
          seconds: session.confirmedSeconds + pending,
          confirmedSeconds: session.confirmedSeconds,
          pendingSeconds: pending,
          spent: session.spent,
          fees: session.fees,
          tabIds: [...new Set(playingHere.map((v) => v.frame.tabId))],
        };
      });
  }

  consentView(): ConsentRequestView | null {
    const request = this.#doc.consentRequests[0];
    if (!request) return null;
    return {
      id: request.id,
      site: request.site,
      tabId: request.tabId,
      requestedAt: request.requestedAt,
      stream: {
        streamId: request.streamId,
        title: request.title,
        creator: request.creator,
        ratePerMinute: request.ratePerMinute,
        active: true,
      },
    };
  }

  tabViews(): TabView[] {
    const now = this.#deps.now();
    const ctx = this.#deps.context();
    const byTab = new Map<number, FrameVerdict[]>();
    for (const frame of this.#deps.frames.all()) {
      const verdicts = byTab.get(frame.tabId) ?? [];
      verdicts.push(this.#evaluate(frame, now, ctx));
      byTab.set(frame.tabId, verdicts);
    }
    const rank = (v: FrameVerdict) => (v.billable ? 4 : 0) + (v.streamId !== null ? 2 : 0) + (v.playing ? 1 : 0);
    const views: TabView[] = [];
    for (const [tabId, verdicts] of byTab) {
      const best = verdicts.reduce((a, b) => (rank(b) > rank(a) ? b : a));
      if (best.streamId === null && !best.playing && best.frame.tag === null) {
        const top = verdicts.find((v) => v.frame.frameId === 0) ?? best;
        views.push({ tabId, site: top.frame.origin, streamId: null, playing: false, billing: false, reason: null });
        continue;
      }
      views.push({
        tabId,
        site: best.frame.origin,
        streamId: best.streamId,
        playing: best.playing,
        billing: best.billable,
        reason: best.reason,
      });
    }
    return views.sort((a, b) => a.tabId - b.tabId);
  }

  // ---------- deciding ----------

  #evaluate(frame: FrameState, now: number, ctx: MeteringContext): FrameVerdict {
    const playing = FrameRegistry.isPlaying(frame, now);
    const verdict = (reason: NotBillingReason | null, streamId: string | null = null, info: ChainStream | null = null): FrameVerdict => ({
      frame,
      playing,
      streamId,
      billable: reason === null,
      reason,
      info,
      wantsConsent: false,
    });
    if (!frame.tag) return verdict(notBilling(playing ? 'no-tag' : 'not-playing'));
    if (!frame.tag.ok)
      return verdict(notBilling(frame.tag.problem.startsWith('conflicting') ? 'tag-conflict' : 'tag-malformed'));
    const tag = frame.tag.tag;
    const streamId = tag.streamId;
    const tagCreatorKey = tag.creator === null ? null : this.#deps.publicKeyOf(tag.creator);
    if (tag.creator !== null && tagCreatorKey === null)
      return verdict(notBilling('tag-malformed'), streamId);
    if (!ctx.hasAccount) return verdict(notBilling('no-account'), streamId);
    if (!ctx.canSign) return verdict(notBilling('locked'), streamId);
    const site = frame.origin;
    const rule = ctx.siteRule(site);
    if (rule === 'block') return verdict(notBilling('site-blocked'), streamId);
    if (this.#doc.paused) return verdict(notBilling('paused'), streamId);

    const session = this.#doc.sessions[streamId];
    const genesis = ctx.genesisHash ?? session?.genesisHash ?? null;
    if (tag.network !== null && genesis !== null && tag.network !== genesis)
      return verdict(notBilling('wrong-network'), streamId);

    const lookup = this.#lookups.get(streamId);
    const info = lookup?.info !== undefined ? lookup.info : session ? sessionStream(session) : undefined;
    if (info === undefined || genesis === null) {
      if (lookup?.error) return verdict(notBilling('stream-lookup-failed'), streamId);
      return verdict(notBilling('chain-unreachable'), streamId);
    }
    if (info === null) return verdict(notBilling('stream-unknown'), streamId);
    if (!info.active) return verdict(notBilling('stream-inactive'), streamId, info);
    if (tagCreatorKey !== null && tagCreatorKey !== info.creatorPublicKey) return verdict(notBilling('creator-mismatch'), streamId, info);
    if (session?.stop && session.stop.code !== 'rate-changed') return verdict(session.stop, streamId, info);

    const consent = this.#doc.consents[consentKey(site, streamId)];
    if (consent?.decision === 'declined') return verdict(notBilling('consent-declined'), streamId, info);
    const agreed = session ? big(session.agreedRatePerMinute) : consent ? big(consent.ratePerMinute) : null;
    if ((agreed !== null && info.ratePerMinute > agreed) || session?.stop?.code === 'rate-changed')
      return { ...verdict(notBilling('rate-changed'), streamId, info), wantsConsent: playing };
    if (rule !== 'allow' && consent?.decision !== 'once')
      return { ...verdict(notBilling('consent-needed'), streamId, info), wantsConsent: playing };
    if (!playing) return verdict(notBilling('not-playing'), streamId, info);
    return verdict(null, streamId, info);
  }

  #refreshLookups(verdicts: FrameVerdict[], now: number, ctx: MeteringContext): void {
    if (!ctx.chainReady) return;
    const wanted = new Set(verdicts.flatMap((v) => (v.streamId !== null && v.frame.tag?.ok ? [v.streamId] : [])));
    for (const streamId of wanted) {
      const lookup = this.#lookups.get(streamId);
      if (lookup?.loading || (lookup && now - lookup.fetchedAt < (lookup.error ? STREAM_LOOKUP_RETRY_MS : STREAM_INFO_TTL_MS))) continue;
      void this.#fetchStream(streamId);
    }
  }

  async #fetchStream(streamId: string): Promise<void> {
    const previous = this.#lookups.get(streamId);
    this.#lookups.set(streamId, { info: previous?.info, error: previous?.error ?? null, fetchedAt: previous?.fetchedAt ?? 0, loading: true });
    try {
      const info = await this.#deps.chain.getStream(streamId);
      this.#lookups.set(streamId, { info, error: null, fetchedAt: this.#deps.now(), loading: false });
      const session = this.#doc.sessions[streamId];
      if (session && info) {
        session.title = info.title;
        session.ratePerMinute = info.ratePerMinute.toString();
        this.#dirty = true;
      }
    } catch (error) {
      this.#lookups.set(streamId, { info: previous?.info, error: errorText(error), fetchedAt: this.#deps.now(), loading: false });
    }
    this.#deps.onChange();
  }

  #updateConsentRequests(verdicts: FrameVerdict[], now: number): void {
    const open = new Set(verdicts.flatMap((v) => (v.streamId !== null ? [consentKey(v.frame.origin, v.streamId)] : [])));
    const before = this.#doc.consentRequests.length;
    this.#doc.consentRequests = this.#doc.consentRequests.filter((request) => open.has(consentKey(request.site, request.streamId)));
    if (this.#doc.consentRequests.length !== before) this.#dirty = true;
    for (const verdict of verdicts) {
      if (!verdict.wantsConsent || !verdict.info || verdict.streamId === null) continue;
      const site = verdict.frame.origin;
      const existing = this.#doc.consentRequests.find((r) => r.site === site && r.streamId === verdict.streamId);
      const rate = verdict.info.ratePerMinute.toString();
      if (existing && existing.ratePerMinute === rate) continue;
      const request: ConsentRequestRecord = {
        id: this.#deps.newId(),
        site,
        tabId: verdict.frame.tabId,
        streamId: verdict.streamId,
        title: verdict.info.title,
        creator: verdict.info.creator,
        ratePerMinute: rate,
        requestedAt: now,
      };
      this.#doc.consentRequests = [...this.#doc.consentRequests.filter((r) => r !== existing), request];
      this.#dirty = true;
    }
  }

  #count(streamId: string, verdict: FrameVerdict, second: number, now: number, ctx: MeteringContext, since: number | null): void {
    const info = verdict.info;
    if (!info) return;
    let session = this.#doc.sessions[streamId];
    if (!session) {
      const consent = this.#doc.consents[consentKey(verdict.frame.origin, streamId)];
      session = newSession(info, verdict.frame.origin, consent?.ratePerMinute ?? info.ratePerMinute.toString(), ctx.genesisHash ?? '', now);
      this.#doc.sessions[streamId] = session;
      this.#dirty = true;
    }
    if (session.lastCountedSecond !== null && second <= session.lastCountedSecond) return;
    // One second per tick that sees it playing. Seconds no tick saw (the worker was stopped, or its timer
    // ran late) are billed only when a frame proves it played them without a break (`playingSince`), and
    // only those after the last counted second and before the stream was last seen not counted.
    const gap = this.#unseenPlayedSeconds(session, second, since);
    let seconds = 1 + gap;
    let overBudget = this.#budgetExceeded(session, seconds, ctx);
    if (overBudget && gap > 0) {
      seconds = 1;
      overBudget = this.#budgetExceeded(session, seconds, ctx);
    }
    if (overBudget) {
      session.stop = notBilling(overBudget);
      this.#dirty = true;
      return;
    }
    session.held += seconds;
    session.lastCountedSecond = second;
    this.#dirty = true;
  }

  /** Whole seconds strictly between the last counted one and `second` that the frame played and no tick saw. */
  #unseenPlayedSeconds(session: SessionRecord, second: number, since: number | null): number {
    if (session.lastCountedSecond === null || since === null) return 0;
    const first = Math.max(session.lastCountedSecond + 1, Math.ceil(since / 1000));
    const heldBack = session.heldBackSecond ?? null;
    const end = heldBack !== null && heldBack > session.lastCountedSecond ? Math.min(second, heldBack) : second;
    return Math.max(0, end - first);
  }

  /**
   * Notes the first second a tick saw a session's stream and refused it (paused, consent, budget, …). A
   * tick that merely heard no frame playing it refuses nothing: a frame may yet prove, with its
   * `playingForMs`, that it played through that second (its report was still on its way).
   */
  #markHeldBack(verdicts: FrameVerdict[], second: number): void {
    for (const streamId of new Set(verdicts.map((v) => v.streamId))) {
      const session = streamId === null ? undefined : this.#doc.sessions[streamId];
      if (!session || session.lastCountedSecond === second) continue;
      const refused = verdicts.some((v) => v.streamId === streamId && v.reason !== null && v.reason.code !== 'not-playing');
      if (!refused) continue;
      const last = session.lastCountedSecond ?? -Infinity;
      const heldBack = session.heldBackSecond ?? null;
      if (heldBack !== null && heldBack > last) continue;
      session.heldBackSecond = second;
      this.#dirty = true;
    }
  }

  #budgetExceeded(session: SessionRecord, seconds: number, ctx: MeteringContext): NotBillingCode | null {
    const budgets = ctx.budgets;
    const free = (s: SessionRecord) => ctx.isSubscribed?.(s.streamId) ?? false;
    const need = free(session) ? 0n : BigInt(seconds) * perSecondCap(big(session.agreedRatePerMinute));
    const reservedAll = Object.values(this.#doc.sessions).reduce((sum, s) => sum + (free(s) ? 0n : reservedOf(s)), 0n);
    const ledger = this.#doc.ledger;
    if (budgets.perSession !== null && big(session.spent) + (free(session) ? 0n : reservedOf(session)) + need > big(budgets.perSession))
      return 'budget-session';
    if (budgets.perDay !== null && big(ledger.today.amount) + reservedAll + need > big(budgets.perDay)) return 'budget-day';
    if (budgets.global !== null && big(ledger.allTime.amount) + reservedAll + need > big(budgets.global)) return 'budget-global';
    return null;
  }

  /** A raised budget (or a new day) lets a session stopped by a budget go on by itself. */
  #liftBudgetStops(ctx: MeteringContext): void {
    for (const session of Object.values(this.#doc.sessions)) {
      if (session.stop?.code.startsWith('budget-') && this.#budgetExceeded(session, 1, ctx) === null) {
        session.stop = null;
        this.#dirty = true;
      }
    }
  }

  #expire(now: number): void {
    for (const [streamId, session] of Object.entries(this.#doc.sessions)) {
      const settled = session.held === 0 && session.inFlight.length === 0 && session.join !== 'in-flight';
      if (settled && now - session.lastSeenAt > SESSION_IDLE_END_MS) {
        delete this.#doc.sessions[streamId];
        this.#dirty = true;
      }
    }
    for (const [key, consent] of Object.entries(this.#doc.consents)) {
      if (now - consent.lastSeenAt > SESSION_IDLE_END_MS) {
        delete this.#doc.consents[key];
        this.#dirty = true;
      }
    }
  }

  #rollDay(now: number): void {
    const day = (this.#deps.day ?? localDay)(now);
    if (this.#doc.ledger.day !== day) {
      rollDay(this.#doc.ledger, day);
      this.#dirty = true;
    }
  }

  // ---------- sending ----------

  async #pumpSession(streamId: string): Promise<void> {
    const ctx = this.#deps.context();
    if (!ctx.chainReady || !ctx.canSign || this.#busy.has(streamId)) return;
    this.#busy.add(streamId);
    try {
      const session = this.#doc.sessions[streamId];
      if (!session) return;
      if (session.reconcile) await this.#reconcile(session);
      if (session.reconcile || session.stop) return;
      if (session.join !== 'joined') await this.#join(session);
      if (session.join !== 'joined' || session.stop) return;
      if ((this.#notBefore.get(streamId) ?? 0) > this.#deps.now()) return;
      while (session.held > 0 && !session.stop && !session.reconcile) {
        let ticks = Math.min(session.held, MAX_TICKS_PER_CALL);
        if (ticks > 1) ticks = await this.#elapsedAllowance(session, ticks);
        if (ticks <= 0) {
          this.#notBefore.set(streamId, this.#deps.now() + ELAPSED_GUARD_RETRY_MS);
          break;
        }
        await this.#send(session, ticks);
      }
    } catch (error) {
      this.#setError(t('errorChainTalk', errorText(error)));
    } finally {
      this.#busy.delete(streamId);
      await this.#persist();
      this.#deps.onChange();
    }
  }

  async #send(session: SessionRecord, ticks: number): Promise<void> {
    const entry: InFlightRecord = {
      id: this.#deps.newId(),
      ticks,
      nonce: null,
      hash: null,
      createdAt: this.#deps.now(),
      feeEstimate: session.lastFee,
      unknown: false,
    };
    session.held -= ticks;
    session.inFlight.push(entry);
    this.#dirty = true;
    await this.#persist();
    const outcome = this.#deps.chain.recordTicks(session.streamId, ticks, big(session.agreedRatePerMinute), async (signed) => {
      entry.nonce = signed.nonce;
      entry.hash = signed.hash;
      this.#dirty = true;
      await this.#persist();
    });
    void outcome
      .catch((error: unknown): TxOutcome => ({ kind: 'unknown', error: errorText(error) }))
      .then((result) => this.#settle(session.streamId, entry.id, result));
  }

  async #settle(streamId: string, entryId: string, outcome: TxOutcome): Promise<void> {
    const session = this.#doc.sessions[streamId];
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
        session.fees = (big(session.fees) + outcome.fee).toString();
        session.lastFee = outcome.fee.toString();
        if (session.chainTicks !== null) session.chainTicks += entry.ticks;
        if (session.chainPaid !== null) session.chainPaid = (big(session.chainPaid) + outcome.paid).toString();
        recordSpend(this.#doc.ledger, session, outcome.paid, outcome.fee, entry.ticks, this.#deps.now());
        break;
      case 'failed':
        remove();
        session.held += entry.ticks;
        session.fees = (big(session.fees) + outcome.fee).toString();
        recordSpend(this.#doc.ledger, session, 0n, outcome.fee, 0, this.#deps.now());
        this.#onDispatchError(session, outcome.error);
        break;
      case 'rejected':
        remove();
        session.held += entry.ticks;
        if (outcome.insufficientFunds) this.#stop(session, notBilling('insufficient-funds', t('errorFeeUnpayableStopped')));
        else if (!outcome.retryable) this.#stop(session, notBilling('chain-error', t('errorPaymentRefused', outcome.error)));
        break;
      case 'unknown':
        if (entry.nonce === null) {
          remove();
          session.held += entry.ticks;
        } else {
          entry.unknown = true;
          session.reconcile = true;
        }
        break;
    }
    this.#dirty = true;
    await this.#persist();
    this.#deps.onChange();
  }

  #onDispatchError(session: SessionRecord, error: string): void {
    switch (error) {
      case 'TickStream.TicksExceedElapsedTime':
        this.#notBefore.set(session.streamId, this.#deps.now() + ELAPSED_GUARD_RETRY_MS);
        return;
      case 'TickStream.NotJoined':
        session.join = 'needed';
        return;
      case 'TickStream.RateAboveLimit':
        this.#lookups.delete(session.streamId);
        this.#stop(session, notBilling('rate-changed'));
        return;
      case 'TickStream.StreamNotActive':
        this.#lookups.delete(session.streamId);
        this.#stop(session, notBilling('stream-inactive'));
        return;
      case 'TickStream.StreamNotFound':
        this.#stop(session, notBilling('stream-unknown'));
        return;
      default:
        if (isFundsError(error)) this.#stop(session, notBilling('insufficient-funds', t('errorNoFunds', error)));
        else this.#stop(session, notBilling('chain-error', t('errorPaymentRefused', error)));
    }
  }

  async #join(session: SessionRecord): Promise<void> {
    const existing = await this.#deps.chain.readSession(session.streamId);
    if (existing) {
      this.#markJoined(session, existing.ticks, existing.paid);
      return;
    }
    session.join = 'in-flight';
    this.#dirty = true;
    await this.#persist();
    const outcome = await this.#deps.chain.join(session.streamId);
    session.join = 'needed';
    if (outcome.kind === 'included' || outcome.kind === 'failed') {
      session.fees = (big(session.fees) + outcome.fee).toString();
      recordSpend(this.#doc.ledger, session, 0n, outcome.fee, 0, this.#deps.now());
    }
    if (outcome.kind === 'included') {
      const joined = await this.#deps.chain.readSession(session.streamId);
      if (joined) this.#markJoined(session, joined.ticks, joined.paid);
    } else if (outcome.kind === 'failed') {
      this.#onDispatchError(session, outcome.error);
    } else if (outcome.kind === 'rejected') {
      if (outcome.insufficientFunds) this.#stop(session, notBilling('insufficient-funds', t('errorJoinFeeUnpayable')));
      else if (!outcome.retryable) this.#stop(session, notBilling('chain-error', t('errorJoinRefused', outcome.error)));
    }
    this.#dirty = true;
  }

  #markJoined(session: SessionRecord, ticks: number, paid: bigint): void {
    session.join = 'joined';
    session.chainTicks = ticks;
    session.chainPaid = paid.toString();
    this.#dirty = true;
  }

  /** How many of `ticks` the runtime's elapsed-time guard accepts now. */
  async #elapsedAllowance(session: SessionRecord, ticks: number): Promise<number> {
    const [chainSession, chainNow] = await Promise.all([
      this.#deps.chain.readSession(session.streamId),
      this.#deps.chain.chainTimeMs(),
    ]);
    if (!chainSession) {
      session.join = 'needed';
      this.#dirty = true;
      return 0;
    }
    const elapsed = Math.floor((chainNow - chainSession.joinedAtMs) / 1000);
    return Math.min(ticks, elapsed + TICK_SLACK_SECONDS - chainSession.ticks - inFlightTicks(session));
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
    const { stateNonce, poolNextIndex } = await this.#deps.chain.nonceStatus();
    if (unknown.some((entry) => entry.nonce !== null && entry.nonce >= stateNonce && entry.nonce < poolNextIndex)) return;
    if (unknown.some((entry) => entry.nonce === null || entry.nonce >= stateNonce)) {
      const now = this.#deps.now();
      const since = this.#looksDroppedSince.get(session.streamId) ?? now;
      this.#looksDroppedSince.set(session.streamId, since);
      if (now - since < DROP_CONFIRM_MS) return;
    }
    this.#looksDroppedSince.delete(session.streamId);
    const chainSession = await this.#deps.chain.readSession(session.streamId);
    const included = unknown.filter((entry) => entry.nonce !== null && entry.nonce < stateNonce);
    const includedTicks = included.reduce((sum, entry) => sum + entry.ticks, 0);
    let landedTicks = 0;
    let landedPaid = 0n;
    if (chainSession && session.chainTicks !== null && session.chainPaid !== null) {
      landedTicks = Math.max(0, Math.min(includedTicks, chainSession.ticks - session.chainTicks));
      landedPaid = chainSession.paid > big(session.chainPaid) ? chainSession.paid - big(session.chainPaid) : 0n;
    }
    const fees = included.reduce((sum, entry) => sum + big(entry.feeEstimate), 0n);
    session.held += unknown.reduce((sum, entry) => sum + entry.ticks, 0) - landedTicks;
    session.confirmedSeconds += landedTicks;
    session.spent = (big(session.spent) + landedPaid).toString();
    session.fees = (big(session.fees) + fees).toString();
    recordSpend(this.#doc.ledger, session, landedPaid, fees, landedTicks, this.#deps.now());
    if (chainSession) this.#markJoined(session, chainSession.ticks, chainSession.paid);
    else {
      session.join = 'needed';
      session.chainTicks = null;
      session.chainPaid = null;
    }
    session.inFlight = [];
    session.reconcile = false;
    this.#dirty = true;
  }

  #requeueUnsent(session: SessionRecord): void {
    const unsent = session.inFlight.filter((entry) => entry.nonce === null);
    if (unsent.length === 0) return;
    session.held += unsent.reduce((sum, entry) => sum + entry.ticks, 0);
    session.inFlight = session.inFlight.filter((entry) => entry.nonce !== null);
  }

  #stop(session: SessionRecord, reason: NotBillingReason): void {
    session.stop = reason;
    this.#doc.lastError = reason.message;
    this.#dirty = true;
  }

  #setError(message: string): void {
    if (this.#doc.lastError === message) return;
    this.#doc.lastError = message;
    this.#dirty = true;
  }

  #persist(): Promise<void> {
    if (this.#dirty) {
      this.#dirty = false;
      const snapshot = structuredClone(this.#doc);
      this.#saving = this.#saving.then(() =>
        this.#deps.save(snapshot).catch((error: unknown) => {
          this.#dirty = true;
          this.#doc.lastError = t('errorSaveMeter', errorText(error));
        }),
      );
    }
    return this.#saving;
  }
}

function newSession(info: ChainStream, site: string, agreedRate: string, genesisHash: string, now: number): SessionRecord {
  return {
    streamId: info.streamId,
    site,
    title: info.title,
    creator: info.creator,
    creatorPublicKey: info.creatorPublicKey,
    ratePerMinute: info.ratePerMinute.toString(),
    agreedRatePerMinute: agreedRate,
    genesisHash,
    startedAt: now,
    lastSeenAt: now,
    lastCountedSecond: null,
    join: 'needed',
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

/** The stream as last seen on chain, for when it cannot be looked up right now. */
function sessionStream(session: SessionRecord): ChainStream {
  return {
    streamId: session.streamId,
    title: session.title,
    creator: session.creator,
    creatorPublicKey: session.creatorPublicKey,
    ratePerMinute: big(session.ratePerMinute),
    active: true,
  };
}

/** The earliest time a billable frame of the stream says it has played since without a break, or null. */
function playingSince(verdicts: FrameVerdict[], streamId: string): number | null {
  let since: number | null = null;
  for (const v of verdicts) {
    const start = v.frame.playingSince;
    if (v.billable && v.streamId === streamId && start !== null && (since === null || start < since)) since = start;
  }
  return since;
}

function isFundsError(error: string): boolean {
  return (
    error === 'PaymentHandler.InsufficientFunds' ||
    error.startsWith('Balances.') ||
    ['Token.FundsUnavailable', 'Token.BelowMinimum', 'Token.OnlyProvider', 'Token.Frozen'].includes(error)
  );
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
