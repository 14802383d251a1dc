/** The slice of `chrome.storage.*` the worker uses, so services can run on an in-memory fake in tests. */
export interface StorageArea {
  get(keys: string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

/** An in-memory area (tests, and whatever needs a scratch store). Values are deep-copied like the real one. */
export function memoryArea(initial: Record<string, unknown> = {}): StorageArea & { dump(): Record<string, unknown> } {
  const items = new Map<string, string>(Object.entries(initial).map(([key, value]) => [key, JSON.stringify(value)]));
  return {
    async get(keys) {
      const result: Record<string, unknown> = {};
      for (const [key, value] of items) if (keys === null || keys.includes(key)) result[key] = JSON.parse(value);
      return result;
    },
    async set(values) {
      for (const [key, value] of Object.entries(values)) items.set(key, JSON.stringify(value));
    },
    async remove(keys) {
      for (const key of keys) items.delete(key);
    },
    dump() {
      return Object.fromEntries([...items].map(([key, value]) => [key, JSON.parse(value)]));
    },
  };
}
