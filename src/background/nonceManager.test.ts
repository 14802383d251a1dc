import { describe, expect, it } from 'vitest';
import { NonceManager } from './nonceManager';

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe('NonceManager (fake chain)', () => {
  it('reads the chain once and counts locally', async () => {
    let reads = 0;
    const nonces = new NonceManager(async () => {
      reads += 1;
      return 7;
    });
    const used = await Promise.all([1, 2, 3].map(() => nonces.withNextNonce(async (nonce) => nonce)));
    expect(used).toEqual([7, 8, 9]);
    expect(reads).toBe(1);
  });

  it('signs strictly one after another, in call order', async () => {
    const nonces = new NonceManager(async () => 0);
    const gate = deferred();
    const events: string[] = [];
    const first = nonces.withNextNonce(async (nonce) => {
      events.push(`start ${nonce}`);
      await gate.promise;
      events.push(`end ${nonce}`);
    });
    const second = nonces.withNextNonce(async (nonce) => {
      events.push(`start ${nonce}`);
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(events).toEqual(['start 0']);
    gate.resolve();
    await Promise.all([first, second]);
    expect(events).toEqual(['start 0', 'end 0', 'start 1']);
  });

  it('re-reads the chain after a rejection and does not count the rejected nonce', async () => {
    const chainNext = [3, 3];
    const nonces = new NonceManager(async () => chainNext.shift() ?? -1);
    await nonces.withNextNonce(async () => undefined);
    await expect(
      nonces.withNextNonce(async () => {
        throw new Error('1014: Priority is too low');
      }),
    ).rejects.toThrow('1014');
    chainNext.unshift(5);
    expect(await nonces.withNextNonce(async (nonce) => nonce)).toBe(5);
    expect(await nonces.withNextNonce(async (nonce) => nonce)).toBe(6);
  });

  it('re-reads after resync()', async () => {
    let next = 10;
    const nonces = new NonceManager(async () => next);
    expect(await nonces.withNextNonce(async (nonce) => nonce)).toBe(10);
    next = 20;
    expect(await nonces.withNextNonce(async (nonce) => nonce)).toBe(11);
    nonces.resync();
    expect(await nonces.withNextNonce(async (nonce) => nonce)).toBe(20);
  });

  it('keeps going after a failed chain read', async () => {
    let fail = true;
    const nonces = new NonceManager(async () => {
      if (fail) throw new Error('disconnected');
      return 1;
    });
    await expect(nonces.withNextNonce(async (nonce) => nonce)).rejects.toThrow('disconnected');
    fail = false;
    expect(await nonces.withNextNonce(async (nonce) => nonce)).toBe(1);
  });

  it('prefetch reads the index ahead, and the first use takes it without reading again', async () => {
    let reads = 0;
    const nonces = new NonceManager(async () => {
      reads += 1;
      return 4;
    });
    await nonces.prefetch();
    expect(reads).toBe(1);
    expect(await nonces.withNextNonce(async (nonce) => nonce)).toBe(4);
    expect(await nonces.withNextNonce(async (nonce) => nonce)).toBe(5);
    expect(reads).toBe(1);
  });

  it('a failed prefetch is harmless: the first use reads the chain again', async () => {
    let reads = 0;
    const nonces = new NonceManager(async () => {
      reads += 1;
      if (reads === 1) throw new Error('connection dropped');
      return 9;
    });
    await expect(nonces.prefetch()).resolves.toBeUndefined();
    expect(await nonces.withNextNonce(async (nonce) => nonce)).toBe(9);
    expect(reads).toBe(2);
  });
});
