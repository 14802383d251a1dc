import { describe, expect, it, vi } from 'vitest';
import { MetadataCache } from './metadataCache';
import { memoryArea } from './storageArea';

const GENESIS = `0x${'ab'.repeat(32)}` as const;

describe('MetadataCache (in-memory storage fake)', () => {
  it('gives back the saved metadata under its genesis-specVersion key', async () => {
    const cache = new MetadataCache(memoryArea());
    expect(await cache.load()).toEqual({});
    await cache.save(`${GENESIS}-7`, () => '0x6d657461');
    expect(await cache.load()).toEqual({ [`${GENESIS}-7`]: '0x6d657461' });
  });

  it('keeps one runtime only: a new spec version replaces the old one', async () => {
    const storage = memoryArea();
    const cache = new MetadataCache(storage);
    await cache.save(`${GENESIS}-7`, () => '0x01');
    await cache.save(`${GENESIS}-8`, () => '0x02');
    expect(await cache.load()).toEqual({ [`${GENESIS}-8`]: '0x02' });
    expect(Object.keys(storage.dump())).toEqual(['chainMetadata']);
  });

  it('does not encode or write again what is stored already (a reconnect to the same runtime)', async () => {
    const storage = memoryArea();
    await new MetadataCache(storage).save(`${GENESIS}-7`, () => '0x01');
    const restarted = new MetadataCache(storage);
    let encoded = 0;
    await restarted.save(`${GENESIS}-7`, () => {
      encoded += 1;
      return '0x02';
    });
    expect(encoded).toBe(0);
    expect(await restarted.load()).toEqual({ [`${GENESIS}-7`]: '0x01' });
  });

  it('clear forgets it, so the next connection downloads the metadata again', async () => {
    const cache = new MetadataCache(memoryArea());
    await cache.save(`${GENESIS}-7`, () => '0x01');
    await cache.clear();
    expect(await cache.load()).toEqual({});
  });

  it('drops a damaged entry instead of handing it to the API, and logs why', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const storage = memoryArea({ chainMetadata: { key: 'not-a-key', metadata: 'zz' } });
    const cache = new MetadataCache(storage);
    expect(await cache.load()).toEqual({});
    expect(storage.dump()).toEqual({});
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/dropped stored runtime metadata/));
    warn.mockRestore();
  });
});
