// The extension's own pages, driven only through the `data-testid`s listed in docs/testing.md.
import type { Locator, Page } from 'playwright';
import type { ConsentDecision, NotBillingCode, SessionStatus } from '../../src/shared/messages';
import { planckToInput } from '../../src/ui/format';

const byTestId = (id: string) => `[data-testid="${id}"]`;

/** The chain's token has 12 decimals (docs/chain.md); the budget fields take token units. */
const TOKEN_DECIMALS = 12;

export class OptionsPage {
  constructor(readonly page: Page) {}

  async loaded(): Promise<void> {
    await this.page.locator(`${byTestId('options')}:not([data-account="loading"])`).waitFor();
  }

  /** The first run shows its steps (account → network → budgets) instead of every section. */
  private async inSetup(): Promise<boolean> {
    return (await this.page.locator(byTestId('setup-steps')).count()) > 0;
  }

  async goToSetupStep(step: 'account' | 'network' | 'budgets'): Promise<void> {
    await this.page.locator(`${byTestId('setup-step')}[data-step="${step}"]`).click();
    await this.page.locator(`${byTestId('options')}[data-setup="${step}"]`).waitFor();
  }

  /** Once the account exists, walks the rest of the first run to the page of all settings. */
  async finishSetup(): Promise<void> {
    if (!(await this.inSetup())) return;
    await this.page.locator(`${byTestId('options')}:not([data-account="no-account"])`).waitFor({ timeout: 30_000 });
    await this.goToSetupStep('budgets');
    await this.page.locator(byTestId('setup-finish')).click();
    await this.page.locator(`${byTestId('options')}[data-setup="done"]`).waitFor();
  }

  /** Picks one of the ways to get an account (create, import a phrase, import a file) when no account exists. */
  private async chooseAccountWay(way: 'create' | 'import-mnemonic' | 'import-json'): Promise<void> {
    if (await this.inSetup()) await this.goToSetupStep('account');
    await this.page.locator(`${byTestId('account-choice')}[data-choice="${way}"]`).click();
  }

  /** Saves the chain endpoint and waits until the worker is connected to it. */
  async setEndpoint(endpoint: string): Promise<void> {
    if (await this.inSetup()) await this.goToSetupStep('network');
    const input = this.page.locator(byTestId('endpoint-input'));
    if ((await input.inputValue()) !== endpoint) {
      await input.fill(endpoint);
      await this.page.locator(byTestId('endpoint-save')).click();
    }
    await this.page.locator(`${byTestId('network-status')}[data-status="connected"]`).waitFor({ timeout: 30_000 });
    await this.page.locator(byTestId('network-genesis')).waitFor();
  }

  async importMnemonic(name: string, mnemonic: string, password: string): Promise<void> {
    await this.chooseAccountWay('import-mnemonic');
    await this.page.locator(byTestId('import-mnemonic-name')).fill(name);
    await this.page.locator(byTestId('import-mnemonic-text')).fill(mnemonic);
    await this.page.locator(byTestId('import-mnemonic-password')).fill(password);
    await this.page.locator(byTestId('import-mnemonic-password-repeat')).fill(password);
    await this.page.locator(byTestId('import-mnemonic-submit')).click();
    await this.finishSetup();
    await this.unlockedOrUnlock(password);
  }

  /** Creates an account through the whole flow (mnemonic shown once, words re-typed); returns the mnemonic. */
  async createAccount(name: string, password: string): Promise<string> {
    await this.chooseAccountWay('create');
    await this.page.locator(byTestId('create-name')).fill(name);
    await this.page.locator(byTestId('create-password')).fill(password);
    await this.page.locator(byTestId('create-password-repeat')).fill(password);
    await this.page.locator(byTestId('create-submit')).click();
    await this.page.locator(byTestId('mnemonic-panel')).waitFor();
    const words = (await this.page.locator(byTestId('mnemonic-word')).allTextContents()).map((word) => word.trim());
    await this.page.locator(byTestId('mnemonic-saved-check')).check();
    await this.page.locator(byTestId('mnemonic-continue')).click();
    const inputs = this.page.locator(`${byTestId('confirm-form')} input[data-word-index]`);
    await inputs.first().waitFor();
    for (const input of await inputs.all()) {
      const index = Number(await input.getAttribute('data-word-index'));
      await input.fill(words[index]);
    }
    await this.page.locator(byTestId('create-confirm')).click();
    await this.finishSetup();
    await this.unlockedOrUnlock(password);
    return words.join(' ');
  }

  private async unlockedOrUnlock(password: string): Promise<void> {
    const status = this.page.locator(`${byTestId('account-status')}:not([data-status="no-account"])`);
    await status.waitFor({ timeout: 30_000 });
    if ((await status.getAttribute('data-status')) === 'locked') await this.unlock(password);
    await this.page.locator(`${byTestId('account-status')}[data-status="unlocked"]`).waitFor({ timeout: 30_000 });
  }

  async unlock(password: string): Promise<void> {
    await this.page.locator(byTestId('unlock-password')).fill(password);
    await this.page.locator(byTestId('unlock-submit')).click();
    await this.page.locator(`${byTestId('account-status')}[data-status="unlocked"]`).waitFor({ timeout: 30_000 });
  }

  async accountAddress(): Promise<string> {
    return (await this.page.locator(byTestId('account-address-full')).textContent())!.trim();
  }

  /** Always allows `creator` (an address) on the top-level `site`, up to `maxRatePerMinute` plancks. */
  async allowCreator(site: string, creator: string, maxRatePerMinute: bigint): Promise<void> {
    await this.page.locator(byTestId('allow-site-input')).fill(site);
    await this.page.locator(byTestId('allow-creator-input')).fill(creator);
    await this.page.locator(byTestId('allow-rate-input')).fill(planckToInput(maxRatePerMinute.toString(), TOKEN_DECIMALS));
    await this.page.locator(byTestId('allow-submit')).click();
    await this.page.locator(`${byTestId('allowed-row')}[data-site="${site}"][data-creator="${creator}"]`).waitFor();
  }

  async blockSite(origin: string): Promise<void> {
    await this.page.locator(byTestId('blocked-site-input')).fill(origin);
    await this.page.locator(byTestId('blocked-site-add')).click();
    await this.page.locator(`${byTestId('blocked-site-row')}[data-site="${origin}"]`).waitFor();
  }

  /** Auto-lock after `minutes` without billed seconds or use of the extension's pages (0: only when the browser closes); saves it. */
  async setAutoLock(minutes: number): Promise<void> {
    await this.page.locator(byTestId('autolock-input')).fill(String(minutes));
    await this.page.locator(byTestId('autolock-save')).click();
  }

  /** Sets the caps in plancks (null = no cap; omitted = unchanged) and waits until the worker holds them. */
  async setBudgets(budgets: { perSession?: bigint | null; perDay?: bigint | null; global?: bigint | null }): Promise<void> {
    const fields = { perSession: 'budget-session', perDay: 'budget-day', global: 'budget-global' } as const;
    for (const [key, testId] of Object.entries(fields) as [keyof typeof fields, string][]) {
      const value = budgets[key];
      if (value === undefined) continue;
      await this.page.locator(byTestId(`${testId}-input`)).fill(value === null ? '' : planckToInput(value.toString(), TOKEN_DECIMALS));
    }
    await this.page.locator(byTestId('budgets-save')).click();
    for (const [key, testId] of Object.entries(fields) as [keyof typeof fields, string][]) {
      const value = budgets[key];
      if (value === undefined) continue;
      await this.page.locator(`${byTestId(`${testId}-input`)}[data-planck="${value ?? ''}"]`).waitFor();
    }
  }
}

/** What the popup shows about the session it displays. */
export interface PopupSession {
  streamId: string;
  status: SessionStatus;
  seconds: number;
  confirmedSeconds: number;
  pendingSeconds: number;
  /** The two parts shown apart: settled on chain, and not yet settled. */
  settledSeconds: number;
  unsettledSeconds: number;
  /** The chain's settlement interval the popup shows (s); null when it shows none. */
  interval: number | null;
  /** plancks the chain holds for the session (0 when none is shown) */
  onHold: bigint;
  /** plancks */
  spent: bigint;
  fees: bigint;
  stopReason: NotBillingCode | null;
}

/** The popup, opened as a page of its own for one tab (`?tabId=`). */
export class PopupPage {
  constructor(readonly page: Page) {}

  async loaded(): Promise<void> {
    await this.page.locator(`${byTestId('popup')}:not([data-account="loading"])`).waitFor();
  }

  /** The consent prompt of the tab this popup was opened for (it may show another tab's while this one's is on its way). */
  async ownConsentPrompt(): Promise<Locator> {
    const tabId = new URL(this.page.url()).searchParams.get('tabId');
    const prompt = this.page.locator(`${byTestId('consent-prompt')}[data-tab-id="${tabId}"]`);
    await prompt.waitFor({ timeout: 30_000 });
    return prompt;
  }

  async decideConsent(decision: ConsentDecision): Promise<void> {
    await this.page.locator(byTestId('consent-prompt')).waitFor({ timeout: 30_000 });
    await this.page.locator(byTestId(`consent-${decision}`)).click();
    await this.page.locator(byTestId('consent-prompt')).waitFor({ state: 'detached' });
  }

  /** The "not billing because …" code shown for this tab, or null. */
  async notBillingReason(): Promise<NotBillingCode | null> {
    const reason = this.page.locator(byTestId('not-billing-reason'));
    if ((await reason.count()) === 0) return null;
    return (await reason.getAttribute('data-reason-code')) as NotBillingCode;
  }

  async waitForReason(code: NotBillingCode, timeout = 20_000): Promise<string> {
    const reason = this.page.locator(`${byTestId('not-billing-reason')}[data-reason-code="${code}"]`);
    try {
      await reason.waitFor({ timeout });
    } catch (error) {
      // Say what the popup showed instead: a timeout alone does not tell a wrong reason from a slow one.
      const shown = await this.notBillingReason().catch(() => 'unreadable');
      throw new Error(`the popup did not name '${code}' within ${timeout} ms; it names ${shown === null ? 'no reason' : `'${shown}'`}`, { cause: error });
    }
    return (await reason.textContent())!.trim();
  }

  /** The session the popup shows for stream `streamId` (its own tab's, or the latest elsewhere), or null. */
  async session(streamId?: string): Promise<PopupSession | null> {
    const selector = streamId === undefined ? byTestId('session') : `${byTestId('session')}[data-stream-id="${streamId}"]`;
    const session = this.page.locator(selector);
    if ((await session.count()) === 0) return null;
    const attribute = async (testId: string, name: string) => {
      const element = session.locator(byTestId(testId));
      return (await element.count()) === 0 ? '' : ((await element.getAttribute(name)) ?? '');
    };
    const stopReason = session.locator(byTestId('session-stop-reason'));
    const interval = await attribute('session-unsettled', 'data-interval');
    return {
      streamId: (await session.getAttribute('data-stream-id'))!,
      status: (await session.getAttribute('data-status')) as SessionStatus,
      seconds: Number(await attribute('session-seconds', 'data-seconds')),
      confirmedSeconds: Number(await attribute('session-seconds', 'data-confirmed')),
      pendingSeconds: Number(await attribute('session-seconds', 'data-pending')),
      settledSeconds: Number(await attribute('session-settled', 'data-seconds')),
      unsettledSeconds: Number(await attribute('session-unsettled', 'data-seconds')),
      interval: interval === '' ? null : Number(interval),
      onHold: BigInt((await attribute('session-on-hold', 'data-planck')) || '0'),
      spent: BigInt(await attribute('session-spend', 'data-planck')),
      fees: BigInt(await attribute('session-fees', 'data-planck')),
      stopReason: (await stopReason.count()) > 0 ? ((await stopReason.getAttribute('data-reason-code')) as NotBillingCode) : null,
    };
  }

  async waitForSession(streamId: string, timeout = 30_000): Promise<void> {
    await this.page.locator(`${byTestId('session')}[data-stream-id="${streamId}"]`).waitFor({ timeout });
  }

  async waitForStopReason(code: NotBillingCode, timeout = 30_000): Promise<string> {
    const reason = this.page.locator(`${byTestId('session-stop-reason')}[data-reason-code="${code}"]`);
    await reason.waitFor({ timeout });
    return (await reason.textContent())!.trim();
  }

  /** The amounts a `hold-unaffordable` stop names: what the account needs free to join, and what it has (planck). */
  async holdFunds(): Promise<{ needed: bigint; available: bigint; text: string }> {
    const reason = this.page.locator(`${byTestId('session-stop-reason')}[data-reason-code="hold-unaffordable"]`);
    await reason.waitFor({ timeout: 30_000 });
    return {
      needed: BigInt((await reason.getAttribute('data-needed'))!),
      available: BigInt((await reason.getAttribute('data-available'))!),
      text: (await reason.textContent())!.trim(),
    };
  }

  /** Balance shown (transferable), in plancks; null while unknown. */
  async balance(): Promise<bigint | null> {
    const planck = await this.page.locator(byTestId('balance')).getAttribute('data-planck');
    return planck === null ? null : BigInt(planck);
  }

  async setPaused(paused: boolean): Promise<void> {
    const toggle = this.page.locator(byTestId('metering-toggle'));
    if ((await toggle.getAttribute('data-paused')) !== String(paused)) await toggle.click();
    await this.page.locator(`${byTestId('metering-toggle')}[data-paused="${paused}"]`).waitFor();
  }
}
