import { describe, expect, test } from 'vitest';
import { uiState } from '../ui/testState';
import { barHeights, lastDays, spendCsv } from './spendHistory';

const VIL = { decimals: 12, symbol: 'VIL' };

describe('spending history', () => {
  test('the last 30 days end today, across a month end, with days without spend at 0', () => {
    const days = lastDays({ day: '2026-03-02', days: [{ day: '2026-02-27', amount: '5', fees: '1', seconds: 3 }, { day: '2026-03-02', amount: '7', fees: '0', seconds: 4 }] });
    expect(days).toHaveLength(30);
    expect(days[0].day).toBe('2026-02-01');
    expect(days.at(-1)).toEqual({ day: '2026-03-02', amount: 7n, seconds: 4 });
    expect(days.find((day) => day.day === '2026-02-27')?.amount).toBe(5n);
    expect(days.filter((day) => day.amount === 0n)).toHaveLength(28);
  });

  test('bars are scaled to the highest day, bigints included', () => {
    expect(barHeights([0n, 5n, 10n], 40)).toEqual([0, 20, 40]);
    expect(barHeights([0n, 0n], 40)).toEqual([0, 0]);
    expect(barHeights([10n ** 30n, 10n ** 29n], 50)).toEqual([50, 5]);
  });

  test('CSV: one row per day, site, creator and the totals, amounts exact in planck and in the token', () => {
    const { spend } = uiState();
    const csv = spendCsv(
      {
        ...spend,
        today: { amount: '1500000000000', fees: '2', seconds: 9 },
        allTime: { amount: '1500000000000', fees: '2', seconds: 9 },
        days: [{ day: spend.day, amount: '1500000000000', fees: '2', seconds: 9 }],
        recentSites: [{ site: 'https://a.example', amount: '1500000000000', fees: '2', seconds: 9, lastAt: 1 }],
        creators: [{ creator: '5Bob', amount: '1500000000000', fees: '2', seconds: 9, lastAt: 1 }],
      },
      VIL,
    );
    expect(csv.split('\n')).toEqual([
      'section,key,seconds,amount_planck,fees_planck,amount_VIL,fees_VIL',
      `day,${spend.day},9,1500000000000,2,1.5,0.000000000002`,
      'site,https://a.example,9,1500000000000,2,1.5,0.000000000002',
      'creator,5Bob,9,1500000000000,2,1.5,0.000000000002',
      `today,${spend.day},9,1500000000000,2,1.5,0.000000000002`,
      'all-time,,9,1500000000000,2,1.5,0.000000000002',
      '',
    ]);
  });
});
