// The runtime's settlement arithmetic, so the bench turns the chain's published constants and the
// weights it measured into viewers, intervals, exposure and latency. Mirrors `settlement_capacity()`
// (chain/runtime/src/configs/vilokanam.rs) and `TickStream::interval_for` (pallet-tick-stream).

export interface Weight {
  /** Picoseconds of compute. */
  refTime: bigint;
  /** Bytes of proof of validity. */
  proofSize: bigint;
}

export interface SettlementLimits {
  /** Settlements one block takes at the load the chain aims for (`TickStream.SettlementCapacity`). */
  capacityPerBlock: number;
  /** `TickStream.ExpectedBlockTime`, ms. */
  blockMs: number;
  /** `TickStream.MaxSettlementInterval`, s. */
  maxIntervalSeconds: number;
}

const MS_PER_SECOND = 1000;

/**
 * The interval the chain publishes for `active` open sessions: the fewest seconds at which they all
 * settle once per interval within `capacityPerBlock` settlements a block, at least 1 s, at most the cap.
 */
export function settlementInterval(active: number, limits: SettlementLimits): number {
  const perBlock = Math.max(1, limits.capacityPerBlock);
  const blockMs = Math.max(1, limits.blockMs);
  const divisor = perBlock * MS_PER_SECOND;
  const needed = Math.floor((active * blockMs + divisor - 1) / divisor);
  return Math.min(Math.max(needed, 1), Math.max(1, limits.maxIntervalSeconds));
}

/**
 * The most open sessions for which the chain publishes an interval of at most `seconds` (and which
 * then fit its blocks). Beyond `MaxSettlementInterval` the chain asks for no wider interval, so a
 * longer wait carries no more viewers.
 */
export function viewersAtInterval(seconds: number, limits: SettlementLimits): number {
  const interval = Math.min(Math.floor(seconds), limits.maxIntervalSeconds);
  if (interval < 1) return 0;
  return Math.floor((interval * limits.capacityPerBlock * MS_PER_SECOND) / Math.max(1, limits.blockMs));
}

export interface CapacityFromLimits {
  settlements: number;
  byRefTime: number;
  byProofSize: number;
  limitedBy: 'ref_time' | 'proof_size';
}

/**
 * Settlements that fit in `fullnessPercent` % of the normal class's block limit (`maxTotal`), in
 * whichever of compute and proof size runs out first — what `settlement_capacity()` computes from the
 * benchmarked weight and the assumed proof size, here from any pair the bench measured.
 */
export function capacityFromLimits(normalMax: Weight, fullnessPercent: number, perSettlement: Weight): CapacityFromLimits {
  if (perSettlement.refTime <= 0n || perSettlement.proofSize <= 0n) throw new Error('a settlement has a positive weight and proof size');
  const share = (limit: bigint) => (limit * BigInt(fullnessPercent)) / 100n;
  const byRefTime = Number(share(normalMax.refTime) / perSettlement.refTime);
  const byProofSize = Number(share(normalMax.proofSize) / perSettlement.proofSize);
  return {
    settlements: Math.min(byRefTime, byProofSize),
    byRefTime,
    byProofSize,
    limitedBy: byRefTime <= byProofSize ? 'ref_time' : 'proof_size',
  };
}

/** What a creator has been watched for and not yet paid, at most: one interval of seconds at `ratePerMinute`. */
export function exposure(intervalSeconds: number, ratePerMinute: bigint): bigint {
  return (BigInt(intervalSeconds) * ratePerMinute) / 60n;
}

/**
 * Seconds from a watched second to its money in the stream's escrow, at most, while the viewer keeps
 * watching: settled within one interval, flushed once `FlushSeconds` settled seconds have gathered.
 */
export function latencyToCreator(intervalSeconds: number, flushSeconds: number): number {
  return intervalSeconds + flushSeconds;
}
