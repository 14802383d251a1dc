/**
 * Display helpers for amounts (planck integers as decimal strings or bigints), durations and addresses,
 * in the browser's language through Intl. Amounts are cut to decimal text first and formatted from that
 * text, so no planck is lost to floating point.
 */
import { t } from '../shared/i18n';

export interface Token {
  decimals: number;
  symbol: string;
}

const DEFAULT_FRACTION_DIGITS = 4;

/** The browser's UI language (the one chrome.i18n picked the page's strings for). */
export function uiLocale(): string {
  const fromExtension = typeof chrome === 'undefined' ? undefined : chrome.i18n?.getUILanguage?.();
  return fromExtension ?? new Intl.NumberFormat().resolvedOptions().locale;
}

/** Intl formats decimal strings exactly (Intl.NumberFormat v3); the lib typings only know numbers. */
type DecimalFormat = (value: string | bigint) => string;

function decimalFormat(locale: string, signed = false): DecimalFormat {
  const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 20, signDisplay: signed ? 'exceptZero' : 'auto' });
  return format.format.bind(format) as DecimalFormat;
}

/** planck → exact decimal text in token units, cut (never rounded up) as `formatAmount` describes. */
function decimalText(value: bigint, decimals: number, fractionDigits: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals);
  let shown = fraction.slice(0, fractionDigits).replace(/0+$/, '');
  if (shown === '' && whole === '0' && /[1-9]/.test(fraction)) {
    const firstSignificant = fraction.search(/[1-9]/);
    shown = fraction.slice(0, firstSignificant + 2).replace(/0+$/, '');
  }
  return `${negative ? '-' : ''}${whole}${shown ? `.${shown}` : ''}`;
}

/**
 * planck → "1.2345 VIL" using the chain's own decimals and symbol. Shows up to `fractionDigits` decimals
 * (cut, never rounded up), and more for a non-zero amount that would otherwise read as 0 (two significant
 * digits, e.g. "0.000012 VIL"): a viewer must never see "0 VIL" for money that moved.
 */
export function formatAmount(planck: string | bigint, token: Token, fractionDigits = DEFAULT_FRACTION_DIGITS, locale = uiLocale()): string {
  const value = typeof planck === 'bigint' ? planck : BigInt(planck);
  return `${decimalFormat(locale)(decimalText(value, token.decimals, fractionDigits))} ${token.symbol}`;
}

/** The amount with all its decimals, for rates: "0.100000000001 VIL". */
export function formatExactAmount(planck: string | bigint, token: Token, locale = uiLocale()): string {
  return formatAmount(planck, token, token.decimals, locale);
}

/** "0.1 VIL/min" with the rate's full precision. */
export function formatRatePerMinute(planck: string | bigint, token: Token, locale = uiLocale()): string {
  return t('ratePerMinute', formatExactAmount(planck, token, locale));
}

/** The cost of an hour at a rate per minute: "6 VIL/h". */
export function formatRatePerHour(planckPerMinute: string | bigint, token: Token, locale = uiLocale()): string {
  return t('ratePerHour', formatAmount(BigInt(planckPerMinute) * 60n, token, DEFAULT_FRACTION_DIGITS, locale));
}

/** A plain number in the page's language ("1,234"). */
export function formatCount(value: number, locale = uiLocale()): string {
  return new Intl.NumberFormat(locale).format(value);
}

export type AmountParse = { ok: true; planck: string } | { ok: false; reason: 'empty' | 'malformed' | 'too-precise' };

interface NumberMarks {
  decimal: string;
  group: string;
}

function numberMarks(locale: string): NumberMarks {
  const parts = new Intl.NumberFormat(locale).formatToParts(1000.5);
  return { decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.', group: parts.find((part) => part.type === 'group')?.value ?? ',' };
}

/** The decimal marks a person may type: the language's own, and "." unless it groups thousands there. */
export function decimalMarks(locale = uiLocale()): string[] {
  const { decimal, group } = numberMarks(locale);
  return decimal === '.' || group === '.' ? [decimal] : [decimal, '.'];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * "1.5" or, in German, "1,5" (token units, as a person types them) → planck as a decimal string. Accepts
 * digits with at most one decimal mark of the language (`decimalMarks`) and at most `decimals` fraction
 * digits; no sign, exponent, spaces inside or thousands separators.
 */
export function parseAmount(text: string, decimals: number, locale = uiLocale()): AmountParse {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'empty' };
  const marks = decimalMarks(locale).map(escape).join('|');
  const match = new RegExp(`^(\\d*)(?:(?:${marks})(\\d*))?$`).exec(trimmed);
  if (!match || (match[1] === '' && (match[2] ?? '') === '')) return { ok: false, reason: 'malformed' };
  const whole = match[1] ?? '';
  const fraction = match[2] ?? '';
  if (fraction.length > decimals) return { ok: false, reason: 'too-precise' };
  const planck = BigInt(`${whole || '0'}${fraction.padEnd(decimals, '0')}`);
  return { ok: true, planck: planck.toString() };
}

/** planck → the plain token-unit text `parseAmount` reads back ("1.5", in German "1,5"), for filling inputs. */
export function planckToInput(planck: string, decimals: number, locale = uiLocale()): string {
  const digits = planck.padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals).replace(/0+$/, '');
  return fraction ? `${whole}${numberMarks(locale).decimal}${fraction}` : whole;
}

/** The sentence for an amount `parseAmount` refused (`label` names the field), with an example in the language's way of writing. */
export function amountProblem(reason: 'malformed' | 'too-precise', label: string, decimals: number, locale = uiLocale()): string {
  return reason === 'too-precise' ? t('amountTooPrecise', label, String(decimals)) : t('amountMalformed', label, `1${numberMarks(locale).decimal}5`);
}

const UNITS = [
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
] as const;

/** 9 → "9s", 65 → "1m 5s", 3723 → "1h 2m 3s" (in the page's language; never "0:09", which reads as h:mm). */
export function formatDuration(totalSeconds: number, locale = uiLocale()): string {
  let rest = Math.max(0, Math.floor(totalSeconds));
  const parts: string[] = [];
  for (const [unit, size] of UNITS) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0 || (unit === 'second' && parts.length === 0)) {
      parts.push(new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'narrow' }).format(count));
    }
  }
  return new Intl.ListFormat(locale, { style: 'narrow', type: 'unit' }).format(parts);
}

/** A day or an instant for people: "30 Nov", "30 Nov, 14:05". */
export function formatDay(ms: number, locale = uiLocale()): string {
  return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric' }).format(ms);
}

export function formatDateTime(ms: number, locale = uiLocale()): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

export function formatTime(ms: number, locale = uiLocale()): string {
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(ms);
}

/** "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY" → "5Grwva…KutQY" */
export function shortAddress(address: string): string {
  return address.length <= 14 ? address : `${address.slice(0, 6)}…${address.slice(-5)}`;
}
