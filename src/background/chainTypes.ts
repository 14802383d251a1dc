/** What the metering engine and the settlement need from the chain; the real one is `ChainClient`, tests use fakes. */

export interface ChainStream {
  streamId: string;
  title: string;
  /** SS58 address in the chain's format. */
  creator: string;
  /** Hex public key, to compare with a tag's creator in any SS58 format. */
  creatorPublicKey: string;
  ratePerMinute: bigint;
  active: boolean;
}

/** `TickStream.Sessions(stream, viewer)`, present while the viewer is joined (docs/chain.md). */
export interface ChainViewerSession {
  /** The rate joined with: no settlement is charged above it (leave and join again to agree to more). */
  maxRatePerMinute: bigint;
  /** ms of chain time: the elapsed-time guard's clock. */
  billedUntilMs: number;
  /** Seconds settled since joining. */
  ticks: number;
  /** Charged since joining (in escrow, or owed from the hold). */
  paid: bigint;
  /** The viewer's funds on hold for this session (`held`) plus its `deposit`. */
  onHold: bigint;
}

/**
 * The runtime's constants a settlement is planned with (`api.consts.tickStream`,
 * `api.consts.balances.existentialDeposit`; docs/chain.md).
 */
export interface SettlementTerms {
  sessionDeposit: bigint;
  /** Seconds of watching at the joined rate a session keeps on hold. */
  heldSeconds: number;
  /** Free balance a session must leave for fees. */
  feeReserve: bigint;
  existentialDeposit: bigint;
  /** How far settled seconds may run ahead of chain time. */
  tickSlackSeconds: number;
  /** The widest settlement interval, and the most allowance an idle session banks. */
  maxSettlementInterval: number;
  maxTicksPerCall: number;
}

export interface NonceStatus {
  /** `System.Account.nonce`: transactions with a lower nonce are in blocks. */
  stateNonce: number;
  /** `system_accountNextIndex`: also counts transactions waiting in the pool. */
  poolNextIndex: number;
}

export type TxOutcome =
  /** In a block and succeeded. `paid` is the `TickRecorded` amount (0 for other calls). */
  | { kind: 'included'; fee: bigint; paid: bigint }
  /** In a block but the call failed; `error` is `Section.Name`. The fee was still charged. */
  | { kind: 'failed'; fee: bigint; error: string }
  /** Refused by the pool, never included; its nonce is free again. */
  | { kind: 'rejected'; error: string; retryable: boolean; insufficientFunds: boolean }
  /** Possibly sent, but the connection was lost before a result: reconcile with chain state. */
  | { kind: 'unknown'; error: string };

export interface SignedInfo {
  nonce: number;
  hash: string;
}

export interface MeteringChain {
  getStream(streamId: string): Promise<ChainStream | null>;
  readSession(streamId: string): Promise<ChainViewerSession | null>;
  /** `Timestamp.Now` of the best block. */
  chainTimeMs(): Promise<number>;
  nonceStatus(): Promise<NonceStatus>;
  /** `TickStream.SettlementInterval` as the chain last published it (a storage subscription); null until known. */
  readonly settlementInterval: number | null;
  /** The runtime's settlement constants; null until connected. */
  readonly settlementTerms: SettlementTerms | null;
  /** The viewer's free balance as last heard; null until known. */
  readonly freeBalance: bigint | null;
  /**
   * The network fee of a `record_tick` (`payment_queryInfo`): its arguments encode at a fixed size, so one
   * stream's costs as much as another's; estimated for the most ticks a call takes, an upper bound.
   */
  estimateTickFee(): Promise<bigint>;
  /**
   * The calls of a session name the network (genesis hash) its seconds were watched on: they are refused,
   * unsigned, while another one is connected.
   */
  join(genesisHash: string, streamId: string, maxRatePerMinute: bigint): Promise<TxOutcome>;
  leave(genesisHash: string, streamId: string): Promise<TxOutcome>;
  /** `onSigned` runs (and is awaited) after signing and before sending. Never throws. */
  recordTicks(
    genesisHash: string,
    streamId: string,
    ticks: number,
    maxRatePerMinute: bigint,
    onSigned: (info: SignedInfo) => Promise<void>,
  ): Promise<TxOutcome>;
}
