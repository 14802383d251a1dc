import type { NotBillingCode } from '../shared/messages';

/**
 * A UI string from public/_locales/<lang>/messages.json. A missing key shows as the key itself, so it is
 * noticed in review instead of rendering as an empty label.
 */
export function t(key: string, ...substitutions: string[]): string {
  return chrome.i18n.getMessage(key, substitutions) || key;
}

/** The locale key of the short heading for a "not billing" reason (the worker sends the sentence). */
export function reasonTitleKey(code: NotBillingCode): string {
  return `reason_${code.replaceAll('-', '_')}`;
}
