// Figure 1 — billing accuracy: a scripted 120 s session through the real extension and chain.
import { expectedPayment, DEMO_RATE_PER_MINUTE } from '../test/e2e/chainState.js';
import { watchUrl } from '../test/e2e/billing.js';
import { Player } from '../test/e2e/player.js';
import type { Figure, RunContext, RunOutcome } from './lib/figure.js';
import { withMeter } from './lib/meterSession.js';
import { sleep } from '../test/e2e/sleep.js';
import { startVisiblePlay, visiblePlay } from './lib/visiblePlay.js';

/** Seconds of each step of the full session (about 120 s with the pauses between steps). */
const SCRIPT = { play: 20, pause: 10, beforeSeek: 15, afterSeek: 15, hidden: 15, shownAgain: 15, afterRestart: 25 };
const SEEK_BY_SECONDS = 3;

export const billingAccuracy: Figure = {
  id: 'billing-accuracy',
  number: 1,
  title: 'Billing accuracy',
  method: [
    'One viewer (a fresh account imported into the built extension in Chromium) watches a stream registered for the run on the local chain (quick block mode), following a fixed script: play 20 s, pause 10 s, play 15 s, seek 3 s ahead while playing, play 15 s, open another tab over the player for 15 s while the video keeps playing, come back and play 15 s, then have Chromium stop the service worker while playing (the fixture\'s `stopServiceWorker`: CDP `ServiceWorker.stopAllWorkers`, as when Chromium idles a worker out; the worker comes back at the next event, here the closing of the fixture\'s helper tab or the content script\'s next report) and play 25 s more, then pause. That is about 120 s of wall time.',
    '"Played visibly" is measured in the page itself: a sampler reads the `<video>` every 100 ms (and at once on pause, play and visibility changes) and adds up the media time that advanced while the document was visible and the video playing; seeks are left out, loops counted. "Billed" is `TickStream.Sessions(stream, viewer).ticks` on chain once the extension has nothing pending and the session stopped changing for 3 s. The error is |billed − played visibly| with "played visibly" rounded to whole seconds (the meter bills whole seconds); the unrounded difference is shown too. The run also checks the books: the session paid exactly floor(ticks × rate / 60). bench/results.json keeps, for each step, the seconds played visibly and the seconds the extension had counted by then (its `UiState`), to show where a difference comes from.',
  ],
  metrics: () => [
    { key: 'error', label: '|billed − played visibly| (whole seconds)', unit: 's', decimals: 0, target: { text: '0 (at most 1)', met: (value) => value <= 1 } },
    { key: 'signedError', label: 'billed − played visibly (unrounded)', unit: 's', decimals: 2 },
    { key: 'billed', label: 'seconds billed on chain', unit: 's', decimals: 0 },
    { key: 'playedVisibly', label: 'seconds played visibly', unit: 's', decimals: 2 },
    { key: 'sessionSeconds', label: 'length of the scripted session', unit: 's', decimals: 1 },
    { key: 'booksExact', label: 'paid = floor(ticks × rate / 60) (1 = yes)', unit: '', decimals: 0, target: { text: '1', met: (value) => value === 1 } },
  ],
  run: runBillingAccuracy,
};

async function runBillingAccuracy(context: RunContext): Promise<RunOutcome> {
  const step = (name: keyof typeof SCRIPT) => context.duration(SCRIPT[name], 3) * 1000;
  return withMeter({}, async (env, meter) => {
    const stream = await env.state.registerStream('charlie', `bench billing ${context.run}`);
    const page = await meter.openPlayer(watchUrl(env.sites.creatorOrigin, { stream }));
    const player = new Player(page);
    await startVisiblePlay(page);
    const started = Date.now();
    // Per step: seconds played visibly and seconds the extension counted (its UiState, in blocks or not).
    const phases: { step: string; playedVisibly: number; counted: number | null }[] = [];
    const endOfStep = async (name: string) => {
      const counted = (await meter.uiState()).sessions.find((session) => session.stream.streamId === stream)?.seconds ?? null;
      phases.push({ step: name, playedVisibly: (await visiblePlay(page)).seconds, counted });
    };

    context.log('play');
    await player.play();
    await sleep(step('play'));
    await endOfStep('play');
    context.log('pause');
    await player.pause();
    await sleep(step('pause'));
    await endOfStep('pause');
    context.log('play, then seek');
    await player.play();
    await sleep(step('beforeSeek'));
    await page.evaluate(`(() => { const v = document.querySelector('video'); v.currentTime = (v.currentTime + ${SEEK_BY_SECONDS}) % v.duration; })()`);
    await sleep(step('afterSeek'));
    await endOfStep('play with a seek');
    context.log('another tab in front of the player');
    const [otherTab] = await Promise.all([
      page.context().waitForEvent('page'),
      page.evaluate((url) => void window.open(url, '_blank'), `${env.sites.creatorOrigin}/`),
    ]);
    await page.waitForFunction(() => document.visibilityState === 'hidden', undefined, { timeout: 10_000 });
    await sleep(step('hidden'));
    await endOfStep('hidden behind another tab');
    await otherTab.close();
    await page.waitForFunction(() => document.visibilityState === 'visible', undefined, { timeout: 10_000 });
    context.log('player shown again');
    await sleep(step('shownAgain'));
    await endOfStep('shown again');
    context.log('service worker stopped');
    await meter.stopServiceWorker();
    await sleep(step('afterRestart'));
    await player.pause();
    const sessionSeconds = (Date.now() - started) / 1000;
    await endOfStep('worker restart, play');

    context.log('waiting for the chain to settle');
    await meter.waitUntilNothingPending(stream);
    const session = await env.state.settledSession(stream, meter.viewer.address, 3000);
    if (!session) throw new Error('no session on chain');
    const played = await visiblePlay(page);
    const booksExact = session.paid === expectedPayment(session.ticks, DEMO_RATE_PER_MINUTE) && (await env.state.secondsWatched(stream)) === session.ticks;
    return {
      metrics: {
        error: Math.abs(session.ticks - Math.round(played.seconds)),
        signedError: session.ticks - played.seconds,
        billed: session.ticks,
        playedVisibly: played.seconds,
        sessionSeconds,
        booksExact: booksExact ? 1 : 0,
      },
      details: { stream, paid: session.paid.toString(), sampler: played, phases },
    };
  });
}
