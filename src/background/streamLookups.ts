import type { ChainStream } from './chainTypes';

/** Most streams one worker keeps looked up (least recently used go first). */
export const MAX_STREAM_LOOKUPS = 256;
/** Most chain lookups under way at once; the rest wait for a later tick. */
export const MAX_LOOKUPS_IN_FLIGHT = 4;
/** A found stream, or the answer that there is none (the negative cache), is asked again after this. */
export const STREAM_INFO_TTL_MS = 60_000;
/** A lookup that failed (connection trouble) is tried again after this. */
export const STREAM_LOOKUP_RETRY_MS = 5000;

export interface StreamLookup {
  /** undefined until a lookup succeeded; null: no such stream (cached like a found one). */
  info: ChainStream | null | undefined;
  error: string | null;
  /** Time of the last finished attempt. */
  fetchedAt: number;
  loading: boolean;
}

export interface StreamLookupsDeps {
  getStream(streamId: string): Promise<ChainStream | null>;
  /** The network connected now: an answer that arrives after a switch of networks is not kept as the old one's. */
  genesisHash(): string | null;
  now(): number;
  /** A lookup finished (found, not found or failed). */
  onLookup(genesisHash: string, streamId: string, info: ChainStream | null | undefined): void;
}

/**
 * Streams looked up on chain, per network (genesis hash): bounded in number (LRU), unknown ids cached
 * like known ones, and only a few lookups at a time. A page cycling through thousands of stream ids
 * therefore costs the worker a bounded amount of memory and chain queries.
 */
export class StreamLookups {
  readonly #deps: StreamLookupsDeps;
  /** In least-recently-used-first order (a Map keeps insertion order; a use re-inserts). */
  readonly #entries = new Map<string, StreamLookup>();
  #inFlight = 0;

  constructor(deps: StreamLookupsDeps) {
    this.#deps = deps;
  }

  get size(): number {
    return this.#entries.size;
  }

  get(genesisHash: string, streamId: string): StreamLookup | undefined {
    const key = keyOf(genesisHash, streamId);
    const entry = this.#entries.get(key);
    if (entry) {
      this.#entries.delete(key);
      this.#entries.set(key, entry);
    }
    return entry;
  }

  /** Starts the lookups that are due, in the order given (most wanted first), as far as the in-flight limit allows. */
  refresh(genesisHash: string, streamIds: Iterable<string>): void {
    const now = this.#deps.now();
    for (const streamId of streamIds) {
      if (this.#inFlight >= MAX_LOOKUPS_IN_FLIGHT) return;
      const entry = this.get(genesisHash, streamId);
      if (entry?.loading || (entry && now - entry.fetchedAt < (entry.error ? STREAM_LOOKUP_RETRY_MS : STREAM_INFO_TTL_MS))) continue;
      void this.#fetch(genesisHash, streamId, entry);
    }
  }

  /** Forgets a stream so the next refresh looks it up again (its rate or status changed on chain). */
  forget(genesisHash: string, streamId: string): void {
    this.#entries.delete(keyOf(genesisHash, streamId));
  }

  async #fetch(genesisHash: string, streamId: string, previous: StreamLookup | undefined): Promise<void> {
    const key = keyOf(genesisHash, streamId);
    this.#set(key, { info: previous?.info, error: previous?.error ?? null, fetchedAt: previous?.fetchedAt ?? 0, loading: true });
    this.#inFlight += 1;
    let info: ChainStream | null | undefined = previous?.info;
    try {
      const found = await this.#deps.getStream(streamId);
      if (this.#deps.genesisHash() !== genesisHash) throw new Error('The node switched networks during the lookup.');
      info = found;
      this.#set(key, { info, error: null, fetchedAt: this.#deps.now(), loading: false });
    } catch (error) {
      this.#set(key, { info, error: error instanceof Error ? error.message : String(error), fetchedAt: this.#deps.now(), loading: false });
    } finally {
      this.#inFlight -= 1;
    }
    this.#deps.onLookup(genesisHash, streamId, info);
  }

  #set(key: string, entry: StreamLookup): void {
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= MAX_STREAM_LOOKUPS) break;
      this.#entries.delete(oldest);
    }
  }
}

const keyOf = (genesisHash: string, streamId: string) => `${genesisHash} ${streamId}`;
