/** The spending view's data: the last 30 days as a gap-free series, and everything as CSV. */
import type { SpendState } from '../shared/messages';
import { planckToInput, type Token } from '../ui/format';

export interface DayBar {
  /** YYYY-MM-DD */
  day: string;
  amount: bigint;
  seconds: number;
}

/** YYYY-MM-DD `back` days before `day` (calendar arithmetic, no time zone involved). */
function dayBefore(day: string, back: number): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date - back)).toISOString().slice(0, 10);
}

/** The `count` days up to and including `today`, oldest first; days without spend are 0. */
export function lastDays(spend: Pick<SpendState, 'days' | 'day'>, count = 30): DayBar[] {
  const byDay = new Map(spend.days.map((entry) => [entry.day, entry]));
  return Array.from({ length: count }, (_, index) => {
    const day = dayBefore(spend.day, count - 1 - index);
    const entry = byDay.get(day);
    return { day, amount: BigInt(entry?.amount ?? '0'), seconds: entry?.seconds ?? 0 };
  });
}

/** Bar heights in 0…`height` for planck values (bigints keep their proportions). */
export function barHeights(values: bigint[], height: number): number[] {
  const max = values.reduce((a, b) => (b > a ? b : a), 0n);
  if (max === 0n) return values.map(() => 0);
  return values.map((value) => Math.round((Number((value * 10_000n) / max) / 10_000) * height * 10) / 10);
}

const csvCell = (value: string | number) => (/[",\n]/.test(String(value)) ? `"${String(value).replaceAll('"', '""')}"` : String(value));

/**
 * Every total the ledger keeps (every day of the last 90 with spend, the 20 most recent sites, the 100 most
 * recently paid creators), one row each: `section` is day, site, creator, today or all-time; amounts
 * in planck (exact) and in the token with a dot as decimal mark, for spreadsheets in any language.
 */
export function spendCsv(spend: SpendState, token: Token): string {
  const units = (planck: string) => planckToInput(planck, token.decimals, 'en');
  const rows: (string | number)[][] = [['section', 'key', 'seconds', 'amount_planck', 'fees_planck', `amount_${token.symbol}`, `fees_${token.symbol}`]];
  const add = (section: string, key: string, totals: { seconds: number; amount: string; fees: string }) =>
    rows.push([section, key, totals.seconds, totals.amount, totals.fees, units(totals.amount), units(totals.fees)]);
  for (const day of spend.days) add('day', day.day, day);
  for (const site of spend.recentSites) add('site', site.site, site);
  for (const creator of spend.creators) add('creator', creator.creator, creator);
  add('today', spend.day, spend.today);
  add('all-time', '', spend.allTime);
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\n')}\n`;
}
