// @vitest-environment happy-dom
import { render } from 'preact';
import { usePageContainer } from '../ui/testPage';
import { act } from 'preact/test-utils';
import { describe, expect, test } from 'vitest';
import type { UiRequest } from '../shared/messages';
import { BOB, FakeWorker, uiState } from '../ui/testState';
import { WorkerContext } from '../ui/useWorker';
import { Popup } from './Popup';

const container = usePageContainer();
const byTestId = (id: string) => container().querySelector<HTMLElement>(`[data-testid="${id}"]`);

async function renderPopup(worker: FakeWorker): Promise<void> {
  await act(() => {
    render(
      <WorkerContext.Provider value={worker}>
        <Popup target={{ tabId: 7 }} />
      </WorkerContext.Provider>,
      container(),
    );
  });
}

async function type(input: HTMLElement, value: string): Promise<void> {
  await act(() => {
    (input as HTMLInputElement).value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function click(element: HTMLElement): Promise<void> {
  await act(async () => {
    element.click();
    await Promise.resolve();
  });
}

const STREAM = { streamId: '1', title: 'Vilokanam Demo Stream', creator: BOB, ratePerMinute: '100000000000', active: true };

describe('Popup (fake worker)', () => {

  test('says it is connecting until the first state arrives', async () => {
    await renderPopup(new FakeWorker());
    expect(byTestId('popup-loading')?.textContent).toBe('Connecting to the extension…');
  });

  test('locked: unlocking sends the password and shows a wrong-password sentence', async () => {
    const worker = new FakeWorker(() => {
      throw new Error('Wrong password.');
    });
    await renderPopup(worker);
    await act(() => worker.push(uiState({ account: { status: 'locked', address: null, name: null, pendingCreate: false, autoLockAt: null } })));
    expect(byTestId('popup')?.dataset.account).toBe('locked');
    await type(byTestId('unlock-password')!, 'not my password');
    await click(byTestId('unlock-submit')!);
    expect(worker.requests).toEqual([{ type: 'keys:unlock', password: 'not my password' }]);
    expect(byTestId('unlock-error')?.textContent).toBe('Wrong password.');
  });

  test('first run offers create and import', async () => {
    const worker = new FakeWorker();
    await renderPopup(worker);
    await act(() => worker.push(uiState({ account: { status: 'no-account', address: null, name: null, pendingCreate: false, autoLockAt: null } })));
    expect(byTestId('first-run-create')).not.toBeNull();
    expect(byTestId('first-run-import')).not.toBeNull();
    expect(byTestId('unlock-form')).toBeNull();
  });

  test('the consent prompt shows site, title, creator and rate in the chain’s token, and sends the answer', async () => {
    const worker = new FakeWorker();
    await renderPopup(worker);
    await act(() =>
      worker.push(uiState({ consent: { id: 'c1', site: 'http://creator.localhost:8080', tabId: 7, stream: STREAM, requestedAt: 0 } })),
    );
    expect(byTestId('consent-site')?.textContent).toBe('http://creator.localhost:8080');
    expect(byTestId('consent-title')?.textContent).toBe('Vilokanam Demo Stream');
    expect(byTestId('consent-creator')?.dataset.address).toBe(BOB);
    expect(byTestId('consent-rate')?.textContent).toBe('0.1 VIL/min');
    await click(byTestId('consent-allow-site')!);
    expect(worker.requests).toEqual<UiRequest[]>([{ type: 'consent:decide', id: 'c1', decision: 'allow-site' }]);
  });

  test('a stream that offers a subscription: the consent prompt buys it at the shown price and allows the stream', async () => {
    const worker = new FakeWorker(() => ({ status: 'included', fee: '1300000', streamId: null, amount: '1000000000000' }));
    await renderPopup(worker);
    const offer = { streamId: '2', price: '1000000000000', periodMs: 30 * 86_400_000, activeUntil: null };
    const club = { ...STREAM, streamId: '2', title: 'Vilokanam Club Stream' };
    await act(() => worker.push(uiState({ consent: { id: 'c2', site: 'http://creator.localhost:8080', tabId: 7, stream: club, requestedAt: 0 }, subscriptions: [offer] })));
    expect(byTestId('consent-subscribe')?.textContent).toBe('Subscribe for 1 VIL / 30 days');
    await click(byTestId('consent-subscribe')!);
    expect(worker.requests).toEqual<UiRequest[]>([{ type: 'subscription:buy', streamId: '2', maxPrice: '1000000000000', consentId: 'c2' }]);
    await act(() => worker.push(uiState({ consent: { id: 'c2', site: 'http://creator.localhost:8080', tabId: 7, stream: club, requestedAt: 0 }, subscriptions: [{ ...offer, activeUntil: Date.UTC(2026, 11, 26) }] })));
    expect(byTestId('consent-subscribe')).toBeNull();
    expect(byTestId('consent-subscribed')?.textContent).toContain('not charged');
  });

  test('a subscription refused on chain is shown as a sentence with the fee it cost (fake worker)', async () => {
    const worker = new FakeWorker(() => ({ status: 'failed', fee: '1300000', error: 'PaymentHandler.PriceAboveLimit' }));
    await renderPopup(worker);
    const session = {
      stream: { ...STREAM, streamId: '2' },
      site: 'http://creator.localhost:8080',
      agreedRatePerMinute: STREAM.ratePerMinute,
      status: 'metering' as const,
      stopReason: null,
      startedAt: 0,
      seconds: 5,
      confirmedSeconds: 5,
      pendingSeconds: 0,
      spent: '8333333333',
      fees: '6000000',
      tabIds: [7],
    };
    await act(() => worker.push(uiState({ sessions: [session], subscriptions: [{ streamId: '2', price: '1000000000000', periodMs: 86_400_000, activeUntil: null }] })));
    await click(byTestId('session-subscribe')!);
    await act(async () => {
      await Promise.resolve();
    });
    expect(byTestId('session-subscribe-error')?.textContent).toBe(
      'The creator raised the subscription price above the price you agreed to. The network fee of 0.0000013 VIL was still charged.',
    );
  });

  test('this tab’s session: seconds, spend and fees apart; the reason it is not billed', async () => {
    const worker = new FakeWorker();
    await renderPopup(worker);
    await act(() =>
      worker.push(
        uiState({
          sessions: [
            {
              stream: STREAM,
              site: 'http://creator.localhost:8080',
              agreedRatePerMinute: STREAM.ratePerMinute,
              status: 'stopped',
              stopReason: { code: 'insufficient-funds', message: 'Your balance cannot pay the next second.' },
              startedAt: 0,
              seconds: 65,
              confirmedSeconds: 63,
              pendingSeconds: 2,
              spent: '105000000000',
              fees: '3000000000',
              tabIds: [7],
            },
          ],
          tabs: [
            {
              tabId: 7,
              site: 'http://creator.localhost:8080',
              streamId: '1',
              playing: true,
              billing: false,
              reason: { code: 'insufficient-funds', message: 'Your balance cannot pay the next second.' },
            },
          ],
        }),
      ),
    );
    expect(byTestId('session')?.dataset.elsewhere).toBe('false');
    expect(byTestId('session-seconds')?.dataset.seconds).toBe('65');
    expect(byTestId('session-seconds')?.textContent).toContain('1:05');
    expect(byTestId('session-spend')?.textContent).toBe('0.105 VIL');
    expect(byTestId('session-fees')?.textContent).toBe('0.003 VIL');
    expect(byTestId('not-billing-reason')?.dataset.reasonCode).toBe('insufficient-funds');
    expect(byTestId('not-billing-reason')?.textContent).toContain('Insufficient funds.');
    expect(byTestId('site-current')?.textContent).toBe('http://creator.localhost:8080');
    await click(byTestId('session-retry')!);
    expect(worker.requests).toEqual([{ type: 'metering:retry', streamId: '1' }]);
  });

  test('pause becomes resume once the worker reports metering paused', async () => {
    const worker = new FakeWorker();
    await renderPopup(worker);
    await act(() => worker.push(uiState()));
    await click(byTestId('metering-toggle')!);
    expect(worker.requests).toEqual([{ type: 'metering:pause' }]);
    await act(() => worker.push(uiState({ paused: true })));
    expect(byTestId('metering-toggle')?.dataset.paused).toBe('true');
    expect(byTestId('metering-toggle')?.textContent).toBe('Resume metering');
  });

  test('amounts wait for the chain’s token instead of assuming one', async () => {
    const worker = new FakeWorker();
    await renderPopup(worker);
    const state = uiState();
    await act(() => worker.push({ ...state, network: { ...state.network, tokenSymbol: null, tokenDecimals: null } }));
    expect(byTestId('balance')?.textContent).toBe('999,999,000,000,000,000 planck');
  });
});
