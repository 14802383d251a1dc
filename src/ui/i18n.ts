import { t } from '../shared/i18n';
import type { NotBillingCode } from '../shared/messages';

export { t };

/** The locale key of the short heading for a "not billing" reason. */
export function reasonTitleKey(code: NotBillingCode): string {
  return `reason_${code.replaceAll('-', '_')}`;
}

/** The locale key of the sentence for a "not billing" reason, filled with the reason's `params`. */
export function reasonTextKey(code: NotBillingCode): string {
  return `reasonText_${code.replaceAll('-', '_')}`;
}

/** The page's language (for screen readers and hyphenation) and title, in the browser's language. */
export function localizeDocument(titleKey: string): void {
  document.documentElement.lang = chrome.i18n.getUILanguage();
  document.title = t(titleKey);
}
