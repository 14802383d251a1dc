// What every benchmark (one file per figure in bench/) exports, and what the runner hands it.
import type { Summary } from './stats.js';

export interface BenchOptions {
  /** Runs per figure. */
  runs: number;
  /** Trial mode: every scripted duration shortened (about a third), for checking the code, not for publishing. */
  short: boolean;
  /** Simulated viewer counts for "viewers per chain". */
  viewerCounts: number[];
}

export interface Target {
  /** As printed beside the figure, e.g. "≤ 1 s". */
  text: string;
  met(value: number): boolean;
}

export interface MetricSpec {
  key: string;
  label: string;
  /** Printed after the number: "s", "ms", "KB", "%", "VIL", "ticks/s", … ("" for a count). */
  unit: string;
  decimals: number;
  target?: Target;
}

export interface RunContext {
  options: BenchOptions;
  /** 1-based number of this run. */
  run: number;
  log(message: string): void;
  /** `seconds`, or about a third of it (at least `min`) in short mode. */
  duration(seconds: number, min?: number): number;
}

export interface RunOutcome {
  metrics: Record<string, number>;
  /** Raw observations kept in results.json for whoever wants to look closer. */
  details?: Record<string, unknown>;
}

export interface Figure {
  /** Used by `--only` and as the key in results.json. */
  id: string;
  number: number;
  title: string;
  /** Markdown paragraphs: what is measured and how. */
  method: string[];
  metrics(options: BenchOptions): MetricSpec[];
  run(context: RunContext): Promise<RunOutcome>;
  /** Sentences drawn from the medians, e.g. by how much a target is missed and what would meet it. */
  discuss?(summaries: Record<string, Summary | null>, options: BenchOptions): string[];
}
