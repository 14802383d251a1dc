// @vitest-environment happy-dom
import { render } from 'preact';
import { usePageContainer } from '../ui/testPage';
import { act } from 'preact/test-utils';
import { describe, expect, test } from 'vitest';
import type { ConsentRequestView, TabView, UiRequest } from '../shared/messages';
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
const SITE = 'http://creator.localhost:8080';

const consent = (id: string, overrides: Partial<ConsentRequestView> = {}): ConsentRequestView => ({
  id,
  site: SITE,
  frameOrigin: SITE,
  tabId: 7,
  stream: STREAM,
  creatorVerified: false,
  requestedAt: 0,
  ...overrides,
});

const tab = (tabId: number): TabView => ({ tabId, site: SITE, streamId: '1', playing: true, billing: false, reason: { code: 'consent-needed', message: 'Waiting.' } });

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

  test('the consent prompt is a dialog named by its heading, takes the focus, and shows site, on-chain title, creator, rate per minute and per hour and the budget left', async () => {
    const worker = new FakeWorker();
    await renderPopup(worker);
    const budgets = { perSession: null, perDay: '10000000000000', global: null };
    const spend = { ...uiState().spend, today: { amount: '1500000000000', fees: '500000000000', seconds: 60 } };
    await act(() =>
      worker.push(uiState({ consents: [consent('c1', { creatorVerified: true })], settings: { ...uiState().settings, budgets }, spend })),
    );
    const dialog = byTestId('consent-prompt')!;
    expect(dialog.getAttribute('role')).toBe('dialog');
    expect(container().querySelector(`#${dialog.getAttribute('aria-labelledby')}`)?.textContent).toBe('Pay this stream?');
    expect(document.activeElement).toBe(dialog);
    expect(byTestId('consent-summary')?.textContent).toBe('“Vilokanam Demo Stream” on creator.localhost:8080');
    expect(byTestId('consent-site')?.textContent).toBe('http://creator.localhost:8080');
    expect(byTestId('consent-frame-origin')).toBeNull();
    expect(byTestId('consent-title')?.textContent).toBe('Vilokanam Demo Stream');
    expect(byTestId('consent-verified')?.textContent).toContain('creator named by the page');
    expect(byTestId('consent-creator')?.dataset.address).toBe(BOB);
    expect(byTestId('consent-rate')?.textContent).toBe('0.1 VIL/min');
    expect(byTestId('consent-rate-hour')?.textContent).toBe('6 VIL/h');
    expect(byTestId('consent-budget-left')?.dataset.planck).toBe('8000000000000');
    expect(byTestId('consent-budget-left')?.textContent).toBe('8 VIL');
    expect(byTestId('consent-allow-always')?.textContent).toBe('Always allow this creator on creator.localhost:8080');
    await click(byTestId('consent-allow-always')!);
    expect(worker.requests).toEqual<UiRequest[]>([{ type: 'consent:decide', id: 'c1', decision: 'allow-always' }]);
  });

  test('an embedded player: the prompt names the site the person is on and where the player comes from, with no verified mark', async () => {
    const worker = new FakeWorker();
    await renderPopup(worker);
    await act(() => worker.push(uiState({ consents: [consent('c3', { site: 'https://news.example', frameOrigin: 'http://creator.localhost:8080' })] })));
    expect(byTestId('consent-summary')?.textContent).toBe('news.example embeds the stream “Vilokanam Demo Stream”');
    expect(byTestId('consent-site')?.textContent).toBe('https://news.example');
    expect(byTestId('consent-frame-origin')?.textContent).toBe('http://creator.localhost:8080');
    expect(byTestId('consent-verified')).toBeNull();
    expect(byTestId('consent-budget-left')?.textContent).toBe('No cap set');
  });

  test('the prompt shown is this tab’s request; another tab’s is shown only when this one has none, marked as such', async () => {
    const worker = new FakeWorker();
    await renderPopup(worker);
    await act(() => worker.push(uiState({ consents: [consent('other', { tabId: 3 }), consent('mine', { tabId: 7 })], tabs: [tab(7)] })));
    expect(byTestId('consent-prompt')?.dataset.consentId).toBe('mine');
    expect(byTestId('consent-other-tab')).toBeNull();
    await click(byTestId('consent-decline')!);
    expect(worker.requests).toEqual<UiRequest[]>([{ type: 'consent:decide', id: 'mine', decision: 'decline' }]);
    await act(() => worker.push(uiState({ consents: [consent('other', { tabId: 3 })], tabs: [tab(7)] })));
    expect(byTestId('consent-prompt')?.dataset.consentId).toBe('other');
    expect(byTestId('consent-other-tab')?.textContent).toBe('This request comes from another tab.');
  });

  test('a stream that offers a subscription: the consent prompt buys it at the shown price and allows the stream', async () => {
    const worker = new FakeWorker(() => ({ status: 'included', fee: '1300000', streamId: null, amount: '1000000000000' }));
    await renderPopup(worker);
    const offer = { streamId: '2', price: '1000000000000', periodMs: 30 * 86_400_000, activeUntil: null };
    const club = { ...STREAM, streamId: '2', title: 'Vilokanam Club Stream' };
    await act(() => worker.push(uiState({ consents: [consent('c2', { stream: club })], subscriptions: [offer] })));
    expect(byTestId('consent-subscribe')?.textContent).toBe('Subscribe for 1 VIL / 30 days');
    await click(byTestId('consent-subscribe')!);
    expect(worker.requests).toEqual<UiRequest[]>([{ type: 'subscription:buy', streamId: '2', maxPrice: '1000000000000', consentId: 'c2' }]);
    await act(() => worker.push(uiState({ consents: [consent('c2', { stream: club })], subscriptions: [{ ...offer, activeUntil: Date.UTC(2026, 11, 26) }] })));
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
