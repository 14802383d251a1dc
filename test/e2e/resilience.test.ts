// Metering survives its service worker being stopped and the chain going away: no second lost, none paid
// twice. Clients reach the chain through a relay (so it can be taken off the network) and the chain keeps
// its blocks in a file (so it can be stopped and resumed on the same port).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectExactBooks, expectTicksMatchPlayed, settledSession, watchUrl } from './billing.js';
import { launchMeter, startEnvironment, type Environment, type Meter } from './fixture.js';
import { Player } from './player.js';
import { sleep } from './sleep.js';

let env: Environment;
let meter: Meter;

beforeAll(async () => {
  env = await startEnvironment({ restartable: true });
  meter = await launchMeter(env, { allowSites: [env.sites.creatorOrigin] });
});

afterAll(async () => {
  await meter?.close();
  await env?.close();
});

describe('resilience (real chain)', () => {
  it('resumes after Chromium stops the service worker mid-play, losing and repeating no second', async () => {
    const stream = await env.state.registerStream('eve', 'worker restart');
    const fromBlock = (await env.state.bestBlock()) + 1;
    const page = await meter.openPlayer(watchUrl(env.sites.creatorOrigin, { stream }));
    const player = new Player(page);
    await player.play();
    await sleep(8000);

    await meter.stopServiceWorker();
    const ticksAtStop = (await env.state.session(stream, meter.viewer.address))?.ticks ?? 0;
    await sleep(10_000);
    await player.pause();
    const played = await player.playedSeconds();

    const session = await settledSession(env, meter, stream);
    expect(session.ticks - ticksAtStop, 'seconds billed after the restart').toBeGreaterThanOrEqual(8);
    expectTicksMatchPlayed(session.ticks, played);
    await expectExactBooks(env, meter, stream, session, fromBlock);
    await meter.serviceWorker();
  });

  async function meterThroughOutage(title: string, outage: { begin(): Promise<void>; end(): Promise<void> }) {
    const stream = await env.state.registerStream('eve', title);
    const fromBlock = (await env.state.bestBlock()) + 1;
    const page = await meter.openPlayer(watchUrl(env.sites.creatorOrigin, { stream }));
    const popup = await meter.popupFor(page);
    const player = new Player(page);
    await player.play();
    await sleep(6000);

    await outage.begin();
    await sleep(10_000);
    const held = await popup.session(stream);
    expect(held?.status, 'the popup shows the seconds are held').toBe('holding');
    expect(held?.pendingSeconds).toBeGreaterThanOrEqual(5);
    await outage.end();
    await sleep(6000);
    await player.pause();
    const played = await player.playedSeconds();

    const session = await settledSession(env, meter, stream);
    expectTicksMatchPlayed(session.ticks, played);
    const recorded = await expectExactBooks(env, meter, stream, session, fromBlock);
    expect(Math.max(...recorded.map((event) => event.ticks)), 'the held seconds settled in one record_tick').toBeGreaterThanOrEqual(5);
    await popup.page.close();
    await page.close();
  }

  it('holds the seconds played while the chain is unreachable for 10 s and settles them once it is back', async () => {
    await meterThroughOutage('chain unreachable', { begin: () => env.disconnectChain(), end: () => env.reconnectChain() });
  });

  it('holds the seconds played while the chain is stopped for 10 s and settles them once after it resumed its state', async () => {
    await meterThroughOutage('chain restarted', { begin: () => env.stopChain(), end: () => env.resumeChain() });
  });
});
