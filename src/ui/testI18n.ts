/** Test helper: a `chrome.i18n.getMessage` that reads public/_locales/en/messages.json like Chrome does. */
import messages from '../../public/_locales/en/messages.json' with { type: 'json' };

interface LocaleEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

const catalog = messages as Record<string, LocaleEntry>;

export function getMessage(key: string, substitutions?: string | string[]): string {
  const entry = catalog[key];
  if (!entry) return '';
  const values = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  return entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (_, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/g, (__, index: string) => values[Number(index) - 1] ?? '');
  });
}

/** Installs a minimal `chrome` global with i18n for component tests. */
export function installFakeChromeI18n(): void {
  (globalThis as { chrome?: unknown }).chrome = { i18n: { getMessage } };
}
