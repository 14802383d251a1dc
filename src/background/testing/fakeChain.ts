import type { ChainStream, ChainViewerSession, MeteringChain, NonceStatus, SignedInfo, TxOutcome } from '../chainTypes';

interface PendingCall {
  nonce: number;
  streamId: string;
  ticks: number;
  maxRate: bigint;
  resolve: (outcome: TxOutcome) => void;
}

/**
 * A small in-memory stand-in for the Vilokanam runtime as seen by the metering engine: it applies
 * docs/chain.md's money rule (floor((ticks·rate + carry) / 60)) and the account nonce. With
 * `autoInclude` off, calls wait in `pending` until the test includes, fails or drops them.
 */
export class FakeChain implements MeteringChain {
  readonly streams = new Map<string, ChainStream>();
  readonly sessions = new Map<string, ChainViewerSession & { carry: bigint }>();
  readonly recordCalls: { streamId: string; ticks: number; maxRate: bigint; nonce: number }[] = [];
  readonly joinCalls: string[] = [];
  readonly pending: PendingCall[] = [];
  autoInclude = true;
  /** Makes every record_tick fail in its block with this error (e.g. 'PaymentHandler.InsufficientFunds'). */
  failWith: string | null = null;
  /** Makes the pool refuse every call with this text. */
  rejectWith: { error: string; retryable: boolean; insufficientFunds: boolean } | null = null;
  fee = 7n;
  /** Streams the viewer holds a subscription to: their ticks are recorded and charge nothing, whatever the rate. */
  readonly subscribed = new Set<string>();
  stateNonce = 0;
  timeMs: number;
  readonly #clock: () => number;

  constructor(clock: () => number) {
    this.#clock = clock;
    this.timeMs = clock();
  }

  get poolNextIndex(): number {
    return this.stateNonce + this.pending.length;
  }

  async getStream(streamId: string): Promise<ChainStream | null> {
    return this.streams.get(streamId) ?? null;
  }

  async readSession(streamId: string): Promise<ChainViewerSession | null> {
    const session = this.sessions.get(streamId);
    return session ? { joinedAtMs: session.joinedAtMs, ticks: session.ticks, paid: session.paid } : null;
  }

  async chainTimeMs(): Promise<number> {
    return this.#clock();
  }

  async nonceStatus(): Promise<NonceStatus> {
    return { stateNonce: this.stateNonce, poolNextIndex: this.poolNextIndex };
  }

  async join(streamId: string): Promise<TxOutcome> {
    this.joinCalls.push(streamId);
    const stream = this.streams.get(streamId);
    this.stateNonce += 1;
    if (!stream) return { kind: 'failed', fee: this.fee, error: 'TickStream.StreamNotFound' };
    if (!stream.active) return { kind: 'failed', fee: this.fee, error: 'TickStream.StreamNotActive' };
    if (!this.sessions.has(streamId)) this.sessions.set(streamId, { joinedAtMs: this.#clock(), ticks: 0, paid: 0n, carry: 0n });
    return { kind: 'included', fee: this.fee, paid: 0n };
  }

  async recordTicks(
    streamId: string,
    ticks: number,
    maxRate: bigint,
    onSigned: (info: SignedInfo) => Promise<void>,
  ): Promise<TxOutcome> {
    if (this.rejectWith) return { kind: 'rejected', ...this.rejectWith };
    const nonce = this.poolNextIndex;
    await onSigned({ nonce, hash: `0x${nonce.toString(16).padStart(64, '0')}` });
    this.recordCalls.push({ streamId, ticks, maxRate, nonce });
    const outcome = new Promise<TxOutcome>((resolve) => this.pending.push({ nonce, streamId, ticks, maxRate, resolve }));
    if (this.autoInclude) this.includeNext();
    return outcome;
  }

  /** Puts the oldest pending call in a block (as the node would) and reports it. */
  includeNext(report = true): void {
    const call = this.pending.shift();
    if (!call) throw new Error('nothing pending');
    this.stateNonce += 1;
    const outcome = this.#apply(call);
    if (report) call.resolve(outcome);
  }

  /** The worker died or the connection dropped: the oldest call lands (or not) but nobody hears back. */
  includeSilently(): void {
    this.includeNext(false);
  }

  dropAllSilently(): void {
    this.pending.splice(0);
  }

  /** Takes the oldest call out of the pool into a block that is still being built (not in state yet). */
  startBuilding(): void {
    const call = this.pending.shift();
    if (!call) throw new Error('nothing pending');
    this.#building.push(call);
  }

  /** The block being built is imported; nobody hears about it. */
  finishBuildingSilently(): void {
    for (const call of this.#building.splice(0)) {
      this.stateNonce += 1;
      this.#apply(call);
    }
  }

  readonly #building: PendingCall[] = [];

  #apply(call: PendingCall): TxOutcome {
    const session = this.sessions.get(call.streamId);
    const stream = this.streams.get(call.streamId);
    if (this.failWith) return { kind: 'failed', fee: this.fee, error: this.failWith };
    if (!session) return { kind: 'failed', fee: this.fee, error: 'TickStream.NotJoined' };
    if (!stream?.active) return { kind: 'failed', fee: this.fee, error: 'TickStream.StreamNotActive' };
    const subscribed = this.subscribed.has(call.streamId);
    if (!subscribed && stream.ratePerMinute > call.maxRate) return { kind: 'failed', fee: this.fee, error: 'TickStream.RateAboveLimit' };
    const elapsed = Math.floor((this.#clock() - session.joinedAtMs) / 1000);
    if (session.ticks + call.ticks > elapsed + 12) return { kind: 'failed', fee: this.fee, error: 'TickStream.TicksExceedElapsedTime' };
    if (subscribed) {
      session.ticks += call.ticks;
      return { kind: 'included', fee: this.fee, paid: 0n };
    }
    const total = BigInt(call.ticks) * stream.ratePerMinute + session.carry;
    const amount = total / 60n;
    session.carry = total % 60n;
    session.ticks += call.ticks;
    session.paid += amount;
    return { kind: 'included', fee: this.fee, paid: amount };
  }
}
