import type { Budgets, Settings, UiRequest } from '../shared/messages';
import { DEFAULT_ENDPOINT } from './chainClient';
import { logDropped } from './dropLog';
import type { StorageArea } from './storageArea';
import { t } from '../shared/i18n';
import { isPlanckOrNull } from '../shared/validators';

const SETTINGS_KEY = 'settings';
/** Present from the first start until the default daily budget was set (or the person chose budgets). */
const FIRST_RUN_BUDGET_KEY = 'firstRunBudget';
const MAX_AUTO_LOCK_MINUTES = 24 * 60;
/** A new viewer's daily cap, in whole tokens of the chain (changeable in the options). */
export const DEFAULT_DAY_BUDGET_TOKENS = 10n;

export type SettingsPatch = Extract<UiRequest, { type: 'settings:set' }>['settings'];

export const DEFAULT_SETTINGS: Settings = {
  endpoint: DEFAULT_ENDPOINT,
  budgets: { perSession: null, perDay: null, global: null },
  autoLockMinutes: 15,
};

const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/**
 * A node endpoint the worker may talk to: `wss://` anywhere, `ws://` only on this machine (loopback), since
 * an unencrypted connection to another host lets anyone on the way read and change what the node says.
 */
export function checkEndpoint(endpoint: string): string {
  const trimmed = endpoint.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new Error(t('errorEndpointInvalid', endpoint));
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') throw new Error(t('errorEndpointScheme'));
  if (url.username || url.password) throw new Error(t('errorEndpointCredentials'));
  if (url.protocol === 'ws:' && !LOOPBACK_HOST.test(url.hostname))
    throw new Error(t('errorEndpointUnencrypted', `wss://${url.host}${url.pathname === '/' ? '' : url.pathname}`));
  return trimmed;
}

/** Stored settings, each field checked as a request would be; a bad field falls back to its default and is logged. */
function validSettings(stored: unknown): Settings {
  const settings = structuredClone(DEFAULT_SETTINGS);
  if (stored === undefined) return settings;
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) {
    logDropped('settings', 'not an object');
    return settings;
  }
  const saved = stored as Record<string, unknown>;
  if (saved.endpoint !== undefined) {
    try {
      if (typeof saved.endpoint !== 'string') throw new Error('not text');
      settings.endpoint = checkEndpoint(saved.endpoint);
    } catch (error) {
      logDropped('settings.endpoint', error instanceof Error ? error.message : String(error));
    }
  }
  const minutes = saved.autoLockMinutes;
  if (minutes !== undefined) {
    if (typeof minutes === 'number' && Number.isInteger(minutes) && minutes >= 0 && minutes <= MAX_AUTO_LOCK_MINUTES) settings.autoLockMinutes = minutes;
    else logDropped('settings.autoLockMinutes', `${JSON.stringify(minutes)} is not a whole number of minutes from 0 to ${MAX_AUTO_LOCK_MINUTES}`);
  }
  const budgets = saved.budgets;
  if (budgets !== undefined) {
    if (typeof budgets !== 'object' || budgets === null) logDropped('settings.budgets', 'not an object');
    else
      for (const key of ['perSession', 'perDay', 'global'] as const) {
        const value = (budgets as Record<string, unknown>)[key];
        if (value === undefined) continue;
        if (isPlanckOrNull(value)) settings.budgets[key] = value;
        else logDropped(`settings.budgets.${key}`, `${JSON.stringify(value)} is not an amount in planck`);
      }
  }
  return settings;
}

/** Settings in storage.local; only the worker writes them. */
export class SettingsStore {
  readonly #area: StorageArea;
  #settings: Settings;
  #firstRunBudget: boolean;
  /** The last write: each read-modify-write starts after it, so two at once cannot lose one another's change. */
  #writing: Promise<unknown> = Promise.resolve();

  private constructor(area: StorageArea, settings: Settings, firstRunBudget: boolean) {
    this.#area = area;
    this.#settings = settings;
    this.#firstRunBudget = firstRunBudget;
  }

  /** Loads what is stored, checking every value; what fails a check is dropped (and logged), never used. */
  static async load(area: StorageArea): Promise<SettingsStore> {
    const stored = await area.get([SETTINGS_KEY, FIRST_RUN_BUDGET_KEY]);
    const firstRun = stored[SETTINGS_KEY] === undefined && stored[FIRST_RUN_BUDGET_KEY] === undefined;
    if (firstRun) await area.set({ [FIRST_RUN_BUDGET_KEY]: 'pending' });
    return new SettingsStore(area, validSettings(stored[SETTINGS_KEY]), firstRun || stored[FIRST_RUN_BUDGET_KEY] === 'pending');
  }

  /**
   * On the first connection after installing, once the token's decimals are known: a daily cap of
   * `DEFAULT_DAY_BUDGET_TOKENS`, unless the person set budgets first. Runs once.
   */
  applyFirstRunBudget(tokenDecimals: number): Promise<void> {
    return this.#serialized(() => this.#applyFirstRunBudget(tokenDecimals));
  }

  async #applyFirstRunBudget(tokenDecimals: number): Promise<void> {
    if (!this.#firstRunBudget) return;
    this.#firstRunBudget = false;
    const perDay = (DEFAULT_DAY_BUDGET_TOKENS * 10n ** BigInt(tokenDecimals)).toString();
    const next: Settings = { ...this.#settings, budgets: { ...this.#settings.budgets, perDay: this.#settings.budgets.perDay ?? perDay } };
    await this.#area.set({ [SETTINGS_KEY]: next });
    await this.#area.remove([FIRST_RUN_BUDGET_KEY]);
    this.#settings = next;
  }

  get settings(): Settings {
    return structuredClone(this.#settings);
  }

  get budgets(): Budgets {
    return this.#settings.budgets;
  }

  /** Applies `patch` to the settings as they are once the writes before it are done. */
  update(patch: SettingsPatch): Promise<Settings> {
    return this.#serialized(() => this.#update(patch));
  }

  #serialized<T>(write: () => Promise<T>): Promise<T> {
    const done = this.#writing.then(write);
    this.#writing = done.catch(() => undefined);
    return done;
  }

  async #update(patch: SettingsPatch): Promise<Settings> {
    const next: Settings = { ...this.#settings, budgets: { ...this.#settings.budgets, ...(patch.budgets ?? {}) } };
    if (patch.endpoint !== undefined) next.endpoint = checkEndpoint(patch.endpoint);
    if (patch.autoLockMinutes !== undefined) {
      if (patch.autoLockMinutes > MAX_AUTO_LOCK_MINUTES) throw new Error(t('errorAutoLockMax', String(MAX_AUTO_LOCK_MINUTES)));
      next.autoLockMinutes = patch.autoLockMinutes;
    }
    await this.#area.set({ [SETTINGS_KEY]: next });
    if (patch.budgets && this.#firstRunBudget) {
      this.#firstRunBudget = false;
      await this.#area.remove([FIRST_RUN_BUDGET_KEY]);
    }
    this.#settings = next;
    return this.settings;
  }
}
