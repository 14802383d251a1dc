/*
 * `npm run bench [-- --runs 3] [--only <id|number>[,…]] [--short] [--viewers 10,100,1000]`
 * Builds the extension when dist/ is older than its sources, runs every figure (bench/*.ts, one file per
 * figure) `--runs` times, writes bench/results.json and regenerates docs/benchmarks.md. `--short` shortens
 * every duration for a trial of the code. Exits 1 when a run failed (a missed target is a result, not a
 * failure).
 */
import '../test/e2e/logLevel.js';
import { parseArgs } from 'node:util';
import { ensureBuilt } from '../test/e2e/build.js';
import { billingAccuracy } from './billing-accuracy.js';
import { coldStart } from './cold-start.js';
import { costPerMinute } from './cost-per-minute.js';
import { footprint } from './footprint.js';
import type { BenchOptions, Figure, RunContext } from './lib/figure.js';
import { describeMachine } from './lib/machine.js';
import { REPORT_PATH, writeReport } from './lib/report.js';
import { readResults, RESULTS_PATH, writeResults, type FigureResult, type RunRecord } from './lib/results.js';
import { summarize } from './lib/stats.js';
import { tickLatency } from './tick-latency.js';
import { viewersPerChain } from './viewers-per-chain.js';

const FIGURES: Figure[] = [billingAccuracy, tickLatency, costPerMinute, viewersPerChain, footprint, coldStart];
const MAX_RUNS = 20;

function usage(problem: string): never {
  console.error(`${problem}\nusage: npm run bench -- [--runs N] [--only <id|number>[,…]] [--short] [--viewers 10,100,1000]`);
  console.error(`figures: ${FIGURES.map((figure) => `${figure.number} ${figure.id}`).join(', ')}`);
  process.exit(2);
}

function parseOptions(): { options: BenchOptions; figures: Figure[] } {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        runs: { type: 'string', default: '3' },
        only: { type: 'string' },
        short: { type: 'boolean', default: false },
        viewers: { type: 'string', default: '10,100,1000' },
      },
    }));
  } catch (error) {
    usage(error instanceof Error ? error.message : String(error));
  }
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1 || runs > MAX_RUNS) usage(`--runs must be a whole number from 1 to ${MAX_RUNS}, not "${values.runs}"`);
  const viewerCounts = values.viewers.split(',').map((part) => Number(part.trim()));
  if (viewerCounts.some((n) => !Number.isInteger(n) || n < 1 || n > 5000)) usage(`--viewers takes counts from 1 to 5000, not "${values.viewers}"`);
  let figures = FIGURES;
  if (values.only !== undefined) {
    const wanted = values.only.split(',').map((part) => part.trim()).filter(Boolean);
    figures = FIGURES.filter((figure) => wanted.some((name) => name === String(figure.number) || figure.id.includes(name)));
    const unknown = wanted.filter((name) => !FIGURES.some((figure) => name === String(figure.number) || figure.id.includes(name)));
    if (unknown.length > 0 || figures.length === 0) usage(`no figure matches ${unknown.join(', ') || values.only}`);
  }
  return { options: { runs, short: values.short, viewerCounts }, figures };
}

const clock = () => new Date().toISOString().slice(11, 19);
const log = (message: string) => console.error(`[bench ${clock()}] ${message}`);


async function runFigure(figure: Figure, options: BenchOptions): Promise<FigureResult> {
  const measuredAt = new Date().toISOString();
  const machine = describeMachine();
  const runs: RunRecord[] = [];
  for (let run = 1; run <= options.runs; run++) {
    const prefix = `${figure.number}. ${figure.id} run ${run}/${options.runs}`;
    const context: RunContext = {
      options,
      run,
      log: (message) => log(`${prefix}: ${message}`),
      duration: (seconds, min = 1) => (options.short ? Math.max(min, Math.round(seconds / 3)) : seconds),
    };
    log(`${prefix}: start`);
    const started = Date.now();
    try {
      const outcome = await figure.run(context);
      runs.push({ run, durationSeconds: (Date.now() - started) / 1000, metrics: outcome.metrics, details: outcome.details });
      log(`${prefix}: done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      runs.push({ run, durationSeconds: (Date.now() - started) / 1000, error: message });
      log(`${prefix}: FAILED: ${message}`);
    }
  }
  const summaries = Object.fromEntries(
    figure.metrics(options).map((spec) => [spec.key, summarize(runs.flatMap((run) => (typeof run.metrics?.[spec.key] === 'number' ? [run.metrics[spec.key]!] : [])))]),
  );
  return {
    id: figure.id,
    number: figure.number,
    title: figure.title,
    measuredAt,
    machine,
    options: { runs: options.runs, short: options.short, viewerCounts: options.viewerCounts },
    runs,
    summaries,
    discussion: figure.discuss?.(summaries, options) ?? [],
  };
}

const { options, figures } = parseOptions();
log('building the extension if dist/ is older than its sources');
ensureBuilt();
const results = readResults();
let failedRuns = 0;
for (const figure of figures) {
  const result = await runFigure(figure, options);
  failedRuns += result.runs.filter((run) => run.error).length;
  results.figures[figure.id] = result;
  results.updatedAt = new Date().toISOString();
  writeResults(results);
  writeReport(FIGURES, results);
}
log(`wrote ${RESULTS_PATH} and ${REPORT_PATH}`);
if (failedRuns > 0) log(`${failedRuns} run(s) failed: see the report`);
process.exit(failedRuns > 0 ? 1 : 0);
