import { describe, expect, it } from 'vitest';
import type { SpendState } from '../shared/messages';
import { budgetLeft } from './budgetLeft';

const spend = (today: [string, string], allTime: [string, string]): SpendState => ({
  day: '2026-01-01',
  today: { amount: today[0], fees: today[1], seconds: 0 },
  allTime: { amount: allTime[0], fees: allTime[1], seconds: 0 },
  recentSites: [],
  days: [],
  creators: [],
});

describe('budgetLeft', () => {
  it('is null without caps', () => {
    expect(budgetLeft({ perSession: null, perDay: null, global: null }, spend(['5', '1'], ['5', '1']))).toBeNull();
  });

  it('counts fees with payments and picks the tightest cap', () => {
    expect(budgetLeft({ perSession: null, perDay: '200', global: '1000' }, spend(['60', '10'], ['900', '20']))).toEqual({ cap: 'global', left: 80n });
    expect(budgetLeft({ perSession: '20', perDay: '100', global: null }, spend(['60', '10'], ['60', '10']))).toEqual({ cap: 'perSession', left: 20n });
    expect(budgetLeft({ perSession: null, perDay: '100', global: null }, spend(['60', '10'], ['60', '10']))).toEqual({ cap: 'perDay', left: 30n });
  });

  it('never goes below zero', () => {
    expect(budgetLeft({ perSession: null, perDay: '100', global: null }, spend(['100', '3'], ['100', '3']))).toEqual({ cap: 'perDay', left: 0n });
  });
});
