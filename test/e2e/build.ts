// The e2e runs test the built extension. `dist/` (Chromium) and `dist-firefox/` (Firefox) are rebuilt when
// missing or older than any of their sources, so `npm test` on a fresh clone and after an edit tests what
// is in the tree.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const SOURCES = ['src', 'public', 'manifest.json', 'vite.config.ts', 'scripts/firefoxManifest.ts', 'package.json', 'package-lock.json', 'tsconfig.json'];

export type BuildTarget = 'chromium' | 'firefox';

const BUILDS: Record<BuildTarget, { dir: string; script: string }> = {
  chromium: { dir: 'dist', script: 'build' },
  firefox: { dir: 'dist-firefox', script: 'build:firefox' },
};

/** The unpacked extension of `target`. */
export const builtDir = (target: BuildTarget) => join(ROOT, BUILDS[target].dir);

function newestChange(path: string): number {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, entry) => Math.max(newest, newestChange(join(path, entry))), stat.mtimeMs);
}

export function distIsCurrent(target: BuildTarget = 'chromium'): boolean {
  const built = statSync(join(builtDir(target), 'manifest.json'), { throwIfNoEntry: false });
  if (!built) return false;
  return SOURCES.every((source) => newestChange(join(ROOT, source)) <= built.mtimeMs);
}

/** Builds the extension for `target` unless its build is up to date with its sources. */
export function ensureBuilt(target: BuildTarget = 'chromium'): void {
  if (distIsCurrent(target)) return;
  const { dir, script } = BUILDS[target];
  const result = spawnSync('npm', ['run', script, '--silent'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`\`npm run ${script}\` failed (output above); the e2e runs need the built extension in ${dir}/`);
}
