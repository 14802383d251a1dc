// Metering in Chromium against the real chain: one chain, one browser and one viewer for the file;
// every scenario registers a stream of its own, so the chain's books for it are the scenario's alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectExactBooks, expectTicksMatchPlayed, expectTwentySecondsBilled, settledSession, watchUrl } from './billing.js';
import { DEMO_RATE_PER_MINUTE, expectedPayment } from './chainState.js';
import { launchMeter, startEnvironment, type Environment, type Meter } from './fixture.js';
import { Player, playFor } from './player.js';
import { sleep } from './sleep.js';

let env: Environment;
let meter: Meter;

beforeAll(async () => {
  env = await startEnvironment();
  meter = await launchMeter(env, { allowSites: [env.sites.creatorOrigin, env.sites.embedOrigin] });
});

afterAll(async () => {
  await meter?.close();
  await env?.close();
});

async function newStream(title: string): Promise<{ stream: string; fromBlock: number }> {
  const stream = await env.state.registerStream('charlie', title);
  return { stream, fromBlock: (await env.state.bestBlock()) + 1 };
}

describe('metering a tagged video in Chromium (real chain)', () => {
  it('bills each of 20 seconds played: ticks, earnings and the viewer balance on chain', async () => {
    await expectTwentySecondsBilled(env, meter);
  });

  it('bills nothing while the video is paused for 10 s mid-play', async () => {
    const { stream, fromBlock } = await newStream('paused');
    const page = await meter.openPlayer(watchUrl(env.sites.creatorOrigin, { stream }));
    const player = new Player(page);

    const firstPart = await playFor(player, 8);
    const pausedAt = Date.now();
    await meter.waitUntilNothingPending(stream);
    const ticksAtPause = (await env.state.session(stream, meter.viewer.address))!.ticks;
    expectTicksMatchPlayed(ticksAtPause, firstPart);
    await sleep(10_000 - (Date.now() - pausedAt));
    expect((await env.state.session(stream, meter.viewer.address))!.ticks, 'ticks recorded during the pause').toBe(ticksAtPause);

    const secondPart = await playFor(player, 8);
    const session = await settledSession(env, meter, stream);
    // Each stretch of playing is billed for its own seconds (±1 each).
    expectTicksMatchPlayed(session.ticks - ticksAtPause, secondPart);
    await expectExactBooks(env, meter, stream, session, fromBlock);
    await page.close();
  });

  it('bills nothing while the playing tab is hidden behind another tab', async () => {
    const { stream, fromBlock } = await newStream('hidden tab');
    const page = await meter.openPlayer(watchUrl(env.sites.creatorOrigin, { stream }));
    const player = new Player(page);
    // Chromium itself pauses a muted video in a hidden tab; one with sound plays on, unseen.
    await player.setMuted(false);
    await player.play();
    await sleep(6000);

    const [otherTab] = await Promise.all([
      page.context().waitForEvent('page'),
      page.evaluate((url) => void window.open(url, '_blank'), `${env.sites.creatorOrigin}/`),
    ]);
    await page.waitForFunction(() => document.visibilityState === 'hidden');
    const playedVisible = await player.playedSeconds();
    await sleep(2000); // the last visible second may still be on its way to a block
    await meter.waitUntilNothingPending(stream);
    const ticksWhenHidden = (await env.state.session(stream, meter.viewer.address))!.ticks;
    expectTicksMatchPlayed(ticksWhenHidden, playedVisible);
    await sleep(8000);
    expect(await player.isPlaying(), 'the video keeps playing in the hidden tab').toBe(true);
    expect((await env.state.session(stream, meter.viewer.address))!.ticks, 'ticks recorded while hidden').toBe(ticksWhenHidden);

    const playedBeforeShown = await player.playedSeconds();
    await otherTab.close();
    await page.waitForFunction(() => document.visibilityState === 'visible');
    await sleep(6000);
    await player.pause();
    const playedShownAgain = (await player.playedSeconds()) - playedBeforeShown;
    const session = await settledSession(env, meter, stream);
    expectTicksMatchPlayed(session.ticks - ticksWhenHidden, playedShownAgain);
    await expectExactBooks(env, meter, stream, session, fromBlock);
    await page.close();
  });

  it('pays one tick per second when two tabs play the same stream', async () => {
    const { stream, fromBlock } = await newStream('two tabs');
    const url = watchUrl(env.sites.creatorOrigin, { stream });
    const pages = [await meter.openPlayer(url), await meter.openPlayer(url)];

    const played = await Promise.all(pages.map((page) => playFor(new Player(page), 15)));
    const session = await settledSession(env, meter, stream);

    expectTicksMatchPlayed(session.ticks, Math.max(...played));
    await expectExactBooks(env, meter, stream, session, fromBlock);
    for (const page of pages) await page.close();
  });

  it("bills a cross-origin embedded player to the embed's own stream, not the page's", async () => {
    const pageStream = (await newStream('blog with its own tag')).stream;
    const { stream: embedStream, fromBlock } = await newStream('embedded player');
    const page = await meter.openPlayer(`${env.sites.embedOrigin}/embed.html?stream=${pageStream}&player-stream=${embedStream}`);
    const frame = page.frames().find((candidate) => candidate.url().startsWith(`${env.sites.creatorOrigin}/player.html`));
    expect(frame, 'the player iframe from the creator origin').toBeDefined();

    const played = await playFor(new Player(frame!), 12);
    const session = await settledSession(env, meter, embedStream);

    expectTicksMatchPlayed(session.ticks, played);
    await expectExactBooks(env, meter, embedStream, session, fromBlock);
    expect(await env.state.session(pageStream, meter.viewer.address)).toBeNull();
    expect(await env.state.secondsWatched(pageStream)).toBe(0);
    await page.close();
  });

  it('follows a single-page app that switches streams without reloading', async () => {
    const { stream: first, fromBlock } = await newStream('spa first');
    const second = (await newStream('spa second')).stream;
    const page = await meter.openPlayer(`${env.sites.creatorOrigin}/spa.html?streams=${first},${second}`);
    const player = new Player(page);

    await page.locator(`button[data-view="${first}"]`).click();
    await player.play();
    await sleep(8000);
    const playedFirst = await player.playedSeconds();
    await page.locator(`button[data-view="${second}"]`).click();
    await player.play();
    await sleep(8000);
    await page.locator('button[data-view="home"]').click();
    const playedSecond = (await player.playedSeconds()) - playedFirst;
    await sleep(3000); // no tag and no video now: nothing more may be billed

    const firstSession = await settledSession(env, meter, first);
    const secondSession = await settledSession(env, meter, second);
    expectTicksMatchPlayed(firstSession.ticks, playedFirst);
    expectTicksMatchPlayed(secondSession.ticks, playedSecond);
    await expectExactBooks(env, meter, first, firstSession, fromBlock);
    await expectExactBooks(env, meter, second, secondSession, fromBlock);
    await page.close();
  });

  it('bills a video inside an open shadow root', async () => {
    const { stream, fromBlock } = await newStream('shadow root');
    const page = await meter.openPlayer(`${env.sites.creatorOrigin}/shadow.html?stream=${stream}`);

    const played = await playFor(new Player(page), 8);
    const session = await settledSession(env, meter, stream);

    expectTicksMatchPlayed(session.ticks, played);
    await expectExactBooks(env, meter, stream, session, fromBlock);
    await page.close();
  });

  it('shows in the popup the seconds and spend the chain recorded, within 2 s', async () => {
    const { stream } = await newStream('popup mirrors chain');
    const page = await meter.openPlayer(watchUrl(env.sites.creatorOrigin, { stream }));
    const popup = await meter.popupFor(page);
    const player = new Player(page);
    await player.play();

    for (let sample = 0; sample < 5; sample++) {
      await sleep(2500);
      const onChain = await env.state.session(stream, meter.viewer.address);
      if (!onChain) continue;
      await expect
        .poll(async () => {
          const shown = await popup.session(stream);
          return shown !== null && shown.confirmedSeconds >= onChain.ticks && shown.spent >= onChain.paid;
        }, { timeout: 2000, interval: 100 })
        .toBe(true);
      const shown = (await popup.session(stream))!;
      const after = (await env.state.session(stream, meter.viewer.address))!;
      expect(shown.confirmedSeconds, 'confirmed seconds the chain does not have').toBeLessThanOrEqual(after.ticks);
      expect(shown.spent, 'spend the chain does not have').toBeLessThanOrEqual(after.paid);
    }
    await player.pause();

    // After the pause: every change the chain makes must show in the popup within 2 s, until the chain
    // has been still for 3 s with the popup showing exactly its seconds and spend.
    let chainNow = (await env.state.session(stream, meter.viewer.address))!;
    let changedAt = Date.now();
    let shownAt: number | null = null;
    while (shownAt === null || Date.now() - changedAt < 3000) {
      const read = (await env.state.session(stream, meter.viewer.address))!;
      if (read.ticks !== chainNow.ticks || read.paid !== chainNow.paid) {
        chainNow = read;
        changedAt = Date.now();
        shownAt = null;
      }
      const shown = await popup.session(stream);
      if (shownAt === null && shown && shown.seconds === chainNow.ticks && shown.confirmedSeconds === chainNow.ticks && shown.spent === chainNow.paid) {
        shownAt = Date.now();
      }
      expect(shownAt ?? Date.now(), `popup still behind the chain's ${chainNow.ticks} s / ${chainNow.paid} planck`).toBeLessThanOrEqual(changedAt + 2000);
      await sleep(100);
    }
    expect(chainNow.paid).toBe(expectedPayment(chainNow.ticks, DEMO_RATE_PER_MINUTE));
    await popup.page.close();
    await page.close();
  });
});
