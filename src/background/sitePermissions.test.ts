import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AlwaysAllowEntry } from '../shared/messages';
import { SitePermissions } from './sitePermissions';
import { memoryArea } from './storageArea';

afterEach(() => vi.restoreAllMocks());

const GENESIS = `0x${'11'.repeat(32)}`;
const OTHER_GENESIS = `0x${'22'.repeat(32)}`;
const BOB_KEY = `0x${'bb'.repeat(32)}`;
const EVE_KEY = `0x${'ee'.repeat(32)}`;
const entry = (overrides: Partial<AlwaysAllowEntry> = {}): AlwaysAllowEntry => ({
  site: 'https://news.example',
  creator: '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty',
  creatorPublicKey: BOB_KEY,
  maxRatePerMinute: '100',
  genesisHash: GENESIS,
  ...overrides,
});

describe('SitePermissions (in-memory storage fake)', () => {
  it('an "always allow" covers one creator on one top-level site and network, up to its rate', async () => {
    const area = memoryArea();
    const permissions = await SitePermissions.load(area);
    await permissions.allow(entry());
    expect(permissions.alwaysAllowedRate(GENESIS, 'https://news.example', BOB_KEY)).toBe(100n);
    expect(permissions.alwaysAllowedRate(GENESIS, 'https://news.example', EVE_KEY), 'another creator').toBeNull();
    expect(permissions.alwaysAllowedRate(GENESIS, 'https://other.example', BOB_KEY), 'another site').toBeNull();
    expect(permissions.alwaysAllowedRate(OTHER_GENESIS, 'https://news.example', BOB_KEY), 'another network').toBeNull();
    await permissions.allow(entry({ maxRatePerMinute: '250' }));
    expect(permissions.alwaysAllowed()).toHaveLength(1);
    const restarted = await SitePermissions.load(area);
    expect(restarted.alwaysAllowedRate(GENESIS, 'https://news.example', BOB_KEY), 'the new answer replaces the cap').toBe(250n);
    await restarted.removeAllowed(GENESIS, 'https://news.example', BOB_KEY);
    expect((await SitePermissions.load(area)).alwaysAllowed()).toEqual([]);
  });

  it('blocks and unblocks sites by origin', async () => {
    const area = memoryArea();
    const permissions = await SitePermissions.load(area);
    await permissions.setBlocked('https://news.example/watch?v=1', true);
    expect(permissions.isBlocked('https://news.example')).toBe(true);
    expect((await SitePermissions.load(area)).blockedSites()).toEqual(['https://news.example']);
    await permissions.setBlocked('https://news.example', false);
    expect((await SitePermissions.load(area)).isBlocked('https://news.example')).toBe(false);
  });

  it('keeps the blocks of the old site rules, drops their site-wide allows, and logs why', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const permissions = await SitePermissions.load(memoryArea({ siteRules: { 'https://a.example': 'block', 'https://b.example': 'allow' } }));
    expect(permissions.blockedSites()).toEqual(['https://a.example']);
    expect(permissions.alwaysAllowed()).toEqual([]);
    expect(warn.mock.calls.map(([line]) => String(line))).toEqual([expect.stringMatching(/site rule: "https:\/\/b\.example": "allow" \(a site-wide allow/)]);
  });

  it('drops stored entries that fail their checks, logging each', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const permissions = await SitePermissions.load(
      memoryArea({
        blockedSites: ['https://ok.example', 'https://ok.example/path', 'javascript:alert(1)', 7],
        alwaysAllow: [entry(), entry({ maxRatePerMinute: '-1' }), entry({ creatorPublicKey: '0xab' }), entry({ site: 'https://news.example/' }), 'x'],
      }),
    );
    expect(permissions.blockedSites()).toEqual(['https://ok.example']);
    expect(permissions.alwaysAllowed()).toEqual([entry()]);
    expect(warn).toHaveBeenCalledTimes(7);
  });

  it('two changes at once both last: each read-modify-write waits for the one before', async () => {
    const area = memoryArea();
    const permissions = await SitePermissions.load(area);
    await Promise.all([
      permissions.allow(entry()),
      permissions.allow(entry({ site: 'https://other.example', creatorPublicKey: EVE_KEY })),
      permissions.setBlocked('https://a.example', true),
      permissions.setBlocked('https://b.example', true),
    ]);
    const restarted = await SitePermissions.load(area);
    expect(restarted.alwaysAllowed().map((allowed) => allowed.site)).toEqual(['https://news.example', 'https://other.example']);
    expect(restarted.blockedSites()).toEqual(['https://a.example', 'https://b.example']);
  });

  it('a refused change does not stop the ones after it', async () => {
    const permissions = await SitePermissions.load(memoryArea());
    const results = await Promise.allSettled([permissions.setBlocked('not a site', true), permissions.setBlocked('https://a.example', true)]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'fulfilled']);
    expect(permissions.blockedSites()).toEqual(['https://a.example']);
  });
});
