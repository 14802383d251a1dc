// How many record_ticks, and so how many concurrent viewers, one block carries by the runtime's own limits.

export interface BlockLimits {
  /** Normal-class ref_time limit of a block (`System.BlockWeights.perClass.normal.maxTotal`), ps. */
  normalRefTime: bigint;
  /** Normal-class proof-size limit, bytes (u64::MAX-like values mean "no limit"). */
  normalProofSize: bigint;
  /** Normal-class length limit (`System.BlockLength.max.normal`), bytes. */
  normalLength: number;
  /** Seconds between blocks. */
  blockSeconds: number;
}

export interface PerExtrinsic {
  /** What one extrinsic adds to the block's normal weight (dispatch + base extrinsic), ps. */
  refTime: bigint;
  proofSize: bigint;
  /** Encoded length, bytes. */
  length: number;
}

export interface Capacity {
  extrinsicsPerBlock: number;
  limitedBy: 'ref_time' | 'proof_size' | 'length';
  /** Concurrent viewers when each sends one extrinsic per `secondsPerExtrinsic` watched seconds. */
  viewers(secondsPerExtrinsic: number): number;
  /** Seconds each extrinsic must carry for `viewers` concurrent viewers. */
  secondsPerExtrinsicFor(viewers: number): number;
}

/** Proof-size limits at or above this are a solo chain's "unlimited". */
const UNLIMITED = 2n ** 62n;

export function blockCapacity(limits: BlockLimits, extrinsic: PerExtrinsic): Capacity {
  if (extrinsic.refTime <= 0n || extrinsic.length <= 0) throw new Error('an extrinsic has a positive weight and length');
  const byRefTime = Number(limits.normalRefTime / extrinsic.refTime);
  const byProof =
    limits.normalProofSize < UNLIMITED && extrinsic.proofSize > 0n ? Number(limits.normalProofSize / extrinsic.proofSize) : Number.POSITIVE_INFINITY;
  const byLength = Math.floor(limits.normalLength / extrinsic.length);
  const extrinsicsPerBlock = Math.min(byRefTime, byProof, byLength);
  const limitedBy = extrinsicsPerBlock === byRefTime ? 'ref_time' : extrinsicsPerBlock === byLength ? 'length' : 'proof_size';
  return {
    extrinsicsPerBlock,
    limitedBy,
    viewers: (secondsPerExtrinsic) => Math.floor((extrinsicsPerBlock * secondsPerExtrinsic) / limits.blockSeconds),
    secondsPerExtrinsicFor: (viewers) => Math.ceil((viewers * limits.blockSeconds) / extrinsicsPerBlock),
  };
}
