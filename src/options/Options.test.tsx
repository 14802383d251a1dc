// @vitest-environment happy-dom
import { render } from 'preact';
import { usePageContainer } from '../ui/testPage';
import { act } from 'preact/test-utils';
import { describe, expect, test } from 'vitest';
import type { UiRequest } from '../shared/messages';
import { BOB, FakeWorker, uiState } from '../ui/testState';
import { WorkerContext } from '../ui/useWorker';
import { Options } from './Options';

const MNEMONIC = 'one two three four five six seven eight nine ten eleven twelve';
const NO_ACCOUNT = { status: 'no-account', address: null, name: null, pendingCreate: false, autoLockAt: null } as const;

const container = usePageContainer();
const byTestId = (id: string) => container().querySelector<HTMLElement>(`[data-testid="${id}"]`);

async function renderOptions(worker: FakeWorker): Promise<void> {
  await act(() => {
    render(
      <WorkerContext.Provider value={worker}>
        <Options />
      </WorkerContext.Provider>,
      container(),
    );
  });
}

async function type(testId: string, value: string): Promise<void> {
  await act(() => {
    const input = byTestId(testId) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function click(testId: string): Promise<void> {
  await act(async () => {
    byTestId(testId)!.click();
    await Promise.resolve();
  });
}

async function check(testId: string): Promise<void> {
  await act(() => {
    const box = byTestId(testId) as HTMLInputElement;
    box.checked = true;
    box.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe('Options (fake worker)', () => {

  test('create: the phrase is shown once, then only the asked words are re-typed', async () => {
    const worker = new FakeWorker((request) =>
      request.type === 'account:create' ? { address: '5F', mnemonic: MNEMONIC, confirmIndexes: [2, 8, 11] } : { address: '5F' },
    );
    await renderOptions(worker);
    await act(() => worker.push(uiState({ account: NO_ACCOUNT })));
    await type('create-name', 'Viewer');
    await type('create-password', 'correct horse');
    await type('create-password-repeat', 'correct horse');
    await click('create-submit');
    const words = [...container().querySelectorAll('[data-testid="mnemonic-word"]')].map((word) => word.textContent);
    expect(words).toEqual(MNEMONIC.split(' '));
    expect((byTestId('mnemonic-continue') as HTMLButtonElement).disabled).toBe(true);
    await check('mnemonic-saved-check');
    await click('mnemonic-continue');
    expect(byTestId('mnemonic-words')).toBeNull();
    expect(container().textContent).not.toContain('twelve');
    await type('confirm-word-2', 'three');
    await type('confirm-word-8', ' nine ');
    await type('confirm-word-11', 'twelve');
    await click('create-confirm');
    expect(worker.requests).toEqual<UiRequest[]>([
      { type: 'account:create', name: 'Viewer', password: 'correct horse' },
      { type: 'account:confirm-create', words: ['three', 'nine', 'twelve'] },
    ]);
  });

  test('password rules are shown and ticked as the person types; nothing is sent until they are met', async () => {
    const worker = new FakeWorker();
    await renderOptions(worker);
    await act(() => worker.push(uiState({ account: NO_ACCOUNT })));
    const rules = () => Object.fromEntries([...container().querySelectorAll<HTMLElement>('[data-testid="password-rule"]')].map((rule) => [rule.dataset.rule, rule.dataset.met]));
    expect(rules()).toEqual({ length: 'false', match: 'false' });
    expect(byTestId('password-rules')?.textContent).toContain('At least 8 characters');
    await type('create-password', 'short');
    await type('create-password-repeat', 'short');
    expect(rules()).toEqual({ length: 'false', match: 'true' });
    await type('create-password', 'correct horse');
    expect(rules()).toEqual({ length: 'true', match: 'false' });
    expect((byTestId('create-submit') as HTMLButtonElement).disabled).toBe(true);
    await click('create-submit');
    expect(worker.requests).toEqual([]);
    await type('create-password-repeat', 'correct horse');
    expect(rules()).toEqual({ length: 'true', match: 'true' });
    expect((byTestId('create-submit') as HTMLButtonElement).disabled).toBe(false);
  });

  test('first run in steps: account (create or import) → network → budgets, then every setting', async () => {
    const worker = new FakeWorker();
    await renderOptions(worker);
    const offline = uiState({ account: NO_ACCOUNT });
    await act(() => worker.push({ ...offline, network: { ...offline.network, status: 'error', error: 'Cannot reach ws://127.0.0.1:9944.' } }));
    expect(byTestId('options')?.dataset.setup).toBe('account');
    expect([...container().querySelectorAll<HTMLElement>('[data-testid="setup-step"]')].map((step) => step.dataset.step)).toEqual(['account', 'network', 'budgets']);
    expect(byTestId('create-form')).not.toBeNull();
    expect(byTestId('import-mnemonic-form')).toBeNull();
    expect(byTestId('network-section')).toBeNull();
    expect((byTestId('setup-next') as HTMLButtonElement).disabled).toBe(true);
    await act(async () => {
      container().querySelector<HTMLElement>('[data-testid="account-choice"][data-choice="import-mnemonic"]')!.click();
      await Promise.resolve();
    });
    expect(byTestId('create-form')).toBeNull();
    expect(byTestId('import-mnemonic-form')).not.toBeNull();

    // The account arrives: on to the network, whose error stays quiet until a connection is asked for.
    await act(() => worker.push({ ...uiState(), network: { ...offline.network, status: 'error', error: 'Cannot reach ws://127.0.0.1:9944.' } }));
    expect(byTestId('options')?.dataset.setup).toBe('network');
    expect(byTestId('network-error')).toBeNull();
    expect(byTestId('network-not-asked')?.textContent).toBe('Not connected yet: check the node address and press Connect.');
    await click('endpoint-save');
    expect(worker.requests).toEqual([]);
    expect(byTestId('network-error')?.textContent).toBe('Cannot reach ws://127.0.0.1:9944.');

    await act(() => worker.push(uiState()));
    await click('setup-next');
    expect(byTestId('options')?.dataset.setup).toBe('budgets');
    expect(byTestId('budgets-form')).not.toBeNull();
    await click('setup-finish');
    expect(byTestId('options')?.dataset.setup).toBe('done');
    expect(byTestId('sites-section')).not.toBeNull();
    expect(byTestId('network-status')?.dataset.status).toBe('connected');
  });

  test('budgets are typed in the chain’s token and sent in planck; an empty field is no cap', async () => {
    const worker = new FakeWorker();
    await renderOptions(worker);
    await act(() => worker.push(uiState()));
    await type('budget-session-input', '0.5');
    await type('budget-day-input', '2');
    await click('budgets-save');
    expect(worker.requests).toEqual<UiRequest[]>([
      { type: 'settings:set', settings: { budgets: { perSession: '500000000000', perDay: '2000000000000', global: null } } },
    ]);
  });

  test('a malformed budget is refused with a sentence and nothing is sent', async () => {
    const worker = new FakeWorker();
    await renderOptions(worker);
    await act(() => worker.push(uiState()));
    await type('budget-global-input', '1e3');
    await click('budgets-save');
    expect(byTestId('budgets-error')?.textContent).toBe('In total: type an amount like 1.5 (digits and one decimal mark).');
    expect(worker.requests).toEqual([]);
  });

  test('a typed site is blocked as its origin', async () => {
    const worker = new FakeWorker();
    await renderOptions(worker);
    await act(() => worker.push(uiState({ blockedSites: ['https://old.example'] })));
    expect(byTestId('blocked-site-row')?.dataset.site).toBe('https://old.example');
    await type('blocked-site-input', 'example.com/watch?v=1');
    await click('blocked-site-add');
    expect(worker.requests).toEqual<UiRequest[]>([{ type: 'site:block', site: 'https://example.com' }]);
  });

  test('a creator is always allowed on one site up to a rate typed in the chain’s token; entries list and remove', async () => {
    const worker = new FakeWorker();
    await renderOptions(worker);
    const entry = { site: 'https://news.example', creator: BOB, creatorPublicKey: `0x${'bb'.repeat(32)}`, maxRatePerMinute: '100000000000', genesisHash: `0x${'45'.repeat(32)}` };
    await act(() => worker.push(uiState({ alwaysAllowed: [entry] })));
    expect(byTestId('allowed-row')?.dataset).toMatchObject({ site: 'https://news.example', creator: BOB, planck: '100000000000' });
    expect(byTestId('allowed-row')?.textContent).toContain('0.1 VIL/min');
    await type('allow-site-input', 'blog.example');
    await type('allow-creator-input', ` ${BOB} `);
    await type('allow-rate-input', '0.25');
    await click('allow-submit');
    await click('allowed-remove');
    expect(worker.requests).toEqual<UiRequest[]>([
      { type: 'allow:add', site: 'https://blog.example', creator: BOB, maxRatePerMinute: '250000000000' },
      { type: 'allow:remove', site: entry.site, creatorPublicKey: entry.creatorPublicKey, genesisHash: entry.genesisHash },
    ]);
  });

  test('the worker’s error for a bad endpoint is shown next to the field', async () => {
    const worker = new FakeWorker(() => {
      throw new Error('Use a ws:// or wss:// address.');
    });
    await renderOptions(worker);
    await act(() => worker.push(uiState()));
    await type('endpoint-input', 'http://example.com');
    await click('endpoint-save');
    expect(worker.requests).toEqual<UiRequest[]>([{ type: 'settings:set', settings: { endpoint: 'http://example.com' } }]);
    expect(byTestId('endpoint-error')?.textContent).toBe('Use a ws:// or wss:// address.');
  });
});
