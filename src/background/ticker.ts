/**
 * Calls `step` just after every whole second while `wanted()` says so. Self-stopping: a worker with
 * nothing to meter goes idle and may be unloaded by the browser.
 */
export class Ticker {
  readonly #step: () => Promise<void>;
  readonly #wanted: () => boolean;
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(step: () => Promise<void>, wanted: () => boolean) {
    this.#step = step;
    this.#wanted = wanted;
  }

  get running(): boolean {
    return this.#timer !== null;
  }

  ensureRunning(): void {
    if (this.#timer === null && this.#wanted()) this.#schedule();
  }

  #schedule(): void {
    const delay = 1000 - (Date.now() % 1000) + 20;
    this.#timer = setTimeout(() => {
      void this.#step()
        .catch(() => undefined)
        .finally(() => {
          this.#timer = null;
          if (this.#wanted()) this.#schedule();
        });
    }, delay);
  }
}
