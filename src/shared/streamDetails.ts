/**
 * What a creator may register or set as a stream's pricing, checked the way the chain checks it
 * (docs/chain.md, StreamRegistry): text limits are in UTF-8 bytes, every offered rate or price is above 0.
 * The creator page checks before signing; the worker checks again before it signs.
 */

import { isPlanck, isPlanckOrNull } from './validators';

export const MAX_TITLE_BYTES = 128;
export const MAX_DESCRIPTION_BYTES = 1024;
export const MAX_CATEGORY_BYTES = 64;

/** Planck amounts as decimal strings (they exceed 2^53). */
export interface PricingInput {
  baseRatePerMinute: string;
  /** null: no premium rate. */
  premiumRatePerMinute: string | null;
  /** null: no subscription offered. */
  subscriptionPrice: string | null;
}

export interface StreamDetailsInput {
  title: string;
  description: string;
  category: string;
  pricing: PricingInput;
}

export type StreamDetailsProblem =
  | 'title-empty'
  | 'title-too-long'
  | 'description-too-long'
  | 'category-too-long'
  | 'rate-zero'
  | 'premium-zero'
  | 'subscription-price-zero';

export type PricingField = 'baseRatePerMinute' | 'premiumRatePerMinute' | 'subscriptionPrice';
export type DetailsField = 'title' | 'description' | 'category' | PricingField;

/** Which form field each problem belongs to. */
export const PROBLEM_FIELD: Record<StreamDetailsProblem, DetailsField> = {
  'title-empty': 'title',
  'title-too-long': 'title',
  'description-too-long': 'description',
  'category-too-long': 'category',
  'rate-zero': 'baseRatePerMinute',
  'premium-zero': 'premiumRatePerMinute',
  'subscription-price-zero': 'subscriptionPrice',
};

const encoder = new TextEncoder();

export const utf8Length = (text: string): number => encoder.encode(text).length;

export function pricingProblems(pricing: PricingInput): StreamDetailsProblem[] {
  const problems: StreamDetailsProblem[] = [];
  if (BigInt(pricing.baseRatePerMinute) === 0n) problems.push('rate-zero');
  if (pricing.premiumRatePerMinute !== null && BigInt(pricing.premiumRatePerMinute) === 0n) problems.push('premium-zero');
  if (pricing.subscriptionPrice !== null && BigInt(pricing.subscriptionPrice) === 0n) problems.push('subscription-price-zero');
  return problems;
}

/** Problems of the texts alone (title, description, category). */
export function textProblems(details: Pick<StreamDetailsInput, 'title' | 'description' | 'category'>): StreamDetailsProblem[] {
  const problems: StreamDetailsProblem[] = [];
  if (details.title.trim() === '') problems.push('title-empty');
  else if (utf8Length(details.title) > MAX_TITLE_BYTES) problems.push('title-too-long');
  if (utf8Length(details.description) > MAX_DESCRIPTION_BYTES) problems.push('description-too-long');
  if (utf8Length(details.category) > MAX_CATEGORY_BYTES) problems.push('category-too-long');
  return problems;
}

/** Every reason the chain would refuse these details (empty when it would accept them). */
export function streamDetailsProblems(details: StreamDetailsInput): StreamDetailsProblem[] {
  return [...textProblems(details), ...pricingProblems(details.pricing)];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const hasOnlyKeys = (value: Record<string, unknown>, keys: readonly string[]): boolean =>
  Object.keys(value).every((key) => keys.includes(key));

/** Runtime shape check of a `PricingInput` (the values themselves are checked by `pricingProblems`). */
export function isPricingInput(value: unknown): value is PricingInput {
  if (!isRecord(value) || !hasOnlyKeys(value, ['baseRatePerMinute', 'premiumRatePerMinute', 'subscriptionPrice'])) return false;
  return (
    isPlanck(value.baseRatePerMinute) && isPlanckOrNull(value.premiumRatePerMinute) && isPlanckOrNull(value.subscriptionPrice)
  );
}

/** Runtime shape check of a `StreamDetailsInput`; strings are bounded well above the chain's limits. */
export function isStreamDetailsInput(value: unknown): value is StreamDetailsInput {
  if (!isRecord(value) || !hasOnlyKeys(value, ['title', 'description', 'category', 'pricing'])) return false;
  const text = (item: unknown, max: number) => typeof item === 'string' && item.length <= max;
  return text(value.title, 4 * MAX_TITLE_BYTES) && text(value.description, 4 * MAX_DESCRIPTION_BYTES) && text(value.category, 4 * MAX_CATEGORY_BYTES) && isPricingInput(value.pricing);
}
