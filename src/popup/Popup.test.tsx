// @vitest-environment happy-dom
import { render } from 'preact';
import { installFakeChromeI18n } from '../ui/testI18n';
import { usePageContainer } from '../ui/testPage';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { ConsentRequestView, TabView, UiRequest } from '../shared/messages';
import { ALICE, BOB, FakeWorker, meteringSession, uiState } from '../ui/testState';
import { WorkerContext } from '../ui/useWorker';
import { CONSENT_ARM_MS } from './ConsentPrompt';
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

/** Consent tests run on fake timers: the prompt's buttons wait CONSENT_ARM_MS after a request is shown. */
function fakeTimers(): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
}

async function waitMs(ms: number): Promise<void> {
  await act(() => {
    vi.advanceTimersByTime(ms);
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

const tab = (tabId: number): TabView => ({ tabId, site: SITE, streamId: '1', playing: true, billing: false, reason: { code: 'consent-needed' } });

/** A session metering `streamId` for 10 s at 0.1 VIL/min, 0.000001 VIL fees a second. */
const metering = (streamId: string) => meteringSession({ stream: { ...STREAM, streamId } });
const playingTab = (streamId: string): TabView => ({ tabId: 7, site: 'http://creator.localhost:8080', streamId, playing: true, billing: true, reason: null });

describe('Popup (fake worker)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

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
    fakeTimers();
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
    await waitMs(CONSENT_ARM_MS);
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
    fakeTimers();
    const worker = new FakeWorker();
    await renderPopup(worker);
    await act(() => worker.push(uiState({ consents: [consent('other', { tabId: 3 }), consent('mine', { tabId: 7 })], tabs: [tab(7)] })));
    expect(byTestId('consent-prompt')?.dataset.consentId).toBe('mine');
    expect(byTestId('consent-other-tab')).toBeNull();
    await waitMs(CONSENT_ARM_MS);
    await click(byTestId('consent-decline')!);
    expect(worker.requests).toEqual<UiRequest[]>([{ type: 'consent:decide', id: 'mine', decision: 'decline' }]);
    await act(() => worker.push(uiState({ consents: [consent('other', { tabId: 3 })], tabs: [tab(7)] })));
    expect(byTestId('consent-prompt')?.dataset.consentId).toBe('other');
    expect(byTestId('consent-other-tab')?.textContent).toBe('This request comes from another tab.');
  });

  test(`a request swapped under the person's click: the buttons wait ${CONSENT_ARM_MS} ms after each new request, and nothing of the last one carries over`, async () => {
    fakeTimers();
    const worker = new FakeWorker((request) => {
      if (request.type === 'consent:decide' && request.id === 'first') throw new Error('This request is no longer open.');
      return null;
    });
    await renderPopup(worker);
    const buttons = () => ['consent-allow-once', 'consent-allow-always', 'consent-decline'].map((id) => byTestId(id) as HTMLButtonElement);
    await act(() => worker.push(uiState({ consents: [consent('first')], tabs: [tab(7)] })));
    expect(buttons().map((button) => button.disabled)).toEqual([true, true, true]);
    expect(byTestId('consent-prompt')?.dataset.armed).toBe('false');
    await click(byTestId('consent-allow-once')!);
    expect(worker.requests, 'a click before the wait is over does nothing').toEqual([]);
    await waitMs(CONSENT_ARM_MS - 1);
    expect(buttons()[0].disabled).toBe(true);
    await waitMs(1);
    expect(buttons().map((button) => button.disabled)).toEqual([false, false, false]);
    await click(byTestId('consent-allow-once')!);
    expect(byTestId('consent-error')?.textContent).toBe('This request is no longer open.');

    // The page replaces its request (another stream, a higher rate) just as the person clicks again.
    await act(() => worker.push(uiState({ consents: [consent('second', { stream: { ...STREAM, streamId: '9', ratePerMinute: '900000000000' } })], tabs: [tab(7)] })));
    expect(byTestId('consent-prompt')?.dataset.consentId).toBe('second');
    expect(byTestId('consent-error'), 'the last request’s error is gone').toBeNull();
    expect(buttons().map((button) => button.disabled)).toEqual([true, true, true]);
    await click(byTestId('consent-allow-once')!);
    expect(worker.requests).toEqual<UiRequest[]>([{ type: 'consent:decide', id: 'first', decision: 'allow-once' }]);
    await waitMs(CONSENT_ARM_MS);
    await click(byTestId('consent-allow-once')!);
    expect(worker.requests.at(-1)).toEqual<UiRequest>({ type: 'consent:decide', id: 'second', decision: 'allow-once' });
  });

  test('a stream that offers a subscription: the consent prompt buys it at the shown price and allows the stream', async () => {
    fakeTimers();
    const worker = new FakeWorker(() => ({ status: 'included', fee: '1300000', streamId: null, amount: '1000000000000' }));
    await renderPopup(worker);
    const offer = { streamId: '2', price: '1000000000000', periodMs: 30 * 86_400_000, activeUntil: null };
    const club = { ...STREAM, streamId: '2', title: 'Vilokanam Club Stream' };
    await act(() => worker.push(uiState({ consents: [consent('c2', { stream: club })], subscriptions: [offer] })));
    expect(byTestId('consent-subscribe')?.textContent).toBe('Subscribe for 1 VIL / 30 days');
    await waitMs(CONSENT_ARM_MS);
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
      onHold: '0',
      spent: '8333333333',
      fees: '6000000',
      tabIds: [7],
    };
    const tab = { tabId: 7, site: session.site, streamId: '2', playing: true, billing: true, reason: null };
    await act(() => worker.push(uiState({ sessions: [session], tabs: [tab], subscriptions: [{ streamId: '2', price: '1000000000000', periodMs: 86_400_000, activeUntil: null }] })));
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
              stopReason: { code: 'insufficient-funds' },
              startedAt: 0,
              seconds: 65,
              confirmedSeconds: 63,
              pendingSeconds: 2,
              onHold: '0',
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
              reason: { code: 'insufficient-funds' },
            },
          ],
        }),
      ),
    );
    expect(byTestId('session-seconds')?.dataset.seconds).toBe('65');
    expect(byTestId('session-seconds')?.textContent).toBe('1m 5s');
    expect(byTestId('session-settled')?.dataset.seconds).toBe('63');
    expect(byTestId('session-unsettled')?.dataset.seconds).toBe('2');
    expect(byTestId('session-on-hold'), 'nothing on hold once the session left the stream').toBeNull();
    expect(byTestId('session-spend')?.textContent).toBe('0.105 VIL');
    expect(byTestId('session-fees')?.textContent).toBe('0.003 VIL');
    // Said once, where it can be fixed: the stopped session, not again as this tab's reason.
    expect(byTestId('not-billing-reason')).toBeNull();
    expect(byTestId('session-stop-reason')?.dataset.reasonCode).toBe('insufficient-funds');
    expect(byTestId('session-stop-reason')?.textContent).toBe(
      'Insufficient funds. Your balance cannot pay for the next second, so metering stopped. Add funds, then resume.Receive fundsResume',
    );
    expect(container().textContent).not.toContain('PaymentHandler');
    expect(byTestId('site-current')?.textContent).toBe('http://creator.localhost:8080');
    await click(byTestId('session-retry')!);
    expect(worker.requests).toEqual([{ type: 'metering:retry', streamId: '1' }]);
    await click(container().querySelector<HTMLElement>('[data-testid="reason-action"][data-action="receive"]')!);
    expect(byTestId('popup')?.dataset.view).toBe('receive');
  });

  test('settled and not yet settled seconds apart, the chain’s interval, and what is on hold while watching', async () => {
    const worker = new FakeWorker();
    await renderPopup(worker);
    const state = uiState({ sessions: [{ ...metering('1'), seconds: 47, confirmedSeconds: 40, pendingSeconds: 7 }], tabs: [playingTab('1')] });
    await act(() => worker.push({ ...state, network: { ...state.network, settlementInterval: 10 } }));
    expect(byTestId('session-settled')?.textContent).toBe('40s');
    expect(byTestId('session-unsettled')?.dataset.seconds).toBe('7');
    expect(byTestId('session-unsettled')?.dataset.interval).toBe('10');
    expect(byTestId('session-unsettled')?.textContent).toBe('7s · sent every 10s');
    expect(byTestId('session-on-hold')?.dataset.planck).toBe('1010000000000');
    expect(byTestId('session-on-hold')?.textContent).toBe('1.01 VIL');
  });

  test('a viewer who cannot hold the session is told how much is needed and what they have', async () => {
    const worker = new FakeWorker();
    await renderPopup(worker);
    const stop = { code: 'hold-unaffordable' as const, funds: { needed: '1021000000000', available: '500000000000' } };
    const stopped = { ...metering('1'), status: 'stopped' as const, stopReason: stop, confirmedSeconds: 0, pendingSeconds: 3, seconds: 3, onHold: '0' };
    await act(() => worker.push(uiState({ sessions: [stopped], tabs: [{ ...playingTab('1'), billing: false, reason: stop }] })));
    const reason = byTestId('session-stop-reason')!;
    expect(reason.dataset.reasonCode).toBe('hold-unaffordable');
    expect(reason.dataset.needed).toBe('1021000000000');
    expect(reason.textContent).toContain('1.021 VIL');
    expect(reason.textContent).toContain('0.5 VIL');
    expect(container().querySelector('[data-testid="reason-action"][data-action="receive"]')).not.toBeNull();
  });

  test('a declined stream: "Ask again" forgets the decline on this tab’s site only', async () => {
    const worker = new FakeWorker();
    await renderPopup(worker);
    const declined: TabView = { ...tab(7), reason: { code: 'consent-declined' } };
    await act(() => worker.push(uiState({ tabs: [declined] })));
    expect(byTestId('not-billing-reason')?.dataset.reasonCode).toBe('consent-declined');
    await click(container().querySelector<HTMLElement>('[data-testid="reason-action"][data-action="ask-again"]')!);
    expect(worker.requests).toEqual<UiRequest[]>([{ type: 'consent:forget', site: SITE, streamId: '1' }]);
  });

  test('screen readers: reasons announce their sentence, not their buttons; addresses, the verified mark and network errors are read in full', async () => {
    const worker = new FakeWorker();
    await renderPopup(worker);
    const network = { ...uiState().network, status: 'error' as const, error: 'Cannot reach ws://127.0.0.1:9944' };
    const declined: TabView = { ...tab(7), reason: { code: 'consent-declined' } };
    await act(() => worker.push(uiState({ network, tabs: [declined], consents: [consent('c1', { tabId: 3, creatorVerified: true })] })));
    const status = byTestId('not-billing-reason')?.querySelector('[role="status"]');
    expect(status?.textContent).toContain('Declined');
    expect(status?.querySelector('button')).toBeNull();
    expect(byTestId('not-billing-reason')?.querySelector('button')).not.toBeNull();
    const creator = byTestId('consent-creator')!;
    expect(creator.querySelector('.visually-hidden')?.textContent).toBe(BOB);
    expect(creator.querySelector('[aria-hidden="true"]')?.textContent).not.toBe(BOB);
    expect(byTestId('consent-verified')?.querySelector('.visually-hidden')?.textContent).toContain('vilokanam:creator tag names the same creator');
    expect(byTestId('network-status')?.textContent).toContain('Cannot reach ws://127.0.0.1:9944');
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

  test('this tab’s session first and large; other tabs’ sessions below, one small line each', async () => {
    const worker = new FakeWorker();
    await renderPopup(worker);
    const other = { ...metering('2'), site: 'https://elsewhere.example', tabIds: [9] };
    await act(() => worker.push(uiState({ sessions: [other, metering('1')], tabs: [playingTab('1')] })));
    expect(byTestId('session')?.dataset.streamId).toBe('1');
    expect(container().querySelectorAll('[data-testid="session"]')).toHaveLength(1);
    const line = byTestId('other-session');
    expect(line?.dataset.streamId).toBe('2');
    expect(line?.textContent).toBe('Vilokanam Demo Stream · https://elsewhere.examplePaying per second · 10s · 0.0166 VIL');
  });

  test('a tab playing another tab’s stream is not mistaken for it; a page without a valid stream gets no site buttons', async () => {
    const worker = new FakeWorker();
    await renderPopup(worker);
    const malformed = { tabId: 7, site: 'https://bad.example', streamId: null, playing: true, billing: false, reason: { code: 'tag-malformed' as const } };
    await act(() => worker.push(uiState({ sessions: [{ ...metering('1'), tabIds: [9] }], tabs: [malformed] })));
    expect(byTestId('session')).toBeNull();
    expect(byTestId('not-billing-reason')?.textContent).toBe('Malformed tag. The page’s Vilokanam tag is malformed, so nothing is paid. Only the site’s owner can fix it.');
    expect(byTestId('site-controls')).toBeNull();
  });

  test('low balance: warns with the time left at the current rate before metering stops, and opens Receive', async () => {
    const worker = new FakeWorker();
    await renderPopup(worker);
    // 0.1 VIL/min is 1_666_666_666 planck a second plus 1_000_000 in fees: 5 minutes is about 0.5 VIL, 0.1
    // of it still on hold for the session (it pays the coming seconds).
    const session = { ...metering('1'), onHold: '100000000000' };
    const balance = { free: '0', transferable: (1_000_000_000n + 300n * 1_667_666_666n - 100_000_000_000n).toString() };
    await act(() => worker.push(uiState({ balance, sessions: [session], tabs: [playingTab('1')] })));
    expect(byTestId('low-balance')?.dataset.secondsLeft).toBe('300');
    expect(byTestId('low-balance')?.textContent).toContain('Your balance lasts about 5m more at the current rate.');
    expect(container().querySelector('[role="alert"]'), 'a countdown is a polite status, not an alert').toBeNull();
    expect(byTestId('low-balance')?.querySelector('[role="status"] button'), 'the button is not inside the live region').toBeNull();
    await click(byTestId('low-balance-receive')!);
    expect((byTestId('receive-address') as HTMLInputElement).value).toBe(ALICE);
    expect(byTestId('receive-qr')?.dataset.modules).toBe('37');
    await act(() => worker.push(uiState({ sessions: [metering('1')], tabs: [playingTab('1')] })));
    await click(byTestId('view-back')!);
    expect(byTestId('low-balance')).toBeNull();
  });

  test('receive: the full address, a copy button and the QR code', async () => {
    const written: string[] = [];
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: async (text: string) => void written.push(text) }, configurable: true });
    const worker = new FakeWorker();
    await renderPopup(worker);
    await act(() => worker.push(uiState()));
    await click(byTestId('receive-open')!);
    expect(byTestId('receive-address')?.dataset.address).toBe(ALICE);
    expect(byTestId('receive-qr')?.querySelector('path')?.getAttribute('d')).toMatch(/^M2 2h1v1h-1z/);
    await click(byTestId('receive-copy')!);
    expect(written).toEqual([ALICE]);
    expect(byTestId('receive-copied')?.dataset.copied).toBe('yes');
  });

  test('spending: 30 days of bars, totals per site and per creator, and a CSV download', async () => {
    const worker = new FakeWorker();
    await renderPopup(worker);
    const base = uiState();
    const spend = {
      ...base.spend,
      days: [{ day: '2026-11-20', amount: '5000000000000', fees: '1', seconds: 50 }, { day: '2026-11-26', amount: '2500000000000', fees: '1', seconds: 25 }],
      recentSites: [{ site: 'https://a.example', amount: '7500000000000', fees: '2', seconds: 75, lastAt: 2 }],
      creators: [{ creator: BOB, amount: '7500000000000', fees: '2', seconds: 75, lastAt: 2 }],
    };
    await act(() => worker.push({ ...base, spend }));
    expect(byTestId('spend-today')?.textContent).toContain('Today (0s)');
    await click(byTestId('spending-open')!);
    const chart = byTestId('spend-chart')!;
    expect(chart.dataset.days).toBe('30');
    expect(chart.dataset.maxPlanck).toBe('5000000000000');
    const bars = [...chart.querySelectorAll('rect')];
    expect(bars.at(-1)?.dataset.day).toBe('2026-11-26');
    expect(bars.filter((bar) => bar.getAttribute('height') !== '0').map((bar) => bar.dataset.day)).toEqual(['2026-11-20', '2026-11-26']);
    expect(byTestId('recent-site')?.dataset.site).toBe('https://a.example');
    expect(byTestId('spend-creator')?.dataset.creator).toBe(BOB);
    expect(byTestId('spend-export')?.getAttribute('download')).toBe('vilokanam-spending-2026-11-26.csv');
    expect(byTestId('spend-export')?.getAttribute('href')).toMatch(/^blob:/);
  });

  test('in Hindi: every sentence from the hi locale, numbers and durations through Intl', async () => {
    installFakeChromeI18n('hi');
    const worker = new FakeWorker();
    await renderPopup(worker);
    const spent = { ...metering('1'), seconds: 3723, spent: '1234567500000000000' };
    await act(() => worker.push(uiState({ sessions: [spent], tabs: [playingTab('1')] })));
    expect(byTestId('session-status')?.textContent).toBe('प्रति सेकंड भुगतान हो रहा है');
    expect(byTestId('session-seconds')?.textContent).toBe('1 घं, 2 मि 3 से');
    expect(byTestId('session-spend')?.textContent).toBe('12,34,567.5 VIL');
    expect(byTestId('session-rate')?.textContent).toBe('0.1 VIL/मिनट (6 VIL/घंटा)');
    expect(byTestId('metering-toggle')?.textContent).toBe('मीटरिंग रोकें');
  });

  test('amounts wait for the chain’s token instead of assuming one', async () => {
    const worker = new FakeWorker();
    await renderPopup(worker);
    const state = uiState();
    await act(() => worker.push({ ...state, network: { ...state.network, tokenSymbol: null, tokenDecimals: null } }));
    expect(byTestId('balance')?.textContent).toBe('999,999,000,000,000,000 planck');
  });
});
