import { describe, expect, it } from 'vitest';
import manifest from '../manifest.json' with { type: 'json' };
import { FIREFOX_ADDON_ID, firefoxManifest } from './firefoxManifest';

describe('firefoxManifest', () => {
  const firefox = firefoxManifest(manifest);

  it('runs the same background module as an event page, not a service worker', () => {
    expect(firefox.background).toEqual({ scripts: [manifest.background.service_worker], type: 'module' });
  });

  it('opens the options page through options_ui, in a tab', () => {
    expect(firefox.options_ui).toEqual({ page: manifest.options_page, open_in_tab: true });
    expect(firefox).not.toHaveProperty('options_page');
  });

  it('names the add-on and the oldest Firefox that has storage.session and module backgrounds', () => {
    expect(firefox.browser_specific_settings.gecko.id).toBe(FIREFOX_ADDON_ID);
    expect(firefox.browser_specific_settings.gecko.strict_min_version).toBe('128.0');
    expect(firefox).not.toHaveProperty('minimum_chrome_version');
  });

  it('keeps the permissions, content scripts and CSP of the Chromium manifest', () => {
    expect(firefox.permissions).toEqual(manifest.permissions);
    expect(firefox.content_scripts).toEqual(manifest.content_scripts);
    expect(firefox.content_security_policy).toEqual(manifest.content_security_policy);
  });
});
