import type { UiRequestType } from '../shared/messages';
import type { StorageArea } from './storageArea';

export const AUTO_LOCK_ALARM = 'auto-lock';
/**
 * storage.session key of the auto-lock deadline (ms since the epoch). It outlives the worker, so a worker
 * that starts after the deadline — woken by any event, the alarm included — locks before anything else.
 */
export const AUTO_LOCK_KEY = 'autoLockAt';
/** The deadline moves only when it moved this much (not on every metered second): it may come early, never late. */
const SLACK_MS = 30_000;
/** An alarm may fire this early. */
const ALARM_EARLY_MS = 1000;

/**
 * Which requests are the person's own use of an extension page, and so keep the account unlocked: each a
 * click or a form the person sent. Not: reading state (pages and tools poll it) and the creator page's fee
 * estimate (sent by itself when the page opens or reconnects). Every request type is listed, so a new
 * one must be placed here.
 */
export const PERSON_USE: Readonly<Record<UiRequestType, boolean>> = {
  'state:get': false,
  'keys:unlock': true,
  'keys:lock': true,
  'account:create': true,
  'account:confirm-create': true,
  'account:cancel-create': true,
  'account:import-mnemonic': true,
  'account:import-json': true,
  'account:export-json': true,
  'account:remove': true,
  'settings:set': true,
  'consent:decide': true,
  'consent:forget': true,
  'metering:pause': true,
  'metering:resume': true,
  'metering:retry': true,
  'site:block': true,
  'site:unblock': true,
  'allow:add': true,
  'allow:remove': true,
  'subscription:buy': true,
  'creator:estimate-fee': false,
  'creator:submit': true,
};

export interface AutoLockDeps {
  session: StorageArea;
  alarms: {
    create(name: string, info: { when: number }): Promise<void> | void;
    clear(name: string): Promise<boolean> | void;
  };
  now(): number;
  /** The auto-lock setting in minutes; 0: only when the browser closes. */
  minutes(): number;
  unlocked(): boolean;
  lock(): Promise<void>;
}

/**
 * Locks the account after the set minutes without billed seconds or the person's use of an extension
 * page. What keeps it unlocked is decided by the worker (it calls `touch`); nothing a page plays does.
 */
export class AutoLock {
  readonly #deps: AutoLockDeps;
  #deadline: number | null;

  private constructor(deps: AutoLockDeps, deadline: number | null) {
    this.#deps = deps;
    this.#deadline = deadline;
  }

  /**
   * Takes over the deadline a previous worker stored. Past it — or with none stored while the key is
   * unlocked and auto-lock is on — the key is locked right away, before the worker does anything else.
   */
  static async restore(deps: AutoLockDeps): Promise<AutoLock> {
    const stored = (await deps.session.get([AUTO_LOCK_KEY]))[AUTO_LOCK_KEY];
    const deadline = typeof stored === 'number' && Number.isFinite(stored) ? stored : null;
    const on = deps.unlocked() && deps.minutes() > 0;
    if (on && (deadline === null || deps.now() >= deadline)) {
      await deps.lock();
      await deps.session.remove([AUTO_LOCK_KEY]);
      await deps.alarms.clear(AUTO_LOCK_ALARM);
      return new AutoLock(deps, null);
    }
    const autoLock = new AutoLock(deps, on ? deadline : null);
    if (autoLock.#deadline !== null) await deps.alarms.create(AUTO_LOCK_ALARM, { when: autoLock.#deadline });
    return autoLock;
  }

  /** When the account locks itself; null while locked or with auto-lock off. */
  get deadline(): number | null {
    return this.#deadline;
  }

  /**
   * Activity that counts (a billed second, the person using a page): the deadline moves to `minutes` from
   * now. `restart`: the setting changed. Once the deadline has passed nothing extends it: the account locks
   * (the alarm may not have fired yet, or a busy worker may not have run it).
   */
  touch(restart = false): void {
    const { alarms, session } = this.#deps;
    const minutes = this.#deps.minutes();
    if (this.#deadline !== null && this.#deps.now() >= this.#deadline && this.#deps.unlocked()) {
      void this.onAlarm();
      return;
    }
    if (!this.#deps.unlocked() || minutes === 0) {
      if (this.#deadline !== null) {
        void alarms.clear(AUTO_LOCK_ALARM);
        void session.remove([AUTO_LOCK_KEY]);
      }
      this.#deadline = null;
      return;
    }
    const deadline = this.#deps.now() + minutes * 60_000;
    if (!restart && this.#deadline !== null && deadline - this.#deadline < SLACK_MS) return;
    this.#deadline = deadline;
    void session.set({ [AUTO_LOCK_KEY]: deadline });
    void alarms.create(AUTO_LOCK_ALARM, { when: deadline });
  }

  /** A page's request was handled: only the person's own use (`PERSON_USE`) moves the deadline. */
  requestHandled(type: UiRequestType): void {
    if (PERSON_USE[type]) this.touch();
  }

  /** The alarm fired: locks unless the deadline moved on since. Returns whether it locked. */
  async onAlarm(): Promise<boolean> {
    if (this.#deadline !== null && this.#deps.now() < this.#deadline - ALARM_EARLY_MS) return false;
    this.#deadline = null;
    await this.#deps.lock();
    await this.#deps.session.remove([AUTO_LOCK_KEY]);
    return true;
  }
}
