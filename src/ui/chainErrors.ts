import { t } from './i18n';

/**
 * Every dispatch error a Vilokanam call can end with, as `Section.Name` (the worker's `dispatchErrorName`):
 * the three pallets' own errors (docs/chain.md) and the balance errors a payment or fee can hit.
 * Each has a sentence in _locales under `chainErrorKey(name)`.
 */
export const CHAIN_ERRORS = [
  'StreamRegistry.TitleTooLong',
  'StreamRegistry.DescriptionTooLong',
  'StreamRegistry.CategoryTooLong',
  'StreamRegistry.InvalidPricingModel',
  'StreamRegistry.StreamNotFound',
  'StreamRegistry.Unauthorized',
  'StreamRegistry.TooManyStreams',
  'StreamRegistry.StreamIdOverflow',
  'StreamRegistry.InsufficientDeposit',
  'StreamRegistry.StreamStillActive',
  'StreamRegistry.StreamInUse',
  'TickStream.StreamNotFound',
  'TickStream.StreamNotActive',
  'TickStream.NotJoined',
  'TickStream.InvalidTickCount',
  'TickStream.RateAboveLimit',
  'TickStream.TicksExceedElapsedTime',
  'TickStream.InsufficientFunds',
  'TickStream.SessionNotClosable',
  'PaymentHandler.StreamNotFound',
  'PaymentHandler.Unauthorized',
  'PaymentHandler.ZeroAmount',
  'PaymentHandler.InsufficientFunds',
  'PaymentHandler.InsufficientEarnings',
  'PaymentHandler.SubscriptionUnavailable',
  'PaymentHandler.PriceAboveLimit',
  'PaymentHandler.NotSubscribed',
  'PaymentHandler.SubscriptionActive',
  'Balances.InsufficientBalance',
  'Balances.ExistentialDeposit',
  'Balances.Expendability',
  'Token.FundsUnavailable',
  'Token.BelowMinimum',
  'Token.OnlyProvider',
  'Token.Frozen',
  'Arithmetic.Overflow',
  'Arithmetic.Underflow',
  'BadOrigin',
] as const;

export type ChainErrorName = (typeof CHAIN_ERRORS)[number];

/** `StreamRegistry.TitleTooLong` → `chainError_StreamRegistry_TitleTooLong` */
export const chainErrorKey = (name: string): string => `chainError_${name.replace(/\./g, '_')}`;

/** A sentence a person can read for a `Section.Name` dispatch error; unknown names are still shown. */
export function chainErrorSentence(name: string): string {
  const key = chainErrorKey(name);
  const sentence = t(key);
  return sentence === key ? t('chainError_other', name) : sentence;
}
