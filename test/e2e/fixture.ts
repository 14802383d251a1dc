// The Playwright fixture for end-to-end runs (documented in docs/testing.md):
//   const env = await startEnvironment();            // local chain on a free port + the demo sites
//   const meter = await launchMeter(env);            // Chromium + the built extension + a funded viewer
//   const page = await meter.openPlayer(`${env.sites.creatorOrigin}/watch.html?stream=1`);
//   … assert on env.state (the chain), never on what the UI claims …
//   await meter.close(); await env.close();
// The viewer is a fresh account funded by Alice and imported through the options page; the endpoint,
// allowed sites and budgets are set there too — nothing is written into the extension behind its back.
import './logLevel.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright';
import { startChain, type ChainOptions, type RunningChain } from '../../scripts/chain/start.js';
import type { UiReply, UiState } from '../../src/shared/messages';
import { startSites, type RunningSites } from '../sites/server.js';
import { launchExtensionBrowser, type ExtensionBrowser } from './browser.js';
import { ChainState, DEMO_RATE_PER_MINUTE, UNIT, type DevAccount, type Viewer } from './chainState.js';
import { OptionsPage, PopupPage } from './extensionUi.js';
import { startRelay } from './relay.js';
import { sleep } from './sleep.js';


export interface EnvironmentOptions {
  /** Passed to startChain. */
  chain?: Omit<ChainOptions, 'port' | 'db' | 'resume'>;
  /** The chain's port; a free one by default. */
  chainPort?: number;
  /**
   * Clients reach the chain through a relay and the chain keeps its blocks in a file: `disconnectChain`
   * takes it off the network (connections drop, new ones are refused), `stopChain` also stops it, and
   * `resumeChain` brings it back with its state.
   */
  restartable?: boolean;
}

export interface Environment {
  chain: RunningChain;
  /** What clients (the extension, `state`) connect to: the chain's endpoint, or the relay in front of it. */
  endpoint: string;
  sites: RunningSites;
  state: ChainState;
  /** Takes the running chain off the network until `reconnectChain`. Needs `restartable`. */
  disconnectChain(): Promise<void>;
  reconnectChain(): Promise<void>;
  /** Takes the chain off the network and stops it until `resumeChain`. Needs `restartable`. */
  stopChain(): Promise<void>;
  /** Starts the chain again on its port from its saved blocks and lets clients back in. */
  resumeChain(): Promise<void>;
  close(): Promise<void>;
}

export async function startEnvironment(options: EnvironmentOptions = {}): Promise<Environment> {
  const dbDir = options.restartable ? await mkdtemp(join(tmpdir(), 'vilokanam-chain-')) : null;
  const db = dbDir ? join(dbDir, 'chain-db') : undefined;
  let chain: RunningChain | null = await startChain({ ...options.chain, port: options.chainPort ?? 0, db });
  const chainPort = chain.port;
  const relay = options.restartable ? await startRelay(chainPort) : null;
  const endpoint = relay?.endpoint ?? chain.endpoint;
  const sites = await startSites();
  const state = await ChainState.connect(endpoint);
  const current = (): RunningChain => {
    if (!chain) throw new Error('the chain is stopped');
    return chain;
  };
  const theRelay = () => {
    if (!relay) throw new Error('startEnvironment({ restartable: true }) is needed to take the chain away');
    return relay;
  };
  return {
    get chain() {
      return current();
    },
    endpoint,
    sites,
    state,
    async disconnectChain() {
      await theRelay().cut();
    },
    async reconnectChain() {
      await theRelay().restore();
      await state.reconnected();
    },
    async stopChain() {
      await theRelay().cut();
      await current().close();
      chain = null;
    },
    async resumeChain() {
      if (chain) throw new Error('the chain is running');
      chain = await startChain({ ...options.chain, port: chainPort, db, resume: true });
      await theRelay().restore();
      await state.reconnected();
    },
    async close() {
      await state.disconnect().catch(() => undefined);
      await relay?.close();
      await chain?.close();
      await sites.close();
      if (dbDir) await rm(dbDir, { recursive: true, force: true });
    },
  };
}

export interface MeterOptions {
  /** Plancks Alice sends the new viewer before it is imported (default 100 VIL); 0 leaves it empty. */
  viewerFunds?: bigint;
  /** Create the account in the options page (mnemonic shown, words re-typed) instead of importing one. */
  createAccount?: boolean;
  /**
   * Top-level sites on which the dev accounts' streams (Alice … Ferdie, the creators the scenarios
   * register) bill without asking: each is "always allowed" there up to the demo rate, in the options page.
   */
  allowSites?: string[];
  /** Further "always allow" entries: `creator` (an address) on the top-level `site`, up to a rate (default: the demo rate). */
  allowCreators?: { site: string; creator: string; maxRatePerMinute?: bigint }[];
  budgets?: { perSession?: bigint | null; perDay?: bigint | null; global?: bigint | null };
  headless?: boolean;
}

export interface Meter {
  browser: ExtensionBrowser;
  extensionId: string;
  viewer: Viewer;
  password: string;
  /** The options page, kept open in a window of its own. */
  options: OptionsPage;
  /** Opens a site page in a new window (visible, like a player the person watches). */
  openPlayer(url: string): Promise<Page>;
  /** The chrome.tabs id of a page opened with `openPlayer`. */
  tabIdOf(page: Page): Promise<number>;
  /** Opens the popup for `page`'s tab in a window of its own (`src/popup/index.html?tabId=`). */
  popupFor(page: Page): Promise<PopupPage>;
  /** The worker's current UiState (the `state:get` request an extension page sends). */
  uiState(): Promise<UiState>;
  serviceWorker(): Promise<Worker>;
  stopServiceWorker(): Promise<void>;
  /** Waits until the worker has nothing in flight or held for `streamId`; fails at once if that session stopped. */
  waitUntilNothingPending(streamId: string, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export const VIEWER_PASSWORD = 'correct horse battery staple';

export async function launchMeter(env: Environment, options: MeterOptions = {}): Promise<Meter> {
  const funds = options.viewerFunds ?? 100n * UNIT;
  const [browser, importedViewer] = await Promise.all([
    launchExtensionBrowser({ headless: options.headless }),
    options.createAccount ? Promise.resolve(null) : env.state.newViewer(funds),
  ]);
  try {
    const optionsPage = new OptionsPage(await browser.openWindow(browser.extensionUrl('src/options/index.html')));
    await optionsPage.loaded();
    await optionsPage.setEndpoint(env.endpoint);
    let viewer: Viewer;
    if (importedViewer) {
      await optionsPage.importMnemonic('e2e viewer', importedViewer.mnemonic, VIEWER_PASSWORD);
      viewer = importedViewer;
    } else {
      const mnemonic = await optionsPage.createAccount('e2e viewer', VIEWER_PASSWORD);
      viewer = { mnemonic, address: await optionsPage.accountAddress() };
      if (funds > 0n) await env.state.fund(viewer.address, funds);
    }
    const shown = await optionsPage.accountAddress();
    if (shown !== viewer.address) throw new Error(`the extension shows account ${shown}, expected ${viewer.address}`);
    const devCreators = Object.keys(env.state.dev) as DevAccount[];
    const allow: NonNullable<MeterOptions['allowCreators']> = [
      ...(options.allowSites ?? []).flatMap((site) => devCreators.map((name) => ({ site, creator: env.state.dev[name].address }))),
      ...(options.allowCreators ?? []),
    ];
    for (const { site, creator, maxRatePerMinute } of allow) await optionsPage.allowCreator(site, creator, maxRatePerMinute ?? DEMO_RATE_PER_MINUTE);
    if (options.budgets) await optionsPage.setBudgets(options.budgets);

    const tabIds = new WeakMap<Page, number>();
    const uiState = async (): Promise<UiState> => {
      const reply = await optionsPage.page.evaluate<UiReply<UiState>>(() => chrome.runtime.sendMessage({ type: 'state:get' }));
      if (!reply.ok) throw new Error(`state:get failed: ${reply.error}`);
      return reply.data;
    };
    const meter: Meter = {
      browser,
      extensionId: browser.extensionId,
      viewer,
      password: VIEWER_PASSWORD,
      options: optionsPage,
      async openPlayer(url) {
        const page = await browser.openWindow(url);
        const windowId = await browser.windowIdOf(page);
        const tabs = await optionsPage.page.evaluate((id) => chrome.tabs.query({ windowId: id }), windowId);
        if (tabs.length !== 1 || tabs[0].id === undefined) throw new Error(`window ${windowId} should hold just the new page`);
        tabIds.set(page, tabs[0].id);
        return page;
      },
      async tabIdOf(page) {
        const tabId = tabIds.get(page);
        if (tabId === undefined) throw new Error(`${page.url()} was not opened with openPlayer`);
        return tabId;
      },
      async popupFor(page) {
        const popup = new PopupPage(await browser.openWindow(browser.extensionUrl(`src/popup/index.html?tabId=${await meter.tabIdOf(page)}`)));
        await popup.loaded();
        return popup;
      },
      uiState,
      serviceWorker: () => browser.serviceWorker(),
      stopServiceWorker: () => browser.stopServiceWorker(),
      async waitUntilNothingPending(streamId, timeoutMs = 60_000) {
        const deadline = Date.now() + timeoutMs;
        while (Date.now() < deadline) {
          const session = (await uiState()).sessions.find((candidate) => candidate.stream.streamId === streamId);
          if (!session || session.pendingSeconds === 0) return;
          if (session.status === 'stopped') {
            const reason = session.stopReason ? `${session.stopReason.code}: ${session.stopReason.detail ?? 'no detail'}` : 'no reason given';
            throw new Error(`stream ${streamId} stopped with ${session.pendingSeconds} seconds pending (${reason})`);
          }
          await sleep(250);
        }
        throw new Error(`stream ${streamId}: seconds still pending after ${timeoutMs} ms`);
      },
      close: () => browser.close(),
    };
    await waitForBalance(uiState, funds);
    return meter;
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/** The worker has read the viewer's balance from the chain. */
async function waitForBalance(uiState: () => Promise<UiState>, funds: bigint): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const balance = (await uiState()).balance;
    if (balance && BigInt(balance.free) === funds) return;
    await sleep(200);
  }
  throw new Error(`the extension did not show the viewer's balance of ${funds} planck within 30 s`);
}
