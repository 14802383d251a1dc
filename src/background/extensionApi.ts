import browser, { type Storage } from 'webextension-polyfill';
import type { StorageArea } from './storageArea';

/**
 * The extension API of the running browser through webextension-polyfill: Firefox's own promise-based
 * `browser`, or on Chromium `chrome` wrapped to the same shape. The worker uses only calls both offer,
 * and feature-checks the rest.
 */
export const ext = browser;

/** Chromium's storage.session, which also takes who may read it. */
export type ChromiumSessionArea = Storage.StorageArea & {
  setAccessLevel?(options: { accessLevel: 'TRUSTED_CONTEXTS' | 'TRUSTED_AND_UNTRUSTED_CONTEXTS' }): Promise<void>;
};

export function storageAreaOf(area: Storage.StorageArea): StorageArea {
  return {
    get: (keys) => area.get(keys),
    set: (items) => area.set(items),
    remove: (keys) => area.remove(keys),
  };
}
