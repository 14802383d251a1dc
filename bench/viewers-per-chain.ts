// Figure 4 — viewers per chain: many simulated viewers ticking every second against the local chain, and
// the runtime's own weight per record_tick → how many concurrent viewers one production block carries.
import { ApiPromise, WsProvider } from '@polkadot/api';
import type { SubmittableExtrinsic } from '@polkadot/api/types';
import { DEV_PHRASE, Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { DEMO_RATE_PER_MINUTE, DEMO_STREAM, UNIT } from '../test/e2e/chainState.js';
import { BlockWatcher, type BlockEvent, type WatchedBlock } from './lib/blockWatcher.js';
import { blockCapacity } from './lib/capacity.js';
import { startChainProcess, type ChainProcess } from './lib/chainProcess.js';
import type { BenchOptions, Figure, MetricSpec, RunContext, RunOutcome } from './lib/figure.js';
import { sleep } from './lib/meterSession.js';
import { quantile, type Summary } from './lib/stats.js';

const TICK_SECONDS = 30;
const PRODUCTION_BLOCK_SECONDS = 6;
const TARGET_VIEWERS = 10_000;
const FUNDS_PER_VIEWER = UNIT;
const TRANSFERS_PER_BATCH = 250;
/** Extrinsics waiting for the node's acceptance at once (chopsticks validates them concurrently: more only slows each). */
const JOIN_CONCURRENCY = 32;
const MAX_AWAITING_ACCEPTANCE = 32;
const FUNDING_TIMEOUT_MS = 120_000;
const JOIN_TIMEOUT_MS = 600_000;
const DRAIN_TIMEOUT_MS = 60_000;
/** Picoseconds of ref_time per microsecond. */
const PS_PER_US = 1_000_000;

type Extrinsic = SubmittableExtrinsic<'promise'>;

interface Viewer {
  pair: KeyringPair;
  api: ApiPromise;
  nonce: number;
  /** A record_tick of this viewer is waiting for the node to accept it (the next one must wait). */
  submitting: boolean;
}

interface Weight {
  refTime: bigint;
  proofSize: bigint;
}

const weightOf = (json: unknown): Weight => {
  const value = json as { refTime: number | string; proofSize: number | string };
  return { refTime: BigInt(value.refTime), proofSize: BigInt(value.proofSize) };
};

export const viewersPerChain: Figure = {
  id: 'viewers-per-chain',
  number: 4,
  title: 'Viewers per chain',
  method: [
    "For each N, a fresh local chain runs in a process of its own (`scripts/chain/cli.ts`, quick block mode), so the load generator does not share the chain's event loop. N viewer accounts are derived from the dev seed (`<DEV_PHRASE>//vilokanam-bench//i`), funded by Alice with `utility.batch` of transfers (250 a batch) and each joins stream 1. Then, for 30 s, every viewer signs a `record_tick(1, 1 tick)` every second, from a few ApiPromise connections in one loop, and submits it with `author_submitExtrinsic`. Like the extension, a viewer sends its next extrinsic only once the node has accepted the previous one (chopsticks validates concurrently and would otherwise queue them out of order), and at most 32 extrinsics wait for acceptance at once (chopsticks validates all waiting ones together, so more only slows each until they time out); a viewer's second that finds its own previous tick, or 32 others, still waiting is not sent and is counted. Extrinsics are immortal (era 0), so signing needs no header from the node.",
    "Sustained ticks per second = `record_tick`s that succeeded in blocks ÷ the time from the first second to the arrival of the last of those blocks (the bench follows new heads and matches extrinsic hashes; under load chopsticks builds its blocks late, after the validations waiting, so the drain after the 30 s counts too). Failures = refused by the pool + failed in dispatch; extrinsics still waiting for acceptance (or whose acceptance timed out after 60 s) or for a block 60 s after the last second are counted apart. The chain process's CPU during the 30 s shows whether the node was the bottleneck.",
    "Capacity comes from the runtime, not from chopsticks: what one `record_tick` adds to the block's normal-class weight by the runtime's own accounting (`System.BlockWeight.normal` ÷ extrinsics, in the fullest block holding only `record_tick`s; it equals the weight in each one's `ExtrinsicSuccess`, which includes `System.BlockWeights.perClass.normal.baseExtrinsic`; `payment_queryInfo` is shown beside it), against the normal-class limit `perClass.normal.maxTotal` (75 % of the 2 s block), and the encoded length against `System.BlockLength.max.normal`. One viewer needs 6 extrinsics per 6 s block, so viewers per block = extrinsics per block ÷ 6.",
  ],
  metrics: (options: BenchOptions) => [
    ...options.viewerCounts.flatMap((n): MetricSpec[] => [
      { key: `n${n}.sustained`, label: `N = ${n}: sustained ticks per second (offered ${n})`, unit: 'ticks/s', decimals: 1 },
      { key: `n${n}.failures`, label: `N = ${n}: failures (refused by the pool or failed in dispatch)`, unit: '', decimals: 0 },
      { key: `n${n}.pending`, label: `N = ${n}: still waiting for acceptance or a block ${DRAIN_TIMEOUT_MS / 1000} s after the last second`, unit: '', decimals: 0 },
      { key: `n${n}.skipped`, label: `N = ${n}: seconds not sent (own previous tick, or ${MAX_AWAITING_ACCEPTANCE} others, still waiting for the node)`, unit: '', decimals: 0 },
      { key: `n${n}.acceptP50`, label: `N = ${n}: node acceptance, p50`, unit: 'ms', decimals: 0 },
      { key: `n${n}.chainCpu`, label: `N = ${n}: chain process CPU while ticking`, unit: '% of a core', decimals: 0 },
    ]),
    { key: 'queryInfoRefTimeUs', label: 'record_tick weight by payment_queryInfo (call + extensions, ref_time)', unit: 'µs', decimals: 1 },
    { key: 'eventRefTimeUs', label: 'record_tick weight in its ExtrinsicSuccess (actual, with the base extrinsic weight)', unit: 'µs', decimals: 1 },
    { key: 'baseExtrinsicUs', label: 'base extrinsic weight (ref_time)', unit: 'µs', decimals: 1 },
    { key: 'blockWeightPerTickUs', label: 'System.BlockWeight (normal) ÷ record_ticks in a block of only record_ticks', unit: 'µs', decimals: 1 },
    { key: 'encodedLength', label: 'encoded length of a signed record_tick', unit: 'bytes', decimals: 0 },
    { key: 'extrinsicsPerBlock', label: 'record_ticks one block can carry (normal class)', unit: '', decimals: 0 },
    {
      key: 'viewersPerBlock',
      label: 'concurrent viewers one 6 s block carries (1 extrinsic per viewer per second)',
      unit: 'viewers',
      decimals: 0,
      target: { text: `≥ ${TARGET_VIEWERS.toLocaleString('en')}`, met: (value) => value >= TARGET_VIEWERS },
    },
    { key: 'batchSecondsFor10k', label: `seconds per record_tick needed for ${TARGET_VIEWERS.toLocaleString('en')} viewers`, unit: 's', decimals: 0 },
  ],
  async run(context) {
    await cryptoWaitReady();
    const metrics: Record<string, number> = {};
    const details: Record<string, unknown> = {};
    for (const [index, n] of context.options.viewerCounts.entries()) {
      context.log(`N = ${n}`);
      const measured = await measureViewers(context, n, index === 0);
      for (const [key, value] of Object.entries(measured.perN)) metrics[`n${n}.${key}`] = value;
      Object.assign(metrics, measured.capacity);
      details[`n${n}`] = measured.details;
    }
    return { metrics, details };
  },
  discuss(summaries: Record<string, Summary | null>, options: BenchOptions): string[] {
    const viewers = summaries.viewersPerBlock?.median;
    const perBlock = summaries.extrinsicsPerBlock?.median;
    const batch = summaries.batchSecondsFor10k?.median;
    const lines: string[] = [];
    if (viewers !== undefined && perBlock !== undefined && batch !== undefined) {
      if (viewers >= TARGET_VIEWERS) {
        lines.push(`With one extrinsic per viewer per second, one 6 s block carries ${Math.floor(viewers).toLocaleString('en')} concurrent viewers: the ${TARGET_VIEWERS.toLocaleString('en')} target is met by weight.`);
      } else {
        lines.push(
          `With one extrinsic per viewer per second, one 6 s block carries ${Math.floor(viewers).toLocaleString('en')} concurrent viewers (${Math.floor(perBlock).toLocaleString('en')} record_ticks per block): ${(TARGET_VIEWERS / viewers).toFixed(1)}× short of ${TARGET_VIEWERS.toLocaleString('en')}.`,
          `A record_tick weighs the same whatever its tick count, so batching ${batch} s per extrinsic (ticks = ${batch}; MaxTicksPerCall = 3600) carries ${TARGET_VIEWERS.toLocaleString('en')} viewers, and divides the fees per watched minute by ${batch} as well; the price is that a second is on chain up to ${batch} s after it was watched (the money rules already charge batched seconds exactly).`,
        );
      }
    }
    const sustained = options.viewerCounts
      .map((n) => ({ n, value: summaries[`n${n}.sustained`]?.median, cpu: summaries[`n${n}.chainCpu`]?.median }))
      .filter((entry): entry is { n: number; value: number; cpu: number | undefined } => entry.value !== undefined);
    if (sustained.some((entry) => entry.value < entry.n * 0.9)) {
      const best = sustained.reduce((a, b) => (b.value > a.value ? b : a));
      lines.push(
        `The local chain fell behind the offered load: at most ${best.value.toFixed(1)} ticks/s sustained (N = ${best.n}${best.cpu === undefined ? '' : `, chain process at ${Math.round(best.cpu)} % of a core`}). chopsticks executes the runtime with smoldot's wasmi interpreter (itself compiled to wasm), in one thread, for every validation and every applied extrinsic: that is the simulator's limit on this machine, not the runtime's. The capacity above is what the runtime's own weight limit allows a production node.`,
      );
    }
    return lines;
  },
};

interface ViewersMeasurement {
  /** What was measured with N viewers. */
  perN: Record<string, number>;
  /** The runtime's weight and block capacity (read once per run). */
  capacity: Record<string, number>;
  details: Record<string, unknown>;
}

async function measureViewers(context: RunContext, n: number, withCapacity: boolean): Promise<ViewersMeasurement> {
  const chain = await startChainProcess();
  const connections = Math.min(4, Math.ceil(n / 250));
  const apis: ApiPromise[] = [];
  let blocks: BlockWatcher | undefined;
  try {
    for (let i = 0; i < connections; i++) apis.push(await ApiPromise.create({ provider: new WsProvider(chain.endpoint), noInitWarn: true }));
    const api = apis[0]!;
    blocks = await BlockWatcher.start(api);
    const keyring = new Keyring({ type: 'sr25519', ss58Format: api.registry.chainSS58 ?? 42 });
    const alice = keyring.addFromUri('//Alice');
    const viewers: Viewer[] = Array.from({ length: n }, (_, i) => ({
      pair: keyring.addFromUri(`${DEV_PHRASE}//vilokanam-bench//${i}`),
      api: apis[i % apis.length]!,
      nonce: 0,
      submitting: false,
    }));

    context.log(`funding ${n} viewers`);
    await fund(api, alice, viewers, blocks);
    context.log(`${n} viewers join stream ${DEMO_STREAM}`);
    const joinStarted = Date.now();
    await joinAll(viewers, blocks);
    const joinSeconds = (Date.now() - joinStarted) / 1000;

    context.log(`${n} viewers tick for ${context.duration(TICK_SECONDS, 10)} s`);
    const ticking = await tickEverySecond(context, viewers, blocks, chain);
    const capacity = withCapacity ? await runtimeCapacity(api, viewers[0]!.pair, blocks, ticking.sample) : null;
    return {
      perN: ticking.metrics,
      capacity: capacity?.metrics ?? {},
      details: { ...ticking.details, joinSeconds, connections, capacity: capacity?.details },
    };
  } finally {
    blocks?.stop();
    for (const api of apis) await api.disconnect().catch(() => undefined);
    await chain.stop();
  }
}

/**
 * Alice funds the viewers with utility.batch of transfers, sent one after another once each is accepted
 * (author_submitExtrinsic; inclusion is read from the blocks: a watched submission can report only
 * `Finalized` when chopsticks finalizes right after `InBlock`).
 */
async function fund(api: ApiPromise, alice: KeyringPair, viewers: Viewer[], blocks: BlockWatcher): Promise<void> {
  let nonce = (await api.rpc.system.accountNextIndex(alice.address)).toNumber();
  const hashes: string[] = [];
  for (let start = 0; start < viewers.length; start += TRANSFERS_PER_BATCH) {
    const transfers = viewers.slice(start, start + TRANSFERS_PER_BATCH).map((viewer) => api.tx.balances.transferKeepAlive(viewer.pair.address, FUNDS_PER_VIEWER));
    const signed = await api.tx.utility.batch(transfers).signAsync(alice, { nonce: nonce++, era: 0 });
    hashes.push((await api.rpc.author.submitExtrinsic(signed)).toHex());
  }
  await untilInBlocks(blocks, hashes, FUNDING_TIMEOUT_MS, 'funding');
  for (const hash of hashes) {
    const block = blocks.blockOf(hash)!;
    const index = block.extrinsics.indexOf(hash);
    if (block.events.some((event) => event.extrinsic === index && event.section === 'utility' && event.method === 'BatchInterrupted')) {
      throw new Error('funding failed: a utility.batch was interrupted');
    }
  }
}

/** Every viewer signs join_stream(1) with nonce 0; at most JOIN_CONCURRENCY wait for acceptance at once. */
async function joinAll(viewers: Viewer[], blocks: BlockWatcher): Promise<void> {
  const hashes: string[] = [];
  const deadline = Date.now() + JOIN_TIMEOUT_MS;
  let next = 0;
  const worker = async () => {
    while (next < viewers.length) {
      if (Date.now() > deadline) throw new Error(`${viewers.length - next} viewers had not even sent their join after ${JOIN_TIMEOUT_MS} ms`);
      const viewer = viewers[next++]!;
      const signed = await viewer.api.tx.tickStream.joinStream(DEMO_STREAM).signAsync(viewer.pair, { nonce: viewer.nonce, era: 0 });
      hashes.push((await viewer.api.rpc.author.submitExtrinsic(signed)).toHex());
      viewer.nonce += 1;
    }
  };
  await Promise.all(Array.from({ length: JOIN_CONCURRENCY }, worker));
  await untilInBlocks(blocks, hashes, Math.max(0, deadline - Date.now()), 'join_stream');
}

/** Waits until every extrinsic in `hashes` is in a block and succeeded; throws after `timeoutMs` or on a failure. */
async function untilInBlocks(blocks: BlockWatcher, hashes: string[], timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await blocks.settled();
    const missing = hashes.filter((hash) => !blocks.blockOf(hash)).length;
    if (missing === 0) break;
    if (Date.now() > deadline) throw new Error(`${missing} of ${hashes.length} ${what} extrinsics not in a block after ${timeoutMs} ms`);
    await sleep(200);
  }
  const failed = hashes.map((hash) => outcomeOf(blocks.blockOf(hash)!, hash)).filter((outcome) => outcome !== 'ok');
  if (failed.length > 0) throw new Error(`${failed.length} ${what} extrinsics failed, e.g. ${failed[0]}`);
}

/** 'ok', or the dispatch error of the extrinsic `hash` in `block`. */
function outcomeOf(block: WatchedBlock, hash: string): string {
  const index = block.extrinsics.indexOf(hash);
  const event = block.events.find((candidate) => candidate.extrinsic === index && candidate.section === 'system' && (candidate.method === 'ExtrinsicSuccess' || candidate.method === 'ExtrinsicFailed'));
  if (!event) return 'no outcome event';
  return event.method === 'ExtrinsicSuccess' ? 'ok' : (event.fields.dispatchError ?? 'failed');
}

interface Ticking {
  metrics: Record<string, number>;
  details: Record<string, unknown>;
  /** One signed record_tick, for its encoded length and fee. */
  sample: Extrinsic | null;
}

async function tickEverySecond(context: RunContext, viewers: Viewer[], blocks: BlockWatcher, chain: ChainProcess): Promise<Ticking> {
  const seconds = context.duration(TICK_SECONDS, 10);
  const submitted = new Map<string, number>();
  const acceptMs: number[] = [];
  const rejections = new Map<string, number>();
  let awaiting = 0;
  let skippedOwn = 0;
  let skippedBacklog = 0;
  let timedOut = 0;
  let lateSeconds = 0;
  let sample: Extrinsic | null = null;
  let measuring = true;

  const tick = async (viewer: Viewer): Promise<void> => {
    viewer.submitting = true;
    awaiting += 1;
    const nonce = viewer.nonce;
    try {
      const signed = await viewer.api.tx.tickStream.recordTick(DEMO_STREAM, 1, DEMO_RATE_PER_MINUTE).signAsync(viewer.pair, { nonce, era: 0 });
      sample ??= signed;
      const sentAt = Date.now();
      const hash = (await viewer.api.rpc.author.submitExtrinsic(signed)).toHex();
      acceptMs.push(Date.now() - sentAt);
      submitted.set(hash, sentAt);
      viewer.nonce = nonce + 1;
    } catch (error) {
      // After the drain the connections close under calls still waiting: those are counted as pending.
      if (!measuring) return;
      const reason = error instanceof Error ? error.message.slice(0, 120) : String(error);
      if (reason.includes('No response received')) timedOut += 1;
      else rejections.set(reason, (rejections.get(reason) ?? 0) + 1);
      viewer.nonce = await viewer.api.rpc.system
        .accountNextIndex(viewer.pair.address)
        .then((next) => next.toNumber())
        .catch(() => nonce);
    } finally {
      viewer.submitting = false;
      awaiting -= 1;
    }
  };

  const cpuBefore = chain.cpuSeconds();
  const start = Date.now();
  const inFlight: Promise<void>[] = [];
  // Where the next second starts serving viewers, so a backlog does not always skip the same ones.
  let cursor = 0;
  for (let second = 0; second < seconds; second++) {
    await sleep(Math.max(0, start + second * 1000 - Date.now()));
    for (let i = 0; i < viewers.length; i++) {
      const viewer = viewers[(cursor + i) % viewers.length]!;
      if (viewer.submitting) skippedOwn += 1;
      else if (awaiting >= MAX_AWAITING_ACCEPTANCE) skippedBacklog += 1;
      else {
        inFlight.push(tick(viewer));
        cursor = (cursor + i + 1) % viewers.length;
      }
    }
    if (Date.now() > start + (second + 1) * 1000) lateSeconds += 1;
  }
  await sleep(Math.max(0, start + seconds * 1000 - Date.now()));
  const end = Date.now();
  const chainCpu = ((chain.cpuSeconds() - cpuBefore) / ((end - start) / 1000)) * 100;

  const drainDeadline = Date.now() + DRAIN_TIMEOUT_MS;
  await Promise.race([Promise.all(inFlight), sleep(DRAIN_TIMEOUT_MS)]);
  while ([...submitted.keys()].some((hash) => !blocks.blockOf(hash)) && Date.now() < drainDeadline) {
    await sleep(250);
    await blocks.settled();
  }
  await blocks.settled();
  measuring = false;
  const awaitingAcceptance = awaiting;

  let includedInWindow = 0;
  let included = 0;
  let lastInclusion = end;
  const dispatchErrors = new Map<string, number>();
  for (const hash of submitted.keys()) {
    const block = blocks.blockOf(hash);
    if (!block) continue;
    const outcome = outcomeOf(block, hash);
    if (outcome !== 'ok') {
      dispatchErrors.set(outcome, (dispatchErrors.get(outcome) ?? 0) + 1);
      continue;
    }
    included += 1;
    if (block.arrivedAt <= end) includedInWindow += 1;
    lastInclusion = Math.max(lastInclusion, block.arrivedAt);
  }
  const notIncluded = [...submitted.keys()].filter((hash) => !blocks.blockOf(hash)).length;
  const rejected = [...rejections.values()].reduce((sum, count) => sum + count, 0);
  const failedInDispatch = [...dispatchErrors.values()].reduce((sum, count) => sum + count, 0);
  return {
    metrics: {
      sustained: included / ((lastInclusion - start) / 1000),
      failures: rejected + failedInDispatch,
      pending: notIncluded + awaitingAcceptance + timedOut,
      skipped: skippedOwn + skippedBacklog,
      acceptP50: acceptMs.length > 0 ? quantile(acceptMs, 0.5) : Number.NaN,
      chainCpu,
    },
    details: {
      seconds,
      offered: viewers.length * seconds,
      submitted: submitted.size,
      included,
      includedInWindow,
      drainSeconds: (lastInclusion - end) / 1000,
      rejected: Object.fromEntries(rejections),
      dispatchErrors: Object.fromEntries(dispatchErrors),
      notIncluded,
      awaitingAcceptance,
      acceptanceTimedOut: timedOut,
      skippedOwnPreviousWaiting: skippedOwn,
      skippedNodeBacklog: skippedBacklog,
      generatorLateSeconds: lateSeconds,
      acceptP95: acceptMs.length > 0 ? quantile(acceptMs, 0.95) : null,
    },
    sample,
  };
}

/** The runtime's weight per record_tick and what one normal-class block holds of them. */
async function runtimeCapacity(api: ApiPromise, payer: KeyringPair, blocks: BlockWatcher, sample: Extrinsic | null) {
  const isTick = (event: BlockEvent) => event.section === 'tickStream' && event.method === 'TickRecorded';
  // Blocks whose signed extrinsics are all record_ticks: their normal-class weight is the ticks' alone.
  const tickBlocks = blocks.blocks
    .map((block) => ({ block, ticks: block.events.filter(isTick).length }))
    .filter((entry) => entry.ticks > 0 && entry.block.signed.filter((signed) => signed !== null).length === entry.ticks);
  if (tickBlocks.length === 0 || !sample) throw new Error('no block of only record_ticks arrived: no weight to read');
  const fullest = tickBlocks.reduce((a, b) => (b.ticks > a.ticks ? b : a));
  const tickIndex = fullest.block.events.find(isTick)!.extrinsic;
  const success = fullest.block.events.find((event) => event.extrinsic === tickIndex && event.section === 'system' && event.method === 'ExtrinsicSuccess');
  if (!success) throw new Error('the record_tick has no ExtrinsicSuccess event');
  const inEvent = weightOf((success.json as [{ weight: unknown }])[0].weight);

  const queried = await api.tx.tickStream.recordTick(DEMO_STREAM, 1, DEMO_RATE_PER_MINUTE).paymentInfo(payer);
  const queryWeight = weightOf(queried.weight.toJSON());
  const blockWeight = (await api.query.system.blockWeight.at(fullest.block.hash)).toJSON() as { normal: unknown };
  const normalUsed = weightOf(blockWeight.normal);
  const perExtrinsic = { refTime: normalUsed.refTime / BigInt(fullest.ticks), proofSize: normalUsed.proofSize / BigInt(fullest.ticks) };

  const limits = api.consts.system.blockWeights.toJSON() as {
    maxBlock: unknown;
    perClass: { normal: { baseExtrinsic: unknown; maxTotal: unknown } };
  };
  const base = weightOf(limits.perClass.normal.baseExtrinsic);
  const normalMax = limits.perClass.normal.maxTotal === null ? weightOf(limits.maxBlock) : weightOf(limits.perClass.normal.maxTotal);
  const lengthLimit = (api.consts.system.blockLength.toJSON() as { max: { normal: number } }).max.normal;
  const encodedLength = sample.encodedLength;

  const capacity = blockCapacity(
    { normalRefTime: normalMax.refTime, normalProofSize: normalMax.proofSize, normalLength: lengthLimit, blockSeconds: PRODUCTION_BLOCK_SECONDS },
    { ...perExtrinsic, length: encodedLength },
  );
  return {
    metrics: {
      queryInfoRefTimeUs: Number(queryWeight.refTime) / PS_PER_US,
      eventRefTimeUs: Number(inEvent.refTime) / PS_PER_US,
      baseExtrinsicUs: Number(base.refTime) / PS_PER_US,
      blockWeightPerTickUs: Number(perExtrinsic.refTime) / PS_PER_US,
      encodedLength,
      extrinsicsPerBlock: capacity.extrinsicsPerBlock,
      viewersPerBlock: capacity.viewers(1),
      batchSecondsFor10k: capacity.secondsPerExtrinsicFor(TARGET_VIEWERS),
    },
    details: {
      inEvent: { refTime: inEvent.refTime.toString(), proofSize: inEvent.proofSize.toString() },
      queryInfo: { refTime: queryWeight.refTime.toString(), proofSize: queryWeight.proofSize.toString(), partialFee: queried.partialFee.toString() },
      fullestBlock: { number: fullest.block.number, ticks: fullest.ticks, normal: { refTime: normalUsed.refTime.toString(), proofSize: normalUsed.proofSize.toString() } },
      normalLimit: { refTime: normalMax.refTime.toString(), proofSize: normalMax.proofSize.toString(), length: lengthLimit },
      limitedBy: capacity.limitedBy,
    },
  };
}
