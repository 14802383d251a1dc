import type { AlwaysAllowEntry } from '../shared/messages';
import { logDropped } from './dropLog';
import type { StorageArea } from './storageArea';
import { t } from '../shared/i18n';
import { isHash, isOrigin, isPlanck } from '../shared/validators';

const BLOCKED_KEY = 'blockedSites';
const ALWAYS_ALLOW_KEY = 'alwaysAllow';
/** Before "always allow" was per creator: `{ [origin]: 'allow' | 'block' }`. Its blocks are kept, its site-wide allows dropped. */
const LEGACY_RULES_KEY = 'siteRules';
const MAX_ENTRIES = 1000;

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


function isEntry(value: unknown): value is AlwaysAllowEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    isOrigin(entry.site) &&
    typeof entry.creator === 'string' &&
    entry.creator.length <= 64 &&
    isHash(entry.creatorPublicKey) &&
    isPlanck(entry.maxRatePerMinute) &&
    isHash(entry.genesisHash)
  );
}

const entryKey = (entry: Pick<AlwaysAllowEntry, 'genesisHash' | 'site' | 'creatorPublicKey'>) =>
  `${entry.genesisHash} ${entry.site} ${entry.creatorPublicKey}`;

/**
 * Where the person said yes or no for good, in storage.local (only the worker writes it): top-level sites
 * that are never billed, and "always allow" entries — one creator on one top-level site, up to a rate,
 * on one network. There is no "allow any stream of this site": a site could tag any stream it likes.
 */
export class SitePermissions {
  readonly #area: StorageArea;
  #blocked: Set<string>;
  #allowed: Map<string, AlwaysAllowEntry>;
  /** The last write: each read-modify-write starts after it, so two at once cannot lose one another's change. */
  #writing: Promise<unknown> = Promise.resolve();

  private constructor(area: StorageArea, blocked: Set<string>, allowed: Map<string, AlwaysAllowEntry>) {
    this.#area = area;
    this.#blocked = blocked;
    this.#allowed = allowed;
  }

  /** Loads what is stored, checking every entry; what fails a check is dropped (and logged), never used. */
  static async load(area: StorageArea): Promise<SitePermissions> {
    const stored = await area.get([BLOCKED_KEY, ALWAYS_ALLOW_KEY, LEGACY_RULES_KEY]);
    const blocked = new Set<string>();
    const blockedList = stored[BLOCKED_KEY] ?? legacyBlocks(stored[LEGACY_RULES_KEY]);
    if (!Array.isArray(blockedList)) logDropped('blocked sites', 'not a list');
    else
      for (const site of blockedList.slice(0, MAX_ENTRIES)) {
        if (isOrigin(site)) blocked.add(site);
        else logDropped('blocked site', JSON.stringify(site));
      }
    const allowed = new Map<string, AlwaysAllowEntry>();
    const allowList = stored[ALWAYS_ALLOW_KEY] ?? [];
    if (!Array.isArray(allowList)) logDropped('always-allow entries', 'not a list');
    else
      for (const entry of allowList.slice(0, MAX_ENTRIES)) {
        if (isEntry(entry)) allowed.set(entryKey(entry), { ...entry });
        else logDropped('always-allow entry', JSON.stringify(entry).slice(0, 200));
      }
    return new SitePermissions(area, blocked, allowed);
  }

  isBlocked(site: string): boolean {
    return this.#blocked.has(site);
  }

  blockedSites(): string[] {
    return [...this.#blocked].sort();
  }

  async setBlocked(site: string, blocked: boolean): Promise<void> {
    const origin = normaliseSite(site);
    await this.#serialized(async () => {
      const next = new Set(this.#blocked);
      if (blocked) next.add(origin);
      else next.delete(origin);
      await this.#area.set({ [BLOCKED_KEY]: [...next] });
      await this.#area.remove([LEGACY_RULES_KEY]);
      this.#blocked = next;
    });
  }

  /** The rate cap of an "always allow" of this creator on this top-level site and network, or null. */
  alwaysAllowedRate(genesisHash: string, site: string, creatorPublicKey: string): bigint | null {
    const entry = this.#allowed.get(entryKey({ genesisHash, site, creatorPublicKey }));
    return entry ? BigInt(entry.maxRatePerMinute) : null;
  }

  alwaysAllowed(): AlwaysAllowEntry[] {
    return [...this.#allowed.values()].sort((a, b) => a.site.localeCompare(b.site) || a.creator.localeCompare(b.creator));
  }

  /** Adds an entry, or replaces the one of the same creator, site and network (its rate is the new cap). */
  async allow(entry: AlwaysAllowEntry): Promise<void> {
    const site = normaliseSite(entry.site);
    await this.#serialized(async () => {
      const next = new Map(this.#allowed);
      const added = { ...entry, site };
      next.set(entryKey(added), added);
      if (next.size > MAX_ENTRIES) throw new Error(t('errorAlwaysAllowFull', String(MAX_ENTRIES)));
      await this.#save(next);
    });
  }

  removeAllowed(genesisHash: string, site: string, creatorPublicKey: string): Promise<void> {
    return this.#serialized(async () => {
      const next = new Map(this.#allowed);
      next.delete(entryKey({ genesisHash, site, creatorPublicKey }));
      await this.#save(next);
    });
  }

  async #save(next: Map<string, AlwaysAllowEntry>): Promise<void> {
    await this.#area.set({ [ALWAYS_ALLOW_KEY]: [...next.values()] });
    this.#allowed = next;
  }

  /** Runs one read-modify-write after the ones before it. */
  #serialized(write: () => Promise<void>): Promise<void> {
    const done = this.#writing.then(write);
    this.#writing = done.catch(() => undefined);
    return done;
  }
}

/** The blocked sites of the old `siteRules` record; its site-wide allows are dropped (logged). */
function legacyBlocks(rules: unknown): unknown[] {
  if (rules === undefined) return [];
  if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) {
    logDropped('site rules', 'not an object');
    return [];
  }
  return Object.entries(rules).flatMap(([site, rule]) => {
    if (rule === 'block') return [site];
    logDropped('site rule', `${JSON.stringify(site)}: ${JSON.stringify(rule)} (a site-wide allow would cover any stream the site tags; it asks again, per creator)`);
    return [];
  });
}
