// Pages that try to make a viewer pay for what they never saw, heard or agreed to — each scenario waits until
// the popup names the refusal, gives the worker a few more seconds, asserts on chain that nothing was
// billed, and then, where it can, that taking the trick away bills (so the nothing means something). The
// pages are test/sites/public/hostile/trick.html and the demo pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import type { NotBillingCode } from '../../src/shared/messages';
import { watchUrl } from './billing.js';
import { DEMO_RATE_PER_MINUTE, type DevAccount } from './chainState.js';
import { launchMeter, startEnvironment, type Environment, type Meter } from './fixture.js';
import { peek } from './peek.js';
import { Player } from './player.js';
import { sleep } from './sleep.js';

let env: Environment;
/** Every dev creator is always allowed on both demo sites: whatever is not billed, is not billed for consent. */
let meter: Meter;
/** Only Charlie, only on the creator's own site, up to the demo rate. */
let charlieOnly: Meter;

beforeAll(async () => {
  env = await startEnvironment();
  meter = await launchMeter(env, { allowSites: [env.sites.creatorOrigin, env.sites.embedOrigin] });
  charlieOnly = await launchMeter(env, {
    allowCreators: [{ site: env.sites.creatorOrigin, creator: env.state.dev.charlie.address, maxRatePerMinute: DEMO_RATE_PER_MINUTE }],
  });
});

afterAll(async () => {
  await meter?.close();
  await charlieOnly?.close();
  await env?.close();
});

async function newStream(creator: DevAccount, title: string, rate = DEMO_RATE_PER_MINUTE): Promise<string> {
  return env.state.registerStream(creator, title, rate);
}

/** After the popup showed the refusal: long enough for a worker that wrongly billed to have sent its first call. */
const SETTLE_MS = 3000;

/** The worker's view of the tab that plays `stream`: whether its frame reports it perceivably playing. */
async function framePlays(viewer: Meter, stream: string): Promise<boolean | null> {
  const tab = (await viewer.uiState()).tabs.find((candidate) => candidate.streamId === stream);
  return tab ? tab.playing : null;
}

/**
 * The content script's own verdict, read from the worker (no chain needed): the tab of `stream` is known and
 * its frame does not report it playing where a person could see it, sample after sample for SETTLE_MS.
 */
async function expectUnperceived(viewer: Meter, stream: string): Promise<void> {
  await expect.poll(() => framePlays(viewer, stream), { timeout: 15_000 }).toBe(false);
  for (let waited = 0; waited < SETTLE_MS; waited += 500) {
    await sleep(500);
    expect(await framePlays(viewer, stream), 'the frame reports the hidden video as playing').toBe(false);
  }
}

/** Waits until the popup of `page` names `code` as why its tab is not billed, then lets the worker run SETTLE_MS more. */
async function expectRefused(viewer: Meter, page: Page, code: NotBillingCode): Promise<void> {
  const popup = await viewer.popupFor(page);
  await popup.waitForReason(code, 30_000);
  await sleep(SETTLE_MS);
  expect(await popup.notBillingReason(), 'still refused after the settle').toBe(code);
  await popup.page.close();
}

/** Nothing of `stream` on chain for this viewer: no session, no seconds, no earnings, and no transaction sent. */
async function expectNothingBilled(viewer: Meter, stream: string, nonceBefore: number): Promise<void> {
  expect(await env.state.session(stream, viewer.viewer.address), `a session of stream ${stream}`).toBeNull();
  expect(await env.state.secondsWatched(stream)).toBe(0);
  expect(await env.state.earnings(stream)).toBe(0n);
  expect(await env.state.nonce(viewer.viewer.address), 'transactions sent').toBe(nonceBefore);
}

/** Waits until the chain recorded seconds of `stream` for the viewer. */
async function expectBilled(viewer: Meter, stream: string): Promise<void> {
  await expect.poll(async () => (await env.state.session(stream, viewer.viewer.address))?.ticks ?? 0, { timeout: 30_000, interval: 500 }).toBeGreaterThan(0);
}

const trickUrl = (origin: string, trick: string, tags: { stream?: string; playerStream?: string }) => {
  const query = new URLSearchParams({ trick });
  if (tags.stream) query.set('stream', tags.stream);
  if (tags.playerStream) query.set('player-stream', tags.playerStream);
  return `${origin}/hostile/trick.html?${query}`;
};

/** The video in the page or its embedded player is playing (read without a gesture). */
async function videoPlays(page: Page): Promise<boolean> {
  const frame = page.frames().find((candidate) => candidate.url().includes('/player.html')) ?? page.mainFrame();
  return frame.evaluate(() => {
    const video = document.querySelector('video');
    return video !== null && !video.paused && video.currentTime > 0;
  });
}

describe('hostile pages (real chain): nothing nobody could see, hear or agree to is billed', () => {
  it.each([
    { trick: 'tiny-embed', what: 'an allowed creator’s player embedded in a 1-px iframe', embedded: true },
    { trick: 'covered', what: 'an embedded player covered by the page', embedded: true },
    { trick: 'transparent', what: 'an embedded player with opacity 0', embedded: true },
    { trick: 'passthrough-cover', what: 'an embedded player covered by the page with a cover that lets clicks through', embedded: true },
    { trick: 'covered', what: 'a player covered by an opaque box of its own page', embedded: false },
    { trick: 'passthrough-cover', what: 'a player covered by a box that lets clicks through (pointer-events: none)', embedded: false },
    { trick: 'shadow-cover', what: 'a player covered by the shadow of a box beside it', embedded: false },
    { trick: 'transparent', what: 'a player with opacity 0', embedded: false },
    { trick: 'masked', what: 'a player masked to nothing (mask-image)', embedded: false },
    { trick: 'clipped', what: 'a player whose box is clipped to nothing (clip-path)', embedded: false },
    { trick: 'tiny', what: 'a 64 × 36 px player', embedded: false },
  ])('$what: nothing billed; without the trick the same page bills', async ({ trick, embedded }) => {
    const stream = await newStream('charlie', `trick ${trick}${embedded ? ' embed' : ''}`);
    const nonceBefore = await env.state.nonce(meter.viewer.address);
    const url = embedded ? trickUrl(env.sites.embedOrigin, trick, { playerStream: stream }) : trickUrl(env.sites.creatorOrigin, trick, { stream });
    const page = await meter.openPlayer(url);
    await page.locator('#continue').click(); // the person interacts with the page: its own video starts, an embed autoplays
    await expect.poll(() => videoPlays(page), { timeout: 15_000 }).toBe(true);
    await expectUnperceived(meter, stream);
    await expectRefused(meter, page, 'not-perceivable');
    expect(await videoPlays(page), 'the hidden player kept playing').toBe(true);
    await expectNothingBilled(meter, stream, nonceBefore);

    await page.evaluate(() => (window as unknown as { reveal(): void }).reveal());
    await expect.poll(() => framePlays(meter, stream), { timeout: 15_000 }).toBe(true);
    await expectBilled(meter, stream);
    await page.close();
  });

  it('muted autoplay the person never interacted with: nothing billed until they click the page', async () => {
    const stream = await newStream('charlie', 'autoplay');
    const nonceBefore = await env.state.nonce(meter.viewer.address);
    const page = await meter.openPlayer(`${watchUrl(env.sites.creatorOrigin, { stream })}&autoplay`);
    await expect.poll(() => peek<number>(page, 'document.querySelector("video").currentTime'), { timeout: 15_000 }).toBeGreaterThan(0);
    await expectRefused(meter, page, 'no-interaction');
    expect(await peek<boolean>(page, 'navigator.userActivation.hasBeenActive'), 'nothing in the test gave the page user activation').toBe(false);
    expect(await peek<boolean>(page, '!document.querySelector("video").paused')).toBe(true);
    await expectNothingBilled(meter, stream, nonceBefore);

    await page.locator('h1').click(); // a person's click anywhere on the page
    await expectBilled(meter, stream);
    await page.close();
  });

  it('an always-allowed creator embedded by another site: asks there, naming both sites, and bills nothing', async () => {
    const stream = await newStream('charlie', 'embedded elsewhere');
    const nonceBefore = await env.state.nonce(charlieOnly.viewer.address);
    const page = await charlieOnly.openPlayer(`${env.sites.embedOrigin}/embed.html?player-stream=${stream}`);
    const popup = await charlieOnly.popupFor(page);
    const frame = page.frames().find((candidate) => candidate.url().startsWith(`${env.sites.creatorOrigin}/player.html`))!;
    await new Player(frame).play();
    await popup.page.locator('[data-testid="consent-prompt"]').waitFor({ timeout: 30_000 });
    expect(await popup.page.locator('[data-testid="consent-site"]').textContent()).toBe(env.sites.embedOrigin);
    expect(await popup.page.locator('[data-testid="consent-frame-origin"]').textContent()).toBe(env.sites.creatorOrigin);
    await popup.waitForReason('consent-needed');
    await sleep(SETTLE_MS);
    await expectNothingBilled(charlieOnly, stream, nonceBefore);
    await popup.page.close();
    await page.close();
  });

  it('a site tagging a stream it does not own, or its creator’s stream at a higher rate: asks, bills nothing', async () => {
    const notCharlies = await newStream('eve', 'not the allowed creator’s', DEMO_RATE_PER_MINUTE * 5n);
    const dearer = await newStream('charlie', 'above the agreed rate', DEMO_RATE_PER_MINUTE * 3n);
    for (const [stream, rate] of [
      [notCharlies, DEMO_RATE_PER_MINUTE * 5n],
      [dearer, DEMO_RATE_PER_MINUTE * 3n],
    ] as const) {
      const nonceBefore = await env.state.nonce(charlieOnly.viewer.address);
      const page = await charlieOnly.openPlayer(watchUrl(env.sites.creatorOrigin, { stream }));
      const popup = await charlieOnly.popupFor(page);
      await new Player(page).play();
      await popup.waitForReason('consent-needed');
      const prompt = await popup.ownConsentPrompt();
      expect(await prompt.locator('[data-testid="consent-rate"]').getAttribute('data-planck')).toBe(rate.toString());
      await sleep(SETTLE_MS);
      await expectNothingBilled(charlieOnly, stream, nonceBefore);
      await popup.page.close();
      await page.close();
    }
    const honest = await newStream('charlie', 'the allowed creator at the agreed rate');
    const page = await charlieOnly.openPlayer(watchUrl(env.sites.creatorOrigin, { stream: honest }));
    await new Player(page).play();
    await expectBilled(charlieOnly, honest);
    await page.close();
  });
});

describe('auto-lock (real chain)', () => {
  it('a worker woken past its lock deadline locks before anything else: a video played then bills nothing', async () => {
    const locking = await launchMeter(env, { allowSites: [env.sites.creatorOrigin] });
    try {
      await locking.options.setAutoLock(1);
      await expect.poll(async () => (await locking.uiState()).settings.autoLockMinutes).toBe(1);
      const deadline = (await locking.uiState()).account.autoLockAt;
      expect(deadline).not.toBeNull();
      // Nothing of the person's keeps the account unlocked now: no extension page is open, the worker is
      // stopped, and whatever wakes it next (the alarm at the deadline, or the page below) starts it after it.
      const optionsUrl = locking.options.page.url();
      await locking.options.page.goto('about:blank');
      await locking.stopServiceWorker();
      await sleep(deadline! - Date.now() + 5000);
      await locking.options.page.goto(optionsUrl);
      await locking.options.loaded();

      const stream = await newStream('charlie', 'after the deadline');
      const nonceBefore = await env.state.nonce(locking.viewer.address);
      const page = await locking.openPlayer(watchUrl(env.sites.creatorOrigin, { stream }));
      await new Player(page).play();
      const popup = await locking.popupFor(page);
      await popup.page.locator('[data-testid="popup"][data-account="locked"]').waitFor({ timeout: 30_000 });
      await sleep(SETTLE_MS);
      await expectNothingBilled(locking, stream, nonceBefore);
      expect(await popup.page.locator('[data-testid="popup"]').getAttribute('data-account'), 'still locked').toBe('locked');
    } finally {
      await locking.close();
    }
  });
});
