import type { CreatorSpend, DaySpend, SiteSpend, SpendState } from '../shared/messages';

export interface LedgerTotals {
  amount: string;
  fees: string;
  seconds: number;
}

type PayeeTotals = Omit<SiteSpend, 'site'>;

export interface Ledger {
  /** The local day (YYYY-MM-DD) it is now: today's totals are `days[day]` (`todayOf`). */
  day: string;
  allTime: LedgerTotals;
  sites: Record<string, PayeeTotals>;
  /** Per local day (YYYY-MM-DD), the last `DAYS_KEPT` days with spend. */
  days: Record<string, LedgerTotals>;
  /** Per creator address, the `CREATORS_KEPT` most recently paid. */
  creators: Record<string, PayeeTotals>;
}

/** Who a spend went to: the site that played the stream and the stream's creator. */
export interface Payee {
  site: string;
  creator: string;
}

const RECENT_SITES = 20;
const CREATORS_KEPT = 100;
/** Days kept, all of them in `SpendState.days` (the popup's chart draws the last 30; its CSV has them all). */
export const DAYS_KEPT = 90;

const zero = (): LedgerTotals => ({ amount: '0', fees: '0', seconds: 0 });

/** Local calendar day of `ms`, YYYY-MM-DD. */
export function localDay(ms: number): string {
  const date = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function emptyLedger(day: string): Ledger {
  return { day, allTime: zero(), sites: {}, days: {}, creators: {} };
}

/** What was spent today: the current day's totals. */
export const todayOf = (ledger: Ledger): LedgerTotals => ledger.days[ledger.day] ?? zero();

/** A new day starts with nothing spent. */
export function rollDay(ledger: Ledger, day: string): void {
  ledger.day = day;
}

const addTo = (totals: LedgerTotals, amount: bigint, fees: bigint, seconds: number) => {
  totals.amount = (BigInt(totals.amount) + amount).toString();
  totals.fees = (BigInt(totals.fees) + fees).toString();
  totals.seconds += seconds;
};

/** Adds to `key`'s totals, keeping only the `keep` entries paid most recently. */
function addToPayee(entries: Record<string, PayeeTotals>, key: string, keep: number, amount: bigint, fees: bigint, seconds: number, at: number): Record<string, PayeeTotals> {
  const entry = entries[key] ?? { amount: '0', fees: '0', seconds: 0, lastAt: at };
  addTo(entry, amount, fees, seconds);
  entry.lastAt = at;
  entries[key] = entry;
  const all = Object.entries(entries);
  if (all.length <= keep) return entries;
  all.sort(([, a], [, b]) => b.lastAt - a.lastAt);
  return Object.fromEntries(all.slice(0, keep));
}

/** Records confirmed creator payments (`amount`) and network fees (`fees`, kept apart) for the payee, today. */
export function recordSpend(ledger: Ledger, payee: Payee, amount: bigint, fees: bigint, seconds: number, at: number): void {
  addTo(ledger.allTime, amount, fees, seconds);
  ledger.sites = addToPayee(ledger.sites, payee.site, RECENT_SITES, amount, fees, seconds, at);
  ledger.creators = addToPayee(ledger.creators, payee.creator, CREATORS_KEPT, amount, fees, seconds, at);
  const days = ledger.days;
  addTo((days[ledger.day] ??= zero()), amount, fees, seconds);
  const kept = Object.keys(days).sort().slice(-DAYS_KEPT);
  if (kept.length < Object.keys(days).length) ledger.days = Object.fromEntries(kept.map((day) => [day, days[day]]));
}

export function spendView(ledger: Ledger): SpendState {
  const days: DaySpend[] = Object.entries(ledger.days)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([day, totals]) => ({ day, ...totals }));
  const creators: CreatorSpend[] = Object.entries(ledger.creators)
    .map(([creator, entry]) => ({ creator, ...entry }))
    .sort((a, b) => b.lastAt - a.lastAt);
  return {
    day: ledger.day,
    today: { ...todayOf(ledger) },
    allTime: { ...ledger.allTime },
    recentSites: Object.entries(ledger.sites)
      .map(([site, entry]) => ({ site, ...entry }))
      .sort((a, b) => b.lastAt - a.lastAt),
    days,
    creators,
  };
}
