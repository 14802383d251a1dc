import type { KeyringPair, KeyringPair$Json } from '@polkadot/keyring/types';
import { Keyring } from '@polkadot/ui-keyring';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady, mnemonicGenerate, mnemonicValidate } from '@polkadot/util-crypto';
import type { KeyringJson } from '@polkadot/ui-keyring/types';
import type { CreatedAccount, ExportedAccount, KeyStatus } from '../shared/messages';
import { loadKeyringStore, type FlushableKeyringStore } from './keyringStore';
import type { StorageArea } from './storageArea';
import { MIN_PASSWORD_LENGTH } from '../shared/password';
import { t } from '../shared/i18n';

/** storage.session key of the unlocked secret (browser-session only, never storage.local). */
const UNLOCKED_KEY = 'unlockedAccount';
const CONFIRM_WORD_COUNT = 3;

interface UnlockedRecord {
  address: string;
  type: KeyringPair['type'];
  pkcs8: string;
}

interface PendingCreate {
  name: string;
  password: string;
  mnemonic: string;
  confirmIndexes: number[];
}

export interface KeystoreOptions {
  local: StorageArea;
  session: StorageArea;
  /** Uniform integer in [0, max). */
  randomIndex?: (max: number) => number;
}

const cryptoRandomIndex = (max: number) => (crypto.getRandomValues(new Uint32Array(1))[0] ?? 0) % max;

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw new Error(t('errorPasswordShort', String(MIN_PASSWORD_LENGTH)));
}

function cleanName(name: string, fallback: string): string {
  return name.trim().slice(0, 64) || fallback;
}

/**
 * The viewer's single account: ui-keyring JSON encrypted under the user's password (scrypt +
 * xsalsa20-poly1305) in storage.local; the unlocked secret only in memory and storage.session.
 * Decoding takes a scrypt run (~0.6 s or more): it happens on unlock, import and export only.
 */
export class Keystore {
  readonly #keyring: Keyring;
  readonly #store: FlushableKeyringStore;
  readonly #session: StorageArea;
  readonly #randomIndex: (max: number) => number;
  #signer: KeyringPair | null = null;
  #pending: PendingCreate | null = null;

  private constructor(keyring: Keyring, store: FlushableKeyringStore, options: KeystoreOptions) {
    this.#keyring = keyring;
    this.#store = store;
    this.#session = options.session;
    this.#randomIndex = options.randomIndex ?? cryptoRandomIndex;
  }

  static async open(options: KeystoreOptions): Promise<Keystore> {
    await cryptoWaitReady();
    const store = await loadKeyringStore(options.local);
    const keyring = new Keyring();
    // ui-keyring's dropdown option lists (for its React UI) are unused here and may be initialised only
    // once per process; skipping them lets a keystore be opened again over the same storage.
    keyring.keyringOption.init = () => undefined;
    keyring.loadAll({ store, type: 'sr25519', ss58Format: 42 });
    const keystore = new Keystore(keyring, store, options);
    await keystore.#restoreUnlocked();
    return keystore;
  }

  get status(): KeyStatus {
    if (!this.#account()) return 'no-account';
    return this.#signer ? 'unlocked' : 'locked';
  }

  get address(): string | null {
    return this.#account()?.address ?? null;
  }

  get name(): string | null {
    const name = this.#account()?.meta.name;
    return typeof name === 'string' ? name : null;
  }

  get pendingCreate(): boolean {
    return this.#pending !== null;
  }

  /** The unlocked pair, for signing inside the worker only. */
  get signer(): KeyringPair | null {
    return this.#signer;
  }

  async unlock(password: string): Promise<void> {
    const account = this.#account();
    if (!account) throw new Error(t('errorNoAccount'));
    const signer = this.#decodeStored(account, password, t('errorWrongPassword'));
    await this.#rememberUnlocked(signer);
  }

  async lock(): Promise<void> {
    this.#signer?.lock();
    this.#signer = null;
    await this.#session.remove([UNLOCKED_KEY]);
  }

  create(name: string, password: string): CreatedAccount {
    this.#requireNoAccount();
    checkPassword(password);
    const mnemonic = mnemonicGenerate(12);
    const words = mnemonic.split(' ');
    const picked = new Set<number>();
    while (picked.size < CONFIRM_WORD_COUNT) picked.add(this.#randomIndex(words.length));
    const confirmIndexes = [...picked].sort((a, b) => a - b);
    this.#pending = { name: cleanName(name, t('accountDefaultName')), password, mnemonic, confirmIndexes };
    return { address: this.#keyring.createFromUri(mnemonic).address, mnemonic, confirmIndexes };
  }

  async confirmCreate(typedWords: string[]): Promise<string> {
    const pending = this.#pending;
    if (!pending) throw new Error(t('errorNoPendingAccount'));
    const words = pending.mnemonic.split(' ');
    const matches =
      typedWords.length === pending.confirmIndexes.length &&
      pending.confirmIndexes.every((index, i) => typedWords[i]?.trim().toLowerCase() === words[index]);
    if (!matches) {
      const positions = pending.confirmIndexes.map((index) => index + 1).join(', ');
      throw new Error(t('errorWordsDiffer', positions));
    }
    this.#pending = null;
    return this.#save(this.#keyring.createFromUri(pending.mnemonic, { name: pending.name }), pending.password);
  }

  cancelCreate(): void {
    this.#pending = null;
  }

  async importMnemonic(name: string, mnemonic: string, password: string): Promise<string> {
    this.#requireNoAccount();
    checkPassword(password);
    const suri = mnemonic.trim().split(/\s+/).join(' ');
    // A derivation path (`…//Alice`, `…/soft`) may follow the words; the words themselves must be valid.
    const pathStart = suri.search(/\/\/?[^/]/);
    const phrase = (pathStart === -1 ? suri : suri.slice(0, pathStart)).toLowerCase();
    if (!mnemonicValidate(phrase)) throw new Error(t('errorPhraseInvalid'));
    const path = pathStart === -1 ? '' : suri.slice(pathStart);
    return this.#save(this.#keyring.createFromUri(`${phrase}${path}`, { name: cleanName(name, t('accountImportedName')) }), password);
  }

  async importJson(text: string, jsonPassword: string, password: string): Promise<string> {
    this.#requireNoAccount();
    checkPassword(password);
    const json = parseBackup(text);
    let pair: KeyringPair;
    try {
      pair = this.#keyring.createFromJson(json, { name: cleanName(String(json.meta?.name ?? ''), t('accountImportedName')) });
    } catch {
      throw new Error(t('errorNotBackup'));
    }
    try {
      pair.decodePkcs8(jsonPassword);
    } catch {
      throw new Error(t('errorBackupPassword'));
    }
    return this.#save(pair, password);
  }

  exportJson(password: string): ExportedAccount {
    const account = this.#account();
    if (!account) throw new Error(t('errorNoAccountToExport'));
    this.#decodeStored(account, password, t('errorWrongPassword')).lock();
    return { fileName: `${account.address}.json`, json: JSON.stringify(this.#storedJson(account)) };
  }

  async remove(password: string): Promise<void> {
    const account = this.#account();
    if (!account) throw new Error(t('errorNoAccountToRemove'));
    this.#decodeStored(account, password, t('errorWrongPassword')).lock();
    await this.lock();
    this.#keyring.forgetAccount(account.address);
    await this.#store.flushed();
  }

  #account(): KeyringPair | undefined {
    return this.#keyring.getPairs()[0];
  }

  #requireNoAccount(): void {
    if (this.#account()) throw new Error(t('errorAccountExists'));
  }

  #storedJson(account: KeyringPair): KeyringPair$Json {
    let stored: KeyringJson | undefined;
    this.#store.get(`account:${u8aToHex(account.publicKey)}`, (value) => {
      stored = value;
    });
    if (!stored) throw new Error(t('errorStoredAccountMissing'));
    return stored as unknown as KeyringPair$Json;
  }

  /** A fresh unlocked copy of the stored pair (the keyring's own pair stays locked and untouched). */
  #decodeStored(account: KeyringPair, password: string, wrongPasswordText: string): KeyringPair {
    const pair = this.#keyring.createFromJson(this.#storedJson(account));
    try {
      pair.decodePkcs8(password);
    } catch {
      throw new Error(wrongPasswordText);
    }
    return pair;
  }

  /** Stores `pair` encrypted under `password`, then keeps it unlocked for this browser session. */
  async #save(pair: KeyringPair, password: string): Promise<string> {
    this.#keyring.addPair(pair, password);
    await this.#store.flushed();
    await this.#rememberUnlocked(pair);
    return pair.address;
  }

  async #rememberUnlocked(pair: KeyringPair): Promise<void> {
    // encodePkcs8() without a passphrase re-encodes this in-memory copy unencrypted; it only goes to storage.session.
    const record: UnlockedRecord = { address: pair.address, type: pair.type, pkcs8: u8aToHex(pair.encodePkcs8()) };
    await this.#session.set({ [UNLOCKED_KEY]: record });
    this.#signer = pair;
  }

  async #restoreUnlocked(): Promise<void> {
    const record = (await this.#session.get([UNLOCKED_KEY]))[UNLOCKED_KEY] as UnlockedRecord | undefined;
    const account = this.#account();
    if (!record || !account || record.address !== account.address) {
      if (record) await this.#session.remove([UNLOCKED_KEY]);
      return;
    }
    const pair = this.#keyring.createFromJson({
      address: record.address,
      encoded: record.pkcs8,
      encoding: { content: ['pkcs8', record.type], type: ['none'], version: '3' },
      meta: account.meta,
    });
    pair.decodePkcs8();
    this.#signer = pair;
  }
}

function parseBackup(text: string): KeyringPair$Json {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(t('errorNotJson'));
  }
  const json = value as Partial<KeyringPair$Json> & { accounts?: unknown };
  if (json && Array.isArray(json.accounts))
    throw new Error(t('errorSeveralAccounts'));
  const encoding = json?.encoding;
  if (
    typeof json?.address !== 'string' ||
    typeof json.encoded !== 'string' ||
    !encoding ||
    !Array.isArray(encoding.content) ||
    encoding.content[0] !== 'pkcs8'
  )
    throw new Error(t('errorNotBackup'));
  if (!['sr25519', 'ed25519'].includes(String(encoding.content[1])))
    throw new Error(t('errorKeyType', String(encoding.content[1])));
  return json as KeyringPair$Json;
}
