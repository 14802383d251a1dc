import type { StorageArea } from './storageArea';

/**
 * The extension API of the running browser: Firefox's promise-based `browser` where it exists, else
 * Chrome's `chrome` (whose MV3 APIs return promises too). The worker uses only calls both offer, and
 * feature-checks the rest.
 */
export const ext: typeof chrome = (globalThis as { browser?: typeof chrome }).browser ?? chrome;

export function storageAreaOf(area: chrome.storage.StorageArea): StorageArea {
  return {
    get: (keys) => area.get(keys),
    set: (items) => area.set(items),
    remove: (keys) => area.remove(keys),
  };
}
