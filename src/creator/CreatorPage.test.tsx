// @vitest-environment happy-dom
import { render } from 'preact';
import { usePageContainer } from '../ui/testPage';
import { act } from 'preact/test-utils';
import { describe, expect, test } from 'vitest';
import type { CreatorState, CreatorStreamView, UiRequest } from '../shared/messages';
import { ALICE, FakeWorker, uiState } from '../ui/testState';
import { WorkerContext } from '../ui/useWorker';
import { CreatorFeedContext, type CreatorFeed } from './creatorFeed';
import { CreatorPage } from './CreatorPage';
import { FEE_ESTIMATE_DELAY_MS } from './useFeeEstimate';

const container = usePageContainer();
const byTestId = (id: string, root: ParentNode = container()) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
const streamCard = (id: string) => container().querySelector<HTMLElement>(`[data-testid="creator-stream"][data-stream-id="${id}"]`)!;

class FakeFeed implements CreatorFeed {
  private listener: ((state: CreatorState) => void) | null = null;
  subscribe(onState: (state: CreatorState) => void) {
    this.listener = onState;
    return () => (this.listener = null);
  }
  push(state: CreatorState) {
    this.listener?.(state);
  }
}

async function type(input: HTMLElement, value: string) {
  await act(() => {
    (input as HTMLInputElement).value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function settle(ms = 0) {
  await act(async () => {
    await new Promise((done) => setTimeout(done, ms));
  });
}

async function click(element: HTMLElement) {
  await act(async () => {
    element.click();
    await Promise.resolve();
  });
  await settle();
}

async function renderPage(worker: FakeWorker, feed = new FakeFeed()) {
  await act(() => {
    render(
      <WorkerContext.Provider value={worker}>
        <CreatorFeedContext.Provider value={feed}>
          <CreatorPage />
        </CreatorFeedContext.Provider>
      </WorkerContext.Provider>,
      container(),
    );
  });
  await act(() => worker.push(uiState()));
  return feed;
}

const club: CreatorStreamView = {
  streamId: '3',
  title: 'Club',
  description: 'Late night',
  category: 'music',
  pricing: { baseRatePerMinute: '100000000000', premiumRatePerMinute: null, subscriptionPrice: '1000000000000' },
  active: true,
  viewerCount: 2,
  watchingNow: 1,
  secondsWatched: 125,
  secondsInEscrow: 120,
  earnings: '200000000000',
  owed: '8333333333',
  lifetimeEarned: '308333333333',
  payouts: [{ at: Date.UTC(2026, 10, 20, 12), amount: '100000000000', block: 40, index: 0 }],
  history: [
    { at: Date.now() - 60_000, earnings: '0' },
    { at: Date.now() - 30_000, earnings: '100000000000' },
  ],
};

const ready = (streams: CreatorStreamView[]): CreatorState => ({ account: ALICE, status: 'ready', error: null, streams, subscriptionPeriodMs: 30 * 86_400_000 });

describe('Creator page (fake worker)', () => {

  test('registers a stream: amounts in planck, the fee shown before signing, then the new stream’s tag', async () => {
    const worker = new FakeWorker((request) => {
      if (request.type === 'creator:estimate-fee') return { fee: '1124903' };
      if (request.type === 'creator:submit') return { status: 'included', fee: '1124903', streamId: '3', amount: null };
      return null;
    });
    const feed = await renderPage(worker);
    expect(byTestId('register-form')).toBeNull();
    await act(() => feed.push(ready([])));
    expect(byTestId('my-streams-empty')).not.toBeNull();
    await type(byTestId('register-title')!, 'Club');
    await type(byTestId('register-category')!, 'music');
    await type(byTestId('register-rate')!, '0.1');
    await click(byTestId('register-subscription-check')!);
    await type(byTestId('register-subscription-price')!, '1');
    await settle(FEE_ESTIMATE_DELAY_MS + 50);
    expect(byTestId('register-fee')?.dataset.planck).toBe('1124903');
    expect(byTestId('register-fee')?.textContent).toBe('Estimated network fee: 0.0000011 VIL');

    await click(byTestId('register-submit')!);
    const details = {
      title: 'Club',
      description: '',
      category: 'music',
      pricing: { baseRatePerMinute: '100000000000', premiumRatePerMinute: null, subscriptionPrice: '1000000000000' },
    };
    expect(worker.requests.filter((request) => request.type === 'creator:submit')).toEqual<UiRequest[]>([
      { type: 'creator:submit', call: { call: 'register', details } },
    ]);
    expect(worker.requests.filter((request) => request.type === 'creator:estimate-fee').at(-1)).toEqual({ type: 'creator:estimate-fee', call: { call: 'register', details } });
    expect(byTestId('register-result')?.dataset.streamId).toBe('3');
    expect(byTestId('register-outcome')?.textContent).toContain('“Club” is registered as stream 3.');
    const snippet = (byTestId('tag-snippet-text') as HTMLTextAreaElement).value;
    expect(snippet).toContain('<meta name="vilokanam:stream" content="3">');
    expect(snippet).toContain(`<meta name="vilokanam:network" content="0x${'45'.repeat(32)}">`);
    expect(snippet).toContain(`<meta name="vilokanam:creator" content="${ALICE}">`);
    expect((byTestId('register-title') as HTMLInputElement).value).toBe('');
    // The new stream arrives in the feed: listed first, and the result with its tag stays in view.
    await act(() => feed.push(ready([club])));
    expect(container().querySelector('[data-testid="my-streams"] + *')?.querySelector('[data-testid="register-result"]')).not.toBeNull();
    expect(byTestId('register-result')?.dataset.streamId).toBe('3');
  });

  test('with streams: “My streams” first, registration behind a button', async () => {
    const feed = await renderPage(new FakeWorker());
    await act(() => feed.push(ready([club])));
    const sections = [...container().querySelectorAll<HTMLElement>('[data-testid="my-streams"], [data-testid="register-open"], [data-testid="register-section"]')];
    expect(sections.map((element) => element.dataset.testid)).toEqual(['my-streams', 'register-open']);
    await click(byTestId('register-open')!);
    expect(byTestId('register-form')).not.toBeNull();
    expect(byTestId('register-open')).toBeNull();
  });

  test('invalid input gets a sentence per field and nothing is estimated or signed', async () => {
    const worker = new FakeWorker();
    const feed = await renderPage(worker);
    await act(() => feed.push(ready([])));
    await type(byTestId('register-title')!, 'é'.repeat(65));
    await type(byTestId('register-rate')!, '0');
    await click(byTestId('register-submit')!);
    await settle(FEE_ESTIMATE_DELAY_MS + 50);
    expect(byTestId('register-title-error')?.textContent).toBe('Title: at most 128 bytes (accented letters and emoji take more than one).');
    expect(byTestId('register-title-bytes')?.dataset.bytes).toBe('130');
    expect(byTestId('register-rate-error')?.textContent).toBe('Rate per minute: must be above 0.');
    expect(worker.requests).toEqual([]);
  });

  test('my streams: live numbers from the feed, a chart, withdraw all, and a dispatch error as a sentence', async () => {
    const worker = new FakeWorker((request) => {
      if (request.type === 'creator:estimate-fee') return { fee: '900000' };
      if (request.type === 'creator:submit') return { status: 'failed', fee: '900000', error: 'PaymentHandler.InsufficientEarnings' };
      return null;
    });
    const feed = await renderPage(worker);
    expect(byTestId('my-streams-loading')).not.toBeNull();
    await act(() => feed.push(ready([club])));
    const card = streamCard('3');
    expect(byTestId('stream-viewers', card)?.dataset.count).toBe('1');
    expect(byTestId('stream-joined', card)?.textContent).toBe('2 joined');
    expect(byTestId('stream-ticks', card)?.textContent).toBe('2m 5s');
    expect(byTestId('stream-seconds-in-escrow', card)?.textContent).toBe('2m of it paid into escrow');
    expect(byTestId('stream-earnings', card)?.dataset.planck).toBe('200000000000');
    expect(byTestId('stream-owed', card)?.dataset.planck).toBe('8333333333');
    expect(byTestId('stream-lifetime', card)?.dataset.planck).toBe('308333333333');
    expect(byTestId('payout-history', card)?.dataset.count).toBe('1');
    expect(byTestId('payout-amount', card)?.textContent).toBe('0.1 VIL');
    expect(byTestId('stream-subscription', card)?.textContent).toBe('1 VIL');
    const chart = byTestId('earnings-chart', card)!;
    expect(chart.dataset.points).toBe('3');
    expect(chart.dataset.maxPlanck).toBe('308333333333');
    expect(byTestId('earnings-chart-max', card)?.textContent).toBe('0.3083 VIL');
    expect(byTestId('earnings-chart-from', card)?.textContent).toMatch(/^\d{1,2}:\d{2}/);
    expect(Number(chart.dataset.to) - Number(chart.dataset.from)).toBeGreaterThanOrEqual(60_000);

    await click(byTestId('withdraw-submit', card)!);
    expect(worker.requests.filter((request) => request.type === 'creator:submit')).toEqual([{ type: 'creator:submit', call: { call: 'withdraw', streamId: '3', amount: null } }]);
    expect(byTestId('withdraw-result', card)?.dataset.error).toBe('PaymentHandler.InsufficientEarnings');
    expect(byTestId('withdraw-result', card)?.textContent).toBe('The stream has not earned that much yet. The network fee of 0.0000009 VIL was still charged.');

    await act(() => feed.push(ready([{ ...club, earnings: '0', active: false }])));
    expect(byTestId('withdraw-submit', streamCard('3'))?.hasAttribute('disabled')).toBe(true);
    expect(byTestId('stream-toggle', streamCard('3'))?.textContent).toBe('Start stream');
  });

  test('an amount to withdraw is typed in the token and sent in planck; a malformed one is refused here', async () => {
    const worker = new FakeWorker((request) =>
      request.type === 'creator:submit' ? { status: 'included', fee: '900000', streamId: null, amount: '50000000000' } : { fee: '900000' },
    );
    const feed = await renderPage(worker);
    await act(() => feed.push(ready([club])));
    await type(byTestId('withdraw-amount', streamCard('3'))!, '0.05');
    await click(byTestId('withdraw-submit', streamCard('3'))!);
    expect(worker.requests.filter((request) => request.type === 'creator:submit')).toEqual([{ type: 'creator:submit', call: { call: 'withdraw', streamId: '3', amount: '50000000000' } }]);
    expect(byTestId('withdraw-result', streamCard('3'))?.textContent).toContain('Withdrew 0.05 VIL to your account.');
    await type(byTestId('withdraw-amount', streamCard('3'))!, '1,5');
    expect(byTestId('withdraw-error', streamCard('3'))?.textContent).toBe('Amount to withdraw: type an amount like 1.5 (digits and one decimal mark).');
    expect(byTestId('withdraw-submit', streamCard('3'))?.hasAttribute('disabled')).toBe(true);
  });

  test('start / stop and new pricing go to the worker as calls on that stream', async () => {
    const worker = new FakeWorker((request) =>
      request.type === 'creator:submit' ? { status: 'included', fee: '900000', streamId: null, amount: null } : { fee: '900000' },
    );
    const feed = await renderPage(worker);
    await act(() => feed.push(ready([club])));
    await click(byTestId('stream-toggle', streamCard('3'))!);
    expect(byTestId('stream-toggle-result', streamCard('3'))?.textContent).toContain('The stream is stopped.');
    await click(byTestId('pricing-subscription-check', streamCard('3'))!);
    await type(byTestId('pricing-premium', streamCard('3'))!, '0.25');
    await click(byTestId('pricing-save', streamCard('3'))!);
    expect(worker.requests.filter((request) => request.type === 'creator:submit').map((request) => (request as { call: unknown }).call)).toEqual([
      { call: 'set-status', streamId: '3', active: false },
      { call: 'set-pricing', streamId: '3', pricing: { baseRatePerMinute: '100000000000', premiumRatePerMinute: '250000000000', subscriptionPrice: null } },
    ]);
  });

  test('locked: the unlock form; without a chain: says so instead of forms', async () => {
    const worker = new FakeWorker();
    await renderPage(worker);
    await act(() => worker.push(uiState({ account: { status: 'locked', address: ALICE, name: null, pendingCreate: false, autoLockAt: null } })));
    expect(byTestId('unlock-form')).not.toBeNull();
    expect(byTestId('register-form')).toBeNull();
    const state = uiState();
    await act(() => worker.push({ ...state, network: { ...state.network, status: 'reconnecting', error: 'Cannot reach ws://127.0.0.1:9944.' } }));
    expect(byTestId('creator-network-needed')?.textContent).toBe('Cannot reach ws://127.0.0.1:9944.');
    expect(byTestId('register-form')).toBeNull();
  });
});
