/*
 * Prints the gzipped size of the built content script and of the service worker bundle (its entry plus
 * every chunk it imports) from dist/, against the budgets of issue 3. `--json` prints one JSON line.
 * Exits 1 when a budget is exceeded.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const distDir = join(import.meta.dirname, '..', 'dist');
const CONTENT_BUDGET = 8 * 1024;
const WORKER_BUDGET = 450 * 1024;

interface BuiltManifest {
  background?: { service_worker?: string };
  content_scripts?: { js?: string[] }[];
}

const gzSize = (file: string): number => gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length;

/** The file and every module it imports statically or dynamically, as paths relative to dist/. */
function moduleClosure(entry: string): string[] {
  const seen = new Set<string>();
  const pending = [entry];
  // Minified output drops the spaces: `import{a as b}from"./x.js"`, `import"./y.js"`, `import("./z.js")`.
  const importPattern = /(?:\bimport|\bexport)\s*(?:[^'"();]*?\bfrom\s*)?['"](\.{1,2}\/[^'"]+|\/[^'"]+)['"]|\bimport\(\s*['"](\.{1,2}\/[^'"]+|\/[^'"]+)['"]\s*\)/g;
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(join(distDir, file), 'utf8');
    for (const match of source.matchAll(importPattern)) {
      const specifier = match[1] ?? match[2];
      const target = specifier.startsWith('/') ? specifier.slice(1) : normalize(join(dirname(file), specifier));
      if (existsSync(join(distDir, target))) pending.push(target);
    }
  }
  return [...seen];
}

const manifestPath = join(distDir, 'manifest.json');
if (!existsSync(manifestPath)) {
  console.error('dist/manifest.json is missing: run `npm run build` first.');
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as BuiltManifest;
const contentFiles = (manifest.content_scripts ?? []).flatMap((script) => script.js ?? []);
const workerEntry = manifest.background?.service_worker;
if (contentFiles.length === 0 || !workerEntry) {
  console.error('dist/manifest.json names no content script or no service worker.');
  process.exit(1);
}
const contentGz = contentFiles.flatMap(moduleClosure).reduce((sum, file) => sum + gzSize(file), 0);
const workerFiles = moduleClosure(workerEntry);
const workerGz = workerFiles.reduce((sum, file) => sum + gzSize(file), 0);

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ contentScriptGz: contentGz, workerGz, workerFiles: workerFiles.length }));
} else {
  console.log(`content script: ${kb(contentGz)} gz (budget ${kb(CONTENT_BUDGET)})`);
  console.log(`service worker: ${kb(workerGz)} gz in ${workerFiles.length} files (budget ${kb(WORKER_BUDGET)})`);
}
process.exit(contentGz <= CONTENT_BUDGET && workerGz <= WORKER_BUDGET ? 0 : 1);
