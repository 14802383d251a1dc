import { describe, expect, test } from 'vitest';
import { SUBSCRIPTION_MARGIN_MS, ViewerSubscriptions, type SubscriptionFeedChain, type SubscriptionOffer } from './viewerSubscriptions';

const VIEWER = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const DAY = 86_400_000;
const flush = () => new Promise((done) => setTimeout(done, 0));

class FakeSubscriptionChain implements SubscriptionFeedChain {
  readonly subscriptionPeriodMs = 30 * DAY;
  readonly follows: { viewer: string; ids: string[] }[] = [];
  onChange: ((chainNowMs: number, offers: SubscriptionOffer[]) => void) | null = null;
  active = 0;

  async followSubscriptions(viewer: string, ids: string[], onChange: (chainNowMs: number, offers: SubscriptionOffer[]) => void) {
    this.follows.push({ viewer, ids });
    this.onChange = onChange;
    this.active += 1;
    return () => {
      this.active -= 1;
    };
  }
}

function setup() {
  const chain = new FakeSubscriptionChain();
  let changes = 0;
  const subscriptions = new ViewerSubscriptions({
    chain: () => chain,
    account: () => VIEWER,
    now: () => 5_000,
    onChange: () => (changes += 1),
  });
  return { chain, subscriptions, changes: () => changes };
}

describe('ViewerSubscriptions (fake chain)', () => {
  test('one subscription for the set of streams; the same set again changes nothing', async () => {
    const { chain, subscriptions } = setup();
    subscriptions.follow(['2', '1', '2']);
    subscriptions.follow(['1', '2']);
    await flush();
    expect(chain.follows).toEqual([{ viewer: VIEWER, ids: ['1', '2'] }]);
    subscriptions.follow(['1']);
    await flush();
    expect(chain.follows).toHaveLength(2);
    expect(chain.active).toBe(1);
  });

  test('offers and the viewer’s subscription end, with the end shown on the wall clock', async () => {
    const { chain, subscriptions, changes } = setup();
    subscriptions.follow(['1', '2']);
    await flush();
    const chainNow = 1_000_000;
    chain.onChange!(chainNow, [
      { streamId: '1', price: null, endsAt: null, active: true },
      { streamId: '2', price: 1_000_000_000_000n, endsAt: chainNow + DAY, active: true },
    ]);
    expect(changes()).toBe(1);
    expect(subscriptions.views()).toEqual([
      { streamId: '1', price: null, periodMs: 30 * DAY, activeUntil: null },
      { streamId: '2', price: '1000000000000', periodMs: 30 * DAY, activeUntil: 5_000 + DAY },
    ]);
    expect(subscriptions.isSubscribed('2')).toBe(true);
    expect(subscriptions.isSubscribed('1')).toBe(false);
  });

  test('an ended subscription, or one about to end, no longer counts', async () => {
    const { chain, subscriptions } = setup();
    subscriptions.follow(['2']);
    await flush();
    chain.onChange!(10 * DAY, [{ streamId: '2', price: 5n, endsAt: 10 * DAY - 1, active: true }]);
    expect(subscriptions.isSubscribed('2')).toBe(false);
    expect(subscriptions.views()[0].activeUntil).toBeNull();
    chain.onChange!(10 * DAY, [{ streamId: '2', price: 5n, endsAt: 10 * DAY + SUBSCRIPTION_MARGIN_MS - 1, active: true }]);
    expect(subscriptions.isSubscribed('2')).toBe(false);
    chain.onChange!(10 * DAY, [{ streamId: '2', price: 5n, endsAt: 10 * DAY + SUBSCRIPTION_MARGIN_MS, active: true }]);
    expect(subscriptions.isSubscribed('2')).toBe(true);
  });

  test('a stream its creator stopped, or removed, is known stopped at once; one not heard of is not', async () => {
    const { chain, subscriptions } = setup();
    subscriptions.follow(['1', '2', '3']);
    await flush();
    expect(subscriptions.isStreamStopped('1')).toBe(false);
    chain.onChange!(DAY, [
      { streamId: '1', price: null, endsAt: null, active: true },
      { streamId: '2', price: null, endsAt: null, active: false },
    ]);
    expect([subscriptions.isStreamStopped('1'), subscriptions.isStreamStopped('2'), subscriptions.isStreamStopped('3')]).toEqual([false, true, false]);
  });

  test('restart (after a reconnect) follows the same streams again', async () => {
    const { chain, subscriptions } = setup();
    subscriptions.follow(['3']);
    await flush();
    subscriptions.restart();
    await flush();
    expect(chain.follows.map((follow) => follow.ids)).toEqual([['3'], ['3']]);
    expect(chain.active).toBe(1);
  });
});
