// The extension's creator page (src/creator/index.html), driven only through the data-testids listed in
// docs/testing.md.
import type { Locator, Page } from 'playwright';
import type { Meter } from './fixture.js';

const byTestId = (id: string) => `[data-testid="${id}"]`;

export interface NewStream {
  title: string;
  description?: string;
  category?: string;
  /** token units per minute, as a person types them ("0.6") */
  rate: string;
  subscriptionPrice?: string;
}

export class CreatorPageUi {
  private constructor(readonly page: Page) {}

  /** Opens the creator page in a window of its own and waits until it lists the account's streams. */
  static async open(meter: Meter): Promise<CreatorPageUi> {
    const page = await meter.browser.openWindow(meter.browser.extensionUrl('src/creator/index.html'));
    await page.locator(`${byTestId('creator')}[data-account="unlocked"][data-feed="ready"]`).waitFor({ timeout: 30_000 });
    return new CreatorPageUi(page);
  }

  /** Fills the registration form; resolves with the fee estimate shown (planck) before signing. */
  async fillRegistration(stream: NewStream): Promise<bigint> {
    const page = this.page;
    // Once the account has streams, registration waits behind a button.
    if ((await page.locator(byTestId('register-open')).count()) > 0) await page.locator(byTestId('register-open')).click();
    await page.locator(byTestId('register-title')).fill(stream.title);
    await page.locator(byTestId('register-description')).fill(stream.description ?? '');
    await page.locator(byTestId('register-category')).fill(stream.category ?? '');
    await page.locator(byTestId('register-rate')).fill(stream.rate);
    if (stream.subscriptionPrice !== undefined) {
      await page.locator(byTestId('register-subscription-check')).check();
      await page.locator(byTestId('register-subscription-price')).fill(stream.subscriptionPrice);
    }
    const fee = page.locator(`${byTestId('register-fee')}:not([data-planck=""])`);
    await fee.waitFor({ timeout: 15_000 });
    return BigInt((await fee.getAttribute('data-planck'))!);
  }

  /** Signs the registration; resolves with the new stream's id, or fails with what the page said. */
  async register(): Promise<string> {
    await this.page.locator(byTestId('register-submit')).click();
    const answered = this.page.locator(`${byTestId('register-result')}, ${byTestId('register-error')}`);
    await answered.first().waitFor({ timeout: 60_000 });
    const stream = await this.page.locator(byTestId('register-result')).getAttribute('data-stream-id');
    if (!stream) {
      const said = await this.page.locator(`${byTestId('register-outcome')}, ${byTestId('register-error')}`).allTextContents();
      throw new Error(`registration failed: ${said.join(' ')}`);
    }
    return stream;
  }

  /** The tag snippet shown after registering. */
  async registeredSnippet(): Promise<string> {
    return this.page.locator(`${byTestId('register-result')} ${byTestId('tag-snippet-text')}`).inputValue();
  }

  card(streamId: string): Locator {
    return this.page.locator(`${byTestId('creator-stream')}[data-stream-id="${streamId}"]`);
  }

  /** What the stream's card shows now. */
  async numbers(
    streamId: string,
  ): Promise<{ earnings: bigint; owed: bigint; lifetime: bigint; payouts: bigint[]; ticks: number; ticksInEscrow: number; viewers: number; joined: number; chartPoints: number }> {
    const card = this.card(streamId);
    await card.waitFor();
    const attribute = async (testId: string, name: string) => (await card.locator(byTestId(testId)).getAttribute(name)) ?? '';
    return {
      earnings: BigInt(await attribute('stream-earnings', 'data-planck')),
      owed: BigInt(await attribute('stream-owed', 'data-planck')),
      lifetime: BigInt(await attribute('stream-lifetime', 'data-planck')),
      payouts: (await card.locator(`${byTestId('payout')} ${byTestId('payout-amount')}`).evaluateAll((amounts) => amounts.map((amount) => amount.getAttribute('data-planck') ?? ''))).map(BigInt),
      ticks: Number(await attribute('stream-ticks', 'data-ticks')),
      ticksInEscrow: Number(await attribute('stream-ticks', 'data-in-escrow')),
      viewers: Number(await attribute('stream-viewers', 'data-count')),
      joined: Number(await attribute('stream-joined', 'data-count')),
      chartPoints: Number(await attribute('earnings-chart', 'data-points')),
    };
  }

  /** Waits until the card counts this many viewers watching now. */
  async waitForViewers(streamId: string, viewers: number, timeout = 45_000): Promise<void> {
    await this.card(streamId).locator(`${byTestId('stream-viewers')}[data-count="${viewers}"]`).waitFor({ timeout });
  }

  /** Waits until the card shows exactly these earnings in escrow (planck). */
  async waitForEarnings(streamId: string, earnings: bigint, timeout = 15_000): Promise<void> {
    await this.card(streamId).locator(`${byTestId('stream-earnings')}[data-planck="${earnings}"]`).waitFor({ timeout });
  }

  /** Waits until the card shows exactly these lifetime earnings (planck): owed, in escrow and paid out. */
  async waitForLifetime(streamId: string, lifetime: bigint, timeout = 15_000): Promise<void> {
    await this.card(streamId).locator(`${byTestId('stream-lifetime')}[data-planck="${lifetime}"]`).waitFor({ timeout });
  }

  /** Starts or stops the stream with its toggle (`update_stream_status`) and waits for the block. */
  async setActive(streamId: string, active: boolean): Promise<void> {
    const card = this.card(streamId);
    await card.locator(`${byTestId('stream-toggle')}[data-active="${String(!active)}"]`).click();
    await card.locator(`${byTestId('stream-toggle-result')}[data-status="included"]`).waitFor({ timeout: 30_000 });
    await this.page.locator(`${byTestId('creator-stream')}[data-stream-id="${streamId}"][data-active="${String(active)}"]`).waitFor({ timeout: 15_000 });
  }

  /** Withdraws everything earned (empty amount); resolves with the result's fee (planck). */
  async withdrawAll(streamId: string): Promise<{ fee: bigint; text: string }> {
    const card = this.card(streamId);
    await card.locator(byTestId('withdraw-amount')).fill('');
    await card.locator(byTestId('withdraw-submit')).click();
    const result = card.locator(`${byTestId('withdraw-result')}[data-status="included"]`);
    await result.waitFor({ timeout: 30_000 });
    return { fee: BigInt((await result.getAttribute('data-fee'))!), text: (await result.textContent())!.trim() };
  }
}
