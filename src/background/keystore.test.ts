import { afterEach, describe, expect, it } from 'vitest';
import { installFakeChromeI18n } from '../ui/testI18n';
import { Keystore } from './keystore';
import { memoryArea } from './storageArea';

const PASSWORD = 'correct horse battery';
// A well-known test phrase (never holds real funds).
const MNEMONIC = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk';
const ALICE_DEV_ADDRESS_PREFIX = '5'; // ss58 format 42

const open = (local = memoryArea(), session = memoryArea()) => {
  let next = 0;
  return Keystore.open({ local, session, randomIndex: (max) => next++ % max });
};

/** Every string in `value`, recursively. */
const strings = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : typeof value === 'object' && value !== null ? Object.values(value).flatMap(strings) : [];

describe('Keystore (fake storage)', { timeout: 60_000 }, () => {
  afterEach(() => installFakeChromeI18n('en'));

  it('an account given no name gets one in the browser’s language', async () => {
    installFakeChromeI18n('hi');
    const keystore = await open();
    await keystore.importMnemonic('  ', MNEMONIC, PASSWORD);
    expect(keystore.name).toBe('आयातित खाता');
    installFakeChromeI18n('en');
    const other = await open();
    const created = other.create('', PASSWORD);
    const words = created.mnemonic.split(' ');
    await other.confirmCreate(created.confirmIndexes.map((index) => words[index]));
    expect(other.name).toBe('My account');
  });

  it('creates an account only after the chosen words are confirmed, and keeps it unlocked for the session', async () => {
    const local = memoryArea();
    const session = memoryArea();
    let next = 0;
    const keystore = await Keystore.open({ local, session, randomIndex: () => [2, 7, 11][next++ % 3] ?? 0 });
    expect(keystore.status).toBe('no-account');
    const created = keystore.create('Mine', PASSWORD);
    expect(created.mnemonic.split(' ')).toHaveLength(12);
    expect(created.confirmIndexes).toEqual([2, 7, 11]);
    expect(keystore.status).toBe('no-account');
    expect(Object.keys(local.dump())).toEqual([]);
    const words = created.mnemonic.split(' ');
    await expect(keystore.confirmCreate(['wrong', 'words', 'here'])).rejects.toThrow('words 3, 8, 12');
    const address = await keystore.confirmCreate(created.confirmIndexes.map((i) => ` ${(words[i] ?? '').toUpperCase()} `));
    expect(address).toBe(created.address);
    expect(keystore.status).toBe('unlocked');
    expect(keystore.name).toBe('Mine');
    expect(keystore.pendingCreate).toBe(false);

    const stored = local.dump();
    const allText = strings(stored).join('\n');
    for (const word of words) expect(allText).not.toMatch(new RegExp(`\\b${word}\\b`));
    const json = Object.values(stored)[0] as { encoding: { type: string[] }; encoded: string };
    expect(json.encoding.type).toEqual(['scrypt', 'xsalsa20-poly1305']);
    expect(strings(session.dump()).join('\n')).not.toContain(created.mnemonic);
  });

  it('rejects a short password and a second account', async () => {
    const keystore = await open();
    expect(() => keystore.create('x', 'short')).toThrow('at least 8');
    await keystore.importMnemonic('A', MNEMONIC, PASSWORD);
    expect(() => keystore.create('x', PASSWORD)).toThrow('already has an account');
    await expect(keystore.importMnemonic('B', MNEMONIC, PASSWORD)).rejects.toThrow('already has an account');
  });

  it('imports a mnemonic, locks, refuses a wrong password and unlocks with the right one', async () => {
    const local = memoryArea();
    const session = memoryArea();
    const keystore = await open(local, session);
    await expect(keystore.importMnemonic('A', 'not a real phrase at all', PASSWORD)).rejects.toThrow('not valid');
    const address = await keystore.importMnemonic('A', `  ${MNEMONIC.toUpperCase()}  `, PASSWORD);
    expect(address.startsWith(ALICE_DEV_ADDRESS_PREFIX)).toBe(true);
    await keystore.lock();
    expect(keystore.status).toBe('locked');
    expect(keystore.signer).toBeNull();
    expect(session.dump()).toEqual({});
    await expect(keystore.unlock('wrong password')).rejects.toThrow('Wrong password.');
    expect(keystore.status).toBe('locked');
    await keystore.unlock(PASSWORD);
    expect(keystore.status).toBe('unlocked');
    const message = new Uint8Array([1, 2, 3]);
    const signer = keystore.signer;
    expect(signer?.verify(message, signer.sign(message), signer.publicKey)).toBe(true);
  });

  it('accepts a derivation path after the words (the dev accounts are `…//Alice`)', async () => {
    const keystore = await open();
    expect(await keystore.importMnemonic('Alice', `${MNEMONIC}//Alice`, PASSWORD)).toBe('5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY');
  });

  it('stays unlocked across a worker restart without the password, and locked after the browser session ends', async () => {
    const local = memoryArea();
    const session = memoryArea();
    const first = await open(local, session);
    const address = await first.importMnemonic('A', MNEMONIC, PASSWORD);
    const restarted = await open(local, session);
    expect(restarted.status).toBe('unlocked');
    expect(restarted.address).toBe(address);
    expect(restarted.signer?.address).toBe(address);
    const newBrowserSession = await open(local, memoryArea());
    expect(newBrowserSession.status).toBe('locked');
    expect(strings(local.dump()).join('\n')).not.toContain(strings(session.dump()).find((s) => s.startsWith('0x')) ?? 'none');
  });

  it('exports a backup that imports again elsewhere with its password', async () => {
    const keystore = await open();
    const address = await keystore.importMnemonic('A', MNEMONIC, PASSWORD);
    expect(() => keystore.exportJson('nope nope')).toThrow('Wrong password.');
    const backup = keystore.exportJson(PASSWORD);
    expect(backup.fileName).toBe(`${address}.json`);
    expect(backup.json).not.toContain('bottom');

    const other = await open();
    await expect(other.importJson(backup.json, 'wrong password', 'new password 1')).rejects.toThrow('Wrong password for this backup');
    await expect(other.importJson('{"not":"a backup"}', PASSWORD, 'new password 1')).rejects.toThrow('not a polkadot-js account backup');
    await expect(other.importJson('not json', PASSWORD, 'new password 1')).rejects.toThrow('not valid JSON');
    expect(await other.importJson(backup.json, PASSWORD, 'new password 1')).toBe(address);
    await other.lock();
    await expect(other.unlock(PASSWORD)).rejects.toThrow('Wrong password.');
    await other.unlock('new password 1');
    expect(other.status).toBe('unlocked');
  });

  it('removes the account only with its password', async () => {
    const local = memoryArea();
    const keystore = await open(local);
    await keystore.importMnemonic('A', MNEMONIC, PASSWORD);
    await expect(keystore.remove('wrong password')).rejects.toThrow('Wrong password.');
    await keystore.remove(PASSWORD);
    expect(keystore.status).toBe('no-account');
    expect(local.dump()).toEqual({});
  });
});
