/** Order statistics for benchmark samples. */

/** The q-quantile (0 ≤ q ≤ 1) of `values` by linear interpolation between closest ranks. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) throw new Error('quantile of no values');
  if (q < 0 || q > 1) throw new Error(`quantile ${q} is outside 0..1`);
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

export interface Summary {
  n: number;
  median: number;
  min: number;
  max: number;
  q1: number;
  q3: number;
}

/** Median and spread of one metric over the runs; null when no run produced it. */
export function summarize(values: readonly number[]): Summary | null {
  const finite = values.filter((value) => Number.isFinite(value));
  if (finite.length === 0) return null;
  return {
    n: finite.length,
    median: quantile(finite, 0.5),
    min: Math.min(...finite),
    max: Math.max(...finite),
    q1: quantile(finite, 0.25),
    q3: quantile(finite, 0.75),
  };
}

export const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

/**
 * The rate at which batches (blocks) delivered items, per second: the items after the first batch ÷
 * the time from the first batch to the last. Items that gathered before the first batch, and the wait
 * for the last, do not dilute it. Null with fewer than two batches.
 */
export function deliveryRate(batches: readonly { at: number; count: number }[]): number | null {
  if (batches.length < 2) return null;
  const sorted = [...batches].sort((a, b) => a.at - b.at);
  const span = (sorted.at(-1)!.at - sorted[0].at) / 1000;
  return span > 0 ? sum(sorted.slice(1).map((batch) => batch.count)) / span : null;
}

/** The medians of `keys`, or null unless every one was measured. */
export function mediansOf<K extends string>(summaries: Record<string, Summary | null>, keys: readonly K[]): Record<K, number> | null {
  const values = keys.map((key) => summaries[key]?.median);
  if (values.some((value) => value === undefined)) return null;
  return Object.fromEntries(keys.map((key, i) => [key, values[i]!])) as Record<K, number>;
}
