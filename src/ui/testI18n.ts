/** Test helper: a `chrome.i18n` that reads public/_locales/<locale>/messages.json like Chrome does. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface LocaleEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

export type Catalog = Record<string, LocaleEntry>;

export const LOCALES_DIR = join(import.meta.dirname, '..', '..', 'public', '_locales');

const catalogs = new Map<string, Catalog>();

export function catalogOf(locale: string): Catalog {
  let catalog = catalogs.get(locale);
  if (!catalog) {
    catalog = JSON.parse(readFileSync(join(LOCALES_DIR, locale, 'messages.json'), 'utf8')) as Catalog;
    catalogs.set(locale, catalog);
  }
  return catalog;
}

/** `chrome.i18n.getMessage` over one locale's catalog: placeholders filled, '' for an unknown key. */
export function getMessage(key: string, substitutions?: string | string[], locale = 'en'): string {
  const entry = catalogOf(locale)[key];
  if (!entry) return '';
  const values = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  return entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (_, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/g, (__, index: string) => values[Number(index) - 1] ?? '');
  });
}

/** Installs a minimal `chrome` global with i18n in `locale` (its strings and its number formats). */
export function installFakeChromeI18n(locale = 'en'): void {
  (globalThis as { chrome?: unknown }).chrome = {
    i18n: { getMessage: (key: string, substitutions?: string | string[]) => getMessage(key, substitutions, locale), getUILanguage: () => locale },
  };
}
