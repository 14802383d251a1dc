import type { ChainCallResult, PricingInput } from '../shared/messages';
import type { TxOutcome } from './chainTypes';
import { t } from '../shared/i18n';

/**
 * A call of one of the Vilokanam pallets, described as data (`api.tx[pallet][method](...args)`), so the
 * services that decide what to sign are tested without an api. Amounts are bigints; Option::None is null.
 */
export interface PalletCall {
  pallet: 'streamRegistry' | 'paymentHandler';
  method: string;
  args: unknown[];
}

/** An event of the call's extrinsic, fields as text (amounts stay exact). */
export interface CallEvent {
  /** camelCase, as @polkadot/api names it: `streamRegistry` */
  section: string;
  method: string;
  data: string[];
}

/** `TxOutcome`, with the extrinsic's events when it is in a block and succeeded. */
export type CallOutcome = Exclude<TxOutcome, { kind: 'included' }> | { kind: 'included'; fee: bigint; events: CallEvent[] };

/** What the pages' signed calls need from the chain client (the real one is `ChainClient`). */
export interface PalletCallChain {
  /** The network fee `payment_queryInfo` estimates for the account signing `call`. */
  estimateFee(call: PalletCall): Promise<bigint>;
  /** Signs with the account's key and next nonce, sends, and waits for the block. Never throws. */
  submitCall(call: PalletCall): Promise<CallOutcome>;
}

/** The chain's `PricingModel` (docs/chain.md): a subscription is offered exactly when it has a price. */
export function pricingModelArg(pricing: PricingInput) {
  return {
    baseRatePerMinute: BigInt(pricing.baseRatePerMinute),
    premiumRatePerMinute: pricing.premiumRatePerMinute === null ? null : BigInt(pricing.premiumRatePerMinute),
    subscriptionAvailable: pricing.subscriptionPrice !== null,
    subscriptionPrice: pricing.subscriptionPrice === null ? null : BigInt(pricing.subscriptionPrice),
  };
}

/** The field of the call's event that the page wants back: e.g. the new stream's id. */
export interface EventPick {
  section: string;
  method: string;
  index: number;
}

/** A viewer's `PaymentHandler.subscribe`, refused on chain if the price rose above `maxPrice`. */
export function subscribeCall(streamId: string, maxPrice: string): PalletCall {
  return { pallet: 'paymentHandler', method: 'subscribe', args: [BigInt(streamId), BigInt(maxPrice)] };
}

/** `Subscribed { stream_id, subscriber, price, expires_at }`: the price paid. */
export const SUBSCRIBED_PRICE: EventPick = { section: 'paymentHandler', method: 'Subscribed', index: 2 };

/**
 * The page's answer for a finished call: included (with the picked event fields) or failed with its
 * `Section.Name`. A call that never reached a block throws a sentence: nothing happened on chain.
 */
export function callResult(outcome: CallOutcome, picks: { streamId?: EventPick; amount?: EventPick } = {}): ChainCallResult {
  const pick = (target: EventPick | undefined, events: CallEvent[]) => {
    if (!target) return null;
    const event = events.find((candidate) => candidate.section === target.section && candidate.method === target.method);
    return event?.data[target.index] ?? null;
  };
  switch (outcome.kind) {
    case 'included':
      return {
        status: 'included',
        fee: outcome.fee.toString(),
        streamId: pick(picks.streamId, outcome.events),
        amount: pick(picks.amount, outcome.events),
      };
    case 'failed':
      return { status: 'failed', fee: outcome.fee.toString(), error: outcome.error };
    case 'rejected':
      throw new Error(
        outcome.insufficientFunds
          ? t('errorFeeUnpayable')
          : t('errorTransactionRefused', outcome.error),
      );
    case 'unknown':
      throw new Error(t('errorAnswerLost', outcome.error));
  }
}
