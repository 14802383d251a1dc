import { describe, expect, it } from 'vitest';
import type { UiRequestType } from '../shared/messages';
import { AUTO_LOCK_ALARM, AUTO_LOCK_KEY, AutoLock, PERSON_USE } from './autoLock';
import { memoryArea } from './storageArea';

const MINUTE = 60_000;

/** A key, alarms and storage.session, on a fake clock. */
function setup(options: { minutes?: number; unlocked?: boolean; stored?: number } = {}) {
  const state = { now: 1_000_000, minutes: options.minutes ?? 15, unlocked: options.unlocked ?? true, locks: 0 };
  const alarms = new Map<string, number>();
  const session = memoryArea(options.stored === undefined ? {} : { [AUTO_LOCK_KEY]: options.stored });
  const deps = {
    session,
    alarms: {
      create: (name: string, info: { when: number }) => void alarms.set(name, info.when),
      clear: (name: string) => void alarms.delete(name),
    },
    now: () => state.now,
    minutes: () => state.minutes,
    unlocked: () => state.unlocked,
    lock: async () => {
      state.unlocked = false;
      state.locks += 1;
    },
  };
  return { state, alarms, session, deps };
}

describe('AutoLock (fake clock, in-memory storage.session)', () => {
  it('a worker that starts past the stored deadline locks before anything else', async () => {
    const { state, session, deps } = setup({ stored: 1_000_000 - 1 });
    const autoLock = await AutoLock.restore(deps);
    expect(state.locks).toBe(1);
    expect(autoLock.deadline).toBeNull();
    expect(session.dump()).toEqual({});
  });

  it('a worker that finds an unlocked key but no deadline locks too (it cannot know how long it was idle)', async () => {
    const { state, deps } = setup();
    await AutoLock.restore(deps);
    expect(state.locks).toBe(1);
  });

  it('a worker that starts before the deadline keeps it — it does not start a fresh one — and re-arms the alarm', async () => {
    const stored = 1_000_000 + 5 * MINUTE;
    const { state, alarms, deps } = setup({ stored });
    const autoLock = await AutoLock.restore(deps);
    expect(state.locks).toBe(0);
    expect(autoLock.deadline).toBe(stored);
    expect(alarms.get(AUTO_LOCK_ALARM)).toBe(stored);
    state.now = stored + 10;
    expect(await autoLock.onAlarm()).toBe(true);
    expect(state.locks).toBe(1);
  });

  it('activity moves the deadline (stored for the next worker), in steps of at least 30 s', async () => {
    const { state, session, alarms, deps } = setup({ stored: 1_000_000 + MINUTE });
    const autoLock = await AutoLock.restore(deps);
    autoLock.touch();
    expect(autoLock.deadline).toBe(state.now + 15 * MINUTE);
    state.now += 10_000;
    autoLock.touch();
    expect(autoLock.deadline, 'moved 10 s: kept').toBe(1_000_000 + 15 * MINUTE);
    state.now += 30_000;
    autoLock.touch();
    expect(autoLock.deadline).toBe(state.now + 15 * MINUTE);
    expect(session.dump()[AUTO_LOCK_KEY]).toBe(state.now + 15 * MINUTE);
    expect(alarms.get(AUTO_LOCK_ALARM)).toBe(state.now + 15 * MINUTE);
  });

  it('an alarm before the (moved) deadline does nothing; auto-lock off or a locked key has no deadline', async () => {
    const { state, alarms, deps } = setup({ stored: 1_000_000 + MINUTE });
    const autoLock = await AutoLock.restore(deps);
    autoLock.touch();
    state.now += MINUTE;
    expect(await autoLock.onAlarm()).toBe(false);
    state.minutes = 0;
    autoLock.touch(true);
    expect(autoLock.deadline).toBeNull();
    expect(alarms.has(AUTO_LOCK_ALARM)).toBe(false);
    state.minutes = 15;
    state.unlocked = false;
    autoLock.touch();
    expect(autoLock.deadline).toBeNull();
  });

  it('with auto-lock off an unlocked key stays unlocked across restarts', async () => {
    const { state, deps } = setup({ minutes: 0 });
    const autoLock = await AutoLock.restore(deps);
    expect(state.locks).toBe(0);
    expect(autoLock.deadline).toBeNull();
  });

  it('past the deadline, activity locks instead of extending (the alarm had not fired yet)', async () => {
    const { state, alarms, session, deps } = setup({ stored: 1_000_000 + MINUTE });
    const autoLock = await AutoLock.restore(deps);
    state.now = 1_000_000 + MINUTE;
    autoLock.touch();
    await Promise.resolve();
    expect(state.locks).toBe(1);
    expect(autoLock.deadline).toBeNull();
    expect(session.dump()).toEqual({});
    expect(alarms.get(AUTO_LOCK_ALARM), 'not moved').toBe(1_000_000 + MINUTE);
    autoLock.touch();
    expect(state.locks, 'locked once').toBe(1);
  });

  it('only the person’s own requests move the deadline: not state reads, not the creator page’s automatic fee estimate', async () => {
    const automatic: UiRequestType[] = ['state:get', 'creator:estimate-fee'];
    expect(Object.entries(PERSON_USE).flatMap(([type, used]) => (used ? [] : [type]))).toEqual(automatic);
    const { state, deps } = setup({ stored: 1_000_000 + 15 * MINUTE });
    const autoLock = await AutoLock.restore(deps);
    // An idle creator page reconnecting every minute re-sends its estimate: the deadline stays.
    for (let minute = 1; minute <= 14; minute += 1) {
      state.now = 1_000_000 + minute * MINUTE;
      for (const type of automatic) autoLock.requestHandled(type);
    }
    expect(autoLock.deadline).toBe(1_000_000 + 15 * MINUTE);
    autoLock.requestHandled('consent:decide');
    expect(autoLock.deadline).toBe(state.now + 15 * MINUTE);
  });
});
