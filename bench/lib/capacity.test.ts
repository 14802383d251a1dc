import { describe, expect, it } from 'vitest';
import { capacityFromLimits, exposure, latencyToCreator, settlementInterval, viewersAtInterval } from './capacity.js';

// The runtime's values: 2,880 settlements a 6 s block, intervals capped at 300 s.
const limits = { capacityPerBlock: 2880, blockMs: 6000, maxIntervalSeconds: 300 };

describe('settlementInterval (TickStream::interval_for)', () => {
  it('is 1 s while every session fits a settlement a second, then widens by whole seconds', () => {
    expect(settlementInterval(0, limits)).toBe(1);
    expect(settlementInterval(480, limits)).toBe(1);
    expect(settlementInterval(481, limits)).toBe(2);
    expect(settlementInterval(1000, limits)).toBe(3);
    expect(settlementInterval(10_000, limits)).toBe(21);
    expect(settlementInterval(100_000, limits)).toBe(209);
  });

  it('never asks for more than MaxSettlementInterval, however many sessions', () => {
    expect(settlementInterval(144_000, limits)).toBe(300);
    expect(settlementInterval(10_000_000, limits)).toBe(300);
  });
});

describe('viewersAtInterval', () => {
  it('is the largest load whose published interval is within the wait', () => {
    // Without the cap, so that one viewer more shows in the interval even at 300 s.
    const uncapped = { ...limits, maxIntervalSeconds: 10_000 };
    for (const seconds of [1, 2, 21, 30, 299, 300]) {
      const viewers = viewersAtInterval(seconds, limits);
      expect(settlementInterval(viewers, limits)).toBeLessThanOrEqual(seconds);
      expect(settlementInterval(viewers + 1, uncapped)).toBeGreaterThan(seconds);
    }
    expect(viewersAtInterval(1, limits)).toBe(480);
    expect(viewersAtInterval(30, limits)).toBe(14_400);
    expect(viewersAtInterval(300, limits)).toBe(144_000);
  });

  it('carries no more viewers beyond the cap, and none below a second', () => {
    expect(viewersAtInterval(600, limits)).toBe(viewersAtInterval(300, limits));
    expect(viewersAtInterval(0.5, limits)).toBe(0);
  });
});

describe('capacityFromLimits (settlement_capacity)', () => {
  const normalMax = { refTime: 1_500_000_000_000n, proofSize: 7_864_320n };

  it('fits the 75 % target in whichever limit runs out first', () => {
    const assumed = capacityFromLimits(normalMax, 75, { refTime: 377_000_000n, proofSize: 2048n });
    expect(assumed).toEqual({ settlements: 2880, byRefTime: 2984, byProofSize: 2880, limitedBy: 'proof_size' });
    const measured = capacityFromLimits(normalMax, 75, { refTime: 377_000_000n, proofSize: 430n });
    expect(measured).toMatchObject({ settlements: 2984, limitedBy: 'ref_time' });
  });

  it('refuses a weightless settlement', () => {
    expect(() => capacityFromLimits(normalMax, 75, { refTime: 0n, proofSize: 1n })).toThrow(/positive/);
  });
});

describe('exposure and latency to the creator', () => {
  it('are one interval of seconds at the rate, and that interval plus FlushSeconds', () => {
    expect(exposure(21, 100_000_000_000n)).toBe(35_000_000_000n);
    expect(exposure(1, 100_000_000_001n)).toBe(1_666_666_666n);
    expect(latencyToCreator(21, 120)).toBe(141);
  });
});
