// The Firefox build in Debian's Firefox ESR against the real chain: the same sources, run as an event-page
// background through webextension-polyfill, meter a tagged video second by second. Driven over WebDriver
// BiDi (test/e2e/firefoxBrowser.ts); the viewer is set up through the options page's own requests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UiReply, UiRequest, UiState } from '../../src/shared/messages';
import { expectTicksMatchPlayed, watchUrl } from './billing.js';
import { sleep } from './sleep.js';
import { builtDir, ensureBuilt } from './build.js';
import { DEMO_RATE_PER_MINUTE, expectedPayment, UNIT, type Viewer } from './chainState.js';
import { startEnvironment, VIEWER_PASSWORD, type Environment } from './fixture.js';
import { launchFirefox, type FirefoxWithExtension } from './firefoxBrowser.js';
import { Player, playFor } from './player.js';

let env: Environment;
let firefox: FirefoxWithExtension;
let optionsTab: string;
let viewer: Viewer;

async function request(message: UiRequest): Promise<unknown> {
  const reply = await firefox.evaluate<UiReply<unknown>>(optionsTab, `chrome.runtime.sendMessage(${JSON.stringify(message)})`);
  if (!reply.ok) throw new Error(`${message.type} failed in Firefox: ${reply.error}`);
  return reply.data;
}

const uiState = async () => (await request({ type: 'state:get' })) as UiState;

async function waitForState(what: string, holds: (state: UiState) => boolean, timeoutMs = 30_000): Promise<UiState> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await uiState();
    if (holds(state)) return state;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last state: ${JSON.stringify(state.network)} ${JSON.stringify(state.account)}`);
    await sleep(200);
  }
}

beforeAll(async () => {
  ensureBuilt('firefox');
  env = await startEnvironment();
  [firefox, viewer] = await Promise.all([launchFirefox(builtDir('firefox')), env.state.newViewer(100n * UNIT)]);
  optionsTab = await firefox.openExtensionPage('src/options/index.html');
});

afterAll(async () => {
  await firefox?.close();
  await env?.close();
});

describe('the Firefox build (Firefox ESR, real chain)', () => {
  it('runs its background and renders the options page from it', async () => {
    const shown = async () => firefox.evaluate<string | null>(optionsTab, `document.querySelector('[data-testid="options"]')?.dataset.account ?? null`);
    const deadline = Date.now() + 15_000;
    while ((await shown()) === 'loading' && Date.now() < deadline) await sleep(100);
    expect(await shown()).toBe('no-account');
  });

  it('connects to the chain and keeps an imported key, showing the chain’s token and the balance', async () => {
    await request({ type: 'settings:set', settings: { endpoint: env.endpoint } });
    await request({ type: 'account:import-mnemonic', name: 'firefox viewer', mnemonic: viewer.mnemonic, password: VIEWER_PASSWORD });
    const state = await waitForState('connected, unlocked, with a balance', (s) => s.network.status === 'connected' && s.account.status === 'unlocked' && s.balance !== null);
    expect(state.account.address).toBe(viewer.address);
    expect(state.network.genesisHash).toBe(await env.state.genesisHash());
    expect(state.network.tokenSymbol).toBe('VIL');
    expect(BigInt(state.balance!.free)).toBe(100n * UNIT);
  });

  it('pays a tagged video for each second it plays, and nothing once paused', async () => {
    await request({ type: 'allow:add', site: env.sites.creatorOrigin, creator: env.state.dev.charlie.address, maxRatePerMinute: DEMO_RATE_PER_MINUTE.toString() });
    const stream = await env.state.registerStream('charlie', 'firefox');
    const tab = await firefox.openTab(watchUrl(env.sites.creatorOrigin, { stream }));
    const player = new Player({ evaluate: (expression) => firefox.evaluate(tab, expression), click: (selector) => firefox.click(tab, selector) });

    const played = await playFor(player, 15);
    await waitForState('nothing pending', (s) => s.sessions.some((session) => session.stream.streamId === stream && session.pendingSeconds === 0), 60_000);
    const session = await env.state.settledSession(stream, viewer.address);
    expect(session).not.toBeNull();
    expectTicksMatchPlayed(session!.ticks, played);
    expect(session!.paid).toBe(expectedPayment(session!.ticks, DEMO_RATE_PER_MINUTE));

    await sleep(5000);
    expect((await env.state.session(stream, viewer.address))!.ticks, 'ticks recorded while paused').toBe(session!.ticks);
  });
});
