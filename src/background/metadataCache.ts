import { logDropped } from './dropLog';
import type { StorageArea } from './storageArea';

const METADATA_KEY = 'chainMetadata';

/** @polkadot/api's key for a runtime's metadata: `<genesis hash>-<spec version>`. */
export type MetadataKey = `0x${string}-${number}`;

/** A runtime's metadata V15 and the RFC-78 metadata hash every transaction is signed with. */
export interface RuntimeMetadata {
  key: MetadataKey;
  /** SCALE metadata V15 (`Metadata_metadata_at_version(15)`), what the api decodes and builds calls with. */
  metadata: `0x${string}`;
  /** The chain's token, part of what the hash covers. */
  tokenSymbol: string;
  tokenDecimals: number;
  metadataHash: `0x${string}`;
}

/**
 * The last chain's runtime metadata and its metadata hash, kept in storage.local so a restarted worker (MV3
 * stops it often) need neither download the metadata nor merkleize it again. One entry only; a new runtime
 * or another chain replaces it.
 */
export class MetadataCache {
  readonly #storage: StorageArea;

  constructor(storage: StorageArea) {
    this.#storage = storage;
  }

  /** The stored entry of runtime `key`, or null (none, another runtime, or a malformed entry: dropped and logged). */
  async load(key: MetadataKey): Promise<RuntimeMetadata | null> {
    const stored = (await this.#storage.get([METADATA_KEY]).catch((): Record<string, unknown> => ({})))[METADATA_KEY];
    if (stored === undefined) return null;
    if (!isEntry(stored)) {
      logDropped('runtime metadata', 'not a genesis-hash-and-spec-version key with hex metadata, token and metadata hash');
      await this.clear().catch(() => undefined);
      return null;
    }
    return stored.key === key ? stored : null;
  }

  /** Forgets the stored metadata (it failed to decode: the next connection downloads it again). */
  async clear(): Promise<void> {
    await this.#storage.remove([METADATA_KEY]);
  }

  async save(entry: RuntimeMetadata): Promise<void> {
    await this.#storage.set({ [METADATA_KEY]: entry });
  }
}

function isEntry(value: unknown): value is RuntimeMetadata {
  if (typeof value !== 'object' || value === null) return false;
  const { key, metadata, tokenSymbol, tokenDecimals, metadataHash } = value as Record<string, unknown>;
  return (
    typeof key === 'string' &&
    /^0x[0-9a-f]{64}-\d+$/.test(key) &&
    typeof metadata === 'string' &&
    /^0x[0-9a-f]+$/.test(metadata) &&
    typeof tokenSymbol === 'string' &&
    tokenSymbol.length <= 32 &&
    typeof tokenDecimals === 'number' &&
    Number.isInteger(tokenDecimals) &&
    tokenDecimals >= 0 &&
    tokenDecimals <= 64 &&
    typeof metadataHash === 'string' &&
    /^0x[0-9a-f]{64}$/.test(metadataHash)
  );
}
