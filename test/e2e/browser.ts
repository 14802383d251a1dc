// Starts Debian's Chromium with the built extension in a fresh profile and attaches Playwright to it.
//
// Why not `chromium.launchPersistentContext`: Playwright then turns on focus emulation for every page,
// which keeps a tab "visible" even behind another tab, so "a hidden tab pays nothing" could never fail.
// Chromium is started here with `--remote-debugging-port=0` and attached with
// `connectOverCDP(…, { noDefaults: true })`, which leaves visibility as in a real browser. Pages therefore
// open in windows of their own (`openWindow`), the way a person keeps a player and the popup both visible.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, realpathSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright';
import { ensureBuilt } from './build.js';
import { sleep } from './sleep.js';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const DIST_DIR = resolve(import.meta.dirname, '../../dist');

export interface ExtensionBrowserOptions {
  /** The unpacked extension; by default `dist/`, rebuilt first when older than its sources. */
  extensionDir?: string;
  /** Without a window (default true). `npm start` shows one when there is a display. */
  headless?: boolean;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** `chrome-extension://<id>/<path>` */
  extensionUrl(path: string): string;
  /** Opens `url` in a new window of its own and waits for it to load. */
  openWindow(url: string): Promise<Page>;
  /** The chrome.windows id of the window showing `page` (the same id the extension sees). */
  windowIdOf(page: Page): Promise<number>;
  /** The extension's running service worker, started by a message when Chromium had stopped it. */
  serviceWorker(): Promise<Worker>;
  /** Stops the extension's service worker the way Chromium does when it idles out (CDP ServiceWorker domain). */
  stopServiceWorker(): Promise<void>;
  close(): Promise<void>;
}


function chromiumArgs(profile: string, extensionDir: string, headless: boolean): string[] {
  return [
    `--user-data-dir=${profile}`,
    '--remote-debugging-port=0',
    ...(headless ? ['--headless'] : []),
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-sync',
    '--password-store=basic',
    '--use-mock-keychain',
    '--autoplay-policy=no-user-gesture-required',
    'about:blank',
  ];
}

/** Chromium writes the port and browser path of its DevTools endpoint into the profile once it listens. */
async function devtoolsEndpoint(profile: string, child: ChildProcess, output: () => string): Promise<string> {
  const file = join(profile, 'DevToolsActivePort');
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`Chromium exited (${child.exitCode ?? child.signalCode}):\n${output()}`);
    }
    const text = await readFile(file, 'utf8').catch(() => '');
    const [port, path] = text.split('\n');
    if (port && path) return `ws://127.0.0.1:${port}${path}`;
    await sleep(50);
  }
  throw new Error(`Chromium did not open its DevTools endpoint within 30 s:\n${output()}`);
}

/** Chromium's id for an unpacked extension without a `key`: sha256 of its absolute path, hex digits as a–p. */
export function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

async function answersWithin(worker: Worker, ms: number): Promise<boolean> {
  const answered = worker.evaluate(() => true).catch(() => false);
  return Promise.race([answered, sleep(ms).then(() => false)]);
}

export async function launchExtensionBrowser(options: ExtensionBrowserOptions = {}): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? DIST_DIR;
  if (options.extensionDir === undefined) ensureBuilt();
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: run \`apt-get install -y chromium\` (the CI script installs it) or set CHROMIUM_PATH.`);
  }
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run \`npm run build\` first.`);
  }
  const profile = await mkdtemp(join(tmpdir(), 'vilokanam-profile-'));
  const chromiumProcess = spawn(CHROMIUM_PATH, chromiumArgs(profile, extensionDir, options.headless ?? true), {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  chromiumProcess.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-8000);
  });
  const exited = new Promise<void>((done) => chromiumProcess.once('exit', () => done()));
  // A run that ends without close() (an error, Ctrl-C) must not leave Chromium behind.
  const killOnExit = () => chromiumProcess.kill('SIGKILL');
  process.once('exit', killOnExit);

  let browser: Browser;
  try {
    browser = await chromium.connectOverCDP(await devtoolsEndpoint(profile, chromiumProcess, () => stderr), { noDefaults: true });
  } catch (error) {
    chromiumProcess.kill('SIGKILL');
    await exited;
    process.off('exit', killOnExit);
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
  const context = browser.contexts()[0];
  const browserSession: CDPSession = await browser.newBrowserCDPSession();
  const extensionId = unpackedExtensionId(extensionDir);
  const extensionUrl = (path: string) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`;

  const targetIds = new WeakMap<Page, string>();
  const targetIdOf = async (page: Page): Promise<string> => {
    const known = targetIds.get(page);
    if (known) return known;
    const session = await context.newCDPSession(page);
    try {
      const { targetInfo } = await session.send('Target.getTargetInfo');
      targetIds.set(page, targetInfo.targetId);
      return targetInfo.targetId;
    } finally {
      await session.detach();
    }
  };

  const pageOfTarget = async (targetId: string): Promise<Page> => {
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      for (const page of context.pages()) if ((await targetIdOf(page)) === targetId) return page;
      await sleep(50);
    }
    throw new Error(`Playwright did not see the new window ${targetId} within 10 s`);
  };

  const openWindow = async (url: string): Promise<Page> => {
    const { targetId } = await browserSession.send('Target.createTarget', { url: 'about:blank', newWindow: true });
    const page = await pageOfTarget(targetId);
    await page.goto(url);
    return page;
  };

  const windowIdOf = async (page: Page): Promise<number> => {
    const { windowId } = await browserSession.send('Browser.getWindowForTarget', { targetId: await targetIdOf(page) });
    return windowId;
  };

  const serviceWorker = async (): Promise<Worker> => {
    const deadline = Date.now() + 30_000;
    let waker: Page | undefined;
    try {
      while (Date.now() < deadline) {
        const worker = context.serviceWorkers().find((candidate) => candidate.url().startsWith(extensionUrl('')));
        if (worker && (await answersWithin(worker, 1000))) return worker;
        waker ??= await openWindow(extensionUrl('src/popup/index.html'));
        await waker.evaluate(() => chrome.runtime.sendMessage({ type: 'state:get' })).catch(() => null);
        await sleep(250);
      }
    } finally {
      await waker?.close();
    }
    throw new Error(`the service worker of ${extensionUrl('')} did not start within 30 s; is ${extensionDir} a complete build?`);
  };

  const stopServiceWorker = async (): Promise<void> => {
    const page = await openWindow(extensionUrl('manifest.json'));
    const session = await context.newCDPSession(page);
    try {
      let resolveStopped: () => void;
      const stopped = new Promise<void>((done) => (resolveStopped = done));
      session.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        if (versions.some((version) => version.scriptURL.startsWith(extensionUrl('')) && version.runningStatus === 'stopped')) resolveStopped();
      });
      await session.send('ServiceWorker.enable');
      await session.send('ServiceWorker.stopAllWorkers');
      await Promise.race([stopped, sleep(10_000).then(() => Promise.reject(new Error('the service worker did not stop within 10 s')))]);
    } finally {
      await session.detach().catch(() => undefined);
      await page.close();
    }
  };

  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await browserSession.send('Browser.close').catch(() => undefined);
    await Promise.race([exited, sleep(5000)]);
    if (chromiumProcess.exitCode === null && chromiumProcess.signalCode === null) {
      chromiumProcess.kill('SIGKILL');
      await exited;
    }
    process.off('exit', killOnExit);
    await browser.close().catch(() => undefined);
    await rm(profile, { recursive: true, force: true });
  };

  try {
    await serviceWorker();
  } catch (error) {
    await close();
    throw error;
  }
  return { context, extensionId, extensionUrl, openWindow, windowIdOf, serviceWorker, stopServiceWorker, close };
}
