import { describe, expect, it, vi } from 'vitest';
import { MetadataCache, type RuntimeMetadata } from './metadataCache';
import { memoryArea } from './storageArea';

const GENESIS = `0x${'ab'.repeat(32)}` as const;
const entry = (specVersion: number, metadata: `0x${string}` = '0x6d657461'): RuntimeMetadata => ({
  key: `${GENESIS}-${specVersion}`,
  metadata,
  tokenSymbol: 'VIL',
  tokenDecimals: 12,
  metadataHash: `0x${'5a'.repeat(32)}`,
});

describe('MetadataCache (in-memory storage fake)', () => {
  it('gives back the saved metadata and its hash for its genesis-specVersion key only', async () => {
    const cache = new MetadataCache(memoryArea());
    expect(await cache.load(`${GENESIS}-7`)).toBeNull();
    await cache.save(entry(7));
    expect(await cache.load(`${GENESIS}-7`)).toEqual(entry(7));
    expect(await cache.load(`${GENESIS}-8`), 'another runtime').toBeNull();
  });

  it('keeps one runtime only: a new spec version replaces the old one', async () => {
    const storage = memoryArea();
    const cache = new MetadataCache(storage);
    await cache.save(entry(7, '0x01'));
    await cache.save(entry(8, '0x02'));
    expect(await cache.load(`${GENESIS}-7`)).toBeNull();
    expect(await cache.load(`${GENESIS}-8`)).toEqual(entry(8, '0x02'));
    expect(Object.keys(storage.dump())).toEqual(['chainMetadata']);
  });

  it('clear forgets it, so the next connection downloads the metadata again', async () => {
    const cache = new MetadataCache(memoryArea());
    await cache.save(entry(7));
    await cache.clear();
    expect(await cache.load(`${GENESIS}-7`)).toBeNull();
  });

  it.each([
    ['a damaged key and metadata', { key: 'not-a-key', metadata: 'zz' }],
    ['an entry without a metadata hash (stored by an earlier version)', { key: `${GENESIS}-7`, metadata: '0x01' }],
    ['a hash that is not 32 bytes', { ...entry(7), metadataHash: '0x1234' }],
  ])('drops %s instead of handing it to the API, and logs why', async (_, stored) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const storage = memoryArea({ chainMetadata: stored });
    expect(await new MetadataCache(storage).load(`${GENESIS}-7`)).toBeNull();
    expect(storage.dump()).toEqual({});
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/dropped stored runtime metadata/));
    warn.mockRestore();
  });
});
