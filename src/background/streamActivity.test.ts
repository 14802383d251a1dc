import { describe, expect, test } from 'vitest';
import { StreamActivity, WATCHING_WINDOW_MS } from './streamActivity';

describe('stream activity from block events', () => {
  test('a block seen twice (a new subscription, a restart) adds its payouts once', () => {
    const activity = new StreamActivity();
    const block = { block: 7, events: [{ kind: 'withdrawn' as const, streamId: '1', amount: '5' }] };
    expect(activity.record(block, 100)).toBe(true);
    expect(activity.record(block, 200)).toBe(false);
    const restarted = new StreamActivity(structuredClone(activity.payoutsByStream));
    expect(restarted.record(block, 300)).toBe(false);
    expect(restarted.withdrawn('1')).toBe(5n);
    expect(restarted.payouts('1')).toEqual([{ at: 100, amount: '5', block: 7, index: 0 }]);
  });

  test('each viewer counts once while their seconds keep landing', () => {
    const activity = new StreamActivity();
    activity.record({ block: 1, events: [{ kind: 'tick', streamId: '1', viewer: 'A' }, { kind: 'tick', streamId: '1', viewer: 'A' }, { kind: 'tick', streamId: '2', viewer: 'B' }] }, 0);
    expect([activity.watchingNow('1', 0), activity.watchingNow('2', 0), activity.watchingNow('3', 0)]).toEqual([1, 1, 0]);
    expect(activity.nextChangeAt(0)).toBe(WATCHING_WINDOW_MS);
    expect(activity.watchingNow('1', WATCHING_WINDOW_MS)).toBe(0);
    expect(activity.nextChangeAt(WATCHING_WINDOW_MS)).toBeNull();
  });
});
