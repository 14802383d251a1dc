import { describe, expect, it } from 'vitest';
import { emptyLedger, localDay, recordSpend, rollDay, spendView, todayOf } from './spendLedger';

const A = { site: 'https://a.example', creator: '5Alice' };
const B = { site: 'https://b.example', creator: '5Bob' };

describe('spend ledger', () => {
  it('adds payments and fees apart, per day, all time, per site and per creator', () => {
    const ledger = emptyLedger('2025-01-01');
    recordSpend(ledger, A, 10n, 3n, 6, 1000);
    recordSpend(ledger, B, 5n, 1n, 3, 2000);
    recordSpend(ledger, { ...A, creator: '5Bob' }, 1n, 1n, 1, 3000);
    const view = spendView(ledger);
    expect(view.today).toEqual({ amount: '16', fees: '5', seconds: 10 });
    expect(view.allTime).toEqual({ amount: '16', fees: '5', seconds: 10 });
    expect(view.recentSites.map((s) => [s.site, s.amount, s.fees, s.seconds])).toEqual([
      ['https://a.example', '11', '4', 7],
      ['https://b.example', '5', '1', 3],
    ]);
    expect(view.creators.map((c) => [c.creator, c.amount, c.fees, c.seconds])).toEqual([
      ['5Bob', '6', '2', 4],
      ['5Alice', '10', '3', 6],
    ]);
    expect(view.days).toEqual([{ day: '2025-01-01', amount: '16', fees: '5', seconds: 10 }]);
  });

  it('starts a new day without touching the all-time totals, and keeps each day apart', () => {
    const ledger = emptyLedger('2025-01-01');
    recordSpend(ledger, A, 10n, 2n, 6, 1000);
    rollDay(ledger, '2025-01-01');
    expect(todayOf(ledger).amount).toBe('10');
    rollDay(ledger, '2025-01-02');
    expect(todayOf(ledger)).toEqual({ amount: '0', fees: '0', seconds: 0 });
    expect(ledger.allTime.amount).toBe('10');
    recordSpend(ledger, A, 4n, 1n, 2, 2000);
    expect(spendView(ledger).days.map((d) => [d.day, d.amount])).toEqual([
      ['2025-01-01', '10'],
      ['2025-01-02', '4'],
    ]);
  });

  it('keeps the last 90 days with spend, and shows them all (the chart draws 30, the CSV has every one)', () => {
    const ledger = emptyLedger('d');
    for (let day = 1; day <= 100; day += 1) {
      rollDay(ledger, `2025-${String(Math.ceil(day / 28)).padStart(2, '0')}-${String(((day - 1) % 28) + 1).padStart(2, '0')}`);
      recordSpend(ledger, A, 1n, 0n, 1, day);
    }
    expect(Object.keys(ledger.days ?? {})).toHaveLength(90);
    const days = spendView(ledger).days;
    expect(days).toHaveLength(90);
    expect(days[0]?.day).toBe('2025-01-11');
    expect(days.at(-1)?.day).toBe('2025-04-16');
  });

  it('today is the current day’s row, one record: they agree even when the clock goes back a day', () => {
    const ledger = emptyLedger('2025-01-01');
    recordSpend(ledger, A, 3n, 1n, 2, 1);
    rollDay(ledger, '2025-01-02');
    rollDay(ledger, '2025-01-01'); // the system clock was set back
    recordSpend(ledger, A, 1n, 0n, 1, 2);
    const view = spendView(ledger);
    expect(view.today).toEqual({ amount: '4', fees: '1', seconds: 3 });
    expect(view.days).toEqual([{ day: '2025-01-01', ...view.today }]);
  });

  it('keeps amounts beyond 2^53 exact', () => {
    const ledger = emptyLedger('d');
    recordSpend(ledger, A, 2n ** 70n, 0n, 1, 1);
    recordSpend(ledger, A, 1n, 0n, 1, 2);
    expect(ledger.allTime.amount).toBe((2n ** 70n + 1n).toString());
  });

  it('keeps only the 20 most recent sites', () => {
    const ledger = emptyLedger('d');
    for (let i = 0; i < 25; i += 1) recordSpend(ledger, { site: `https://s${i}.example`, creator: '5Bob' }, 1n, 0n, 1, i);
    const sites = spendView(ledger).recentSites;
    expect(sites).toHaveLength(20);
    expect(sites[0]?.site).toBe('https://s24.example');
    expect(sites.at(-1)?.site).toBe('https://s5.example');
  });

  it('formats the local day', () => {
    expect(localDay(new Date(2025, 2, 7, 23, 59).getTime())).toBe('2025-03-07');
  });
});
