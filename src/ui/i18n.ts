import type { NotBillingCode } from '../shared/messages';

export { t } from '../shared/i18n';

/** The locale key of the short heading for a "not billing" reason. */
export function reasonTitleKey(code: NotBillingCode): string {
  return `reason_${code.replaceAll('-', '_')}`;
}

/** The locale key of the sentence for a "not billing" reason, filled with the reason's `params`. */
export function reasonTextKey(code: NotBillingCode): string {
  return `reasonText_${code.replaceAll('-', '_')}`;
}
