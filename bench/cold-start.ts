// Figure 6 — cold start: from Chromium starting the extension's service worker to its first tick in a block.
import { watchUrl } from '../test/e2e/billing.js';
import type { Meter } from '../test/e2e/fixture.js';
import { Player } from '../test/e2e/player.js';
import { BlockWatcher } from './lib/blockWatcher.js';
import type { Figure, RunContext, RunOutcome } from './lib/figure.js';
import { sleep, tickRecordedBy, withMeter } from './lib/meterSession.js';
import { quantile } from './lib/stats.js';
import { WorkerStatusLog } from './lib/workerProbe.js';

const REPEATS = 3;
const STEADY_SECONDS = 5;
const FIRST_TICK_TIMEOUT_MS = 30_000;

type Scenario = 'restart' | 'wake';

export const coldStart: Figure = {
  id: 'cold-start',
  number: 6,
  title: 'Cold start',
  method: [
    "A viewer meters a video on the local chain (quick block mode); its session is joined and billing. Chromium then stops the extension's service worker (CDP `ServiceWorker.stopAllWorkers`, what it does to an idle worker), in two ways, 3 times each: **restart** — while the video plays, so the content script's next once-a-second report wakes the worker; **wake** — while the video is paused and nothing is pending, then the video is played, so the content script's report of the play wakes it.",
    'Worker start is the moment the browser reports the worker `starting` (CDP `ServiceWorker.workerVersionUpdated`, observed from a window showing the extension\'s manifest.json, a page that opens no port to the worker). First tick in a block is the arrival, at the bench\'s new-head subscription, of the first block with a `TickRecorded` of the viewer after that moment. The options page is parked at about:blank meanwhile: its port reconnects within 0.5 s and would wake the worker itself. Also shown: starting → running (the worker script loaded).',
  ],
  metrics: () => [
    { key: 'restart', label: 'stopped while playing: worker start → first tick in a block', unit: 'ms', decimals: 0, target: { text: '≤ 2000 ms', met: (value) => value <= 2000 } },
    { key: 'wake', label: 'woken by play: worker start → first tick in a block', unit: 'ms', decimals: 0, target: { text: '≤ 2000 ms', met: (value) => value <= 2000 } },
    { key: 'startToRunning', label: 'worker starting → running', unit: 'ms', decimals: 0 },
  ],
  async run(context): Promise<RunOutcome> {
    return withMeter({}, async (env, meter) => {
      const stream = await env.state.registerStream('charlie', `bench cold start ${context.run}`);
      const page = await meter.openPlayer(watchUrl(env.sites.creatorOrigin, { stream }));
      const player = new Player(page);
      const blocks = await BlockWatcher.start(env.state.api);
      const statuses = await WorkerStatusLog.open(meter);
      const optionsUrl = meter.options.page.url();
      const measured: Record<Scenario, number[]> = { restart: [], wake: [] };
      const toRunning: number[] = [];
      const isOurTick = tickRecordedBy(meter.viewer.address, stream);
      try {
        await player.play();
        await sleep(STEADY_SECONDS * 1000);
        const repeats = context.options.short ? 1 : REPEATS;
        for (let repeat = 0; repeat < repeats; repeat++) {
          for (const scenario of ['restart', 'wake'] as const) {
            if (scenario === 'wake') {
              await player.pause();
              await meter.waitUntilNothingPending(stream);
            }
            await meter.options.page.goto('about:blank');
            const stoppedAt = Date.now();
            await meter.stopServiceWorker();
            // Whatever the stopped worker had already sent has a lower nonce than the new worker's ticks.
            const firstNewNonce = (await env.state.api.rpc.system.accountNextIndex(meter.viewer.address)).toNumber();
            if (scenario === 'wake') {
              await sleep(1000);
              if (statuses.changes.some((change) => change.status === 'starting' && change.at >= stoppedAt)) throw new Error('something woke the worker before the video played');
              await player.play();
            }
            const startedAt = await statuses.waitFor('starting', stoppedAt, 15_000);
            const runningAt = await statuses.waitFor('running', startedAt, 15_000);
            const block = await blocks.waitFor(
              (candidate) =>
                candidate.arrivedAt >= startedAt &&
                candidate.events.some((event) => isOurTick(event) && event.extrinsic !== null && (candidate.signed[event.extrinsic]?.nonce ?? -1) >= firstNewNonce),
              FIRST_TICK_TIMEOUT_MS,
            );
            measured[scenario].push(block.arrivedAt - startedAt);
            toRunning.push(runningAt - startedAt);
            context.log(`${scenario}: ${block.arrivedAt - startedAt} ms`);
            await restoreOptions(meter, optionsUrl);
            await sleep(STEADY_SECONDS * 1000);
          }
        }
        await player.pause();
      } finally {
        await statuses.close();
        blocks.stop();
      }
      return {
        metrics: {
          restart: quantile(measured.restart, 0.5),
          wake: quantile(measured.wake, 0.5),
          startToRunning: quantile(toRunning, 0.5),
        },
        details: { ...measured, startToRunning: toRunning, statusChanges: statuses.changes.length },
      };
    });
  },
};

async function restoreOptions(meter: Meter, url: string): Promise<void> {
  await meter.options.page.goto(url);
  await meter.options.loaded();
}
