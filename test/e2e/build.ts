// The e2e runs test the built extension. `dist/` is rebuilt (`npm run build`) when it is missing or older
// than any of its sources, so `npm test` on a fresh clone and after an edit tests what is in the tree.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const BUILT_MANIFEST = join(ROOT, 'dist/manifest.json');
const SOURCES = ['src', 'public', 'manifest.json', 'vite.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json'];

function newestChange(path: string): number {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, entry) => Math.max(newest, newestChange(join(path, entry))), stat.mtimeMs);
}

export function distIsCurrent(): boolean {
  const built = statSync(BUILT_MANIFEST, { throwIfNoEntry: false });
  if (!built) return false;
  return SOURCES.every((source) => newestChange(join(ROOT, source)) <= built.mtimeMs);
}

/** Builds the extension unless dist/ is up to date with its sources. */
export function ensureBuilt(): void {
  if (distIsCurrent()) return;
  const result = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error('`npm run build` failed (output above); the e2e runs need the built extension in dist/');
}
