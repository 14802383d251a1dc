import { logDropped } from './dropLog';
import type { StorageArea } from './storageArea';

const METADATA_KEY = 'chainMetadata';

/** @polkadot/api's key for a runtime's metadata: `<genesis hash>-<spec version>`. */
export type MetadataKey = `0x${string}-${number}`;

/**
 * The last chain's runtime metadata, kept in storage.local so a restarted worker (MV3 stops it often)
 * need not download it again: ApiPromise takes it as `metadata` and skips the fetch when the genesis hash
 * and spec version match. One entry only; a new runtime or another chain replaces it.
 */
export class MetadataCache {
  readonly #storage: StorageArea;
  /** The key of the stored entry as last read or written (null: none; undefined: not read yet). */
  #storedKey: MetadataKey | null | undefined;

  constructor(storage: StorageArea) {
    this.#storage = storage;
  }

  /** What to hand ApiPromise.create as `metadata` (empty when nothing usable is stored; a malformed entry is dropped and logged). */
  async load(): Promise<Record<string, `0x${string}`>> {
    const stored = (await this.#storage.get([METADATA_KEY]).catch((): Record<string, unknown> => ({})))[METADATA_KEY];
    if (stored === undefined) return {};
    if (!isEntry(stored)) {
      logDropped('runtime metadata', 'not a genesis-hash-and-spec-version key with hex metadata');
      await this.clear().catch(() => undefined);
      return {};
    }
    this.#storedKey = stored.key;
    return { [stored.key]: stored.metadata };
  }

  /** Forgets the stored metadata (it failed to decode: the next connection downloads it again). */
  async clear(): Promise<void> {
    await this.#storage.remove([METADATA_KEY]);
    this.#storedKey = null;
  }

  /** Stores the metadata of `key` unless it is what is stored already; `encode` runs only when it is not. */
  async save(key: MetadataKey, encode: () => `0x${string}`): Promise<void> {
    if (this.#storedKey === undefined) {
      const stored = (await this.#storage.get([METADATA_KEY]))[METADATA_KEY];
      this.#storedKey = isEntry(stored) ? stored.key : null;
    }
    if (this.#storedKey === key) return;
    await this.#storage.set({ [METADATA_KEY]: { key, metadata: encode() } });
    this.#storedKey = key;
  }
}

function isEntry(value: unknown): value is { key: MetadataKey; metadata: `0x${string}` } {
  if (typeof value !== 'object' || value === null) return false;
  const { key, metadata } = value as Record<string, unknown>;
  return typeof key === 'string' && /^0x[0-9a-f]{64}-\d+$/.test(key) && typeof metadata === 'string' && /^0x[0-9a-f]+$/.test(metadata);
}
