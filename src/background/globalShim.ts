// `store` (pulled in by @polkadot/ui-keyring → @polkadot/ui-settings) reads Node's `global` when there is
// no `window`, as in a service worker. Imported first by index.ts, before anything that loads it.
(globalThis as { global?: unknown }).global ??= globalThis;
