import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { t } from '../shared/i18n';
import { catalogOf, installFakeChromeI18n, LOCALES_DIR } from './testI18n';

const srcDir = join(import.meta.dirname, '..');
const catalog = catalogOf('en');
const locales = readdirSync(LOCALES_DIR);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The string literals of `export type <name> = 'a' | 'b' …` in src/shared/<file>. */
function unionMembers(name: string, file = 'messages.ts'): string[] {
  const source = readFileSync(join(srcDir, 'shared', file), 'utf8');
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
      ...unionMembers('NotBillingCode').map((code) => `reasonText_${code.replaceAll('-', '_')}`),
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
  });

  test('every key is used: named literally in the code, or built from a code (reasons, statuses, chain errors)', () => {
    const built = /^(reason_|reasonText_|network_|sessionStatus_|chainError_)/;
    const code = [...sourceFiles(srcDir), join(srcDir, '..', 'manifest.json')].map((file) => readFileSync(file, 'utf8')).join('\n');
    const unused = Object.keys(catalog).filter((key) => !built.test(key) && !code.includes(`'${key}'`) && !code.includes(`__MSG_${key}__`));
    expect(unused).toEqual([]);
  });

  test('t() fills the substitutions, and shows a missing key as the key itself (so it is noticed)', () => {
    expect(t('amountTooPrecise', 'Per day', '12')).toBe('Per day: at most 12 decimals.');
    expect(t('noSuchKeyAnywhere')).toBe('noSuchKeyAnywhere');
  });
});

describe('every locale (public/_locales/*)', () => {
  test('there is more than English: Hindi proves the path', () => {
    expect(locales.sort()).toEqual(expect.arrayContaining(['en', 'hi']));
  });

  test.each(locales.filter((locale) => locale !== 'en'))('%s has every English key, no other key, and the same placeholders', (locale) => {
    const translated = catalogOf(locale);
    expect(Object.keys(catalog).filter((key) => !(key in translated)), `keys missing in ${locale}`).toEqual([]);
    expect(Object.keys(translated).filter((key) => !(key in catalog)), `keys only in ${locale}`).toEqual([]);
    for (const [key, entry] of Object.entries(translated)) {
      expect(entry.message.trim(), `${locale}: ${key} is empty`).not.toBe('');
      const names = (message: string) => [...new Set(message.match(/\$[A-Za-z0-9_]+\$/g) ?? [])].sort();
      expect(names(entry.message), `${locale}: placeholders of ${key}`).toEqual(names(catalog[key].message));
      expect(entry.placeholders, `${locale}: placeholder contents of ${key}`).toEqual(catalog[key].placeholders);
    }
  });

  afterEach(() => installFakeChromeI18n('en'));

  test('t() in a Hindi browser: a Hindi sentence with its substitutions', () => {
    installFakeChromeI18n('hi');
    expect(t('lowBalance', '5 मि')).toBe('मौजूदा दर पर आपकी शेष राशि लगभग 5 मि और चलेगी। मीटरिंग रुकने से पहले राशि जोड़ें।');
  });
});
