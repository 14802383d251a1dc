import type { SiteSpend, SpendState } from '../shared/messages';

export interface LedgerTotals {
  amount: string;
  fees: string;
  seconds: number;
}

export interface Ledger {
  day: string;
  today: LedgerTotals;
  allTime: LedgerTotals;
  sites: Record<string, Omit<SiteSpend, 'site'>>;
}

const RECENT_SITES = 20;

const zero = (): LedgerTotals => ({ amount: '0', fees: '0', seconds: 0 });

/** Local calendar day of `ms`, YYYY-MM-DD. */
export function localDay(ms: number): string {
  const date = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function emptyLedger(day: string): Ledger {
  return { day, today: zero(), allTime: zero(), sites: {} };
}

/** Starts a new `today` when the day changed. */
export function rollDay(ledger: Ledger, day: string): void {
  if (ledger.day === day) return;
  ledger.day = day;
  ledger.today = zero();
}

const addTo = (totals: LedgerTotals, amount: bigint, fees: bigint, seconds: number) => {
  totals.amount = (BigInt(totals.amount) + amount).toString();
  totals.fees = (BigInt(totals.fees) + fees).toString();
  totals.seconds += seconds;
};

/** Records confirmed creator payments (`amount`) and network fees (`fees`, kept apart) for `site`. */
export function recordSpend(ledger: Ledger, site: string, amount: bigint, fees: bigint, seconds: number, at: number): void {
  addTo(ledger.today, amount, fees, seconds);
  addTo(ledger.allTime, amount, fees, seconds);
  const entry = ledger.sites[site] ?? { amount: '0', fees: '0', seconds: 0, lastAt: at };
  addTo(entry, amount, fees, seconds);
  entry.lastAt = at;
  ledger.sites[site] = entry;
  const sites = Object.entries(ledger.sites);
  if (sites.length > RECENT_SITES) {
    sites.sort(([, a], [, b]) => b.lastAt - a.lastAt);
    ledger.sites = Object.fromEntries(sites.slice(0, RECENT_SITES));
  }
}

export function spendView(ledger: Ledger): SpendState {
  return {
    day: ledger.day,
    today: { ...ledger.today },
    allTime: { ...ledger.allTime },
    recentSites: Object.entries(ledger.sites)
      .map(([site, entry]) => ({ site, ...entry }))
      .sort((a, b) => b.lastAt - a.lastAt),
  };
}
