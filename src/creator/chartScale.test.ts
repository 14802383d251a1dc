import { describe, expect, test } from 'vitest';
import { scaleChart } from './chartScale';

const box = { width: 200, height: 100, padding: 10 };

describe('scaleChart', () => {
  test('no points: nothing to draw', () => {
    expect(scaleChart([], box)).toEqual({ polyline: '', max: 0n, from: null, to: null });
  });

  test('time runs left to right and earnings from 0 (bottom) to the highest value (top), in time order', () => {
    const chart = scaleChart(
      [
        { at: 3000, earnings: '400' },
        { at: 1000, earnings: '0' },
        { at: 2000, earnings: '100' },
      ],
      box,
    );
    expect(chart.polyline).toBe('10,90 100,70 190,10');
    expect(chart.max).toBe(400n);
    expect([chart.from, chart.to]).toEqual([1000, 3000]);
  });

  test('amounts above 2^53 planck keep their proportions', () => {
    const huge = 10n ** 30n;
    const chart = scaleChart(
      [
        { at: 0, earnings: (huge / 2n).toString() },
        { at: 10, earnings: huge.toString() },
      ],
      box,
    );
    expect(chart.polyline).toBe('10,50 190,10');
  });

  test('a single point (or points at one instant) is a flat line across the box', () => {
    expect(scaleChart([{ at: 5, earnings: '7' }], box).polyline).toBe('10,10 190,10');
    expect(scaleChart([{ at: 5, earnings: '0' }], box).polyline).toBe('10,90 190,90');
  });
});
