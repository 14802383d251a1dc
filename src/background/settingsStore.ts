import type { Budgets, Settings, SiteRule, SiteRuleEntry, UiRequest } from '../shared/messages';
import { DEFAULT_ENDPOINT } from './chainClient';
import type { StorageArea } from './storageArea';
import { t } from '../shared/i18n';

const SETTINGS_KEY = 'settings';
const SITE_RULES_KEY = 'siteRules';
const MAX_AUTO_LOCK_MINUTES = 24 * 60;

export type SettingsPatch = Extract<UiRequest, { type: 'settings:set' }>['settings'];

export const DEFAULT_SETTINGS: Settings = {
  endpoint: DEFAULT_ENDPOINT,
  budgets: { perSession: null, perDay: null, global: null },
  autoLockMinutes: 15,
};

/** `https://example.com` for any http(s) URL or origin; throws a readable error otherwise. */
export function normaliseSite(site: string): string {
  let url: URL;
  try {
    url = new URL(site);
  } catch {
    throw new Error(t('errorNotWebAddress', site));
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(t('errorNotWebSite', site));
  return url.origin;
}

function checkEndpoint(endpoint: string): string {
  const trimmed = endpoint.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new Error(t('errorEndpointInvalid', endpoint));
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') throw new Error(t('errorEndpointScheme'));
  return trimmed;
}

/** Settings and site rules in storage.local; only the worker writes them. */
export class SettingsStore {
  readonly #area: StorageArea;
  #settings: Settings;
  #rules: Map<string, SiteRule>;

  private constructor(area: StorageArea, settings: Settings, rules: Map<string, SiteRule>) {
    this.#area = area;
    this.#settings = settings;
    this.#rules = rules;
  }

  static async load(area: StorageArea): Promise<SettingsStore> {
    const stored = await area.get([SETTINGS_KEY, SITE_RULES_KEY]);
    const saved = (stored[SETTINGS_KEY] ?? {}) as Partial<Settings>;
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      ...saved,
      budgets: { ...DEFAULT_SETTINGS.budgets, ...(saved.budgets ?? {}) },
    };
    const rules = new Map(Object.entries((stored[SITE_RULES_KEY] ?? {}) as Record<string, SiteRule>));
    return new SettingsStore(area, settings, rules);
  }

  get settings(): Settings {
    return structuredClone(this.#settings);
  }

  get budgets(): Budgets {
    return this.#settings.budgets;
  }

  rule(site: string): SiteRule | null {
    return this.#rules.get(site) ?? null;
  }

  rules(): SiteRuleEntry[] {
    return [...this.#rules].map(([site, rule]) => ({ site, rule })).sort((a, b) => a.site.localeCompare(b.site));
  }

  async update(patch: SettingsPatch): Promise<Settings> {
    const next: Settings = { ...this.#settings, budgets: { ...this.#settings.budgets, ...(patch.budgets ?? {}) } };
    if (patch.endpoint !== undefined) next.endpoint = checkEndpoint(patch.endpoint);
    if (patch.autoLockMinutes !== undefined) {
      if (patch.autoLockMinutes > MAX_AUTO_LOCK_MINUTES) throw new Error(t('errorAutoLockMax', String(MAX_AUTO_LOCK_MINUTES)));
      next.autoLockMinutes = patch.autoLockMinutes;
    }
    await this.#area.set({ [SETTINGS_KEY]: next });
    this.#settings = next;
    return this.settings;
  }

  async setRule(site: string, rule: SiteRule | null): Promise<void> {
    const origin = normaliseSite(site);
    const rules = new Map(this.#rules);
    if (rule === null) rules.delete(origin);
    else rules.set(origin, rule);
    await this.#area.set({ [SITE_RULES_KEY]: Object.fromEntries(rules) });
    this.#rules = rules;
  }
}
