// Figure 2 — tick latency: from the end of a watched second to its record_tick being in a block.
import type { ApiPromise } from '@polkadot/api';
import { omniNodeAvailable } from '../scripts/chain/omniNode.js';
import type { Engine } from '../scripts/chain/start.js';
import { watchUrl } from '../test/e2e/billing.js';
import { Player } from '../test/e2e/player.js';
import { BlockWatcher } from './lib/blockWatcher.js';
import type { Figure, MetricSpec, RunContext, RunOutcome } from './lib/figure.js';
import { secondLatencies, submissionDelay } from './lib/latency.js';
import { withMeter } from './lib/meterSession.js';
import { sleep } from '../test/e2e/sleep.js';
import { quantile, type Summary } from './lib/stats.js';
import { submissionsOf, tapSubmissions, type Submission } from './lib/workerProbe.js';

const PLAY_SECONDS = 60;
const SIX_SECOND_BLOCKS_MS = 6000;

interface Mode {
  key: 'quick' | 'six' | 'nodeQuick' | 'nodeSix';
  label: string;
  engine: Engine;
  blockTimeMs?: number;
}

// omni-node's modes only where its binary is found (README, "Two engines").
const MODES: Mode[] = [
  { key: 'quick', label: 'chopsticks, quick blocks', engine: 'chopsticks' },
  { key: 'six', label: 'chopsticks, 6 s blocks', engine: 'chopsticks', blockTimeMs: SIX_SECOND_BLOCKS_MS },
  { key: 'nodeQuick', label: 'omni-node, instant seal', engine: 'node' },
  { key: 'nodeSix', label: 'omni-node, 6 s blocks', engine: 'node', blockTimeMs: SIX_SECOND_BLOCKS_MS },
].filter((mode): mode is Mode => mode.engine === 'chopsticks' || omniNodeAvailable());

const QUICK_MODES: Mode['key'][] = ['quick', 'nodeQuick'];
/** The < 1 s target is the real node's (issue 10); chopsticks carries it only where omni-node is not found. */
const TARGET_MODE: Mode['key'] = MODES.some((mode) => mode.key === 'nodeQuick') ? 'nodeQuick' : 'quick';

export const tickLatency: Figure = {
  id: 'tick-latency',
  number: 2,
  title: 'Tick latency',
  method: [
    'The extension meters a video for 60 s on the local chain, on each engine: chopsticks (the simulator) and polkadot-omni-node (the real node, when its binary is found), once in quick block mode (chopsticks builds a block as soon as transactions arrive; omni-node seals one per transaction, `--instant-seal`) and once with a block every 6 s (`startChain({ engine, blockTimeMs: 6000 })`), each with a fresh chain, browser, viewer and stream.',
    "Submission times come from the worker itself without product code: the bench injects, through Playwright, a tap on `WebSocket.prototype.send` into the running service worker that notes `Date.now()` and the bytes of every `author_submitAndWatchExtrinsic`. Inclusion times come from the bench's own connection: a new-head subscription notes when each block's header arrived, and the block's extrinsics are hashed and matched with the tapped bytes. Both clocks are the same machine's wall clock.",
    "The worker's ticker fires just after each whole wall-clock second (`src/background/ticker.ts`) and counts the second that just ended, so the end of a watched second is the whole second at or before its submission. A `record_tick` carrying n > 1 seconds (seconds held back while an earlier call was being accepted) counts n latencies, one per second, each from its own end. Also shown: the two parts, end of second → submission (the worker) and submission → block (the chain).",
  ],
  metrics: () =>
    MODES.flatMap((mode): MetricSpec[] => [
      { key: `${mode.key}.p50`, label: `${mode.label}: p50`, unit: 'ms', decimals: 0 },
      { key: `${mode.key}.p95`, label: `${mode.label}: p95`, unit: 'ms', decimals: 0 },
      {
        key: `${mode.key}.p99`,
        label: `${mode.label}: p99`,
        unit: 'ms',
        decimals: 0,
        target: mode.key === TARGET_MODE ? { text: '< 1000 ms', met: (value) => value < 1000 } : undefined,
      },
      { key: `${mode.key}.joinedP99`, label: `${mode.label}: p99 once joined (every call but the first)`, unit: 'ms', decimals: 0 },
      { key: `${mode.key}.secondToSubmitP50`, label: `${mode.label}: end of second → submission (the worker's part), p50`, unit: 'ms', decimals: 0 },
      { key: `${mode.key}.submitToBlockP50`, label: `${mode.label}: submission → block (the chain's part), p50`, unit: 'ms', decimals: 0 },
      { key: `${mode.key}.seconds`, label: `${mode.label}: seconds measured`, unit: '', decimals: 0 },
      { key: `${mode.key}.notIncluded`, label: `${mode.label}: ticks submitted but not in a block`, unit: '', decimals: 0, target: { text: '0', met: (value) => value === 0 } },
    ]),
  discuss(summaries: Record<string, Summary | null>): string[] {
    return MODES.filter((mode) => QUICK_MODES.includes(mode.key)).flatMap((mode) => {
      const median = (name: string) => summaries[`${mode.key}.${name}`]?.median;
      const [p99, joinedP99, worker, chain] = [median('p99'), median('joinedP99'), median('secondToSubmitP50'), median('submitToBlockP50')];
      if (p99 === undefined || joinedP99 === undefined || worker === undefined || chain === undefined) return [];
      const parts = `of a typical second's latency, ${Math.round(worker)} ms pass in the worker (end of the second → submission) and ${Math.round(chain)} ms in the chain (submission → block)`;
      const carriesTarget = mode.key === TARGET_MODE;
      if (p99 < 1000) {
        const moonshot = p99 < 250 ? ', and the < 250 ms moonshot' : '';
        const verdict = carriesTarget ? `meets the < 1 s target${moonshot}` : 'under 1 s';
        return [`${mode.label}: ${verdict}: p99 ${Math.round(p99)} ms; ${parts}.`];
      }
      const why =
        mode.engine === 'chopsticks'
          ? "The chain's part is chopsticks validating the extrinsic and building a block with smoldot's wasmi interpreter, a simulator's cost the real node does not have."
          : "The chain's part is the node validating the extrinsic and sealing a block.";
      const verdict = carriesTarget ? 'misses the < 1 s target' : "over 1 s (the target is the real node's)";
      return [
        `${mode.label}: ${verdict}: p99 ${Math.round(p99)} ms; ${parts}. ${why} The slowest seconds are those watched while the session was joining (the first call carries them all: a settlement needs the join in a block before it, and the runtime's elapsed-time guard counts from the last settlement). Once joined, p99 is ${Math.round(joinedP99)} ms.`,
      ];
    });
  },
  async run(context) {
    const metrics: Record<string, number> = {};
    const details: Record<string, unknown> = {};
    for (const mode of MODES) {
      context.log(mode.label);
      const measured = await measureMode(context, mode);
      Object.assign(metrics, Object.fromEntries(Object.entries(measured.metrics).map(([key, value]) => [`${mode.key}.${key}`, value])));
      details[mode.key] = measured.details;
    }
    return { metrics, details };
  },
};

interface TickLatencies {
  /** End of watched second → block, ms, one per second. */
  perSecond: number[];
  /** The same for the seconds of every call but the first (which carries those watched while joining). */
  perSecondJoined: number[];
  /** End of the last second a call carries → its submission, ms, one per extrinsic. */
  toSubmission: number[];
  /** Submission → block, ms, one per extrinsic. */
  perExtrinsic: number[];
  notIncluded: number;
  ticksPerCall: number[];
}

async function measureMode(context: RunContext, mode: Mode): Promise<RunOutcome> {
  return withMeter({ environment: { chain: { engine: mode.engine, blockTimeMs: mode.blockTimeMs } } }, async (env, meter) => {
    const stream = await env.state.registerStream('charlie', `bench latency ${mode.key} ${context.run}`);
    const blocks = await BlockWatcher.start(env.state.api);
    try {
      const page = await meter.openPlayer(watchUrl(env.sites.creatorOrigin, { stream }));
      const worker = await meter.serviceWorker();
      await tapSubmissions(worker);
      const player = new Player(page);
      await player.play();
      await sleep(context.duration(PLAY_SECONDS, 15) * 1000);
      await player.pause();
      await meter.waitUntilNothingPending(stream, 60_000 + (mode.blockTimeMs ?? 0));
      const submissions = await submissionsOf(worker);
      // The last block may still be on its way to the bench's subscription.
      await sleep(500);
      await blocks.settled();
      const latencies = matchSubmissions(env.state.api, blocks, submissions);
      if (latencies.perSecond.length === 0) throw new Error('no record_tick reached a block');
      return {
        metrics: {
          p50: quantile(latencies.perSecond, 0.5),
          p95: quantile(latencies.perSecond, 0.95),
          p99: quantile(latencies.perSecond, 0.99),
          joinedP99: quantile(latencies.perSecondJoined, 0.99),
          secondToSubmitP50: quantile(latencies.toSubmission, 0.5),
          submitToBlockP50: quantile(latencies.perExtrinsic, 0.5),
          seconds: latencies.perSecond.length,
          notIncluded: latencies.notIncluded,
        },
        details: {
          perSecondMs: latencies.perSecond.map(Math.round),
          submitToBlockMs: latencies.perExtrinsic.map(Math.round),
          ticksPerCall: latencies.ticksPerCall,
        },
      };
    } finally {
      blocks.stop();
    }
  });
}

function matchSubmissions(api: ApiPromise, blocks: BlockWatcher, submissions: Submission[]): TickLatencies {
  const result: TickLatencies = { perSecond: [], perSecondJoined: [], toSubmission: [], perExtrinsic: [], notIncluded: 0, ticksPerCall: [] };
  let first = true;
  for (const submission of submissions) {
    const extrinsic = api.createType('Extrinsic', submission.hex);
    if (extrinsic.method.section !== 'tickStream' || extrinsic.method.method !== 'recordTick') continue;
    const ticks = Number(extrinsic.method.args[1].toString());
    const block = blocks.blockOf(extrinsic.hash.toHex());
    if (!block) {
      result.notIncluded += 1;
      continue;
    }
    result.ticksPerCall.push(ticks);
    result.perExtrinsic.push(block.arrivedAt - submission.at);
    result.toSubmission.push(submissionDelay(submission.at));
    const latencies = secondLatencies(submission.at, ticks, block.arrivedAt);
    result.perSecond.push(...latencies);
    if (!first) result.perSecondJoined.push(...latencies);
    first = false;
  }
  return result;
}
