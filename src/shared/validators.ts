/**
 * The value checks every side shares: what a request field, a stored entry or a journal record must look
 * like. One definition each, so a request and what is stored from it are held to the same rule.
 */

/** A planck amount or a stream id: a decimal integer without leading zeros, below 10^39 (u128 fits). */
const PLANCK_PATTERN = /^(0|[1-9]\d{0,38})$/;

/** A planck amount as a decimal string (amounts exceed 2^53). */
export function isPlanck(value: unknown): value is string {
  return typeof value === 'string' && PLANCK_PATTERN.test(value);
}

export function isPlanckOrNull(value: unknown): value is string | null {
  return value === null || isPlanck(value);
}

/** A stream id (a u64 on chain), written like an amount. */
export const isStreamId = isPlanck;

/** A 32-byte hash or public key as lower-case `0x` hex: a genesis hash, a creator's public key. */
export function isHash(value: unknown): value is string {
  return typeof value === 'string' && /^0x[0-9a-f]{64}$/.test(value);
}

/** An http(s) origin exactly as `URL.origin` writes it (`https://news.example`, no path, no trailing slash). */
export function isOrigin(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}
