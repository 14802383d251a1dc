/*
 * STAGING (helper D): these declarations move into src/shared/messages.ts once the worker's owner has
 * finished with it; this file is then deleted.
 */
import type { PricingInput, StreamDetailsInput } from './streamDetails';

export type { PricingInput, StreamDetailsInput } from './streamDetails';

// ---------- creator page ↔ worker ----------

/** The creator page connects a Port with this name; the worker posts `CreatorStateMessage`s on it. */
export const CREATOR_PORT_NAME = 'creator';

/** A call the creator page asks the worker to sign with the account's key (docs/chain.md). */
export type CreatorCall =
  | { call: 'register'; details: StreamDetailsInput }
  | { call: 'set-status'; streamId: string; active: boolean }
  | { call: 'set-pricing'; streamId: string; pricing: PricingInput }
  /** `amount` null: everything the stream has earned when the worker signs. */
  | { call: 'withdraw'; streamId: string; amount: string | null };

export type ChainCallResult =
  /**
   * In a block and succeeded. `streamId`: the stream a registration created (else null); `amount`: what
   * moved (withdrawn earnings, a subscription's price; else null). Amounts and fees in planck.
   */
  | { status: 'included'; fee: string; streamId: string | null; amount: string | null }
  /** In a block but the call failed; `error` is `Section.Name` (docs/chain.md). The fee was still charged. */
  | { status: 'failed'; fee: string; error: string };

export interface EarningsPoint {
  /** ms since the epoch */
  at: number;
  /** planck */
  earnings: string;
}

/** One of the creator's streams as the chain holds it now (from storage subscriptions, not polling). */
export interface CreatorStreamView {
  streamId: string;
  title: string;
  description: string;
  category: string;
  pricing: PricingInput;
  active: boolean;
  /** `StreamMetadata.viewer_count`: viewers joined. */
  viewerCount: number;
  /** `TickStream.TickCount`: seconds recorded for all viewers. */
  tickCount: number;
  /** `PaymentHandler.StreamEarnings`: not yet withdrawn. */
  earnings: string;
  /** Earnings seen over time, oldest first (recorded by the worker while a creator page is open). */
  history: EarningsPoint[];
}

export type CreatorFeedStatus =
  /** No account, or not connected to the chain. */
  | 'idle'
  | 'loading'
  | 'ready'
  | 'error';

export interface CreatorState {
  /** The account whose streams these are. */
  account: string | null;
  status: CreatorFeedStatus;
  error: string | null;
  /** Newest stream first. */
  streams: CreatorStreamView[];
}

export interface CreatorStateMessage {
  type: 'creator:state';
  state: CreatorState;
}

// ---------- viewer subscriptions ----------

/** A stream the viewer meets (session, consent request, tab) and its subscription, if it offers one. */
export interface SubscriptionView {
  streamId: string;
  /** Price of one subscription period in planck; null when the stream offers no subscription. */
  price: string | null;
  /** Length of one subscription, ms of chain time. */
  periodMs: number;
  /** When the viewer's subscription ends (wall clock, estimated from chain time); null when not subscribed. */
  activeUntil: number | null;
}

export type CreatorUiRequest =
  | { type: 'creator:estimate-fee'; call: CreatorCall }
  | { type: 'creator:submit'; call: CreatorCall }
  /** Buys (or extends) a subscription at most at `maxPrice`; with `consentId`, also answers that consent with allow-once. */
  | { type: 'subscription:buy'; streamId: string; maxPrice: string; consentId: string | null };

export interface CreatorUiResults {
  'creator:estimate-fee': { fee: string };
  'creator:submit': ChainCallResult;
  'subscription:buy': ChainCallResult;
}
