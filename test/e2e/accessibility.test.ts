// Accessibility gates on the built extension in Chromium: axe-core finds no serious or critical
// violation on the popup, options and creator pages in their main states (light and dark), and a person
// with only a keyboard can unlock, answer a consent prompt and register a stream.
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations, tabTo, type Violation } from './axe.js';
import { launchExtensionBrowser, type ExtensionBrowser } from './browser.js';
import { launchMeter, startEnvironment, type Environment, type Meter } from './fixture.js';
import { Player } from './player.js';
import { watchUrl } from './billing.js';

const SCREENSHOTS = resolve(import.meta.dirname, '../../artifacts/a11y');
const byTestId = (id: string) => `[data-testid="${id}"]`;

let env: Environment;
let meter: Meter;
let fresh: ExtensionBrowser;

beforeAll(async () => {
  env = await startEnvironment();
  [meter, fresh] = await Promise.all([launchMeter(env, { allowSites: [env.sites.creatorOrigin] }), launchExtensionBrowser()]);
  await mkdir(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await fresh?.close();
  await meter?.close();
  await env?.close();
});

/** Axe in light and dark colour schemes; a screenshot of each for people to look at. */
async function expectAccessible(page: Page, name: string): Promise<void> {
  const found: Record<string, Violation[]> = {};
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${scheme}.png`), fullPage: true });
    const violations = await seriousViolations(page);
    if (violations.length > 0) found[scheme] = violations;
  }
  expect(found, `${name}: serious or critical axe-core violations`).toEqual({});
}

async function open(browser: ExtensionBrowser, path: string, ready: string): Promise<Page> {
  const page = await browser.openWindow(browser.extensionUrl(path));
  await page.locator(ready).waitFor({ timeout: 30_000 });
  return page;
}

describe('accessibility (axe-core, keyboard only)', () => {
  it('first run: the popup without an account and each step of the options page', async () => {
    await expectAccessible(await open(fresh, 'src/popup/index.html', byTestId('first-run')), 'popup-first-run');
    const options = await open(fresh, 'src/options/index.html', `${byTestId('options')}[data-setup="account"]`);
    await expectAccessible(options, 'options-step-account');
    await options.locator(`${byTestId('account-choice')}[data-choice="import-mnemonic"]`).click();
    await expectAccessible(options, 'options-step-import');
    for (const step of ['network', 'budgets'] as const) {
      await options.locator(`${byTestId('setup-step')}[data-step="${step}"]`).click();
      await expectAccessible(options, `options-step-${step}`);
    }
  });

  it('the popup metering a stream, its Receive and Spending views, and the settings', async () => {
    const player = await meter.openPlayer(watchUrl(env.sites.creatorOrigin, { stream: '1' }));
    await new Player(player).play();
    const popup = await meter.popupFor(player);
    await popup.page.locator(`${byTestId('session')}[data-status="metering"]`).waitFor({ timeout: 30_000 });
    await expectAccessible(popup.page, 'popup-metering');
    await popup.page.locator(byTestId('receive-open')).click();
    await expectAccessible(popup.page, 'popup-receive');
    await popup.page.locator(byTestId('view-back')).click();
    await popup.page.locator(byTestId('spending-open')).click();
    await popup.page.locator(byTestId('spend-chart')).waitFor();
    await expectAccessible(popup.page, 'popup-spending');
    await popup.page.locator(byTestId('view-back')).click();
    await new Player(player).pause();
    await expectAccessible(meter.options.page, 'options-all');
  });

  it('keyboard only: lock, then unlock from the popup', async () => {
    const popup = await meter.browser.openWindow(meter.browser.extensionUrl('src/popup/index.html'));
    await popup.locator(`${byTestId('popup')}[data-account="unlocked"]`).waitFor();
    await tabTo(popup, 'lock-button');
    await popup.keyboard.press('Enter');
    await popup.locator(`${byTestId('popup')}[data-account="locked"]`).waitFor();
    await expectAccessible(popup, 'popup-locked');
    // The password field has the focus as the form appears.
    await tabTo(popup, 'unlock-password', 0);
    await popup.keyboard.type('not the password');
    await popup.keyboard.press('Enter');
    await popup.locator(byTestId('unlock-error')).waitFor({ timeout: 30_000 });
    await tabTo(popup, 'unlock-password');
    await popup.keyboard.press('Control+A');
    await popup.keyboard.type(meter.password);
    await popup.keyboard.press('Enter');
    await popup.locator(`${byTestId('popup')}[data-account="unlocked"]`).waitFor({ timeout: 30_000 });
    await popup.close();
  });

  it('keyboard only: the consent prompt takes the focus, and Enter on "Allow once" starts billing', async () => {
    // On a site nothing is allowed on, so the person is asked.
    const stream = await env.state.registerStream('charlie', 'keyboard consent');
    const player = await meter.openPlayer(watchUrl(env.sites.embedOrigin, { stream }));
    await new Player(player).play();
    const popup = await meter.popupFor(player);
    const prompt = popup.page.locator(byTestId('consent-prompt'));
    await prompt.waitFor({ timeout: 30_000 });
    await expect
      .poll(() => popup.page.evaluate(() => document.activeElement?.closest('[data-testid="consent-prompt"]') !== null))
      .toBe(true);
    await expectAccessible(popup.page, 'popup-consent');
    await popup.page.locator(`${byTestId('consent-prompt')}[data-armed="true"]`).waitFor();
    await tabTo(popup.page, 'consent-allow-once');
    await popup.page.keyboard.press('Enter');
    await prompt.waitFor({ state: 'detached' });
    await popup.page.locator(`${byTestId('session')}[data-stream-id="${stream}"][data-status="metering"]`).waitFor({ timeout: 60_000 });
    await expect.poll(async () => (await env.state.session(stream, meter.viewer.address))?.ticks ?? 0, { timeout: 60_000 }).toBeGreaterThan(0);
    await new Player(player).pause();
    await player.close();
  });

  it('keyboard only: register a stream on the creator page, which passes axe before and after', async () => {
    const creator = await open(meter.browser, 'src/creator/index.html', `${byTestId('creator')}[data-feed="ready"]`);
    await creator.screenshot({ path: join(SCREENSHOTS, 'creator-opened.png'), fullPage: true });
    await creator.locator(byTestId('register-form')).waitFor();
    await expectAccessible(creator, 'creator-register');
    await tabTo(creator, 'register-title');
    await creator.keyboard.type('Keyboard stream');
    await tabTo(creator, 'register-rate');
    await creator.keyboard.type('0.2');
    await creator.locator(`${byTestId('register-fee')}:not([data-planck=""])`).waitFor({ timeout: 15_000 });
    await tabTo(creator, 'register-submit');
    await creator.keyboard.press('Enter');
    const result = creator.locator(`${byTestId('register-result')}:not([data-stream-id=""])`);
    await result.waitFor({ timeout: 60_000 });
    const stream = (await result.getAttribute('data-stream-id'))!;
    const info = (await env.state.api.query.streamRegistry.streamInfo(stream)).toJSON() as { creator: string };
    expect(info.creator).toBe(meter.viewer.address);
    await creator.locator(`${byTestId('creator-stream')}[data-stream-id="${stream}"]`).waitFor();
    await tabTo(creator, 'tag-copy');
    await expectAccessible(creator, 'creator-streams');
  });
});
