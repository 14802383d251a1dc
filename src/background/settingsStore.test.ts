import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkEndpoint, DEFAULT_SETTINGS, SettingsStore } from './settingsStore';
import { memoryArea } from './storageArea';

afterEach(() => vi.restoreAllMocks());

describe('checkEndpoint', () => {
  it.each(['ws://127.0.0.1:9944', 'ws://localhost:9944', 'ws://127.1.2.3:1', 'ws://[::1]:9944', 'wss://rpc.example.com', 'wss://10.0.0.5:443/ws'])(
    'accepts %s',
    (endpoint) => {
      expect(checkEndpoint(` ${endpoint} `)).toBe(endpoint);
    },
  );

  it.each([
    ['ws://rpc.example.com', /wss:\/\/rpc\.example\.com/],
    ['ws://10.0.0.5:9944', /unencrypted/],
    ['ws://localhost.example.com:9944', /unencrypted/],
    ['ws://127.0.0.1.nip.io:9944', /unencrypted/],
    ['http://127.0.0.1:9944', /must start with wss:\/\//],
    ['wss://user:secret@rpc.example.com', /user name or password/],
    ['not a url', /not a valid address/],
  ])('refuses %s with a sentence', (endpoint, sentence) => {
    expect(() => checkEndpoint(endpoint)).toThrow(sentence);
  });
});

describe('SettingsStore (in-memory storage fake)', () => {
  it('drops each stored value that fails its check, logs why, and keeps the rest', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const area = memoryArea({
      settings: {
        endpoint: 'ws://node.example.com:9944',
        autoLockMinutes: -3,
        budgets: { perSession: '12', perDay: '1e9', global: 5 },
        extra: true,
      },
    });
    const store = await SettingsStore.load(area);
    expect(store.settings).toEqual({ ...DEFAULT_SETTINGS, budgets: { perSession: '12', perDay: null, global: null } });
    const logged = warn.mock.calls.map(([line]) => String(line));
    expect(logged).toEqual([
      expect.stringMatching(/settings\.endpoint: ws:\/\/ is unencrypted/),
      expect.stringMatching(/settings\.autoLockMinutes: -3/),
      expect.stringMatching(/settings\.budgets\.perDay: "1e9"/),
      expect.stringMatching(/settings\.budgets\.global: 5/),
    ]);
  });

  it('drops settings that are not an object at all', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const store = await SettingsStore.load(memoryArea({ settings: 'ws://evil.example' }));
    expect(store.settings).toEqual(DEFAULT_SETTINGS);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('refuses to save a remote ws:// endpoint', async () => {
    const area = memoryArea();
    const store = await SettingsStore.load(area);
    await expect(store.update({ endpoint: 'ws://node.example.com:9944' })).rejects.toThrow(/unencrypted/);
    expect(store.settings.endpoint).toBe(DEFAULT_SETTINGS.endpoint);
    await store.update({ endpoint: 'wss://node.example.com' });
    expect((await SettingsStore.load(area)).settings.endpoint).toBe('wss://node.example.com');
  });

  it('gives a new viewer a daily cap of 10 tokens at the first connection, once', async () => {
    const area = memoryArea();
    const store = await SettingsStore.load(area);
    expect(store.budgets.perDay).toBeNull();
    await store.applyFirstRunBudget(12);
    expect(store.budgets).toEqual({ perSession: null, perDay: '10000000000000', global: null });
    await store.update({ budgets: { perDay: null } });
    const restarted = await SettingsStore.load(area);
    await restarted.applyFirstRunBudget(12);
    expect(restarted.budgets.perDay, 'the person removed the cap: it stays removed').toBeNull();
  });

  it('survives a restart before the first connection, and yields to budgets the person set first', async () => {
    const area = memoryArea();
    await (await SettingsStore.load(area)).update({ endpoint: 'ws://127.0.0.1:9955' });
    const restarted = await SettingsStore.load(area);
    await restarted.applyFirstRunBudget(10);
    expect(restarted.budgets.perDay).toBe('100000000000');

    const chosen = memoryArea();
    const store = await SettingsStore.load(chosen);
    await store.update({ budgets: { perSession: '5' } });
    await store.applyFirstRunBudget(12);
    expect(store.budgets).toEqual({ perSession: '5', perDay: null, global: null });
  });

  it('an existing install (settings stored before this version) gets no default cap', async () => {
    const store = await SettingsStore.load(memoryArea({ settings: { autoLockMinutes: 5 } }));
    await store.applyFirstRunBudget(12);
    expect(store.budgets.perDay).toBeNull();
  });

  it('two changes at once both last (the first-run budget too): each read-modify-write waits for the one before', async () => {
    const area = memoryArea();
    const store = await SettingsStore.load(area);
    await Promise.all([store.update({ autoLockMinutes: 5 }), store.applyFirstRunBudget(12), store.update({ budgets: { perSession: '7' } })]);
    const expected = { ...DEFAULT_SETTINGS, autoLockMinutes: 5, budgets: { perSession: '7', perDay: '10000000000000', global: null } };
    expect(store.settings).toEqual(expected);
    expect((await SettingsStore.load(area)).settings).toEqual(expected);
  });

  it('a refused change does not stop the ones after it', async () => {
    const store = await SettingsStore.load(memoryArea());
    const results = await Promise.allSettled([store.update({ endpoint: 'ws://far.example' }), store.update({ autoLockMinutes: 9 })]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'fulfilled']);
    expect(store.settings.autoLockMinutes).toBe(9);
  });
});
