// Tags that must never be billed, each with the reason the popup gives; and, so that "nothing billed"
// means something, a correctly pinned tag that is billed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotBillingCode } from '../../src/shared/messages';
import { expectExactBooks, expectTicksMatchPlayed, settledSession, watchUrl } from './billing.js';
import { sleep } from './sleep.js';
import { DEMO_STREAM, UNIT } from './chainState.js';
import { launchMeter, startEnvironment, type Environment, type Meter } from './fixture.js';
import { Player, playFor } from './player.js';

const VIEWER_FUNDS = 100n * UNIT;

let env: Environment;
let meter: Meter;

beforeAll(async () => {
  env = await startEnvironment();
  meter = await launchMeter(env, { viewerFunds: VIEWER_FUNDS, allowSites: [env.sites.creatorOrigin] });
});

afterAll(async () => {
  await meter?.close();
  await env?.close();
});

const REFUSED: { page: string; code: NotBillingCode }[] = [
  { page: 'malformed/non-numeric.html', code: 'tag-malformed' },
  { page: 'malformed/conflicting-ids.html', code: 'tag-conflict' },
  { page: 'malformed/bad-network.html', code: 'tag-malformed' },
  { page: 'malformed/wrong-network.html', code: 'wrong-network' },
  { page: 'malformed/creator-mismatch.html', code: 'creator-mismatch' },
  { page: 'malformed/unknown-stream.html', code: 'stream-unknown' },
];

describe('tags that are never billed (real chain)', () => {
  it.each(REFUSED)('$page: nothing billed, the popup says $code', async ({ page: path, code }) => {
    const page = await meter.openPlayer(`${env.sites.creatorOrigin}/${path}`);
    const popup = await meter.popupFor(page);
    const player = new Player(page);
    await player.play();
    const reason = await popup.waitForReason(code);
    expect(reason.length).toBeGreaterThan(0);
    await sleep(3000);
    expect(await player.isPlaying()).toBe(true);
    expect(await popup.notBillingReason()).toBe(code);
    await player.pause();

    expect(await env.state.nonce(meter.viewer.address), 'transactions sent for a refused tag').toBe(0);
    expect(await env.state.free(meter.viewer.address)).toBe(VIEWER_FUNDS);
    expect(await env.state.secondsWatched(DEMO_STREAM)).toBe(0);
    expect(await env.state.earnings(DEMO_STREAM)).toBe(0n);
    await popup.page.close();
    await page.close();
  });

  it('bills stream 1 when its network pin and creator match the chain', async () => {
    const fromBlock = await env.state.bestBlock();
    const url = watchUrl(env.sites.creatorOrigin, {
      stream: DEMO_STREAM,
      network: await env.state.genesisHash(),
      creator: env.state.dev.bob.address,
    });
    const page = await meter.openPlayer(url);

    const played = await playFor(new Player(page), 8);
    const session = await settledSession(env, meter, DEMO_STREAM);

    expectTicksMatchPlayed(session.ticks, played);
    await expectExactBooks(env, meter, DEMO_STREAM, session, fromBlock);
    await page.close();
  });
});
