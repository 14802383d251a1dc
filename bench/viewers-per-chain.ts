// Figure 4 — viewers per chain: simulated viewers holding sessions and settling every second against the
// local chain on both engines (polkadot-omni-node and chopsticks), the node's ceiling, and — from the
// runtime's own weights, proof sizes and published constants — how many concurrent viewers one chain
// carries at the settlement interval it would publish, with the creator's exposure and latency beside it.
import { ApiPromise, WsProvider } from '@polkadot/api';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { omniNodeAvailable } from '../scripts/chain/omniNode.js';
import type { Engine } from '../scripts/chain/engine.js';
import { DEMO_RATE_PER_MINUTE, UNIT } from '../test/e2e/chainState.js';
import { BlockWatcher } from './lib/blockWatcher.js';
import { capacityFromLimits, exposure, latencyToCreator, settlementInterval, viewersAtInterval, type Weight } from './lib/capacity.js';
import { startChainProcess } from './lib/chainProcess.js';
import type { BenchOptions, Figure, MetricSpec, RunContext } from './lib/figure.js';
import { runtimeLimits, settlementCost, type RuntimeLimits } from './lib/settlementCost.js';
import { mediansOf, type Summary } from './lib/stats.js';
import { SimulatedViewers } from './lib/viewerLoad.js';
import { checksOverAll } from './lib/viewerChecks.js';

const TICK_SECONDS = 30;
const CEILING_SECONDS = 10;
/** Settlements signed for the ceiling, spread over the viewers. */
const CEILING_SETTLEMENTS = 20_000;
/** The runtime's assumed proof size of a settlement (`SETTLEMENT_PROOF_SIZE`, chain/runtime/src/configs/vilokanam.rs). */
const ASSUMED_PROOF_BYTES = 2048;
/** The share of the normal class the chain aims to fill (`TargetBlockFullness`, chain/runtime/src/fees.rs). */
const TARGET_FULLNESS_PERCENT = 75;
const SESSIONS_10K = 10_000;
const SESSIONS_100K = 100_000;

interface EngineProfile {
  engine: Engine;
  label: string;
  /** Block time the chain runs with; none: the engine's quick mode. */
  blockTimeMs?: number;
  /** Sign every settlement before the clock starts (the node is fast enough for signing to matter). */
  presign: boolean;
  /** Settlements waiting for the node's acceptance at once. */
  maxAwaiting: number;
}

const PROFILES: EngineProfile[] = [
  // omni-node's quick mode (--instant-seal) seals a block per transaction it receives and stops after a
  // burst of a few thousand ("Essential task `instant-seal` failed"): a block every second instead.
  { engine: 'node', label: 'omni-node', blockTimeMs: 1000, presign: true, maxAwaiting: Number.POSITIVE_INFINITY },
  // chopsticks validates every waiting submission together: more than 32 only slows each until they time out.
  { engine: 'chopsticks', label: 'chopsticks', presign: false, maxAwaiting: 32 },
];
const NODE = PROFILES[0];

const vil = (plancks: bigint) => Number(plancks) / Number(UNIT);
const thousands = (value: number) => Math.round(value).toLocaleString('en');
const DEMO_RATE_TEXT = `${vil(DEMO_RATE_PER_MINUTE)} VIL/min`;

function perViewerMetrics(profile: EngineProfile, n: number): MetricSpec[] {
  const at = `${profile.label}, N = ${thousands(n)}`;
  const waiting = Number.isFinite(profile.maxAwaiting) ? `own previous settlement, or ${profile.maxAwaiting} others, still waiting` : 'own previous settlement still waiting';
  const specs: MetricSpec[] = [
    { key: `${profile.engine}.n${n}.sustained`, label: `${at}: sustained settlements per second (offered ${thousands(n)})`, unit: 'settlements/s', decimals: 1 },
    { key: `${profile.engine}.n${n}.failures`, label: `${at}: failures (refused by the pool or failed in dispatch)`, unit: '', decimals: 0 },
    { key: `${profile.engine}.n${n}.pending`, label: `${at}: still waiting for acceptance or a block 60 s after the last second`, unit: '', decimals: 0 },
    { key: `${profile.engine}.n${n}.skipped`, label: `${at}: seconds not sent (${waiting} for the node)`, unit: '', decimals: 0 },
    { key: `${profile.engine}.n${n}.acceptP50`, label: `${at}: node acceptance, p50`, unit: 'ms', decimals: 0 },
    { key: `${profile.engine}.n${n}.chainCpu`, label: `${at}: chain processes' CPU while settling`, unit: '% of a core', decimals: 0 },
    { key: `${profile.engine}.n${n}.wrongBooks`, label: `${at}: viewers whose session is not exact (ticks = settlements in blocks, paid = floor(ticks × rate / 60))`, unit: '', decimals: 0 },
  ];
  if (profile.engine === 'node') {
    specs.push(
      { key: `node.n${n}.interval`, label: `${at}: TickStream.SettlementInterval with the ${thousands(n)} sessions open`, unit: 's', decimals: 0 },
      { key: `node.n${n}.intervalError`, label: `${at}: published interval − the runtime's formula for TickStream.ActiveSessions`, unit: 's', decimals: 0 },
    );
  }
  return specs;
}

const capacityTarget = (minimum: number, moonshot = false) => ({
  text: `≥ ${thousands(minimum)}${moonshot ? ' (moonshot)' : ''}`,
  met: (value: number) => value >= minimum,
});
const atMost = (maximum: number, unit: string, moonshot = false) => ({
  text: `≤ ${thousands(maximum)}${unit}${moonshot ? ' (moonshot)' : ''}`,
  met: (value: number) => value <= maximum,
});

const COST_METRICS: MetricSpec[] = [
  { key: 'eventRefTimeUs', label: 'settlement compute, as charged (its ExtrinsicSuccess weight: call, extensions, base extrinsic)', unit: 'µs', decimals: 1 },
  { key: 'queryInfoRefTimeUs', label: 'settlement compute by payment_queryInfo (before dispatch: priced as a flush)', unit: 'µs', decimals: 1 },
  { key: 'baseExtrinsicUs', label: 'of which base extrinsic (System.BlockWeights)', unit: 'µs', decimals: 1 },
  { key: 'blockRefTimePerSettlementUs', label: 'System.BlockWeight.normal.refTime ÷ settlements, fullest block of only settlements', unit: 'µs', decimals: 1 },
  { key: 'fullestBlockSettlements', label: 'settlements in that block', unit: '', decimals: 0 },
  {
    key: 'blockProofPerSettlement',
    label: 'proof size per settlement as the block accounts it after reclaim (System.BlockWeight.normal.proofSize ÷ settlements)',
    unit: 'B',
    decimals: 0,
    target: atMost(ASSUMED_PROOF_BYTES, ' B (runtime assumes 2 KiB)'),
  },
  { key: 'readProofPerSettlement', label: 'storage read proof of the keys the settlements touch (state_getReadProof at the parent) ÷ settlements', unit: 'B', decimals: 0 },
  { key: 'encodedLength', label: 'encoded length of a signed settlement', unit: 'B', decimals: 0 },
  { key: 'readProofWithLength', label: 'read proof + extrinsic, per settlement', unit: 'B', decimals: 0, target: atMost(ASSUMED_PROOF_BYTES, ' B (runtime assumes 2 KiB)') },
];

const CAPACITY_METRICS: MetricSpec[] = [
  { key: 'settlementCapacity', label: `TickStream.SettlementCapacity: settlements per 6 s block at the chain's ${TARGET_FULLNESS_PERCENT} % target (metadata)`, unit: '', decimals: 0 },
  { key: 'capacityAssumed', label: 'the same recomputed from the measured compute and the assumed 2 KiB proof (both block limits)', unit: '', decimals: 0 },
  { key: 'capacityMeasured', label: 'what the measured compute and reclaimed proof size would allow', unit: '', decimals: 0 },
  { key: 'productionRate', label: 'settlements per second a chain of 6 s blocks takes at most (all the normal class, measured compute and proof)', unit: 'settlements/s', decimals: 0 },
  { key: 'viewersPerSecond', label: 'concurrent viewers settling every second (published interval 1 s)', unit: 'viewers', decimals: 0, target: capacityTarget(400) },
  { key: 'viewersAt30s', label: 'concurrent viewers with a published interval ≤ 30 s', unit: 'viewers', decimals: 0, target: capacityTarget(10_000) },
  { key: 'viewersAt300s', label: 'concurrent viewers with a published interval ≤ 5 min', unit: 'viewers', decimals: 0, target: capacityTarget(100_000, true) },
  { key: 'interval10k', label: `interval the chain publishes for ${thousands(SESSIONS_10K)} sessions`, unit: 's', decimals: 0, target: atMost(30, ' s') },
  { key: 'interval100k', label: `interval the chain publishes for ${thousands(SESSIONS_100K)} sessions`, unit: 's', decimals: 0, target: atMost(300, ' s', true) },
  { key: 'exposure1s', label: `creator's maximum exposure at a 1 s interval (seconds watched, not settled, at ${DEMO_RATE_TEXT})`, unit: 'VIL', decimals: 5 },
  { key: 'exposure10k', label: `creator's maximum exposure with ${thousands(SESSIONS_10K)} sessions (one interval at ${DEMO_RATE_TEXT})`, unit: 'VIL', decimals: 5 },
  { key: 'exposure100k', label: `creator's maximum exposure with ${thousands(SESSIONS_100K)} sessions`, unit: 'VIL', decimals: 5 },
  { key: 'latency1s', label: 'latency to the creator at a 1 s interval (watched → in escrow: interval + FlushSeconds)', unit: 's', decimals: 0 },
  { key: 'latency10k', label: `latency to the creator with ${thousands(SESSIONS_10K)} sessions`, unit: 's', decimals: 0 },
  { key: 'latency100k', label: `latency to the creator with ${thousands(SESSIONS_100K)} sessions`, unit: 's', decimals: 0 },
];

/** Viewers, intervals, exposure and latency from the runtime's published limits (and the measured costs, when there are some). */
function capacityMetrics(limits: RuntimeLimits, measured: Weight | null): Record<string, number> {
  const interval10k = settlementInterval(SESSIONS_10K, limits);
  const interval100k = settlementInterval(SESSIONS_100K, limits);
  const metrics: Record<string, number> = {
    settlementCapacity: limits.capacityPerBlock,
    viewersPerSecond: viewersAtInterval(1, limits),
    viewersAt30s: viewersAtInterval(30, limits),
    viewersAt300s: viewersAtInterval(300, limits),
    interval10k,
    interval100k,
    exposure1s: vil(exposure(1, DEMO_RATE_PER_MINUTE)),
    exposure10k: vil(exposure(interval10k, DEMO_RATE_PER_MINUTE)),
    exposure100k: vil(exposure(interval100k, DEMO_RATE_PER_MINUTE)),
    latency1s: latencyToCreator(1, limits.flushSeconds),
    latency10k: latencyToCreator(interval10k, limits.flushSeconds),
    latency100k: latencyToCreator(interval100k, limits.flushSeconds),
  };
  if (measured) {
    metrics.capacityAssumed = capacityFromLimits(limits.normalMax, TARGET_FULLNESS_PERCENT, { refTime: measured.refTime, proofSize: BigInt(ASSUMED_PROOF_BYTES) }).settlements;
    metrics.capacityMeasured = capacityFromLimits(limits.normalMax, TARGET_FULLNESS_PERCENT, measured).settlements;
    metrics.productionRate = capacityFromLimits(limits.normalMax, 100, measured).settlements / (limits.blockMs / 1000);
  }
  return metrics;
}

export const viewersPerChain: Figure = {
  id: 'viewers-per-chain',
  number: 4,
  title: 'Viewers per chain',
  method: [
    'For each engine and each N (`--viewers`, 10, 100 and 1,000 by default), a fresh local chain runs in a process of its own (`scripts/chain/cli.ts --engine node|chopsticks`, the development preset), so the load generator does not share the chain\'s event loop. polkadot-omni-node runs with a block every second (`--block-time 1000`) and its single-state transaction pool (as `npm run chain` starts it): its quick mode, `--instant-seal`, seals a block for every transaction it receives and stops ("Essential task `instant-seal` failed") after a burst of a few thousand, as 1,000 viewers settling every second are. chopsticks runs in its quick mode (a block as transactions arrive). The chain process\'s CPU is that of its whole process tree: for omni-node, the node itself beside the wrapper that started it.',
    `N viewer accounts are derived from the dev seed (\`<DEV_PHRASE>//vilokanam-bench//i\`), funded by Alice with \`utility.batch\` of transfers (250 a batch, 2 VIL each), and each joins stream 1 with \`join_stream(1, ${DEMO_RATE_TEXT})\`, which holds its session deposit and 600 s of watching. Then, for 30 s, every viewer settles one second every second (\`record_tick(1, 1, max rate)\`; settling before the published interval is always allowed, so this is the chain's throughput, not its cadence), spread evenly over each second, from up to four connections, with \`author_submitExtrinsic\`. A viewer sends its next settlement only once the node has accepted the previous one (a pool that validates concurrently could otherwise queue them out of order); a second that finds it still waiting is not sent and is counted. On chopsticks at most 32 settlements wait for acceptance at once (it validates all waiting ones together), and each is signed when sent; on omni-node every settlement is signed before the clock starts (signing is the viewers' work, on their own machines, and would otherwise take a core of this one). Extrinsics are immortal (era 0).`,
    'Sustained settlements per second = the rate at which blocks carried the settlements that succeeded: those in blocks after the first ÷ the time from the arrival of the first such block to the last (what gathered before the first block, and the wait for the last, do not dilute it; the bench follows new heads on a connection of its own and matches extrinsic hashes, and reads the blocks only after the last second, so it does not compete with the node meanwhile). The chain\'s CPU is measured over the same span, from the first second to the last block. Failures = refused by the pool + failed in dispatch; settlements still waiting for acceptance, or for a block 60 s after the last second, are counted apart. The books are then checked for every viewer from `TickStream.Sessions`: `ticks` must equal the settlements of that viewer that succeeded in blocks and `paid` must be exactly floor(ticks × rate / 60). On omni-node, `TickStream.SettlementInterval` and `TickStream.ActiveSessions` are read at one block with the N sessions open, and the interval is compared with the runtime\'s formula (⌈active × ExpectedBlockTime ÷ (SettlementCapacity × 1 s)⌉, from 1 s to MaxSettlementInterval, all read from the metadata).',
    `The ceiling: after the 30 s at the largest N on omni-node, every viewer sends its next settlement as soon as the node has accepted the previous one, for ${CEILING_SECONDS} s or until the ${thousands(CEILING_SETTLEMENTS)} settlements signed for it run out — more than the node takes, so its blocks fill back to back — and the rate is measured as above. The runtime admits at most \`perClass.normal.maxTotal\` of compute per block, so at the production pace of a block every 6 s no node carries more than that ÷ 6 s: the ≥ 1,000 a second target is a local measure of the node.`,
    `A settlement's cost is read from that run, in the fullest block holding only plain settlements (no flush), each by a different viewer (a viewer's second settlement in a block reads keys already proven, as the ceiling's blocks show): its compute as the runtime charged it (the weight in its \`ExtrinsicSuccess\`, which equals \`System.BlockWeight.normal.refTime\` ÷ settlements) and by \`payment_queryInfo\`; its proof size as the block accounts it after storage-weight reclaim (\`System.BlockWeight.normal.proofSize\` ÷ settlements, which includes each extrinsic's length), and as a storage read proof: \`state_getReadProof\` at the block's parent over the keys its settlements touch (each signer's \`System.Account\` and \`TickStream.Sessions\`, and the stream's terms, the fee multiplier, the total issuance, the genesis hash and the timestamp that all share) ÷ settlements, plus the extrinsic's length. Both must stay within the runtime's \`SETTLEMENT_PROOF_SIZE\` assumption of 2 KiB, with which it sizes its capacity.`,
    `Capacity comes from the runtime, not from either engine: \`TickStream.SettlementCapacity\` (metadata) is how many settlements fit in ${TARGET_FULLNESS_PERCENT} % of the normal class's compute and proof size (\`System.BlockWeights.perClass.normal.maxTotal\`); it is recomputed here from the measured compute and both proof sizes. With \`ExpectedBlockTime\` (6 s), the chain publishes interval I for S open sessions when S × 6 s ≤ I × SettlementCapacity: so the viewers it carries at an interval of at most I are ⌊I × SettlementCapacity ÷ 6⌋, and the interval it publishes for 10,000 and 100,000 sessions follows from the same formula. Beside them, the creator's maximum exposure — seconds watched and not yet settled, at most one interval — in money at the demo rate (${DEMO_RATE_TEXT}), and the latency to the creator: a settled second reaches the stream's escrow when its session flushes, once \`FlushSeconds\` (120) settled seconds have gathered, so at most interval + FlushSeconds after it was watched (while the viewer watches on; leaving flushes at once).`,
  ],
  metrics: (options: BenchOptions) => {
    const largest = Math.max(...options.viewerCounts);
    return [
      ...PROFILES.flatMap((profile) => options.viewerCounts.flatMap((n) => perViewerMetrics(profile, n))),
      { key: 'wrongBooks', label: 'viewers whose session is not exact, every engine and N', unit: '', decimals: 0, target: { text: '0', met: (value) => value === 0 } },
      { key: 'intervalErrors', label: "omni-node: N whose published interval differs from the runtime's formula", unit: '', decimals: 0, target: { text: '0', met: (value) => value === 0 } },
      {
        key: 'node.ceiling',
        label: `omni-node, N = ${thousands(largest)}: settlements per second with more offered than it takes (ceiling)`,
        unit: 'settlements/s',
        decimals: 0,
        target: capacityTarget(1000),
      },
      { key: 'node.ceilingCpu', label: "omni-node: chain processes' CPU at the ceiling", unit: '% of a core', decimals: 0 },
      { key: 'node.ceilingPending', label: 'omni-node: settlements accepted at the ceiling and in no block 60 s later', unit: '', decimals: 0 },
      { key: 'nodeLost', label: 'omni-node: settlements accepted and in no block 60 s later, every N and the ceiling', unit: '', decimals: 0, target: { text: '0', met: (value) => value === 0 } },
      ...COST_METRICS,
      ...CAPACITY_METRICS,
    ];
  },
  async run(context) {
    await cryptoWaitReady();
    const profiles = omniNodeAvailable() ? PROFILES : PROFILES.filter((profile) => profile !== NODE);
    if (profiles.length < PROFILES.length) context.log('polkadot-omni-node not found: measuring chopsticks only');
    const largest = Math.max(...context.options.viewerCounts);
    const metrics: Record<string, number> = {};
    const details: Record<string, unknown> = {};
    for (const profile of profiles) {
      for (const n of context.options.viewerCounts) {
        context.log(`${profile.label}, N = ${n}`);
        const measured = await measureOnChain(context, profile, n, profile === NODE && n === largest);
        Object.assign(metrics, measured.metrics);
        details[`${profile.engine}.n${n}`] = measured.details;
      }
    }
    return { metrics: { ...metrics, ...checksOverAll(metrics) }, details };
  },
  discuss: discussion,
};

interface ChainMeasurement {
  metrics: Record<string, number>;
  details: Record<string, unknown>;
}

async function measureOnChain(context: RunContext, profile: EngineProfile, n: number, withCeiling: boolean): Promise<ChainMeasurement> {
  const chain = await startChainProcess({ engine: profile.engine, blockTimeMs: profile.blockTimeMs });
  let api: ApiPromise | undefined;
  let viewers: SimulatedViewers | undefined;
  let blocks: BlockWatcher | undefined;
  const prefix = `${profile.engine}.n${n}`;
  try {
    // The bench's own connection, apart from the viewers': a node drops the head subscription of a
    // connection that falls behind, as one carrying a thousand submissions at once may.
    api = await ApiPromise.create({ provider: new WsProvider(chain.endpoint), noInitWarn: true });
    blocks = await BlockWatcher.start(api);
    viewers = await SimulatedViewers.connect(chain.endpoint, n);
    const limits = runtimeLimits(api);
    const metrics: Record<string, number> = {};
    const details: Record<string, unknown> = { connections: viewers.connections, blockTimeMs: profile.blockTimeMs ?? null };

    context.log(`funding ${n} viewers`);
    await viewers.fund(blocks);
    context.log(`${n} viewers join stream 1 with their funds on hold`);
    const joinStarted = Date.now();
    await viewers.joinAll(blocks);
    details.joinSeconds = (Date.now() - joinStarted) / 1000;

    if (profile === NODE) {
      const at = await api.rpc.chain.getBlockHash();
      const [active, published] = await Promise.all([api.query.tickStream.activeSessions.at(at), api.query.tickStream.settlementInterval.at(at)]);
      const formula = settlementInterval(Number(active.toString()), limits);
      metrics[`${prefix}.interval`] = Number(published.toString());
      metrics[`${prefix}.intervalError`] = Number(published.toString()) - formula;
      details.interval = { activeSessions: Number(active.toString()), published: Number(published.toString()), formula };
    }

    const seconds = context.duration(TICK_SECONDS, 10);
    const ceilingSeconds = context.duration(CEILING_SECONDS, 5);
    if (profile.presign) {
      const ceilingPerViewer = withCeiling ? Math.ceil(context.duration(CEILING_SETTLEMENTS, 1) / n) : 0;
      context.log(`signing ${n} × ${seconds + ceilingPerViewer} settlements before the clock starts`);
      const signStarted = Date.now();
      viewers.presign(seconds + ceilingPerViewer);
      details.presignSeconds = (Date.now() - signStarted) / 1000;
    }

    context.log(`${n} viewers settle every second for ${seconds} s`);
    const chainCpuSeconds = () => chain.cpuSeconds();
    const ticking = await viewers.offer(blocks, { mode: 'perSecond', seconds, maxAwaiting: profile.maxAwaiting, chainCpuSeconds });
    for (const [key, value] of Object.entries(ticking.metrics)) metrics[`${prefix}.${key}`] = value;
    details.ticking = ticking.details;

    let measured: Weight | null = null;
    if (withCeiling) {
      context.log(`ceiling: ${n} viewers settle as fast as the node accepts, for ${ceilingSeconds} s`);
      const ceiling = await viewers.offer(blocks, { mode: 'saturate', seconds: ceilingSeconds, maxAwaiting: profile.maxAwaiting, chainCpuSeconds });
      metrics['node.ceiling'] = ceiling.metrics.sustained;
      metrics['node.ceilingCpu'] = ceiling.metrics.chainCpu;
      metrics['node.ceilingPending'] = ceiling.metrics.pending;
      details.ceiling = { ...ceiling.metrics, ...ceiling.details };
      context.log('reading what a settlement costs the block');
      const cost = await settlementCost(api, blocks, viewers.viewers[0].pair);
      Object.assign(metrics, cost.metrics);
      details.cost = cost.details;
      measured = cost.measured;
    }
    Object.assign(metrics, capacityMetrics(limits, measured));

    const books = await viewers.wrongBooks();
    metrics[`${prefix}.wrongBooks`] = books.wrong;
    if (books.examples.length > 0) details.wrongBooks = books.examples;
    return { metrics, details };
  } finally {
    blocks?.stop();
    await viewers?.disconnect();
    await api?.disconnect().catch(() => undefined);
    await chain.stop();
  }
}

function discussion(summaries: Record<string, Summary | null>, options: BenchOptions): string[] {
  const median = (key: string) => summaries[key]?.median;
  const lines: string[] = [];

  const perN = (engine: Engine) =>
    options.viewerCounts.flatMap((n) => {
      const measured = mediansOf(summaries, ['sustained', 'failures', 'pending', 'skipped', 'chainCpu'].map((key) => `${engine}.n${n}.${key}`));
      if (!measured) return [];
      const [sustained, failures, pending, skipped, cpu] = Object.values(measured);
      return [{ n, sustained: sustained, cpu: cpu, pending: pending, sentAll: failures === 0 && skipped === 0 }];
    });
  const node = perN('node');
  const ceiling = mediansOf(summaries, ['node.ceiling', 'node.ceilingPending', 'productionRate']);
  if (node.length > 0) {
    const rates = node.map((entry) => `${thousands(entry.sustained)}/s at N = ${thousands(entry.n)}, ${Math.round(entry.cpu)} % of a core`).join('; ');
    const lost = node.filter((entry) => entry.pending > 0).map((entry) => `${thousands(entry.pending)} at N = ${thousands(entry.n)}`);
    lines.push(
      node.every((entry) => entry.sentAll)
        ? `polkadot-omni-node accepted every second every viewer offered, none refused and none failed (${rates})${lost.length === 0 ? ', and settled them all in blocks.' : `; all but ${lost.join(', ')} were settled in blocks (below).`}`
        : `polkadot-omni-node did not take every offered second (${rates}): see the failures and skipped rows.`,
    );
  }
  if (ceiling) {
    lines.push(
      `Offered more than it takes, it settled ${thousands(ceiling['node.ceiling'])} a second (${ceiling['node.ceiling'] >= 1000 ? 'the ≥ 1,000 target is met' : '**short of the 1,000 target**'}), with a block a second, each built on one core. That is the node's speed on this machine, not a chain's throughput: at the production pace of a block every 6 s the runtime admits at most ${thousands(ceiling.productionRate)} settlements a second in all of its normal class, and publishes intervals that keep them within its ${TARGET_FULLNESS_PERCENT} % target.`,
    );
  }
  const lostInTotal = node.reduce((total, entry) => total + entry.pending, 0) + (ceiling?.['node.ceilingPending'] ?? 0);
  lines.push(
    lostInTotal > 0
      ? `polkadot-omni-node accepted ${thousands(lostInTotal)} settlements that never reached a block (the pending rows), and every later settlement of those viewers then waits in its future queue for the missing nonce. No money is at stake (a lost settlement charges nothing and the books stay exact), but a client must not trust acceptance alone: a settlement not in a block within a few blocks calls for a nonce resync and a new settlement.`
      : 'Every settlement polkadot-omni-node accepted reached a block, at every N and at the ceiling: the engine runs its single-state transaction pool (`--pool-type single-state`), as the default fork-aware pool lost accepted settlements under this load (docs/chain.md, "Load on a dev node").',
  );
  const chopsticks = perN('chopsticks');
  if (chopsticks.length > 0) {
    const best = chopsticks.reduce((a, b) => (b.sustained > a.sustained ? b : a));
    lines.push(
      `chopsticks settled at most ${best.sustained.toFixed(1)} a second (N = ${thousands(best.n)}, at ${Math.round(best.cpu)} % of a core): it executes the runtime with smoldot's wasmi interpreter in one thread for every validation and every block — a simulator for the extension's tests, not a measure of the chain.`,
    );
  }
  const wrong = PROFILES.flatMap((profile) => options.viewerCounts.map((n) => median(`${profile.engine}.n${n}.wrongBooks`))).filter((value) => value !== undefined);
  if (wrong.length > 0) {
    lines.push(
      wrong.every((value) => value === 0)
        ? "Every viewer's books were exact on both engines: each session held every settlement that succeeded and had charged exactly floor(ticks × rate / 60)."
        : "**Some viewers' books were not exact**: see `wrongBooks` in bench/results.json.",
    );
  }

  const scale = mediansOf(summaries, ['settlementCapacity', 'viewersPerSecond', 'viewersAt30s', 'viewersAt300s', 'interval10k', 'interval100k']);
  if (scale) {
    lines.push(
      `One chain takes ${thousands(scale.settlementCapacity)} settlements per 6 s block at its ${TARGET_FULLNESS_PERCENT} % target, so it lets ${thousands(scale.viewersPerSecond)} viewers settle every second, ${thousands(scale.viewersAt30s)} within 30 s and ${thousands(scale.viewersAt300s)} within 5 minutes; with ${thousands(SESSIONS_10K)} viewers it asks for a settlement every ${scale.interval10k} s, with ${thousands(SESSIONS_100K)} every ${scale.interval100k} s. Beyond ${thousands(scale.viewersAt300s)} sessions the interval stays at 300 s and blocks fill past the target, where the fee multiplier rises.`,
    );
  }
  const proof = mediansOf(summaries, ['blockProofPerSettlement', 'readProofWithLength', 'capacityAssumed', 'capacityMeasured', 'settlementCapacity']);
  if (proof) {
    const within = proof.blockProofPerSettlement <= ASSUMED_PROOF_BYTES && proof.readProofWithLength <= ASSUMED_PROOF_BYTES;
    lines.push(
      `${within ? 'The proof-size assumption holds' : '**The proof-size assumption does not hold**'}: a settlement adds ${thousands(proof.blockProofPerSettlement)} B to its block's proof as reclaim accounts it, and ${thousands(proof.readProofWithLength)} B as a read proof with its extrinsic, against the 2,048 B the runtime assumes. With the assumption the proof limit binds first: ${thousands(proof.capacityAssumed)} settlements a block from the measured compute${proof.capacityAssumed === proof.settlementCapacity ? ', as the runtime says' : `, where the runtime says ${thousands(proof.settlementCapacity)}`}. With the measured proof, compute would bind at ${thousands(proof.capacityMeasured)}: the room the assumption keeps for a state far larger than this one costs ${Math.round((1 - proof.settlementCapacity / proof.capacityMeasured) * 100)} % of the capacity.`,
    );
  }
  const creator = mediansOf(summaries, ['interval10k', 'exposure10k', 'latency10k', 'interval100k', 'exposure100k', 'latency100k']);
  if (creator) {
    lines.push(
      `What a busy chain costs the creator: with ${thousands(SESSIONS_10K)} viewers at most ${creator.interval10k} s of each viewer's watching (${creator.exposure10k.toFixed(4)} VIL at ${DEMO_RATE_TEXT}) is unsettled, and money reaches escrow within ${creator.latency10k} s; with ${thousands(SESSIONS_100K)}, ${creator.interval100k} s (${creator.exposure100k.toFixed(4)} VIL) and ${creator.latency100k} s. Every settled second is paid from funds already on hold, so the exposure is the unsettled interval alone.`,
    );
  }
  return lines;
}
