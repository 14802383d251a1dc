import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';

const srcDir = join(import.meta.dirname, '..');
const doc = readFileSync(join(srcDir, '..', 'docs', 'testing.md'), 'utf8');

function pageSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return pageSources(path);
    return entry.name.endsWith('.tsx') && !entry.name.endsWith('.test.tsx') ? [path] : [];
  });
}

test('docs/testing.md lists every literal data-testid of the popup, options and creator pages', () => {
  const ids = new Set<string>();
  /** `testId: 'budget-day'` entries are prefixes of rendered ids such as `budget-day-input`. */
  const prefixes = new Set<string>();
  for (const dir of ['popup', 'options', 'creator', 'ui']) {
    for (const file of pageSources(join(srcDir, dir))) {
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(/(?:data-testid|testId)=["']([a-z0-9-]+)["']/g)) ids.add(match[1]);
      for (const match of source.matchAll(/testId: '([a-z0-9-]+)'/g)) prefixes.add(match[1]);
    }
  }
  expect(ids.size).toBeGreaterThan(80);
  expect([...ids].filter((id) => !doc.includes(`\`${id}\``))).toEqual([]);
  expect([...prefixes].filter((prefix) => !doc.includes(`\`${prefix}-`))).toEqual([]);
});
