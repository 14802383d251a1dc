import type { ApiPromise } from '@polkadot/api';
import type { Codec } from '@polkadot/types/types';
import { u8aToHex } from '@polkadot/util';
import type { PricingInput } from '../shared/streamDetails';
import type { CreatorFeedChain, StreamChainState, Unsubscribe } from './creatorWatch';
import type { BlockActivity, StreamEvent } from './streamActivity';
import type { SubscriptionFeedChain, SubscriptionOffer } from './viewerSubscriptions';

// The runtime's types come from its metadata (no generated augmentation): narrow views of what is read.
interface BigCodec extends Codec {
  toBigInt(): bigint;
  toNumber(): number;
}
interface OptionCodec<T> extends Codec {
  isNone: boolean;
  isSome: boolean;
  unwrap(): T;
}
interface TextCodec extends Codec {
  toUtf8(): string;
}
interface PricingModelCodec extends Codec {
  baseRatePerMinute: BigCodec;
  premiumRatePerMinute: OptionCodec<BigCodec>;
  subscriptionAvailable: Codec & { isTrue: boolean };
  subscriptionPrice: OptionCodec<BigCodec>;
}
interface StreamInfoCodec extends Codec {
  creator: Codec;
  title: TextCodec;
  description: TextCodec;
  category: TextCodec;
}
interface StreamTermsCodec extends Codec {
  pricingModel: PricingModelCodec;
  isActive: Codec & { isTrue: boolean };
}
interface StreamTotalsCodec extends Codec {
  viewers: BigCodec;
  seconds: BigCodec;
}
interface ViewerSessionCodec extends Codec {
  owed: BigCodec;
  unflushedTicks: BigCodec;
}
interface SubscriptionCodec extends Codec {
  expiresAt: BigCodec;
}
interface EventRecordCodec extends Codec {
  event: { section: string; method: string; data: Codec[] };
}
interface IdListCodec extends Codec {
  map<T>(callback: (id: BigCodec) => T): T[];
}

const optionalAmount = (option: OptionCodec<BigCodec>): string | null => (option.isSome ? option.unwrap().toBigInt().toString() : null);

/** The offered subscription price: only when `subscription_available` (the chain ignores a price otherwise). */
const offeredPrice = (pricing: PricingModelCodec): bigint | null =>
  pricing.subscriptionAvailable.isTrue && pricing.subscriptionPrice.isSome ? pricing.subscriptionPrice.unwrap().toBigInt() : null;

function pricingOf(pricing: PricingModelCodec): PricingInput {
  return {
    baseRatePerMinute: pricing.baseRatePerMinute.toBigInt().toString(),
    premiumRatePerMinute: optionalAmount(pricing.premiumRatePerMinute),
    subscriptionPrice: offeredPrice(pricing)?.toString() ?? null,
  };
}

/** What a stream's open sessions hold that is not in its totals and escrow yet (docs/chain.md). */
interface OpenSessions {
  owed: bigint;
  unflushedSeconds: number;
}

/**
 * Storage reads and subscriptions of the Vilokanam pallets on a connected api: the creator page's feed,
 * the viewer's subscriptions, and the checks the creator's calls make before signing.
 */
export class StorageFeeds implements CreatorFeedChain, SubscriptionFeedChain {
  readonly #api: ApiPromise;

  constructor(api: ApiPromise) {
    this.#api = api;
  }

  get subscriptionPeriodMs(): number {
    return (this.#api.consts.paymentHandler.subscriptionPeriod as unknown as BigCodec).toNumber();
  }

  async streamCreatorKey(streamId: string): Promise<string | null> {
    const info = (await this.#api.query.streamRegistry.streamInfo(streamId)) as unknown as OptionCodec<StreamInfoCodec>;
    return info.isNone ? null : u8aToHex(info.unwrap().creator.toU8a());
  }

  async streamEarnings(streamId: string): Promise<bigint> {
    return ((await this.#api.query.paymentHandler.streamEarnings(streamId)) as unknown as BigCodec).toBigInt();
  }

  followCreatorStreams(account: string, onIds: (ids: string[]) => void): Promise<Unsubscribe> {
    return this.#api.query.streamRegistry.creatorStreams(account, (ids: Codec) => {
      onIds((ids as unknown as IdListCodec).map((id) => id.toBigInt().toString()));
    }) as unknown as Promise<Unsubscribe>;
  }

  /**
   * One storage subscription over the streams' info, terms, totals and escrow and the block's events.
   * What their open sessions owe and have not flushed is summed from `TickStream.Sessions` whenever a block
   * has an event of the stream's sessions (and at first): the chain keeps no stream-wide sum of it.
   */
  followStreams(ids: string[], onStreams: (streams: StreamChainState[], activity: BlockActivity) => void): Promise<Unsubscribe> {
    const query = this.#api.query;
    const FIELDS = 4;
    const keys = [
      query.system.number,
      query.system.events,
      ...ids.flatMap((id) => [
        [query.streamRegistry.streamInfo, id],
        [query.streamRegistry.terms, id],
        [query.tickStream.totals, id],
        [query.paymentHandler.streamEarnings, id],
      ]),
    ];
    const open = new Map<string, OpenSessions>();
    // Blocks are handled one after another, each with the sessions as read after it.
    let handled = Promise.resolve();
    return this.#api.queryMulti(keys as Parameters<ApiPromise['queryMulti']>[0], ([block, events, ...values]: Codec[]) => {
      const records = events as unknown as EventRecordCodec[];
      const activity = { block: (block as unknown as BigCodec).toNumber(), events: streamEvents(records, new Set(ids)) };
      const touched = ids.filter((id) => !open.has(id) || sessionEventOf(records, id));
      handled = handled
        .then(async () => {
          const sums = await Promise.all(touched.map((id) => this.#openSessions(id)));
          touched.forEach((id, index) => open.set(id, sums[index]));
        })
        .catch(() => undefined)
        .then(() => {
          const streams: StreamChainState[] = [];
          ids.forEach((streamId, index) => {
            const [infoValue, termsValue, totalsValue, earningsValue] = values.slice(FIELDS * index, FIELDS * index + FIELDS);
            const info = infoValue as unknown as OptionCodec<StreamInfoCodec>;
            const terms = termsValue as unknown as OptionCodec<StreamTermsCodec>;
            if (info.isNone || terms.isNone) return;
            const stream = info.unwrap();
            const { pricingModel, isActive } = terms.unwrap();
            const totals = totalsValue as unknown as StreamTotalsCodec;
            const sessions = open.get(streamId) ?? { owed: 0n, unflushedSeconds: 0 };
            const inEscrow = totals.seconds.toNumber();
            streams.push({
              streamId,
              title: stream.title.toUtf8(),
              description: stream.description.toUtf8(),
              category: stream.category.toUtf8(),
              pricing: pricingOf(pricingModel),
              active: isActive.isTrue,
              viewerCount: totals.viewers.toNumber(),
              secondsWatched: inEscrow + sessions.unflushedSeconds,
              secondsInEscrow: inEscrow,
              earnings: (earningsValue as unknown as BigCodec).toBigInt().toString(),
              owed: sessions.owed.toString(),
            });
          });
          onStreams(streams, activity);
        });
    });
  }

  /** Σ `owed` and Σ `unflushed_ticks` of the stream's open sessions. */
  async #openSessions(streamId: string): Promise<OpenSessions> {
    const entries = (await this.#api.query.tickStream.sessions.entries(streamId)) as unknown as [Codec, OptionCodec<ViewerSessionCodec>][];
    let owed = 0n;
    let unflushedSeconds = 0;
    for (const [, value] of entries) {
      if (value.isNone) continue;
      const session = value.unwrap();
      owed += session.owed.toBigInt();
      unflushedSeconds += session.unflushedTicks.toNumber();
    }
    return { owed, unflushedSeconds };
  }

  followSubscriptions(
    viewer: string,
    streamIds: string[],
    onChange: (chainNowMs: number, offers: SubscriptionOffer[]) => void,
  ): Promise<Unsubscribe> {
    const query = this.#api.query;
    const keys = [
      query.timestamp.now,
      ...streamIds.flatMap((id) => [
        [query.streamRegistry.terms, id],
        [query.paymentHandler.subscriptions, [id, viewer]],
      ]),
    ];
    return this.#api.queryMulti(keys as Parameters<ApiPromise['queryMulti']>[0], (values: Codec[]) => {
      const offers = streamIds.map((streamId, index): SubscriptionOffer => {
        const terms = values[1 + 2 * index] as unknown as OptionCodec<StreamTermsCodec>;
        const subscription = values[2 + 2 * index] as unknown as OptionCodec<SubscriptionCodec>;
        return {
          streamId,
          price: terms.isNone ? null : offeredPrice(terms.unwrap().pricingModel),
          endsAt: subscription.isSome ? subscription.unwrap().expiresAt.toNumber() : null,
          active: terms.isSome && terms.unwrap().isActive.isTrue,
        };
      });
      onChange((values[0] as unknown as BigCodec).toNumber(), offers);
    });
  }
}

/** An event of the stream's viewer sessions (a settlement, a flush, a join or an end) is in the block. */
function sessionEventOf(records: EventRecordCodec[], streamId: string): boolean {
  return records.some(({ event }) => event.section === 'tickStream' && event.data[0]?.toString() === streamId);
}

/** The events of one block about these streams: seconds recorded, joins, leaves (and closed sessions), payouts. */
function streamEvents(records: EventRecordCodec[], ids: Set<string>): StreamEvent[] {
  const events: StreamEvent[] = [];
  for (const { event } of records) {
    const streamId = event.data[0]?.toString();
    if (streamId === undefined || !ids.has(streamId)) continue;
    const name = `${event.section}.${event.method}`;
    const viewer = event.data[1]?.toString() ?? '';
    if (name === 'tickStream.TickRecorded') events.push({ kind: 'tick', streamId, viewer });
    else if (name === 'tickStream.ViewerJoined') events.push({ kind: 'joined', streamId, viewer });
    else if (name === 'tickStream.ViewerLeft' || name === 'tickStream.SessionClosed') events.push({ kind: 'left', streamId, viewer });
    else if (name === 'paymentHandler.EarningsWithdrawn') events.push({ kind: 'withdrawn', streamId, amount: (event.data[2] as BigCodec).toBigInt().toString() });
  }
  return events;
}
