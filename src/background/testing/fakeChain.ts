import type { ChainStream, ChainViewerSession, MeteringChain, NonceStatus, SettlementTerms, SignedInfo, TxOutcome } from '../chainTypes';
import { joinCost } from '../settlement';

interface PendingCall {
  nonce: number;
  streamId: string;
  ticks: number;
  maxRate: bigint;
  resolve: (outcome: TxOutcome) => void;
}

/** The runtime's constants (docs/chain.md), in the fake's planck. */
export const FAKE_TERMS: SettlementTerms = {
  sessionDeposit: 10_000_000_000n,
  heldSeconds: 600,
  feeReserve: 10_000_000_000n,
  existentialDeposit: 1_000_000_000n,
  tickSlackSeconds: 12,
  maxSettlementInterval: 300,
  maxTicksPerCall: 3600,
};

type FakeSession = ChainViewerSession & { carry: bigint };

/**
 * A small in-memory stand-in for the Vilokanam runtime as seen by the metering engine and the settlement:
 * it applies docs/chain.md's money rule (floor((ticks·rate + carry) / 60)), the held session (joining
 * needs `joinCost` free, at most the joined rate is charged), the elapsed-time guard and the account
 * nonce. With `autoInclude` off, record_tick calls wait in `pending` until the test includes, fails or
 * drops them.
 */
export class FakeChain implements MeteringChain {
  readonly streams = new Map<string, ChainStream>();
  readonly sessions = new Map<string, FakeSession>();
  readonly recordCalls: { streamId: string; ticks: number; maxRate: bigint; nonce: number }[] = [];
  readonly joinCalls: string[] = [];
  readonly joinRates: bigint[] = [];
  readonly leaveCalls: string[] = [];
  /** `TickStream.SettlementInterval`: a test raises it as the chain would under load. */
  settlementInterval: number | null = 1;
  settlementTerms: SettlementTerms | null = FAKE_TERMS;
  freeBalance: bigint | null = 1_000_000n * 1_000_000_000_000n;
  readonly pending: PendingCall[] = [];
  autoInclude = true;
  /** Makes every record_tick fail in its block with this error (e.g. 'PaymentHandler.InsufficientFunds'). */
  failWith: string | null = null;
  /** Makes the pool refuse every call with this text. */
  rejectWith: { error: string; retryable: boolean; insufficientFunds: boolean } | null = null;
  fee = 7n;
  /** How often the fee of a call was asked for. */
  feeEstimates = 0;
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
    if (!session) return null;
    const { carry: _carry, ...view } = session;
    return view;
  }

  async chainTimeMs(): Promise<number> {
    return this.#clock();
  }

  async nonceStatus(): Promise<NonceStatus> {
    return { stateNonce: this.stateNonce, poolNextIndex: this.poolNextIndex };
  }

  async estimateTickFee(): Promise<bigint> {
    this.feeEstimates += 1;
    return this.fee;
  }

  async join(_genesisHash: string, streamId: string, maxRatePerMinute: bigint): Promise<TxOutcome> {
    this.joinCalls.push(streamId);
    this.joinRates.push(maxRatePerMinute);
    const stream = this.streams.get(streamId);
    this.stateNonce += 1;
    if (!stream) return { kind: 'failed', fee: this.fee, error: 'TickStream.StreamNotFound' };
    if (!stream.active) return { kind: 'failed', fee: this.fee, error: 'TickStream.StreamNotActive' };
    if (stream.ratePerMinute > maxRatePerMinute) return { kind: 'failed', fee: this.fee, error: 'TickStream.RateAboveLimit' };
    if (this.sessions.has(streamId)) return { kind: 'included', fee: this.fee, paid: 0n };
    const terms = this.settlementTerms ?? FAKE_TERMS;
    const cost = joinCost(terms, maxRatePerMinute, this.subscribed.has(streamId));
    if (this.freeBalance !== null && this.freeBalance < cost + this.fee) return { kind: 'failed', fee: this.fee, error: 'TickStream.InsufficientFunds' };
    const onHold = cost - terms.feeReserve - terms.existentialDeposit;
    this.sessions.set(streamId, { maxRatePerMinute, billedUntilMs: this.#clock(), ticks: 0, paid: 0n, onHold, carry: 0n });
    return { kind: 'included', fee: this.fee, paid: 0n };
  }

  async leave(_genesisHash: string, streamId: string): Promise<TxOutcome> {
    this.leaveCalls.push(streamId);
    this.stateNonce += 1;
    if (!this.sessions.delete(streamId)) return { kind: 'failed', fee: this.fee, error: 'TickStream.NotJoined' };
    return { kind: 'included', fee: this.fee, paid: 0n };
  }

  async recordTicks(
    _genesisHash: string,
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

  /**
   * The pool says it let the oldest call go (Dropped, Usurped, Invalid) or it stayed in no block too
   * long: the result is `unknown`, whether it landed in a block all the same (`landed`) or not.
   */
  reportUnknown(landed: boolean): void {
    const call = this.pending.shift();
    if (!call) throw new Error('nothing pending');
    if (landed) {
      this.stateNonce += 1;
      this.#apply(call);
    }
    call.resolve({ kind: 'unknown', error: 'left the pool' });
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
    if (!subscribed && (stream.ratePerMinute > call.maxRate || stream.ratePerMinute > session.maxRatePerMinute))
      return { kind: 'failed', fee: this.fee, error: 'TickStream.RateAboveLimit' };
    // The elapsed-time guard (docs/chain.md).
    const terms = this.settlementTerms ?? FAKE_TERMS;
    const now = this.#clock();
    const until = Math.max(session.billedUntilMs, now - terms.maxSettlementInterval * 1000) + call.ticks * 1000;
    if (until > now + terms.tickSlackSeconds * 1000) return { kind: 'failed', fee: this.fee, error: 'TickStream.TicksExceedElapsedTime' };
    session.billedUntilMs = until;
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
