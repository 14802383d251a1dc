// Settlement against the real chain: the interval the chain publishes (`TickStream.SettlementInterval`,
// here raised with sudo as a loaded chain would raise it) is followed to the second, the popup shows
// settled and not-yet-settled seconds apart, a worker killed with unsettled seconds settles them once, and
// a viewer who cannot hold a session is not joined and is told how much is needed. (A creator stopping a
// stream — the session leaves, its hold released — is in creator.test.ts.)
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectExactBooks, expectTicksMatchPlayed, settledSession, watchUrl } from './billing.js';
import { DEMO_RATE_PER_MINUTE, UNIT } from './chainState.js';
import { launchMeter, startEnvironment, type Environment, type Meter } from './fixture.js';
import { Player } from './player.js';
import { sleep } from './sleep.js';

let env: Environment;
let meter: Meter | undefined;

beforeAll(async () => {
  env = await startEnvironment();
});

afterEach(async () => {
  await meter?.close();
  meter = undefined;
  // Back to the quiet chain's interval for the next scenario.
  if ((await env.state.settlementInterval()) !== 1) await env.state.setSettlementInterval(1);
});

afterAll(async () => {
  await env?.close();
});

describe('settlement at the chain’s interval (real chain)', () => {
  it('follows an interval raised mid-session exactly: record_tick(5) while playing, the rest at once on pause, books exact; the popup shows settled and unsettled apart', async () => {
    meter = await launchMeter(env, { allowSites: [env.sites.creatorOrigin] });
    const stream = await env.state.registerStream('ferdie', 'interval raised');
    const fromBlock = (await env.state.bestBlock()) + 1;
    const page = await meter.openPlayer(watchUrl(env.sites.creatorOrigin, { stream }));
    const popup = await meter.popupFor(page);
    const player = new Player(page);
    await player.play();
    await expect.poll(async () => (await env.state.session(stream, meter!.viewer.address))?.ticks ?? 0, { timeout: 30_000 }).toBeGreaterThan(2);

    const raisedIn = await env.state.setSettlementInterval(5);
    // The popup shows the seconds gathering toward the chain's interval, apart from the settled ones.
    await expect.poll(async () => (await popup.session(stream))?.interval, { timeout: 10_000 }).toBe(5);
    await expect.poll(async () => (await popup.session(stream))?.unsettledSeconds ?? 0, { timeout: 10_000, interval: 200 }).toBeGreaterThanOrEqual(3);
    const shown = (await popup.session(stream))!;
    expect(shown.settledSeconds + shown.unsettledSeconds).toBe(shown.seconds);
    expect(shown.onHold, 'the hold the chain keeps for the session').toBeGreaterThan(0n);
    await sleep(14_000);
    await player.pause();
    const played = await player.playedSeconds();
    const session = await settledSession(env, meter, stream);

    expectTicksMatchPlayed(session.ticks, played);
    await expectExactBooks(env, meter, stream, session, fromBlock);
    const afterRaise = await env.state.tickEvents(stream, meter.viewer.address, raisedIn + 1);
    const batches = afterRaise.map((event) => event.ticks);
    console.log(`[e2e] record_tick batches after the interval rose to 5: ${batches.join(', ')}`);
    // A second or two already on their way when the interval rose land one by one; then a call each time 5
    // have gathered (6 when a late timer counted two seconds at once), and what was left at the pause.
    const late = batches.findIndex((ticks) => ticks !== 1);
    expect(late, `batches ${batches.join(', ')}`).toBeLessThanOrEqual(2);
    const gathered = batches.slice(late);
    expect(gathered.slice(0, -1).every((ticks) => ticks === 5 || ticks === 6), `batches ${batches.join(', ')}`).toBe(true);
    expect(gathered.at(-1)).toBeLessThanOrEqual(6);
    expect(gathered.length).toBeGreaterThanOrEqual(3);
    const settledPopup = (await popup.session(stream))!;
    expect(settledPopup).toMatchObject({ unsettledSeconds: 0, settledSeconds: session.ticks });
    await popup.page.close();
    await page.close();
  });

  it('settles once, after a restart, the unsettled seconds of a service worker stopped mid-play: never twice, never lost', async () => {
    meter = await launchMeter(env, { allowSites: [env.sites.creatorOrigin] });
    const stream = await env.state.registerStream('ferdie', 'killed with unsettled seconds');
    const fromBlock = (await env.state.bestBlock()) + 1;
    const page = await meter.openPlayer(watchUrl(env.sites.creatorOrigin, { stream }));
    const player = new Player(page);
    await player.play();
    await expect.poll(async () => (await env.state.session(stream, meter!.viewer.address))?.ticks ?? 0, { timeout: 30_000 }).toBeGreaterThan(0);
    await env.state.setSettlementInterval(60);
    await sleep(10_000);
    const beforeStop = (await env.state.session(stream, meter.viewer.address))!.ticks;
    const unsettled = (await meter.uiState()).sessions.find((session) => session.stream.streamId === stream)!.pendingSeconds;
    expect(unsettled, 'seconds gathering toward the 60 s interval').toBeGreaterThanOrEqual(8);

    await meter.stopServiceWorker();
    await sleep(5000); // the video plays on; its next report wakes a new worker
    await player.pause();
    const played = await player.playedSeconds();
    const session = await settledSession(env, meter, stream);
    const batches = (await env.state.tickEvents(stream, meter.viewer.address, fromBlock)).map((event) => event.ticks);
    console.log(`[e2e] record_tick batches: ${batches.join(', ')} (${beforeStop} settled before the stop, ${unsettled} not)`);

    expectTicksMatchPlayed(session.ticks, played);
    await expectExactBooks(env, meter, stream, session, fromBlock);
    // The calls settled before the stop, then the new worker sends what the stopped one had counted in one
    // call (at once when it connects, or with the seconds played since), never a second of it twice.
    let settledBefore = 0;
    let next = 0;
    while (settledBefore < beforeStop) settledBefore += batches[next++] ?? Infinity;
    expect(settledBefore).toBe(beforeStop);
    expect(batches[next], 'the seconds the stopped worker had not settled, in one call').toBeGreaterThanOrEqual(unsettled);
    await page.close();
  });

  it('does not join a viewer who cannot hold the session: the popup says how much is needed; funded, metering starts', async () => {
    const needed = env.state.joinCost(DEMO_RATE_PER_MINUTE);
    const funds = needed / 2n;
    meter = await launchMeter(env, { viewerFunds: funds, allowSites: [env.sites.creatorOrigin] });
    const stream = await env.state.registerStream('ferdie', 'cannot hold');
    const page = await meter.openPlayer(watchUrl(env.sites.creatorOrigin, { stream }));
    const popup = await meter.popupFor(page);
    const player = new Player(page);
    await player.play();

    const shown = await popup.holdFunds();
    expect(shown.needed, 'deposit + 600 s at the agreed rate + fee reserve + existential deposit').toBe(needed);
    expect(shown.available).toBe(funds);
    expect(shown.text).toContain('1.021 VIL');
    await sleep(4000);
    expect(await env.state.session(stream, meter.viewer.address)).toBeNull();
    expect(await env.state.nonce(meter.viewer.address), 'no transaction was sent').toBe(0);
    expect(await env.state.free(meter.viewer.address)).toBe(funds);

    // A top-up lifts the stop by itself: the session joins and the seconds played from then on are paid.
    await env.state.fund(meter.viewer.address, UNIT);
    await expect.poll(async () => (await env.state.session(stream, meter!.viewer.address))?.ticks ?? 0, { timeout: 30_000 }).toBeGreaterThan(0);
    await player.pause();
    const session = await settledSession(env, meter, stream);
    expect(session.paid).toBe((BigInt(session.ticks) * DEMO_RATE_PER_MINUTE) / 60n);
    await popup.page.close();
    await page.close();
  });
});
