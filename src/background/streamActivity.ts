import type { PayoutView } from '../shared/messages';

/** What a block's events say about the creator's streams (TickStream and PaymentHandler events). */
export type StreamEvent =
  | { kind: 'tick' | 'joined' | 'left'; streamId: string; viewer: string }
  | { kind: 'withdrawn'; streamId: string; amount: string };

export interface BlockActivity {
  block: number;
  events: StreamEvent[];
}

/** A viewer counts as watching while one of their seconds landed within this window (ticks batch under load). */
export const WATCHING_WINDOW_MS = 30_000;
/** Payouts kept per stream, newest first. */
export const MAX_PAYOUTS = 50;

export type Payouts = Record<string, PayoutView[]>;

/**
 * Who is watching each stream now and what was paid out, from the events of the blocks the worker sees
 * while a creator page is open. The chain's `viewer_count` counts joined viewers; viewers here fall away
 * when their ticks stop or they leave. Payouts are kept (storage.local) across pages and restarts.
 */
export class StreamActivity {
  readonly #seen = new Map<string, Map<string, number>>();
  #payouts: Payouts;
  #lastBlock: number | null = null;

  constructor(payouts: Payouts = {}) {
    this.#payouts = payouts;
  }

  get payoutsByStream(): Payouts {
    return this.#payouts;
  }

  /** Takes in one block's events (a block seen again changes nothing); true when a payout was added. */
  record({ block, events }: BlockActivity, now: number): boolean {
    if (block === this.#lastBlock) return false;
    this.#lastBlock = block;
    let paid = false;
    events.forEach((event, index) => {
      if (event.kind === 'withdrawn') {
        const list = (this.#payouts[event.streamId] ??= []);
        if (list.some((payout) => payout.block === block && payout.index === index)) return;
        list.unshift({ at: now, amount: event.amount, block, index });
        list.splice(MAX_PAYOUTS);
        paid = true;
        return;
      }
      const viewers = this.#seen.get(event.streamId) ?? new Map<string, number>();
      this.#seen.set(event.streamId, viewers);
      if (event.kind === 'left') viewers.delete(event.viewer);
      else viewers.set(event.viewer, now);
    });
    return paid;
  }

  /** Viewers with a second recorded (or a join) within `WATCHING_WINDOW_MS` of `now`. */
  watchingNow(streamId: string, now: number): number {
    let count = 0;
    for (const at of this.#seen.get(streamId)?.values() ?? []) if (now - at < WATCHING_WINDOW_MS) count += 1;
    return count;
  }

  payouts(streamId: string): PayoutView[] {
    return [...(this.#payouts[streamId] ?? [])];
  }

  /** Everything paid out of `streamId` that was seen. */
  withdrawn(streamId: string): bigint {
    return (this.#payouts[streamId] ?? []).reduce((sum, payout) => sum + BigInt(payout.amount), 0n);
  }

  /** When the next viewer stops counting as watching (to publish the count then); null when none watches. */
  nextChangeAt(now: number): number | null {
    let next: number | null = null;
    for (const viewers of this.#seen.values())
      for (const at of viewers.values()) {
        const end = at + WATCHING_WINDOW_MS;
        if (end > now && (next === null || end < next)) next = end;
      }
    return next;
  }
}

export function isPayouts(value: unknown): value is Payouts {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.values(value).every(
    (list) =>
      Array.isArray(list) &&
      list.every((entry: unknown) => {
        const payout = entry as Partial<PayoutView> | null;
        return typeof payout?.at === 'number' && typeof payout.amount === 'string' && typeof payout.block === 'number' && typeof payout.index === 'number';
      }),
  );
}
