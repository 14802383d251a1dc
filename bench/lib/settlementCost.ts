// What one settlement costs a block, read from a chain that has just carried many of them: its compute
// (the weight the runtime charged it) and its proof of validity, as the block accounts it after
// storage-weight reclaim and as a storage read proof of the keys it touches. And the limits the
// runtime publishes in its metadata, which turn those costs into viewers.
import type { ApiPromise } from '@polkadot/api';
import type { KeyringPair } from '@polkadot/keyring/types';
import { DEMO_RATE_PER_MINUTE, DEMO_STREAM } from '../../test/e2e/chainState.js';
import type { BlockEvent, BlockWatcher, WatchedBlock } from './blockWatcher.js';
import type { SettlementLimits, Weight } from './capacity.js';

/** Picoseconds of ref_time per microsecond. */
const PS_PER_US = 1_000_000;

const weightOf = (json: unknown): Weight => {
  const value = json as { refTime: number | string; proofSize: number | string };
  return { refTime: BigInt(value.refTime), proofSize: BigInt(value.proofSize) };
};

const constNumber = (value: { toString(): string }) => Number(value.toString());

export interface RuntimeLimits extends SettlementLimits {
  /** `TickStream.FlushSeconds`. */
  flushSeconds: number;
  /** The normal class's share of a block (`System.BlockWeights.perClass.normal.maxTotal`). */
  normalMax: Weight;
  /** `perClass.normal.baseExtrinsic`. */
  baseExtrinsic: Weight;
}

/** The settlement limits and block limits the runtime publishes (metadata constants). */
export function runtimeLimits(api: ApiPromise): RuntimeLimits {
  const tickStream = api.consts.tickStream;
  const blockWeights = api.consts.system.blockWeights.toJSON() as { maxBlock: unknown; perClass: { normal: { baseExtrinsic: unknown; maxTotal: unknown } } };
  const normal = blockWeights.perClass.normal;
  return {
    capacityPerBlock: constNumber(tickStream.settlementCapacity),
    blockMs: constNumber(tickStream.expectedBlockTime),
    maxIntervalSeconds: constNumber(tickStream.maxSettlementInterval),
    flushSeconds: constNumber(tickStream.flushSeconds),
    normalMax: weightOf(normal.maxTotal ?? blockWeights.maxBlock),
    baseExtrinsic: weightOf(normal.baseExtrinsic),
  };
}

const isSettlement = (event: BlockEvent) => event.section === 'tickStream' && event.method === 'TickRecorded';
const isFlush = (event: BlockEvent) => event.section === 'tickStream' && event.method === 'SessionFlushed';

/**
 * The block with the most settlements among those whose signed extrinsics are all plain settlements
 * (no flush), each by a different viewer: a viewer's second settlement in a block reads keys already
 * proven, so it would hide what a settlement costs the proof.
 */
export function fullestSettlementBlock(blocks: readonly WatchedBlock[]): { block: WatchedBlock; settlements: number } | null {
  let fullest: { block: WatchedBlock; settlements: number } | null = null;
  for (const block of blocks) {
    const settlements = block.events.filter(isSettlement).length;
    const signers = block.signed.flatMap((entry) => (entry ? [entry.signer] : []));
    if (settlements === 0 || settlements !== signers.length || new Set(signers).size !== signers.length || block.events.some(isFlush)) continue;
    if (!fullest || settlements > fullest.settlements) fullest = { block, settlements };
  }
  return fullest;
}

export interface SettlementCost {
  metrics: {
    eventRefTimeUs: number;
    queryInfoRefTimeUs: number;
    baseExtrinsicUs: number;
    blockRefTimePerSettlementUs: number;
    blockProofPerSettlement: number;
    readProofPerSettlement: number;
    encodedLength: number;
    readProofWithLength: number;
    fullestBlockSettlements: number;
  };
  /** The measured compute and the proof size the block accounted, per settlement. */
  measured: Weight;
  details: Record<string, unknown>;
}

/** Reads the cost of a settlement from the fullest block of plain settlements `blocks` has seen. */
export async function settlementCost(api: ApiPromise, blocks: BlockWatcher, payer: KeyringPair): Promise<SettlementCost> {
  await blocks.settled();
  const fullest = fullestSettlementBlock(blocks.blocks);
  if (!fullest) throw new Error('no block of only settlements arrived: no weight to read');
  const { block, settlements } = fullest;

  const first = block.events.find(isSettlement)!.extrinsic;
  const success = block.events.find((event) => event.extrinsic === first && event.section === 'system' && event.method === 'ExtrinsicSuccess');
  if (!success) throw new Error('the settlement has no ExtrinsicSuccess event');
  const inEvent = weightOf((success.json as [{ weight: unknown }])[0].weight);

  const queried = await api.tx.tickStream.recordTick(DEMO_STREAM, 1, DEMO_RATE_PER_MINUTE).paymentInfo(payer);
  const queryWeight = weightOf(queried.weight.toJSON());
  const normalUsed = weightOf(((await api.query.system.blockWeight.at(block.hash)).toJSON() as { normal: unknown }).normal);
  const perSettlement: Weight = { refTime: normalUsed.refTime / BigInt(settlements), proofSize: normalUsed.proofSize / BigInt(settlements) };

  // The storage the block's settlements read, proven against the state they ran on (the parent's):
  // each signer's account (nonce, fee) and session, and what every settlement of a block shares —
  // the stream's terms, the fee multiplier, the total issuance (fees are burnt), the genesis hash
  // (CheckGenesis, immortal era) and the timestamp.
  const signedBlock = await api.rpc.chain.getBlock(block.hash);
  const extrinsics = signedBlock.block.extrinsics.filter((extrinsic) => extrinsic.isSigned);
  const signers = extrinsics.map((extrinsic) => extrinsic.signer.toString());
  const keys = [
    ...signers.flatMap((signer) => [api.query.system.account.key(signer), api.query.tickStream.sessions.key(DEMO_STREAM, signer)]),
    api.query.streamRegistry.terms.key(DEMO_STREAM),
    api.query.transactionPayment.nextFeeMultiplier.key(),
    api.query.balances.totalIssuance.key(),
    api.query.system.blockHash.key(0),
    api.query.timestamp.now.key(),
  ];
  const proof = await api.rpc.state.getReadProof(keys, signedBlock.block.header.parentHash);
  const proofBytes = proof.proof.reduce((sum, node) => sum + node.length, 0);
  const lengths = extrinsics.map((extrinsic) => extrinsic.encodedLength);
  const encodedLength = lengths.reduce((sum, length) => sum + length, 0) / lengths.length;
  const readProofPerSettlement = proofBytes / settlements;

  return {
    metrics: {
      eventRefTimeUs: Number(inEvent.refTime) / PS_PER_US,
      queryInfoRefTimeUs: Number(queryWeight.refTime) / PS_PER_US,
      baseExtrinsicUs: Number(runtimeLimits(api).baseExtrinsic.refTime) / PS_PER_US,
      blockRefTimePerSettlementUs: Number(perSettlement.refTime) / PS_PER_US,
      blockProofPerSettlement: Number(perSettlement.proofSize),
      readProofPerSettlement,
      encodedLength,
      readProofWithLength: readProofPerSettlement + encodedLength,
      fullestBlockSettlements: settlements,
    },
    measured: { refTime: inEvent.refTime, proofSize: perSettlement.proofSize },
    details: {
      inEvent: { refTime: inEvent.refTime, proofSize: inEvent.proofSize },
      queryInfo: { refTime: queryWeight.refTime, proofSize: queryWeight.proofSize, partialFee: queried.partialFee.toString() },
      fullestBlock: { number: block.number, settlements, normal: normalUsed },
      readProof: { at: signedBlock.block.header.parentHash.toHex(), keys: keys.length, nodes: proof.proof.length, bytes: proofBytes },
    },
  };
}
