/**
 * A sentence from public/_locales/<lang>/messages.json, for the pages and the worker alike (chrome.i18n
 * works in both). A missing key shows as the key itself, so it is noticed in review instead of rendering
 * as an empty label; outside the extension (Node scripts) every key is missing.
 */
export function t(key: string, ...substitutions: string[]): string {
  const i18n = typeof chrome === 'undefined' ? undefined : chrome.i18n;
  return i18n?.getMessage(key, substitutions) || key;
}
