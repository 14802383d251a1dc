// Creators on the real chain: a stream registered through the extension's creator page, paid by a viewer
// in a second browser profile, stopped (the viewer's session leaves, its hold released) and withdrawn; and
// a subscriber who watches without per-second charges. Every assertion is on chain state (balances, holds,
// sessions, totals, StreamEarnings, events), not on what the UI says.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectExactBooks, expectTicksMatchPlayed, settledSession, watchUrl } from './billing.js';
import { UNIT } from './chainState.js';
import { CreatorPageUi } from './creatorUi.js';
import { launchMeter, startEnvironment, type Environment, type Meter } from './fixture.js';
import { Player } from './player.js';
import { sleep } from './sleep.js';

/** The dev preset's stream 2 (docs/chain.md): Bob's, 0.1 VIL/min, subscription 1 VIL. */
const CLUB_STREAM = '2';
const CLUB_SUBSCRIPTION = UNIT;
const RATE = 600_000_000_000n; // 0.6 VIL per minute: 0.01 VIL per second

let env: Environment;
const meters: Meter[] = [];

beforeAll(async () => {
  env = await startEnvironment();
});

afterEach(async () => {
  for (const meter of meters.splice(0)) await meter.close();
});

afterAll(async () => {
  await env?.close();
});

/** The `content` of each `vilokanam:<name>` meta tag in a snippet. */
const tagValue = (snippet: string, name: string) => new RegExp(`<meta name="vilokanam:${name}" content="([^"]*)">`).exec(snippet)?.[1];

describe('creators (real chain)', () => {
  it('registers a stream on the creator page, sees a viewer’s payments arrive, stops the stream (the viewer leaves, its hold released) and withdraws them', async () => {
    const creator = await launchMeter(env, { viewerFunds: 10n * UNIT });
    meters.push(creator);
    const creatorAddress = creator.viewer.address;
    const ui = await CreatorPageUi.open(creator);

    const feeEstimate = await ui.fillRegistration({ title: 'E2E concert', description: 'registered from the creator page', category: 'music', rate: '0.6' });
    expect(feeEstimate).toBeGreaterThan(0n);
    const registerFrom = (await env.state.bestBlock()) + 1;
    const stream = await ui.register();

    const info = (await env.state.api.query.streamRegistry.streamInfo(stream)).toJSON() as { creator: string };
    const terms = (await env.state.api.query.streamRegistry.terms(stream)).toJSON() as {
      pricingModel: { baseRatePerMinute: number | string; subscriptionAvailable: boolean };
      isActive: boolean;
    };
    expect(info.creator).toBe(creatorAddress);
    expect(BigInt(terms.pricingModel.baseRatePerMinute)).toBe(RATE);
    expect(terms.pricingModel.subscriptionAvailable).toBe(false);
    expect(terms.isActive).toBe(true);
    const registrationFee = await env.state.feesPaidBy(creatorAddress, registerFrom);
    // payment_queryInfo estimates with a dummy signature; the real one differs by a few bytes at most.
    expect(Number(registrationFee - feeEstimate)).toBeLessThan(Number(feeEstimate) / 100 + 1);

    const snippet = await ui.registeredSnippet();
    expect(tagValue(snippet, 'stream')).toBe(stream);
    expect(tagValue(snippet, 'network')).toBe(await env.state.genesisHash());
    expect(tagValue(snippet, 'creator')).toBe(creatorAddress);
    expect(await ui.numbers(stream)).toMatchObject({ earnings: 0n, ticks: 0, viewers: 0 });

    const viewer = await launchMeter(env, { allowCreators: [{ site: env.sites.creatorOrigin, creator: creatorAddress, maxRatePerMinute: RATE }] });
    meters.push(viewer);
    const watchFrom = (await env.state.bestBlock()) + 1;
    const page = await viewer.openPlayer(
      watchUrl(env.sites.creatorOrigin, { stream, network: tagValue(snippet, 'network')!, creator: tagValue(snippet, 'creator')! }),
    );
    const player = new Player(page);
    await player.play();
    await sleep(8000);
    const midway = await ui.numbers(stream);
    expect(midway.owed, 'owed by the viewer’s session, shown while they watch').toBeGreaterThan(0n);
    expect(midway.lifetime).toBe(midway.owed + midway.earnings);
    expect(midway.viewers).toBe(1);
    await sleep(6000);
    await player.pause();
    const played = await player.playedSeconds();
    const session = await settledSession(env, viewer, stream);
    expectTicksMatchPlayed(session.ticks, played);
    await expectExactBooks(env, viewer, stream, session, watchFrom, RATE);

    const earned = await env.state.earnings(stream);
    expect(earned).toBeGreaterThan(midway.lifetime);
    await ui.waitForLifetime(stream, earned);
    const shown = await ui.numbers(stream);
    expect(shown.ticks).toBe(await env.state.secondsWatched(stream));
    expect(shown.owed + shown.earnings).toBe(earned);
    expect(shown.chartPoints).toBeGreaterThanOrEqual(3);

    // Stopped by its creator: the viewer's extension leaves the stream, which moves what its session owes
    // into escrow and releases the rest of its hold.
    const viewerAddress = viewer.viewer.address;
    expect(await env.state.onHold(viewerAddress)).toBe(session.held + session.deposit);
    const stopFrom = (await env.state.bestBlock()) + 1;
    await ui.setActive(stream, false);
    await expect.poll(() => env.state.session(stream, viewerAddress), { timeout: 30_000, interval: 500 }).toBeNull();
    expect(await env.state.onHold(viewerAddress), 'the hold released').toBe(0n);
    expect(await env.state.escrow(stream)).toBe(earned);
    const afterStop = await env.state.events(stopFrom);
    expect(afterStop.filter((event) => event.method === 'TickRecorded' && event.fields.streamId === stream), 'no charge after the stop').toEqual([]);
    expect(afterStop.some((event) => event.method === 'ViewerLeft' && event.fields.viewer === viewerAddress)).toBe(true);
    await ui.waitForEarnings(stream, earned);
    expect(await ui.numbers(stream)).toMatchObject({ owed: 0n, joined: 0, ticks: session.ticks, ticksInEscrow: session.ticks });

    const balanceBefore = await env.state.free(creatorAddress);
    const withdrawFrom = (await env.state.bestBlock()) + 1;
    const withdrawal = await ui.withdrawAll(stream);
    expect(await env.state.earnings(stream)).toBe(0n);
    const withdrawFee = await env.state.feesPaidBy(creatorAddress, withdrawFrom);
    expect(withdrawal.fee).toBe(withdrawFee);
    expect(await env.state.free(creatorAddress)).toBe(balanceBefore + earned - withdrawFee);
    const withdrawn = (await env.state.events(withdrawFrom)).filter((event) => event.section === 'paymentHandler' && event.method === 'EarningsWithdrawn');
    expect(withdrawn.map((event) => [event.fields.streamId, event.fields.creator, BigInt(event.fields.amount)])).toEqual([[stream, creatorAddress, earned]]);
    await ui.waitForEarnings(stream, 0n);
    // The withdrawal is a payout: lifetime earnings keep it, and the viewer who stopped no longer counts.
    await ui.waitForViewers(stream, 0);
    expect(await ui.numbers(stream)).toMatchObject({ earnings: 0n, lifetime: earned, payouts: [earned], viewers: 0 });
  });

  it('a subscriber to stream 2 watches without per-second charges while the ticks still count', async () => {
    const viewer = await launchMeter(env);
    meters.push(viewer);
    const address = viewer.viewer.address;
    const ticksBefore = await env.state.secondsWatched(CLUB_STREAM);
    const earningsBefore = await env.state.earnings(CLUB_STREAM);
    const balanceBefore = await env.state.free(address);
    const fromBlock = (await env.state.bestBlock()) + 1;

    const page = await viewer.openPlayer(watchUrl(env.sites.creatorOrigin, { stream: CLUB_STREAM }));
    const popup = await viewer.popupFor(page);
    const player = new Player(page);
    await player.play();
    const subscribe = popup.page.locator('[data-testid="consent-subscribe"]');
    await subscribe.waitFor({ timeout: 30_000 });
    expect(await subscribe.getAttribute('data-planck')).toBe(CLUB_SUBSCRIPTION.toString());
    await subscribe.click();
    const refused = popup.page.locator('[data-testid="consent-subscribe-error"]');
    await popup.page.locator('[data-testid="consent-subscribe-error"], [data-testid="session-subscribed"]').first().waitFor({ timeout: 60_000 });
    if ((await refused.count()) > 0) throw new Error(`the subscription was refused: ${await refused.textContent()}`);
    await popup.page.locator('[data-testid="consent-prompt"]').waitFor({ state: 'detached', timeout: 10_000 });
    const subscribedAt = await player.playedSeconds();

    await sleep(15_000);
    await player.pause();
    // Seconds count from the consent the purchase gave, a moment before the popup showed the subscription.
    const played = (await player.playedSeconds()) - subscribedAt;
    const session = await settledSession(env, viewer, CLUB_STREAM);

    const { expiresAt: endsAt } = (await env.state.api.query.paymentHandler.subscriptions(CLUB_STREAM, address)).toJSON() as { expiresAt: number };
    const chainNow = Number((await env.state.api.query.timestamp.now()).toString());
    expect(endsAt).toBeGreaterThan(chainNow);
    expect(session.paid, 'charged per second while subscribed').toBe(0n);
    expectTicksMatchPlayed(session.ticks, played, 2);
    const ticks = await env.state.tickEvents(CLUB_STREAM, address, fromBlock);
    expect(ticks.reduce((sum, event) => sum + event.ticks, 0)).toBe(session.ticks);
    expect(ticks.every((event) => event.amount === 0n)).toBe(true);
    expect(await env.state.secondsWatched(CLUB_STREAM)).toBe(ticksBefore + session.ticks);
    expect(await env.state.earnings(CLUB_STREAM)).toBe(earningsBefore + CLUB_SUBSCRIPTION);
    const fees = await env.state.feesPaidBy(address, fromBlock);
    // On hold: the subscription's and the session's deposits only (no funds for seconds a subscriber does not pay).
    const deposits = env.state.constant('paymentHandler', 'subscriptionDeposit') + env.state.constant('tickStream', 'sessionDeposit');
    expect(await env.state.onHold(address)).toBe(deposits);
    expect(await env.state.free(address)).toBe(balanceBefore - CLUB_SUBSCRIPTION - deposits - fees);
    expect((await popup.session(CLUB_STREAM))?.spent, 'spend the popup shows for subscribed seconds').toBe(0n);
  });
});
