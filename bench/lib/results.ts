// bench/results.json: every figure's runs and summaries. A run of some figures (`--only`) replaces
// theirs and keeps the others, each with the date and machine it was measured on.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Machine } from './machine.js';
import type { Summary } from './stats.js';

export const RESULTS_PATH = join(import.meta.dirname, '..', 'results.json');

export interface RunRecord {
  run: number;
  durationSeconds: number;
  /** Absent when the run failed. */
  metrics?: Record<string, number | null>;
  details?: Record<string, unknown>;
  error?: string;
}

export interface FigureResult {
  id: string;
  number: number;
  title: string;
  /** When the figure's first run started (ISO 8601). */
  measuredAt: string;
  machine: Machine;
  options: { runs: number; short: boolean; viewerCounts: number[] };
  runs: RunRecord[];
  summaries: Record<string, Summary | null>;
  discussion: string[];
}

export interface ResultsFile {
  updatedAt: string;
  figures: Record<string, FigureResult>;
}

export function readResults(): ResultsFile {
  if (!existsSync(RESULTS_PATH)) return { updatedAt: new Date(0).toISOString(), figures: {} };
  const parsed = JSON.parse(readFileSync(RESULTS_PATH, 'utf8')) as ResultsFile;
  if (typeof parsed !== 'object' || parsed === null || typeof parsed.figures !== 'object') {
    throw new Error(`${RESULTS_PATH} is not a results file: remove it or fix it`);
  }
  return parsed;
}

/** Bigints (chain amounts in details) are written as decimal strings; non-finite numbers as null. */
export function writeResults(results: ResultsFile): void {
  const json = JSON.stringify(results, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value), 2);
  writeFileSync(RESULTS_PATH, `${json}\n`);
}
