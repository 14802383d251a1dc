import { describe, expect, it } from 'vitest';
import { emptyLedger, localDay, recordSpend, rollDay, spendView } from './spendLedger';

describe('spend ledger', () => {
  it('adds payments and fees apart, per day, all time and per site', () => {
    const ledger = emptyLedger('2025-01-01');
    recordSpend(ledger, 'https://a.example', 10n, 3n, 6, 1000);
    recordSpend(ledger, 'https://b.example', 5n, 1n, 3, 2000);
    recordSpend(ledger, 'https://a.example', 1n, 1n, 1, 3000);
    const view = spendView(ledger);
    expect(view.today).toEqual({ amount: '16', fees: '5', seconds: 10 });
    expect(view.allTime).toEqual({ amount: '16', fees: '5', seconds: 10 });
    expect(view.recentSites.map((s) => [s.site, s.amount, s.fees, s.seconds])).toEqual([
      ['https://a.example', '11', '4', 7],
      ['https://b.example', '5', '1', 3],
    ]);
  });

  it('starts a new day without touching the all-time totals', () => {
    const ledger = emptyLedger('2025-01-01');
    recordSpend(ledger, 'https://a.example', 10n, 2n, 6, 1000);
    rollDay(ledger, '2025-01-01');
    expect(ledger.today.amount).toBe('10');
    rollDay(ledger, '2025-01-02');
    expect(ledger.today).toEqual({ amount: '0', fees: '0', seconds: 0 });
    expect(ledger.allTime.amount).toBe('10');
  });

  it('keeps amounts beyond 2^53 exact', () => {
    const ledger = emptyLedger('d');
    recordSpend(ledger, 's', 2n ** 70n, 0n, 1, 1);
    recordSpend(ledger, 's', 1n, 0n, 1, 2);
    expect(ledger.allTime.amount).toBe((2n ** 70n + 1n).toString());
  });

  it('keeps only the 20 most recent sites', () => {
    const ledger = emptyLedger('d');
    for (let i = 0; i < 25; i += 1) recordSpend(ledger, `https://s${i}.example`, 1n, 0n, 1, i);
    const sites = spendView(ledger).recentSites;
    expect(sites).toHaveLength(20);
    expect(sites[0]?.site).toBe('https://s24.example');
    expect(sites.at(-1)?.site).toBe('https://s5.example');
  });

  it('formats the local day', () => {
    expect(localDay(new Date(2025, 2, 7, 23, 59).getTime())).toBe('2025-03-07');
  });
});
