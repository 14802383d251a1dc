/** Earnings over time as an inline SVG polyline: pure scaling, no chart library. */
import type { EarningsPoint } from '../shared/messages';

export interface ChartBox {
  width: number;
  height: number;
  padding: number;
}

export interface ScaledChart {
  /** `x,y x,y …` for `<polyline points>`; empty without points. */
  polyline: string;
  /** The highest earnings shown (top of the chart; the bottom is 0). */
  max: bigint;
  from: number | null;
  to: number | null;
}

/** Fixed-point steps of the vertical scale: planck values are bigints, coordinates are small numbers. */
const Y_STEPS = 1_000_000n;

const round = (value: number) => Math.round(value * 10) / 10;

/**
 * Maps points (any order) into the box: time left to right, earnings from 0 at the bottom to the highest
 * value at the top. One point, or all at the same time, is drawn as a flat line across the box.
 */
export function scaleChart(points: readonly EarningsPoint[], box: ChartBox): ScaledChart {
  if (points.length === 0) return { polyline: '', max: 0n, from: null, to: null };
  const sorted = [...points].sort((a, b) => a.at - b.at);
  const values = sorted.map((point) => BigInt(point.earnings));
  const max = values.reduce((a, b) => (b > a ? b : a), 0n);
  const from = sorted[0].at;
  const to = sorted[sorted.length - 1].at;
  const innerWidth = box.width - 2 * box.padding;
  const innerHeight = box.height - 2 * box.padding;
  const yOf = (value: bigint) => {
    const steps = max === 0n ? 0n : (value * Y_STEPS) / max;
    return round(box.padding + innerHeight - (Number(steps) / Number(Y_STEPS)) * innerHeight);
  };
  if (to === from) {
    const y = yOf(values[values.length - 1]);
    return { polyline: `${box.padding},${y} ${box.width - box.padding},${y}`, max, from, to };
  }
  const coordinates = sorted.map((point, index) => {
    const x = round(box.padding + ((point.at - from) / (to - from)) * innerWidth);
    return `${x},${yOf(values[index])}`;
  });
  return { polyline: coordinates.join(' '), max, from, to };
}
