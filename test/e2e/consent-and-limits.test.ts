// The viewer's say over spending: consent before the first payment on a site, and budget caps. (A balance
// that cannot hold a session is in settlement.test.ts.) Each scenario starts its own browser and viewer
// (settings differ); the chain is shared.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectExactBooks, expectTicksMatchPlayed, settledSession, watchUrl } from './billing.js';
import { sleep } from './sleep.js';
import { DEMO_RATE_PER_MINUTE, expectedPayment } from './chainState.js';
import { launchMeter, startEnvironment, type Environment, type Meter } from './fixture.js';
import { Player } from './player.js';

let env: Environment;
let meter: Meter | undefined;

beforeAll(async () => {
  env = await startEnvironment();
});

afterEach(async () => {
  await meter?.close();
  meter = undefined;
});

afterAll(async () => {
  await env?.close();
});

describe('consent, budgets and funds (real chain)', () => {
  it('asks before paying a new site: declined pays nothing, allowed once pays from then on', async () => {
    meter = await launchMeter(env, { createAccount: true });
    const declined = await env.state.registerStream('dave', 'declined stream');
    const accepted = await env.state.registerStream('dave', 'accepted stream');
    const fromBlock = (await env.state.bestBlock()) + 1;

    const page = await meter.openPlayer(watchUrl(env.sites.creatorOrigin, { stream: declined }));
    const popup = await meter.popupFor(page);
    const player = new Player(page);
    await player.play();
    await popup.page.locator('[data-testid="consent-prompt"]').waitFor({ timeout: 30_000 });
    expect(await popup.page.locator('[data-testid="consent-site"]').textContent()).toBe(env.sites.creatorOrigin);
    expect(await popup.page.locator('[data-testid="consent-title"]').textContent()).toContain('declined stream');
    expect(await popup.page.locator('[data-testid="consent-rate"]').getAttribute('data-planck')).toBe(DEMO_RATE_PER_MINUTE.toString());
    await popup.decideConsent('decline');
    await popup.waitForReason('consent-declined');
    await sleep(6000);
    await player.pause();
    expect(await env.state.session(declined, meter.viewer.address)).toBeNull();
    expect(await env.state.nonce(meter.viewer.address), 'transactions sent after a declined consent').toBe(0);
    expect(await env.state.earnings(declined)).toBe(0n);

    await page.goto(watchUrl(env.sites.creatorOrigin, { stream: accepted }));
    const acceptedPopup = await meter.popupFor(page);
    await player.play();
    await acceptedPopup.decideConsent('allow-once');
    const consentedAt = await player.playedSeconds();
    await sleep(10_000);
    await player.pause();
    const played = (await player.playedSeconds()) - consentedAt;
    const session = await settledSession(env, meter, accepted);
    expectTicksMatchPlayed(session.ticks, played);
    await expectExactBooks(env, meter, accepted, session, fromBlock);
  });

  it('stops billing at the per-session budget, network fees counted in it', async () => {
    const stream = await env.state.registerStream('dave', 'capped stream');
    // About five seconds and the fees of their calls (the join and one record_tick a second).
    const fee = (await env.state.api.tx.tickStream.recordTick(stream, 1, DEMO_RATE_PER_MINUTE).paymentInfo(env.state.dev.alice.address)).partialFee.toBigInt();
    const cap = expectedPayment(5, DEMO_RATE_PER_MINUTE) + 6n * fee;
    meter = await launchMeter(env, { allowSites: [env.sites.creatorOrigin], budgets: { perSession: cap } });
    const fromBlock = (await env.state.bestBlock()) + 1;
    const page = await meter.openPlayer(watchUrl(env.sites.creatorOrigin, { stream }));
    const popup = await meter.popupFor(page);

    const player = new Player(page);
    await player.play();
    await popup.waitForStopReason('budget-session');
    await sleep(5000);
    expect(await player.isPlaying()).toBe(true);
    await player.pause();

    const session = await env.state.settledSession(stream, meter.viewer.address);
    const fees = await env.state.feesPaidBy(meter.viewer.address, fromBlock);
    expect(session!.paid + fees, 'payments and fees within the budget').toBeLessThanOrEqual(cap);
    expect(session!.paid + fees + (DEMO_RATE_PER_MINUTE + 59n) / 60n + fee, 'one more second would not have fit').toBeGreaterThan(cap);
    expect(session!.ticks).toBeGreaterThanOrEqual(4);
    expect(await env.state.earnings(stream)).toBe(session!.paid);
  });
});
