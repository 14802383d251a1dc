/** What the metering engine needs from the chain; the real one is `ChainClient`, tests use fakes. */

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

/** `TickStream.Sessions(stream, viewer)`, present while the viewer is joined. */
export interface ChainViewerSession {
  joinedAtMs: number;
  ticks: number;
  paid: bigint;
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
  join(streamId: string): Promise<TxOutcome>;
  /** `onSigned` runs (and is awaited) after signing and before sending. Never throws. */
  recordTicks(
    streamId: string,
    ticks: number,
    maxRatePerMinute: bigint,
    onSigned: (info: SignedInfo) => Promise<void>,
  ): Promise<TxOutcome>;
}
