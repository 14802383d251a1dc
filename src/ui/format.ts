/** Display helpers for amounts (planck integers as decimal strings or bigints), durations and addresses. */

export interface Token {
  decimals: number;
  symbol: string;
}

const DEFAULT_FRACTION_DIGITS = 4;

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * planck → "1.2345 VIL" using the chain's own decimals and symbol. Shows up to `fractionDigits` decimals
 * (cut, never rounded up), and more for a non-zero amount that would otherwise read as 0 (two significant
 * digits, e.g. "0.000012 VIL"): a viewer must never see "0 VIL" for money that moved.
 */
export function formatAmount(planck: string | bigint, token: Token, fractionDigits = DEFAULT_FRACTION_DIGITS): string {
  const value = typeof planck === 'bigint' ? planck : BigInt(planck);
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(token.decimals + 1, '0');
  const whole = digits.slice(0, digits.length - token.decimals);
  const fraction = digits.slice(digits.length - token.decimals);
  let shown = fraction.slice(0, fractionDigits).replace(/0+$/, '');
  if (shown === '' && whole === '0' && /[1-9]/.test(fraction)) {
    const firstSignificant = fraction.search(/[1-9]/);
    shown = fraction.slice(0, firstSignificant + 2).replace(/0+$/, '');
  }
  const number = shown ? `${groupThousands(whole)}.${shown}` : groupThousands(whole);
  return `${negative ? '-' : ''}${number} ${token.symbol}`;
}

/** "0.1 VIL/min" */
export function formatRatePerMinute(planck: string | bigint, token: Token): string {
  return `${formatAmount(planck, token, token.decimals)}/min`;
}

/** A rate per minute as what an hour costs: "6 VIL/h" */
export function formatRatePerHour(perMinutePlanck: string | bigint, token: Token): string {
  return `${formatAmount(BigInt(perMinutePlanck) * 60n, token, token.decimals)}/h`;
}

export type AmountParse = { ok: true; planck: string } | { ok: false; reason: 'empty' | 'malformed' | 'too-precise' };

/**
 * "1.5" (token units, as a person types them) → planck as a decimal string. Accepts digits with at most one
 * dot and at most `decimals` fraction digits; no sign, exponent, spaces inside or thousands separators.
 */
export function parseAmount(text: string, decimals: number): AmountParse {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'empty' };
  const match = /^(\d*)(?:\.(\d*))?$/.exec(trimmed);
  if (!match || (match[1] === '' && (match[2] ?? '') === '')) return { ok: false, reason: 'malformed' };
  const whole = match[1] ?? '';
  const fraction = match[2] ?? '';
  if (fraction.length > decimals) return { ok: false, reason: 'too-precise' };
  const planck = BigInt(`${whole || '0'}${fraction.padEnd(decimals, '0')}`);
  return { ok: true, planck: planck.toString() };
}

/** planck → the plain token-unit text `parseAmount` reads back ("1.5"), for filling inputs. */
export function planckToInput(planck: string, decimals: number): string {
  const digits = planck.padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals).replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}

/** 65 → "1:05", 3723 → "1:02:03" */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = String(seconds % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/** "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY" → "5Grwva…KutQY" */
export function shortAddress(address: string): string {
  return address.length <= 14 ? address : `${address.slice(0, 6)}…${address.slice(-5)}`;
}
