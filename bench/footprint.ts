// Figure 5 — footprint: bundle sizes, popup time to first render, worker memory while metering, and the
// content script's CPU time on a heavy page under a mutation storm.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { CDPSession, Page } from 'playwright';
import { watchUrl } from '../test/e2e/billing.js';
import { PopupPage } from '../test/e2e/extensionUi.js';
import type { Meter } from '../test/e2e/fixture.js';
import { Player } from '../test/e2e/player.js';
import type { Figure, RunContext, RunOutcome } from './lib/figure.js';
import { withMeter } from './lib/meterSession.js';
import { sleep } from '../test/e2e/sleep.js';
import { timeInScripts, type CpuProfile } from './lib/profile.js';
import { servePages } from './lib/staticServer.js';
import { quantile } from './lib/stats.js';
import { clickToPlay } from './lib/visiblePlay.js';
import { WorkerTarget } from './lib/workerProbe.js';

const ROOT = join(import.meta.dirname, '..');
const KB = 1024;
const MB = 1024 * 1024;
const HEAP_SAMPLE_SECONDS = 20;
const POPUP_OPENINGS = 5;
const STORM_ROUNDS = 500;
const QUIET_SECONDS = 10;
const PROFILER_INTERVAL_US = 200;

export const footprint: Figure = {
  id: 'footprint',
  number: 5,
  title: 'Footprint',
  method: [
    'Sizes: `scripts/size-report.ts --json` on the fresh build: the content script, and the service worker entry with every chunk it imports, each gzipped at level 9.',
    'Popup: opened as a page of its own for the playing tab (`src/popup/index.html?tabId=`) while metering, 5 times in fresh windows. "First paint" is the page\'s `first-contentful-paint`; "first render with state" is the first animation frame after the popup\'s root stopped showing `data-account="loading"` (the worker\'s first snapshot is on screen), noted by a MutationObserver installed before the page\'s own scripts (Playwright `addInitScript`). Both from the navigation\'s start.',
    "Worker memory: the service worker's JS heap (`Runtime.getHeapUsage` over a DevTools session on the worker target) sampled every second for 20 s while a video is metered.",
    "Content-script CPU: `bench/pages/storm.html` (5,000 elements and a playing, tagged video on an allowed site) is profiled with the V8 sampling profiler (CDP `Profiler`, 200 µs interval) for 10 s at rest and during a mutation storm of 500 rounds (one every 10 ms at most, slower when layout takes longer: 100 elements replaced, 100 class toggles, 50 text changes; a `<video>` added and removed every 25 rounds). The content script's time is every sample with a `chrome-extension://` frame on its stack; it is given per second of wall time as % of one core, and per storm round. The whole page's script time (`Performance.getMetrics` ScriptDuration) is shown beside it.",
  ],
  metrics: () => [
    { key: 'contentScriptGzKB', label: 'content script, gzipped', unit: 'KB', decimals: 2, target: { text: '≤ 8 KB', met: (value) => value <= 8 } },
    { key: 'workerGzKB', label: 'service worker bundle, gzipped', unit: 'KB', decimals: 1, target: { text: '≤ 450 KB', met: (value) => value <= 450 } },
    { key: 'popupFirstPaintMs', label: 'popup: first contentful paint', unit: 'ms', decimals: 0 },
    { key: 'popupStateRenderMs', label: 'popup: first render with the worker state', unit: 'ms', decimals: 0 },
    { key: 'workerHeapMB', label: 'worker JS heap while metering (median)', unit: 'MB', decimals: 1 },
    { key: 'workerHeapPeakMB', label: 'worker JS heap while metering (peak)', unit: 'MB', decimals: 1 },
    { key: 'contentCpuQuietPercent', label: 'content script CPU, 5,000 elements at rest', unit: '% of a core', decimals: 2 },
    { key: 'contentCpuStormPercent', label: 'content script CPU, during the mutation storm', unit: '% of a core', decimals: 2 },
    { key: 'contentCpuPerRoundMs', label: 'content script CPU time per storm round (≈ 250 DOM changes)', unit: 'ms', decimals: 2 },
    { key: 'contentCpuStormMs', label: 'content script CPU time over the whole storm', unit: 'ms', decimals: 0 },
    { key: 'pageScriptStormMs', label: "the page's whole script time over the storm (for scale)", unit: 'ms', decimals: 0 },
    { key: 'stormSeconds', label: 'length of the storm', unit: 's', decimals: 1 },
  ],
  async run(context): Promise<RunOutcome> {
    const sizes = await bundleSizes();
    const pages = await servePages();
    try {
      return await withMeter({ allowSites: [pages.origin] }, async (env, meter) => {
        const stream = await env.state.registerStream('charlie', `bench footprint ${context.run}`);
        const page = await meter.openPlayer(watchUrl(env.sites.creatorOrigin, { stream }));
        const player = new Player(page);
        await player.play();
        await sleep(3000);

        context.log('worker heap while metering');
        const heap = await workerHeap(meter, context.duration(HEAP_SAMPLE_SECONDS, 6));
        context.log('popup first render');
        const popup = await popupRenders(meter, page, context.options.short ? 2 : POPUP_OPENINGS);
        await player.pause();

        context.log('content script on the mutation storm page');
        const storm = await contentScriptCpu(context, meter, `${pages.origin}/storm.html?stream=${stream}&media=${encodeURIComponent(`${env.sites.creatorOrigin}/media/demo.webm`)}`);
        return {
          metrics: {
            contentScriptGzKB: sizes.contentScriptGz / KB,
            workerGzKB: sizes.workerGz / KB,
            popupFirstPaintMs: quantile(popup.firstPaint, 0.5),
            popupStateRenderMs: quantile(popup.stateRender, 0.5),
            workerHeapMB: quantile(heap, 0.5) / MB,
            workerHeapPeakMB: Math.max(...heap) / MB,
            ...storm.metrics,
          },
          details: { sizes, popup, heapBytes: heap, storm: storm.details },
        };
      });
    } finally {
      await pages.close();
    }
  },
};

interface BundleSizes {
  contentScriptGz: number;
  workerGz: number;
  workerFiles: number;
}

async function bundleSizes(): Promise<BundleSizes> {
  // size-report exits 1 when a budget is exceeded; its JSON line is printed either way.
  const run = promisify(execFile);
  const output = await run(process.execPath, ['--import', 'tsx', 'scripts/size-report.ts', '--json'], { cwd: ROOT, timeout: 60_000 }).then(
    ({ stdout }) => stdout,
    (error: { stdout?: string }) => error.stdout ?? '',
  );
  const line = output.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as BundleSizes;
  } catch {
    throw new Error(`scripts/size-report.ts --json printed no JSON (is dist/ built?): ${output.slice(0, 300)}`);
  }
}

async function workerHeap(meter: Meter, seconds: number): Promise<number[]> {
  await meter.serviceWorker();
  const target = await WorkerTarget.attach(meter);
  try {
    const samples: number[] = [];
    for (let i = 0; i < seconds; i++) {
      samples.push(await target.heapUsed());
      await sleep(1000);
    }
    return samples;
  } finally {
    await target.detach();
  }
}

const POPUP_MARKS = `(() => {
  window.__vilokanamBenchStateRender = null;
  const observer = new MutationObserver(() => {
    const root = document.querySelector('[data-testid="popup"]');
    if (!root || root.getAttribute('data-account') === 'loading') return;
    observer.disconnect();
    requestAnimationFrame(() => { window.__vilokanamBenchStateRender = performance.now(); });
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true });
})()`;

async function popupRenders(meter: Meter, player: Page, openings: number): Promise<{ firstPaint: number[]; stateRender: number[] }> {
  const tabId = await meter.tabIdOf(player);
  const firstPaint: number[] = [];
  const stateRender: number[] = [];
  for (let i = 0; i < openings; i++) {
    const page = await meter.browser.openWindow('about:blank');
    try {
      await page.addInitScript(POPUP_MARKS);
      await page.goto(meter.browser.extensionUrl(`src/popup/index.html?tabId=${tabId}`));
      await new PopupPage(page).loaded();
      await page.waitForFunction('window.__vilokanamBenchStateRender !== null', undefined, { timeout: 10_000 });
      const marks = await page.evaluate<{ state: number; paint: number | null }>(`({
        state: window.__vilokanamBenchStateRender,
        paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      })`);
      stateRender.push(marks.state);
      if (marks.paint !== null) firstPaint.push(marks.paint);
    } finally {
      await page.close();
    }
  }
  if (firstPaint.length === 0) throw new Error('the popup reported no first-contentful-paint');
  return { firstPaint, stateRender };
}

async function scriptSeconds(session: CDPSession): Promise<number> {
  const { metrics } = await session.send('Performance.getMetrics');
  return metrics.find((metric) => metric.name === 'ScriptDuration')?.value ?? 0;
}

async function profiled<T>(session: CDPSession, prefix: string, work: () => Promise<T>) {
  const scriptBefore = await scriptSeconds(session);
  const started = Date.now();
  await session.send('Profiler.start');
  const result = await work();
  const { profile } = await session.send('Profiler.stop');
  const wallMs = Date.now() - started;
  const pageScriptMs = ((await scriptSeconds(session)) - scriptBefore) * 1000;
  return { result, wallMs, pageScriptMs, contentMs: timeInScripts(profile as CpuProfile, prefix) };
}

async function contentScriptCpu(context: RunContext, meter: Meter, url: string): Promise<RunOutcome> {
  const page = await meter.openPlayer(url);
  const session = await meter.browser.context.newCDPSession(page);
  try {
    const elements = await page.evaluate<number>('window.elementCount()');
    await clickToPlay(page);
    await session.send('Profiler.enable');
    await session.send('Profiler.setSamplingInterval', { interval: PROFILER_INTERVAL_US });
    await session.send('Performance.enable');
    const prefix = meter.browser.extensionUrl('');
    const quiet = await profiled(session, prefix, () => sleep(context.duration(QUIET_SECONDS, 4) * 1000));
    const rounds = context.options.short ? Math.round(STORM_ROUNDS / 3) : STORM_ROUNDS;
    const storm = await profiled(session, prefix, () => page.evaluate(`window.runStorm(${rounds})`));
    return {
      metrics: {
        contentCpuQuietPercent: (quiet.contentMs / quiet.wallMs) * 100,
        contentCpuStormPercent: (storm.contentMs / storm.wallMs) * 100,
        contentCpuPerRoundMs: storm.contentMs / rounds,
        contentCpuStormMs: storm.contentMs,
        pageScriptStormMs: storm.pageScriptMs,
        stormSeconds: storm.wallMs / 1000,
      },
      details: { elements, quiet: { ...quiet, result: undefined }, storm },
    };
  } finally {
    await session.detach().catch(() => undefined);
    await page.close();
  }
}
