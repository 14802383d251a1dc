import type { SubscriptionView } from '../shared/messages';
import type { Unsubscribe } from './creatorWatch';

/** A stream's subscription offer and the viewer's subscription to it, as chain storage holds them. */
export interface SubscriptionOffer {
  streamId: string;
  /** `subscription_price` when `subscription_available`, else null. */
  price: bigint | null;
  /** `PaymentHandler.Subscriptions(stream, viewer).expires_at`: ms of chain time; null when never subscribed. */
  endsAt: number | null;
  /** `StreamRegistry.Terms.is_active`; false for a stream that is gone. */
  active: boolean;
}

export interface SubscriptionFeedChain {
  /** `PaymentHandler.SubscriptionPeriod`, ms of chain time. */
  readonly subscriptionPeriodMs: number;
  /** One storage subscription over `Timestamp.Now`, the streams' terms and the viewer's subscriptions. */
  followSubscriptions(
    viewer: string,
    streamIds: string[],
    onChange: (chainNowMs: number, offers: SubscriptionOffer[]) => void,
  ): Promise<Unsubscribe>;
}

export interface ViewerSubscriptionsDeps {
  /** The chain while connected, else null. */
  chain(): SubscriptionFeedChain | null;
  account(): string | null;
  now(): number;
  onChange(): void;
}

/**
 * A subscription counts as held only while it has at least this much chain time left, so a second sent
 * now is not charged after all because the subscription ended before its block.
 */
export const SUBSCRIPTION_MARGIN_MS = 60_000;

/**
 * Follows, for the streams the viewer meets (sessions, consent requests, tabs), whether each offers a
 * subscription, until when the viewer holds one, and whether its creator stopped it, through one chain
 * storage subscription.
 */
export class ViewerSubscriptions {
  readonly #deps: ViewerSubscriptionsDeps;
  #followKey: string | null = null;
  #followedIds: string[] = [];
  #generation = 0;
  #unsubscribe: Unsubscribe | null = null;
  #offers = new Map<string, SubscriptionOffer>();
  #chainNowMs = 0;
  /** Wall clock when `#chainNowMs` was seen. */
  #seenAt = 0;
  #periodMs = 0;

  constructor(deps: ViewerSubscriptionsDeps) {
    this.#deps = deps;
  }

  /** Follows exactly these streams (a no-op while they and the account are unchanged). */
  follow(streamIds: string[]): void {
    const account = this.#deps.account();
    const ids = [...new Set(streamIds)].sort();
    const key = `${account ?? ''}|${ids.join(',')}`;
    if (key === this.#followKey) return;
    this.#followKey = key;
    this.#followedIds = ids;
    void this.#subscribe(account, ids);
  }

  /** The chain (re)connected or the account changed: subscribe again. */
  restart(): void {
    this.#followKey = null;
    this.follow(this.#followedIds);
  }

  isSubscribed(streamId: string): boolean {
    const endsAt = this.#offers.get(streamId)?.endsAt ?? null;
    return endsAt !== null && endsAt - this.#chainNowMs >= SUBSCRIPTION_MARGIN_MS;
  }

  /** The creator stopped the stream (or removed it), as the chain says now; false while not known. */
  isStreamStopped(streamId: string): boolean {
    const offer = this.#offers.get(streamId);
    return offer !== undefined && !offer.active;
  }

  views(): SubscriptionView[] {
    return [...this.#offers.values()].map((offer) => ({
      streamId: offer.streamId,
      price: offer.price?.toString() ?? null,
      periodMs: this.#periodMs,
      activeUntil: offer.endsAt !== null && offer.endsAt > this.#chainNowMs ? this.#seenAt + (offer.endsAt - this.#chainNowMs) : null,
    }));
  }

  async #subscribe(account: string | null, ids: string[]): Promise<void> {
    const generation = ++this.#generation;
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    const chain = this.#deps.chain();
    const hadOffers = this.#offers.size > 0;
    this.#offers = new Map();
    if (hadOffers) this.#deps.onChange();
    if (!account || !chain || ids.length === 0) return;
    this.#periodMs = chain.subscriptionPeriodMs;
    try {
      const unsubscribe = await chain.followSubscriptions(account, ids, (chainNowMs, offers) => {
        if (generation !== this.#generation) return;
        this.#chainNowMs = chainNowMs;
        this.#seenAt = this.#deps.now();
        this.#offers = new Map(offers.map((offer) => [offer.streamId, offer]));
        this.#deps.onChange();
      });
      if (generation === this.#generation) this.#unsubscribe = unsubscribe;
      else unsubscribe();
    } catch {
      // The connection dropped while subscribing; the worker calls restart() once it is back.
    }
  }
}
