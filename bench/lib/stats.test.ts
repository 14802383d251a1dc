import { describe, expect, it } from 'vitest';
import { deliveryRate, mediansOf, quantile, summarize } from './stats.js';

describe('quantile', () => {
  it('interpolates between the closest ranks, whatever the order of the values', () => {
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantile([10, 20, 30, 40, 50], 0.99)).toBeCloseTo(49.6);
    expect(quantile([7], 0.95)).toBe(7);
  });

  it('refuses no values and quantiles outside 0..1', () => {
    expect(() => quantile([], 0.5)).toThrow(/no values/);
    expect(() => quantile([1], 1.5)).toThrow(/outside/);
  });
});

describe('summarize', () => {
  it('gives the median and spread of the finite values only', () => {
    expect(summarize([3, Number.NaN, 1, 2, Number.POSITIVE_INFINITY])).toEqual({ n: 3, median: 2, min: 1, max: 3, q1: 1.5, q3: 2.5 });
  });

  it('is null when no run produced the metric', () => {
    expect(summarize([Number.NaN])).toBeNull();
  });
});

describe('deliveryRate', () => {
  it('counts what blocks after the first delivered, over the time from the first block to the last', () => {
    // 1,000 a second for three seconds after a first block that held what gathered before it.
    const blocks = [
      { at: 1_000, count: 2_500 },
      { at: 3_000, count: 1_000 },
      { at: 2_000, count: 1_000 },
      { at: 4_000, count: 1_000 },
    ];
    expect(deliveryRate(blocks)).toBe(1000);
  });

  it('is null without two blocks apart in time', () => {
    expect(deliveryRate([])).toBeNull();
    expect(deliveryRate([{ at: 5, count: 10 }])).toBeNull();
    expect(deliveryRate([{ at: 5, count: 10 }, { at: 5, count: 3 }])).toBeNull();
  });
});

describe('mediansOf', () => {
  const summary = (median: number) => ({ n: 1, median, min: median, max: median, q1: median, q3: median });

  it('gives every median by key, or null when one of them was not measured', () => {
    const summaries = { a: summary(1), b: summary(2.5), c: null };
    expect(mediansOf(summaries, ['a', 'b'])).toEqual({ a: 1, b: 2.5 });
    expect(mediansOf(summaries, ['a', 'c'])).toBeNull();
    expect(mediansOf(summaries, ['a', 'missing'])).toBeNull();
  });
});
