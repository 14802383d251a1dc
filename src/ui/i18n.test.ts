import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import messages from '../../public/_locales/en/messages.json' with { type: 'json' };
import { getMessage } from './testI18n';

const srcDir = join(import.meta.dirname, '..');
const catalog = messages as Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The string literals of `export type <name> = 'a' | 'b' …` in src/shared/messages.ts. */
function unionMembers(name: string): string[] {
  const source = readFileSync(join(srcDir, 'shared', 'messages.ts'), 'utf8');
  const declaration = new RegExp(`export type ${name} =([^;]+);`).exec(source);
  if (!declaration) throw new Error(`type ${name} not found in messages.ts`);
  return [...declaration[1].replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/'([^']+)'/g)].map((match) => match[1]);
}

describe('locale strings (public/_locales/en/messages.json)', () => {
  test('every literal key passed to t() exists', () => {
    const missing: string[] = [];
    for (const file of sourceFiles(srcDir)) {
      const source = readFileSync(file, 'utf8');
      const keys = [...source.matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g), ...source.matchAll(/label: '([A-Za-z0-9_]+)'/g)];
      for (const [, key] of keys) if (!(key in catalog)) missing.push(`${file}: ${key}`);
    }
    expect(missing).toEqual([]);
  });

  test('every built key has a string: reasons, network and session statuses', () => {
    const keys = [
      ...unionMembers('NotBillingCode').map((code) => `reason_${code.replaceAll('-', '_')}`),
      ...unionMembers('ConnectionStatus').map((status) => `network_${status}`),
      ...unionMembers('SessionStatus').map((status) => `sessionStatus_${status}`),
    ];
    expect(keys.length).toBeGreaterThan(20);
    expect(keys.filter((key) => !(key in catalog))).toEqual([]);
  });

  test('manifest strings exist', () => {
    const manifest = readFileSync(join(srcDir, '..', 'manifest.json'), 'utf8');
    const keys = [...manifest.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)].map((match) => match[1]);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.filter((key) => !(key in catalog))).toEqual([]);
  });

  test('placeholders are declared, numbered from $1, and substituted', () => {
    for (const [key, entry] of Object.entries(catalog)) {
      const used = [...entry.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((match) => match[1].toLowerCase());
      expect(Object.keys(entry.placeholders ?? {}).sort(), key).toEqual([...new Set(used)].sort());
    }
    expect(getMessage('amountTooPrecise', ['Per day', '12'])).toBe('Per day: at most 12 decimals.');
  });
});
