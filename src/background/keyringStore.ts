import type { KeyringJson, KeyringStore } from '@polkadot/ui-keyring/types';
import type { StorageArea } from './storageArea';
import { t } from '../shared/i18n';

const PREFIX = 'keyring:';

/**
 * ui-keyring's store over extension storage. ui-keyring reads its store synchronously in `loadAll`
 * (an async store delivers accounts after `loadAll` has returned), so everything is read into memory
 * first (`loadKeyringStore`) and writes go to memory at once and to storage in order; `flushed()`
 * resolves once storage has caught up.
 */
export interface FlushableKeyringStore extends KeyringStore {
  flushed(): Promise<void>;
}

export async function loadKeyringStore(area: StorageArea): Promise<FlushableKeyringStore> {
  const all = await area.get(null);
  const items = new Map<string, KeyringJson>();
  for (const [key, value] of Object.entries(all)) if (key.startsWith(PREFIX)) items.set(key.slice(PREFIX.length), value as KeyringJson);

  let writes: Promise<void> = Promise.resolve();
  let failure: string | null = null;
  const enqueue = (write: () => Promise<void>, done?: () => void) => {
    writes = writes
      .then(write)
      .catch((error: unknown) => {
        failure = error instanceof Error ? error.message : String(error);
      })
      .then(() => done?.());
  };

  return {
    all(cb) {
      for (const [key, value] of items) cb(key, value);
    },
    get(key, cb) {
      cb(items.get(key) as KeyringJson);
    },
    remove(key, cb) {
      items.delete(key);
      enqueue(() => area.remove([PREFIX + key]), cb);
    },
    set(key, value, cb) {
      items.set(key, value);
      enqueue(() => area.set({ [PREFIX + key]: value }), cb);
    },
    async flushed() {
      await writes;
      if (failure !== null) {
        const error = failure;
        failure = null;
        throw new Error(t('errorSaveAccount', error));
      }
    },
  };
}
