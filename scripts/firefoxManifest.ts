/*
 * The Firefox variant of manifest.json. Firefox runs an MV3 background as an event page (a module script
 * that it stops when idle, like Chromium's service worker) rather than as a service worker, wants
 * `options_ui` for the options page, and needs an add-on id of its own. Everything else is shared.
 */

/** The add-on id Firefox stores the extension's data under; it must never change once published. */
export const FIREFOX_ADDON_ID = 'meter@vilokanam.dev';

/** storage.session (115), `background.type: "module"` and `match_origin_as_fallback` (128). */
const FIREFOX_MIN_VERSION = '128.0';

interface ChromiumManifest {
  background: { service_worker: string; type?: string };
  options_page?: string;
  minimum_chrome_version?: string;
  [key: string]: unknown;
}

export function firefoxManifest<M extends ChromiumManifest>(manifest: M) {
  const { background, options_page: optionsPage, minimum_chrome_version: _chromeOnly, ...shared } = manifest;
  return {
    ...shared,
    background: { scripts: [background.service_worker], type: 'module' as const },
    ...(optionsPage ? { options_ui: { page: optionsPage, open_in_tab: true } } : {}),
    browser_specific_settings: {
      gecko: {
        id: FIREFOX_ADDON_ID,
        strict_min_version: FIREFOX_MIN_VERSION,
        // The extension sends nothing to its developers: it talks only to the chain endpoint the viewer sets.
        data_collection_permissions: { required: ['none' as const] },
      },
    },
  };
}
