/** vitest setup of the unit project: `chrome.i18n` over the English catalog, for the worker's sentences too. */
import { installFakeChromeI18n } from './testI18n';

installFakeChromeI18n();
