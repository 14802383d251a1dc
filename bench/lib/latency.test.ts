import { describe, expect, it } from 'vitest';
import { secondLatencies, submissionDelay } from './latency.js';

describe('secondLatencies', () => {
  it('measures a one-second call from the whole second before its submission', () => {
    expect(secondLatencies(10_080, 1, 10_700)).toEqual([700]);
    expect(submissionDelay(10_080)).toBe(80);
  });

  it('gives each second of a batched call its own end, a second apart', () => {
    expect(secondLatencies(10_080, 3, 10_700)).toEqual([700, 1700, 2700]);
  });

  it('refuses a call carrying no second', () => {
    expect(() => secondLatencies(10_080, 0, 10_700)).toThrow(/at least one second/);
  });
});
