import type {
  Budgets,
  ConsentDecision,
  ConsentRequestView,
  NotBillingCode,
  NotBillingReason,
  SessionStatus,
  StreamSessionView,
  TabView,
} from '../shared/messages';
import type { ChainStream, MeteringChain } from './chainTypes';
import { FrameRegistry, type FrameState } from './frameRegistry';
import { MeterJournal, notBilling } from './meterJournal';
import { consentKey, newSessionRecord, sessionKey, type ConsentRequestRecord, type MeterDoc, type SessionRecord } from './meterState';
import { inFlightTicks, Settlement, settlesHeld } from './settlement';
import { addSeconds } from './siteSeconds';
import { localDay, rollDay, todayOf } from './spendLedger';
import { StreamLookups } from './streamLookups';
import { t } from '../shared/i18n';

/** A session not seen for this long ends (and leaves the stream on chain, releasing its hold). */
const SESSION_IDLE_END_MS = 10 * 60_000;

export interface MeteringContext {
  hasAccount: boolean;
  canSign: boolean;
  chainReady: boolean;
  /** The network connected to now; null while not connected. */
  genesisHash: string | null;
  budgets: Budgets;
  /** The person blocked payments on this site. */
  isBlocked(site: string): boolean;
  /**
   * The rate cap of an "always allow" of this creator (hex public key) on this top-level site, on network
   * `genesisHash` (the connected one, or the one last connected while the chain is away).
   */
  alwaysAllowedRate(genesisHash: string, site: string, creatorPublicKey: string): bigint | null;
  /** The viewer holds a subscription to the stream: its seconds are recorded but cost nothing, so no budget. */
  isSubscribed?(streamId: string): boolean;
  /** The chain says the stream is stopped now (its terms, followed by a storage subscription); false when not known. */
  isStreamStopped?(streamId: string): boolean;
}

export interface MeteringDeps {
  now(): number;
  chain: MeteringChain;
  frames: FrameRegistry;
  context(): MeteringContext;
  save(doc: MeterDoc): Promise<void>;
  /** "Always allow": the streams of this stream's creator on `site`, up to `ratePerMinute` (planck). */
  allowAlways(site: string, stream: ChainStream, ratePerMinute: string): Promise<void>;
  /** Asks the tab's top frame to report, so the worker knows the site a player is on and whether the person interacted. */
  askTopFrame(tabId: number): void;
  /** Hex public key of a valid SS58 address, null when the address is invalid. */
  publicKeyOf(address: string): string | null;
  newId(): string;
  onChange(): void;
  day?(ms: number): string;
}

interface FrameVerdict {
  frame: FrameState;
  /** The tab's top-level site, when known. */
  site: string | null;
  playing: boolean;
  streamId: string | null;
  billable: boolean;
  reason: NotBillingReason | null;
  /** Resolved stream, when the tag got that far. */
  info: ChainStream | null;
  /** The tag named the creator, and the chain agrees. */
  creatorVerified: boolean;
  /** Playing where the person sees it, after they interacted, and not yet agreed to (or above the agreed rate). */
  wantsConsent: boolean;
}

/** Reasons that only say nothing plays: a frame may still prove it played through them. */
const NOT_A_REFUSAL: ReadonlySet<NotBillingCode> = new Set(['not-playing']);

/** Upper bound of what one second costs at `ratePerMinute` (the chain charges floor((ticks·rate + carry) / 60)). */
export const perSecondCap = (ratePerMinute: bigint) => (ratePerMinute + 59n) / 60n;

const big = (value: string) => BigInt(value);
/**
 * What a second of the session is expected to cost: the stream's rate as last read on chain, never above
 * what the person agreed to (the chain refuses a higher one).
 */
const secondPrice = (session: SessionRecord) => {
  const rate = big(session.ratePerMinute);
  const agreed = big(session.agreedRatePerMinute);
  return perSecondCap(rate < agreed ? rate : agreed);
};

/**
 * Decides, second by second, what is billable (a stream playing where a person perceives it, with their
 * consent, within their budgets) and counts it into the journal; `Settlement` sends it to the chain.
 */
export class MeteringEngine {
  readonly #deps: MeteringDeps;
  readonly #doc: MeterDoc;
  readonly #journal: MeterJournal;
  readonly #settlement: Settlement;
  readonly #lookups: StreamLookups;

  constructor(deps: MeteringDeps, doc: MeterDoc) {
    this.#deps = deps;
    this.#doc = doc;
    this.#journal = new MeterJournal(doc, (snapshot) => deps.save(snapshot));
    this.#lookups = new StreamLookups({
      getStream: (streamId) => deps.chain.getStream(streamId),
      genesisHash: () => deps.context().genesisHash,
      now: () => deps.now(),
      onLookup: (genesisHash, streamId, info) => this.#onLookup(genesisHash, streamId, info),
    });
    this.#settlement = new Settlement(
      {
        now: () => deps.now(),
        chain: deps.chain,
        context: () => deps.context(),
        newId: () => deps.newId(),
        onChange: () => deps.onChange(),
        forgetStream: (genesisHash, streamId) => this.#lookups.forget(genesisHash, streamId),
      },
      this.#journal,
    );
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

  /**
   * True while something needs the per-second timer: media playing, or — while the chain can be asked —
   * seconds still to settle or a session joined on chain (its hold is released when it ends: idle, stream
   * stopped, consent withdrawn). Locked or disconnected, nothing can be sent: unlocking and reconnecting
   * start the timer again.
   */
  needsTicks(): boolean {
    const now = this.#deps.now();
    if (this.#deps.frames.anyPlaying(now)) return true;
    const ctx = this.#deps.context();
    if (!ctx.canSign || !ctx.chainReady) return false;
    return Object.values(this.#doc.sessions).some(
      (session) =>
        (session.held > 0 && settlesHeld(session)) || session.inFlight.length > 0 || session.reconcile || session.leave !== null || session.join === 'joined',
    );
  }

  /**
   * One step of the meter; the worker calls it about every second. Returns the seconds it counted
   * (the worker's auto-lock deadline moves only for billed seconds).
   */
  async tick(): Promise<number> {
    const now = this.#deps.now();
    const ctx = this.#deps.context();
    const second = Math.floor(now / 1000);
    this.#rollDay(now);
    this.#followNetwork(ctx);
    this.#liftBudgetStops(ctx);

    const verdicts = this.#verdicts(now, ctx);
    this.#refreshLookups(verdicts, ctx);
    this.#askTopFrames(verdicts, now);
    this.#updateConsentRequests(verdicts, now, ctx);

    const billable = new Map<string, FrameVerdict>();
    for (const verdict of verdicts) {
      if (verdict.streamId === null) continue;
      const session = this.#session(ctx, verdict.streamId);
      if (session) session.lastSeenAt = now;
      const genesis = this.#genesis(ctx);
      const consent = verdict.site && genesis ? this.#doc.consents[consentKey(genesis, verdict.site, verdict.streamId)] : undefined;
      if (consent) consent.lastSeenAt = now;
      if (verdict.reason?.code === 'rate-changed' && session && !session.stop) this.#journal.stop(session, verdict.reason);
      if (verdict.billable && !billable.has(verdict.streamId)) billable.set(verdict.streamId, verdict);
    }
    let counted = 0;
    for (const [streamId, verdict] of billable) counted += this.#count(streamId, verdict, second, now, ctx, playingSince(verdicts, streamId));
    this.#markHeldBack(verdicts, second, ctx);
    this.#followChainAndConsent(ctx);
    this.#expire(now);

    const genesis = this.#genesis(ctx);
    this.#settlement.billed(new Set(genesis ? [...billable.keys()].map((streamId) => sessionKey(genesis, streamId)) : []));
    await this.#journal.persist();
    this.#deps.onChange();
    this.pump();
    return counted;
  }

  /** A frame reported: look up streams not seen yet (so the first playing second can already count) and the tab's top page. */
  framesChanged(): void {
    const now = this.#deps.now();
    const ctx = this.#deps.context();
    const verdicts = this.#verdicts(now, ctx);
    this.#refreshLookups(verdicts, ctx);
    this.#askTopFrames(verdicts, now);
  }

  /** Sends what is due, for every session of the connected network (no-op while unreachable or locked). */
  pump(): void {
    this.#settlement.pump();
  }

  /** Settles every counted second now (the key is about to lock); resolves once each call is signed. */
  settleNow(): Promise<void> {
    return this.#settlement.settleNow();
  }

  /** Answers the one request `id` (never another, even for the same stream). */
  async decideConsent(id: string, decision: ConsentDecision): Promise<void> {
    const request = this.#doc.consentRequests.find((item) => item.id === id);
    if (!request) throw new Error(t('errorConsentGone'));
    this.#doc.consentRequests = this.#doc.consentRequests.filter((item) => item.id !== id);
    const key = consentKey(request.genesisHash, request.site, request.streamId);
    const now = this.#deps.now();
    if (decision === 'decline') {
      this.#doc.consents[key] = { decision: 'declined', ratePerMinute: request.ratePerMinute, lastSeenAt: now };
    } else {
      if (decision === 'allow-always') await this.#deps.allowAlways(request.site, storedStream(request), request.ratePerMinute);
      this.#doc.consents[key] = { decision: 'once', ratePerMinute: request.ratePerMinute, lastSeenAt: now };
      const session = this.#doc.sessions[sessionKey(request.genesisHash, request.streamId)];
      if (session) {
        session.agreedRatePerMinute = request.ratePerMinute;
        if (session.stop?.code === 'rate-changed') session.stop = null;
      }
    }
    this.#journal.touch();
    await this.#journal.persist();
    this.#deps.onChange();
  }

  async setPaused(paused: boolean): Promise<void> {
    this.#doc.paused = paused;
    this.#journal.touch();
    await this.#journal.persist();
    this.#deps.onChange();
  }

  /** Forgets a decline of this stream on this top-level site only (on the connected network), so it asks again there. */
  async forgetDecline(site: string, streamId: string): Promise<void> {
    const genesis = this.#genesis(this.#deps.context());
    const key = genesis === null ? null : consentKey(genesis, site, streamId);
    if (key === null || this.#doc.consents[key]?.decision !== 'declined') return;
    delete this.#doc.consents[key];
    this.#journal.touch();
    await this.#journal.persist();
    this.#deps.onChange();
  }

  /** Clears a stop (after a top-up, a raised budget…), so metering may start again. Declines stay (`forgetDecline`). */
  async retry(streamId: string): Promise<void> {
    const genesis = this.#genesis(this.#deps.context());
    if (genesis) {
      const session = this.#doc.sessions[sessionKey(genesis, streamId)];
      if (session) session.stop = null;
      this.#lookups.forget(genesis, streamId);
      this.#settlement.retry(sessionKey(genesis, streamId));
    }
    this.#doc.lastError = null;
    this.#journal.touch();
    await this.#journal.persist();
    this.#deps.onChange();
    this.pump();
  }

  /** Clears every session stop with one of these reasons (e.g. insufficient funds after the balance went up). */
  async liftStops(...codes: NotBillingCode[]): Promise<void> {
    const stopped = Object.values(this.#doc.sessions).filter((session) => session.stop !== null && codes.includes(session.stop.code));
    if (stopped.length === 0) return;
    for (const session of stopped) session.stop = null;
    this.#journal.touch();
    await this.#journal.persist();
    this.#deps.onChange();
    this.pump();
  }

  /** Deletes the stored journal with `remove`, after the saves already queued; nothing is saved after it. */
  discardJournal(remove: () => Promise<void>): Promise<void> {
    return this.#journal.discard(remove);
  }

  /** Resolves once everything changed so far is in storage. */
  async flush(): Promise<void> {
    await this.#journal.persist();
  }

  // ---------- views ----------

  /** The sessions of the connected (or last connected) network, most recently seen first. */
  sessionViews(): StreamSessionView[] {
    const now = this.#deps.now();
    const ctx = this.#deps.context();
    const genesis = this.#genesis(ctx);
    const verdicts = this.#verdicts(now, ctx);
    return Object.values(this.#doc.sessions)
      .filter((session) => session.genesisHash === genesis)
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
          onHold: session.onHold,
          spent: session.spent,
          fees: session.fees,
          tabIds: [...new Set(playingHere.map((v) => v.frame.tabId))],
        };
      });
  }

  /** The open consent requests of the connected network, oldest first. */
  consentViews(): ConsentRequestView[] {
    const genesis = this.#genesis(this.#deps.context());
    return this.#doc.consentRequests
      .filter((request) => request.genesisHash === genesis)
      .map((request) => ({
        id: request.id,
        site: request.site,
        frameOrigin: request.frameOrigin,
        tabId: request.tabId,
        requestedAt: request.requestedAt,
        creatorVerified: request.creatorVerified,
        stream: {
          streamId: request.streamId,
          title: request.title,
          creator: request.creator,
          ratePerMinute: request.ratePerMinute,
          active: true,
        },
      }));
  }

  tabViews(): TabView[] {
    const now = this.#deps.now();
    const ctx = this.#deps.context();
    const byTab = new Map<number, FrameVerdict[]>();
    for (const verdict of this.#verdicts(now, ctx)) {
      const verdicts = byTab.get(verdict.frame.tabId) ?? [];
      verdicts.push(verdict);
      byTab.set(verdict.frame.tabId, verdicts);
    }
    const rank = (v: FrameVerdict) => (v.billable ? 4 : 0) + (v.streamId !== null ? 2 : 0) + (v.playing ? 1 : 0);
    const views: TabView[] = [];
    for (const [tabId, verdicts] of byTab) {
      const best = verdicts.reduce((a, b) => (rank(b) > rank(a) ? b : a));
      const site = verdicts.find((v) => v.site !== null)?.site ?? null;
      if (best.streamId === null && !best.playing && best.frame.tag === null && !best.frame.unperceived) {
        views.push({ tabId, site, streamId: null, playing: false, billing: false, reason: null });
        continue;
      }
      views.push({ tabId, site, streamId: best.streamId, playing: best.playing, billing: best.billable, reason: best.reason });
    }
    return views.sort((a, b) => a.tabId - b.tabId);
  }

  // ---------- deciding ----------

  /** The network sessions and consents are taken from: the connected one, else the one last connected. */
  #genesis(ctx: MeteringContext): string | null {
    return ctx.genesisHash ?? this.#doc.network;
  }

  #session(ctx: MeteringContext, streamId: string): SessionRecord | undefined {
    const genesis = this.#genesis(ctx);
    return genesis ? this.#doc.sessions[sessionKey(genesis, streamId)] : undefined;
  }

  #followNetwork(ctx: MeteringContext): void {
    if (ctx.genesisHash !== null && ctx.genesisHash !== this.#doc.network) {
      this.#doc.network = ctx.genesisHash;
      this.#journal.touch();
    }
  }

  #verdicts(now: number, ctx: MeteringContext): FrameVerdict[] {
    return this.#deps.frames.all().map((frame) => this.#evaluate(frame, now, ctx));
  }

  #evaluate(frame: FrameState, now: number, ctx: MeteringContext): FrameVerdict {
    const frames = this.#deps.frames;
    const playing = FrameRegistry.isPlaying(frame, now);
    const site = frames.topOf(frame)?.origin ?? null;
    const verdict = (reason: NotBillingReason | null, streamId: string | null = null, info: ChainStream | null = null, creatorVerified = false): FrameVerdict => ({
      frame,
      site,
      playing,
      streamId,
      billable: reason === null,
      reason,
      info,
      creatorVerified,
      wantsConsent: false,
    });
    const idle = () => notBilling(frame.unperceived ? 'not-perceivable' : 'not-playing');
    if (!frame.tag) return verdict(playing ? notBilling('no-tag') : idle());
    if (!frame.tag.ok)
      return verdict(notBilling(frame.tag.problem.startsWith('conflicting') ? 'tag-conflict' : 'tag-malformed'));
    const tag = frame.tag.tag;
    const streamId = tag.streamId;
    const tagCreatorKey = tag.creator === null ? null : this.#deps.publicKeyOf(tag.creator);
    if (tag.creator !== null && tagCreatorKey === null)
      return verdict(notBilling('tag-malformed'), streamId);
    if (!ctx.hasAccount) return verdict(notBilling('no-account'), streamId);
    if (!ctx.canSign) return verdict(notBilling('locked'), streamId);
    if (site === null) return verdict(notBilling('site-unknown'), streamId);
    if (ctx.isBlocked(site) || ctx.isBlocked(frame.origin)) return verdict(notBilling('site-blocked'), streamId);
    if (this.#doc.paused) return verdict(notBilling('paused'), streamId);

    const genesis = this.#genesis(ctx);
    const session = this.#session(ctx, streamId);
    if (tag.network !== null && genesis !== null && tag.network !== genesis)
      return verdict(notBilling('wrong-network'), streamId);

    const lookup = genesis ? this.#lookups.get(genesis, streamId) : undefined;
    const info = lookup?.info !== undefined ? lookup.info : session ? storedStream(session) : undefined;
    if (info === undefined || genesis === null) {
      if (lookup?.error) return verdict(notBilling('stream-lookup-failed'), streamId);
      return verdict(notBilling('chain-unreachable'), streamId);
    }
    if (info === null) return verdict(notBilling('stream-unknown'), streamId);
    if (!info.active) return verdict(notBilling('stream-inactive'), streamId, info);
    if (tagCreatorKey !== null && tagCreatorKey !== info.creatorPublicKey) return verdict(notBilling('creator-mismatch'), streamId, info);
    const verified = tagCreatorKey !== null;
    if (session?.stop && session.stop.code !== 'rate-changed') return verdict(session.stop, streamId, info, verified);

    const perceived = playing && frames.activated(frame);
    const consent = this.#doc.consents[consentKey(genesis, site, streamId)];
    if (consent?.decision === 'declined') return verdict(notBilling('consent-declined'), streamId, info, verified);
    const cap = consent?.decision === 'once' ? big(consent.ratePerMinute) : ctx.alwaysAllowedRate(genesis, site, info.creatorPublicKey);
    const ask = (code: NotBillingCode) => ({ ...verdict(notBilling(code), streamId, info, verified), wantsConsent: perceived });
    if (session?.stop?.code === 'rate-changed' || (session && info.ratePerMinute > big(session.agreedRatePerMinute))) return ask('rate-changed');
    if (cap === null || info.ratePerMinute > cap) return ask('consent-needed');
    if (!playing) return verdict(idle(), streamId, info, verified);
    if (!perceived) return verdict(notBilling('no-interaction'), streamId, info, verified);
    return verdict(null, streamId, info, verified);
  }

  #refreshLookups(verdicts: FrameVerdict[], ctx: MeteringContext): void {
    if (!ctx.chainReady || ctx.genesisHash === null) return;
    const wanted = verdicts.filter((v) => v.streamId !== null && v.frame.tag?.ok);
    // Playing frames first: they are what a person watches now.
    wanted.sort((a, b) => Number(b.playing) - Number(a.playing));
    this.#lookups.refresh(ctx.genesisHash, new Set(wanted.map((v) => v.streamId as string)));
  }

  #onLookup(genesisHash: string, streamId: string, info: ChainStream | null | undefined): void {
    const session = this.#doc.sessions[sessionKey(genesisHash, streamId)];
    if (session && info) {
      session.title = info.title;
      session.ratePerMinute = info.ratePerMinute.toString();
      this.#journal.touch();
    }
    this.#deps.onChange();
  }

  /** Tabs whose player waits to learn its page, or whose page may have been interacted with since its top frame last said. */
  #askTopFrames(verdicts: FrameVerdict[], now: number): void {
    for (const verdict of verdicts) {
      const code = verdict.reason?.code;
      if ((code === 'site-unknown' || code === 'no-interaction') && this.#deps.frames.topRequestDue(verdict.frame.tabId, now))
        this.#deps.askTopFrame(verdict.frame.tabId);
    }
  }

  #updateConsentRequests(verdicts: FrameVerdict[], now: number, ctx: MeteringContext): void {
    const genesis = ctx.genesisHash;
    const requestKey = (tabId: number, streamId: string) => `${tabId} ${streamId}`;
    const open = new Set(verdicts.flatMap((v) => (v.streamId !== null && v.site !== null ? [`${requestKey(v.frame.tabId, v.streamId)} ${v.site}`] : [])));
    const before = this.#doc.consentRequests.length;
    this.#doc.consentRequests = this.#doc.consentRequests.filter(
      (request) => request.genesisHash === genesis && open.has(`${requestKey(request.tabId, request.streamId)} ${request.site}`),
    );
    if (this.#doc.consentRequests.length !== before) this.#journal.touch();
    if (genesis === null) return;
    for (const verdict of verdicts) {
      if (!verdict.wantsConsent || !verdict.info || verdict.streamId === null || verdict.site === null) continue;
      const { tabId } = verdict.frame;
      const existing = this.#doc.consentRequests.find((r) => r.tabId === tabId && r.streamId === verdict.streamId);
      const rate = verdict.info.ratePerMinute.toString();
      if (existing && existing.ratePerMinute === rate && existing.frameOrigin === verdict.frame.origin) continue;
      const request: ConsentRequestRecord = {
        id: this.#deps.newId(),
        genesisHash: genesis,
        site: verdict.site,
        frameOrigin: verdict.frame.origin,
        tabId,
        streamId: verdict.streamId,
        title: verdict.info.title,
        creator: verdict.info.creator,
        creatorPublicKey: verdict.info.creatorPublicKey,
        ratePerMinute: rate,
        creatorVerified: verdict.creatorVerified,
        requestedAt: now,
      };
      this.#doc.consentRequests = [...this.#doc.consentRequests.filter((r) => r !== existing), request];
      this.#journal.touch();
    }
  }

  /** Counts this second (and any the frame proves it played unseen); returns how many were counted. */
  #count(streamId: string, verdict: FrameVerdict, second: number, now: number, ctx: MeteringContext, since: number | null): number {
    const info = verdict.info;
    const genesis = ctx.genesisHash ?? this.#doc.network;
    if (!info || !genesis || verdict.site === null) return 0;
    const key = sessionKey(genesis, streamId);
    let session = this.#doc.sessions[key];
    if (!session) {
      const consent = this.#doc.consents[consentKey(genesis, verdict.site, streamId)];
      const cap = consent?.decision === 'once' ? consent.ratePerMinute : ctx.alwaysAllowedRate(genesis, verdict.site, info.creatorPublicKey)?.toString();
      session = newSessionRecord({
        streamId: info.streamId,
        site: verdict.site,
        title: info.title,
        creator: info.creator,
        creatorPublicKey: info.creatorPublicKey,
        ratePerMinute: info.ratePerMinute.toString(),
        agreedRatePerMinute: cap ?? info.ratePerMinute.toString(),
        genesisHash: genesis,
        startedAt: now,
      });
      this.#doc.sessions[key] = session;
      this.#journal.touch();
    }
    if (session.lastCountedSecond !== null && second <= session.lastCountedSecond) return 0;
    // Watched again before it left the stream: it stays (a leave already sent is followed by a new join).
    if (session.leave === 'needed') session.leave = null;
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
      this.#journal.touch();
      return 0;
    }
    session.held += seconds;
    addSeconds((session.heldSites ??= {}), verdict.site, seconds);
    session.lastCountedSecond = second;
    this.#journal.touch();
    return seconds;
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
   * Notes the first second a tick saw a session's stream and refused it (paused, consent, budget, not
   * seen by a person, …). A tick that merely heard no frame playing it refuses nothing: a frame may yet
   * prove, with its `playingForMs`, that it played through that second (its report was still on its way).
   */
  #markHeldBack(verdicts: FrameVerdict[], second: number, ctx: MeteringContext): void {
    for (const streamId of new Set(verdicts.map((v) => v.streamId))) {
      const session = streamId === null ? undefined : this.#session(ctx, streamId);
      if (!session || session.lastCountedSecond === second) continue;
      const refused = verdicts.some((v) => v.streamId === streamId && v.reason !== null && !NOT_A_REFUSAL.has(v.reason.code));
      if (!refused) continue;
      const last = session.lastCountedSecond ?? -Infinity;
      const heldBack = session.heldBackSecond ?? null;
      if (heldBack !== null && heldBack > last) continue;
      session.heldBackSecond = second;
      this.#journal.touch();
    }
  }

  /**
   * What a session may still cost: its held seconds each at their price plus one call's fee (a call per
   * second is the usual case), and its calls in flight at their price plus their fee.
   */
  #reservedOf(session: SessionRecord, subscribed: boolean): bigint {
    const perSecond = subscribed ? 0n : secondPrice(session);
    const held = BigInt(session.held) * (perSecond + this.#settlement.feeEstimate);
    const inFlight = session.inFlight.reduce((sum, entry) => sum + BigInt(entry.ticks) * perSecond + big(entry.feeEstimate), 0n);
    const join = session.join === 'joined' ? 0n : this.#settlement.feeEstimate;
    return held + inFlight + join;
  }

  /** Budgets cap payments and fees together: what was paid, what is reserved, and what `seconds` more would cost. */
  #budgetExceeded(session: SessionRecord, seconds: number, ctx: MeteringContext): NotBillingCode | null {
    const budgets = ctx.budgets;
    const subscribed = (s: SessionRecord) => ctx.isSubscribed?.(s.streamId) ?? false;
    const perSecond = subscribed(session) ? 0n : secondPrice(session);
    const need = BigInt(seconds) * (perSecond + this.#settlement.feeEstimate);
    const sessions = Object.values(this.#doc.sessions).filter((s) => s.genesisHash === session.genesisHash);
    const reservedAll = sessions.reduce((sum, s) => sum + this.#reservedOf(s, subscribed(s)), 0n);
    const today = todayOf(this.#doc.ledger);
    const allTime = this.#doc.ledger.allTime;
    if (
      budgets.perSession !== null &&
      big(session.spent) + big(session.fees) + this.#reservedOf(session, subscribed(session)) + need > big(budgets.perSession)
    )
      return 'budget-session';
    if (budgets.perDay !== null && big(today.amount) + big(today.fees) + reservedAll + need > big(budgets.perDay)) return 'budget-day';
    if (budgets.global !== null && big(allTime.amount) + big(allTime.fees) + reservedAll + need > big(budgets.global)) return 'budget-global';
    return null;
  }

  /** A raised budget (or a new day) lets a session stopped by a budget go on by itself. */
  #liftBudgetStops(ctx: MeteringContext): void {
    for (const session of Object.values(this.#doc.sessions)) {
      if (session.stop?.code.startsWith('budget-') && this.#budgetExceeded(session, 1, ctx) === null) {
        session.stop = null;
        this.#journal.touch();
      }
    }
  }

  /**
   * What the chain and the person say now about each session of the connected network: a stream its
   * creator stopped takes no more seconds, so its session leaves at once (the hold is released) and goes on
   * when the stream is started again; consent withdrawn — declined, the site blocked, the "always allow"
   * removed — settles the seconds counted so far and leaves (it joins again if allowed again).
   */
  #followChainAndConsent(ctx: MeteringContext): void {
    const genesis = ctx.genesisHash;
    if (genesis === null) return;
    for (const session of Object.values(this.#doc.sessions)) {
      if (session.genesisHash !== genesis) continue;
      const looked = this.#lookups.get(genesis, session.streamId)?.info;
      const stopped = ctx.isStreamStopped?.(session.streamId) === true || looked?.active === false;
      if (stopped && (session.stop?.code !== 'stream-inactive' || session.join === 'joined')) this.#settlement.streamStopped(session);
      else if (!stopped && session.stop?.code === 'stream-inactive' && looked?.active === true) {
        session.stop = null;
        this.#journal.touch();
      } else if (session.join === 'joined' && session.leave === null && !this.#consented(genesis, session, ctx)) {
        this.#settlement.requestLeave(session);
      }
    }
  }

  /** Some site the session's stream was allowed on still allows it (a consent of this session, or "always allow"). */
  #consented(genesis: string, session: SessionRecord, ctx: MeteringContext): boolean {
    const agreed = big(session.agreedRatePerMinute);
    const prefix = `${genesis} `;
    const suffix = ` ${session.streamId}`;
    for (const [key, consent] of Object.entries(this.#doc.consents)) {
      if (consent.decision !== 'once' || !key.startsWith(prefix) || !key.endsWith(suffix)) continue;
      const site = key.slice(prefix.length, key.length - suffix.length);
      if (!ctx.isBlocked(site)) return true;
    }
    const cap = ctx.isBlocked(session.site) ? null : ctx.alwaysAllowedRate(genesis, session.site, session.creatorPublicKey);
    return cap !== null && cap >= agreed;
  }

  /**
   * A session not seen for `SESSION_IDLE_END_MS` with nothing left to settle ends: it leaves the stream on
   * chain (releasing its hold), and goes once it has left.
   */
  #expire(now: number): void {
    for (const [key, session] of Object.entries(this.#doc.sessions)) {
      const settled = session.held === 0 && session.inFlight.length === 0 && session.join !== 'in-flight' && session.leave === null;
      if (!settled || now - session.lastSeenAt <= SESSION_IDLE_END_MS) continue;
      if (session.join === 'joined') this.#settlement.requestLeave(session);
      else delete this.#doc.sessions[key];
      this.#journal.touch();
    }
    for (const [key, consent] of Object.entries(this.#doc.consents)) {
      if (now - consent.lastSeenAt > SESSION_IDLE_END_MS) {
        delete this.#doc.consents[key];
        this.#journal.touch();
      }
    }
  }

  #rollDay(now: number): void {
    const day = (this.#deps.day ?? localDay)(now);
    if (this.#doc.ledger.day !== day) {
      rollDay(this.#doc.ledger, day);
      this.#journal.touch();
    }
  }
}

/**
 * The stream as a session or a consent request last saw it on chain: for when it cannot be looked up right
 * now, and for the "always allow" a request's answer makes.
 */
function storedStream(record: Pick<SessionRecord, 'streamId' | 'title' | 'creator' | 'creatorPublicKey' | 'ratePerMinute'>): ChainStream {
  return {
    streamId: record.streamId,
    title: record.title,
    creator: record.creator,
    creatorPublicKey: record.creatorPublicKey,
    ratePerMinute: big(record.ratePerMinute),
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
