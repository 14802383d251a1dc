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
interface StreamMetadataCodec extends Codec {
  creator: Codec;
  title: TextCodec;
  description: TextCodec;
  category: TextCodec;
  pricingModel: PricingModelCodec;
  isActive: Codec & { isTrue: boolean };
  viewerCount: BigCodec;
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
    const info = (await this.#api.query.streamRegistry.streamInfo(streamId)) as unknown as OptionCodec<StreamMetadataCodec>;
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

  followStreams(ids: string[], onStreams: (streams: StreamChainState[], activity: BlockActivity) => void): Promise<Unsubscribe> {
    const query = this.#api.query;
    const keys = [
      query.system.number,
      query.system.events,
      ...ids.flatMap((id) => [
        [query.streamRegistry.streamInfo, id],
        [query.tickStream.tickCount, id],
        [query.paymentHandler.streamEarnings, id],
      ]),
    ];
    return this.#api.queryMulti(keys as Parameters<ApiPromise['queryMulti']>[0], ([block, events, ...values]: Codec[]) => {
      const activity = { block: (block as unknown as BigCodec).toNumber(), events: streamEvents(events as unknown as EventRecordCodec[], new Set(ids)) };
      const streams: StreamChainState[] = [];
      ids.forEach((streamId, index) => {
        const info = values[3 * index] as unknown as OptionCodec<StreamMetadataCodec>;
        if (info.isNone) return;
        const stream = info.unwrap();
        streams.push({
          streamId,
          title: stream.title.toUtf8(),
          description: stream.description.toUtf8(),
          category: stream.category.toUtf8(),
          pricing: pricingOf(stream.pricingModel),
          active: stream.isActive.isTrue,
          viewerCount: stream.viewerCount.toNumber(),
          tickCount: (values[3 * index + 1] as unknown as BigCodec).toNumber(),
          earnings: (values[3 * index + 2] as unknown as BigCodec).toBigInt().toString(),
        });
      });
      onStreams(streams, activity);
    });
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
        [query.streamRegistry.streamInfo, id],
        [query.paymentHandler.subscriptions, [id, viewer]],
      ]),
    ];
    return this.#api.queryMulti(keys as Parameters<ApiPromise['queryMulti']>[0], (values: Codec[]) => {
      const offers = streamIds.map((streamId, index): SubscriptionOffer => {
        const info = values[1 + 2 * index] as unknown as OptionCodec<StreamMetadataCodec>;
        const endsAt = values[2 + 2 * index] as unknown as OptionCodec<BigCodec>;
        return {
          streamId,
          price: info.isNone ? null : offeredPrice(info.unwrap().pricingModel),
          endsAt: endsAt.isSome ? endsAt.unwrap().toNumber() : null,
        };
      });
      onChange((values[0] as unknown as BigCodec).toNumber(), offers);
    });
  }
}

/** The events of one block about these streams: seconds recorded, joins, leaves, payouts. */
function streamEvents(records: EventRecordCodec[], ids: Set<string>): StreamEvent[] {
  const events: StreamEvent[] = [];
  for (const { event } of records) {
    const streamId = event.data[0]?.toString();
    if (streamId === undefined || !ids.has(streamId)) continue;
    const name = `${event.section}.${event.method}`;
    const viewer = event.data[1]?.toString() ?? '';
    if (name === 'tickStream.TickRecorded') events.push({ kind: 'tick', streamId, viewer });
    else if (name === 'tickStream.ViewerJoined') events.push({ kind: 'joined', streamId, viewer });
    else if (name === 'tickStream.ViewerLeft') events.push({ kind: 'left', streamId, viewer });
    else if (name === 'paymentHandler.EarningsWithdrawn') events.push({ kind: 'withdrawn', streamId, amount: (event.data[2] as BigCodec).toBigInt().toString() });
  }
  return events;
}
