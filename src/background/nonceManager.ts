/**
 * Hands out account nonces for extrinsics signed one after another while earlier ones are still in
 * flight. The chain's next index is read once; after that a local counter is used, because the
 * runtime's `AccountNonceApi` ignores the transaction pool. Any rejection (1010 stale/future, 1014
 * priority too low, …) or an explicit `resync()` makes the next use read the chain again.
 */
export class NonceManager {
  readonly #readNextIndex: () => Promise<number>;
  #next: number | null = null;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(readNextIndex: () => Promise<number>) {
    this.#readNextIndex = readNextIndex;
  }

  /**
   * Runs `use` with the next nonce; calls run strictly one at a time, in call order. `use` should
   * resolve once the pool has accepted the transaction: the nonce then counts as used. If it throws,
   * the nonce is not counted and the chain is read again next time.
   */
  withNextNonce<T>(use: (nonce: number) => Promise<T>): Promise<T> {
    const run = this.#queue.then(async () => {
      const nonce = this.#next ?? (await this.#readNextIndex());
      try {
        const result = await use(nonce);
        this.#next = nonce + 1;
        return result;
      } catch (error) {
        this.#next = null;
        throw error;
      }
    });
    this.#queue = run.catch(() => undefined);
    return run;
  }

  resync(): void {
    this.#next = null;
  }

  /** Reads the chain's next index now, ahead of the first use; a failed read is simply retried at that use. */
  prefetch(): Promise<void> {
    const run = this.#queue.then(async () => {
      this.#next ??= await this.#readNextIndex();
    });
    this.#queue = run.catch(() => undefined);
    return this.#queue.then(() => undefined);
  }
}
