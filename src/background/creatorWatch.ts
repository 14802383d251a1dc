import {
  CREATOR_PORT_NAME,
  type CreatorState,
  type CreatorStateMessage,
  type CreatorStreamView,
  type EarningsPoint,
} from '../shared/messages';
import type { StorageArea } from './storageArea';
import { isPayouts, StreamActivity, type BlockActivity } from './streamActivity';
import { t } from '../shared/i18n';

/** A stream as its storage items hold it (StreamInfo, Terms, Totals, StreamEarnings, its open Sessions). */
export type StreamChainState = Omit<CreatorStreamView, 'history' | 'lifetimeEarned' | 'payouts' | 'watchingNow'>;

export type Unsubscribe = () => void;

/** The chain subscriptions the feed needs (the real ones are storage subscriptions of @polkadot/api). */
export interface CreatorFeedChain {
  /** `PaymentHandler.SubscriptionPeriod`, ms of chain time. */
  readonly subscriptionPeriodMs: number;
  /** `StreamRegistry.CreatorStreams(account)`, now and on every change. */
  followCreatorStreams(account: string, onIds: (ids: string[]) => void): Promise<Unsubscribe>;
  /**
   * One subscription over StreamInfo, Terms, Totals and StreamEarnings of these streams and the block's
   * events about them (System.Number, System.Events), now and on every change, with what their open
   * sessions owe and have not flushed yet.
   */
  followStreams(ids: string[], onStreams: (streams: StreamChainState[], activity: BlockActivity) => void): Promise<Unsubscribe>;
}

export interface CreatorWatchDeps {
  /** The chain while connected, else null. */
  chain(): CreatorFeedChain | null;
  account(): string | null;
  /** Where the earnings history is kept (storage.local: not secret). */
  storage: StorageArea;
  now(): number;
}

interface PortLike {
  name: string;
  postMessage(message: CreatorStateMessage): void;
  onDisconnect: { addListener(callback: () => void): void };
}

export const historyStorageKey = (account: string) => `creator-history:${account}`;
export const payoutsStorageKey = (account: string) => `creator-payouts:${account}`;
/** Points kept per stream: the oldest go first. */
export const MAX_HISTORY_POINTS = 240;
const SAVE_DELAY_MS = 2000;

type History = Record<string, EarningsPoint[]>;

const idle = (account: string | null): CreatorState => ({ account, status: 'idle', error: null, streams: [], subscriptionPeriodMs: null });
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The creator page's live feed: while at least one creator page is connected, follows the account's
 * streams through chain storage subscriptions (no polling) and pushes `CreatorState` to the pages. Every
 * change of a stream's earnings becomes a point of its earnings history, kept in storage for next time.
 */
export class CreatorWatch {
  readonly #deps: CreatorWatchDeps;
  readonly #ports = new Set<PortLike>();
  #state: CreatorState = idle(null);
  #generation = 0;
  #unsubscribeIds: Unsubscribe | null = null;
  #unsubscribeStreams: Unsubscribe | null = null;
  #followedIds: string | null = null;
  /** Counts `followStreams` subscriptions: only the latest one may publish. */
  #streamsFollow = 0;
  #history: History = {};
  #activity = new StreamActivity();
  #historyAccount: string | null = null;
  /** The latest streams from the chain, to publish again when a viewer stops counting as watching. */
  #latest: { account: string; streams: StreamChainState[] } | null = null;
  #watchTimer: ReturnType<typeof setTimeout> | null = null;
  #saveTimer: ReturnType<typeof setTimeout> | null = null;
  #periodMs: number | null = null;

  constructor(deps: CreatorWatchDeps) {
    this.#deps = deps;
  }

  get state(): CreatorState {
    return this.#state;
  }

  addPort(port: PortLike): void {
    if (port.name !== CREATOR_PORT_NAME) return;
    this.#ports.add(port);
    port.onDisconnect.addListener(() => {
      this.#ports.delete(port);
      if (this.#ports.size === 0) this.#stop();
    });
    if (this.#ports.size === 1) void this.#start();
    else this.#post(port);
  }

  /** The account changed or the chain (re)connected: follow again from scratch. */
  restart(): void {
    if (this.#ports.size > 0) void this.#start();
  }

  /** Resolves once the history is in storage. */
  async flush(): Promise<void> {
    if (this.#saveTimer === null) return;
    clearTimeout(this.#saveTimer);
    this.#saveTimer = null;
    await this.#save();
  }

  async #start(): Promise<void> {
    this.#stop();
    const generation = this.#generation;
    const account = this.#deps.account();
    const chain = this.#deps.chain();
    if (!account || !chain) {
      this.#publish(idle(account));
      return;
    }
    this.#periodMs = chain.subscriptionPeriodMs;
    this.#publish({ ...this.#ready(account, []), status: 'loading' });
    try {
      await this.#loadHistory(account);
      const unsubscribe = await chain.followCreatorStreams(account, (ids) => {
        if (generation === this.#generation) void this.#followStreams(chain, account, ids, generation);
      });
      if (generation === this.#generation) this.#unsubscribeIds = unsubscribe;
      else unsubscribe();
    } catch (error) {
      if (generation === this.#generation) this.#publish({ ...idle(account), status: 'error', error: t('errorReadStreams', errorText(error)) });
    }
  }

  async #followStreams(chain: CreatorFeedChain, account: string, ids: string[], generation: number): Promise<void> {
    const key = ids.join(',');
    if (key === this.#followedIds) return;
    this.#followedIds = key;
    this.#unsubscribeStreams?.();
    this.#unsubscribeStreams = null;
    const follow = ++this.#streamsFollow;
    const current = () => generation === this.#generation && follow === this.#streamsFollow;
    if (ids.length === 0) {
      this.#publish(this.#ready(account, []));
      return;
    }
    try {
      const unsubscribe = await chain.followStreams(ids, (streams, activity) => {
        if (current()) this.#onStreams(account, streams, activity);
      });
      if (current()) this.#unsubscribeStreams = unsubscribe;
      else unsubscribe();
    } catch (error) {
      if (current()) this.#publish({ ...idle(account), status: 'error', error: t('errorReadStreams', errorText(error)) });
    }
  }

  #onStreams(account: string, streams: StreamChainState[], activity: BlockActivity): void {
    const now = this.#deps.now();
    let changed = this.#activity.record(activity, now);
    for (const stream of streams) {
      const points = (this.#history[stream.streamId] ??= []);
      const lifetime = this.#lifetime(stream);
      if (points.at(-1)?.earnings === lifetime) continue;
      points.push({ at: now, earnings: lifetime });
      if (points.length > MAX_HISTORY_POINTS) points.splice(0, points.length - MAX_HISTORY_POINTS);
      changed = true;
    }
    if (changed) this.#scheduleSave();
    this.#latest = { account, streams };
    this.#publishStreams();
  }

  /**
   * Owed by open sessions, in escrow, plus every payout seen, never below what was shown before: a
   * withdrawal's new earnings can arrive a moment before its `EarningsWithdrawn` event.
   */
  #lifetime(stream: StreamChainState): string {
    const sum = BigInt(stream.owed) + BigInt(stream.earnings) + this.#activity.withdrawn(stream.streamId);
    const before = BigInt(this.#history[stream.streamId]?.at(-1)?.earnings ?? '0');
    return (sum > before ? sum : before).toString();
  }

  /** Publishes the latest streams with their activity, and again when the next viewer stops counting as watching. */
  #publishStreams(): void {
    if (this.#watchTimer !== null) clearTimeout(this.#watchTimer);
    this.#watchTimer = null;
    if (!this.#latest) return;
    const now = this.#deps.now();
    const views = [...this.#latest.streams]
      .sort((a, b) => (BigInt(b.streamId) > BigInt(a.streamId) ? 1 : -1))
      .map((stream) => {
        const history = [...(this.#history[stream.streamId] ?? [])];
        return {
          ...stream,
          watchingNow: this.#activity.watchingNow(stream.streamId, now),
          lifetimeEarned: history.at(-1)?.earnings ?? this.#lifetime(stream),
          payouts: this.#activity.payouts(stream.streamId),
          history,
        };
      });
    this.#publish(this.#ready(this.#latest.account, views));
    const next = this.#activity.nextChangeAt(now);
    if (next !== null) this.#watchTimer = setTimeout(() => this.#publishStreams(), next - now);
  }

  #ready(account: string, streams: CreatorStreamView[]): CreatorState {
    return { account, status: 'ready', error: null, streams, subscriptionPeriodMs: this.#periodMs };
  }

  #stop(): void {
    this.#generation += 1;
    this.#latest = null;
    if (this.#watchTimer !== null) clearTimeout(this.#watchTimer);
    this.#watchTimer = null;
    this.#unsubscribeIds?.();
    this.#unsubscribeStreams?.();
    this.#unsubscribeIds = null;
    this.#unsubscribeStreams = null;
    this.#followedIds = null;
  }

  async #loadHistory(account: string): Promise<void> {
    if (this.#historyAccount === account) return;
    await this.flush();
    const [historyKey, payoutsKey] = [historyStorageKey(account), payoutsStorageKey(account)];
    const stored = await this.#deps.storage.get([historyKey, payoutsKey]);
    this.#history = isHistory(stored[historyKey]) ? stored[historyKey] : {};
    this.#activity = new StreamActivity(isPayouts(stored[payoutsKey]) ? stored[payoutsKey] : {});
    this.#historyAccount = account;
  }

  #scheduleSave(): void {
    if (this.#saveTimer !== null) return;
    this.#saveTimer = setTimeout(() => {
      this.#saveTimer = null;
      void this.#save();
    }, SAVE_DELAY_MS);
  }

  async #save(): Promise<void> {
    if (this.#historyAccount === null) return;
    // Losing a few chart points is harmless; the chain keeps the earnings themselves.
    const account = this.#historyAccount;
    await this.#deps.storage
      .set({ [historyStorageKey(account)]: this.#history, [payoutsStorageKey(account)]: this.#activity.payoutsByStream })
      .catch(() => undefined);
  }

  #publish(state: CreatorState): void {
    this.#state = state;
    for (const port of this.#ports) this.#post(port);
  }

  #post(port: PortLike): void {
    try {
      port.postMessage({ type: 'creator:state', state: this.#state });
    } catch {
      this.#ports.delete(port);
    }
  }
}

function isHistory(value: unknown): value is History {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.values(value).every(
    (points) =>
      Array.isArray(points) &&
      points.every((point: unknown) => {
        const candidate = point as Partial<EarningsPoint> | null;
        return typeof candidate?.at === 'number' && typeof candidate.earnings === 'string';
      }),
  );
}
