// Starts Debian's Firefox ESR with the Firefox build of the extension and drives it over WebDriver BiDi,
// the protocol Firefox itself serves (Playwright drives only its own patched Firefox, which cannot be
// downloaded here). Just what the Firefox run needs: install the add-on, open tabs, run script in them,
// click in them as a person does (trusted input, so the page gets user activation).
//
// BiDi may not navigate to moz-extension:// pages, so extension pages are opened from the browser's own
// window (its chrome scope, reachable with --remote-allow-system-access), as a click in the UI would.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { FIREFOX_ADDON_ID } from '../../scripts/firefoxManifest.js';
import { sleep } from './sleep.js';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

interface BidiMessage {
  id?: number;
  type: 'success' | 'error' | 'event';
  result?: unknown;
  error?: string;
  message?: string;
}

interface EvaluateResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown };
  exceptionDetails?: { text: string };
}

interface BrowsingContextInfo {
  context: string;
  url: string;
  'moz:scope'?: 'chrome' | 'content';
}

export interface FirefoxWithExtension {
  /** Opens one of the extension's pages (`src/options/index.html`) in a new tab; returns its browsing context. */
  openExtensionPage(path: string): Promise<string>;
  /** Opens a web page in a new tab and waits for it to load; returns its browsing context. */
  openTab(url: string): Promise<string>;
  /** Runs `expression` in the tab, awaits it, and returns its value (through JSON). */
  evaluate<T>(context: string, expression: string): Promise<T>;
  /** Clicks the middle of the first element matching `selector`, with real mouse input. */
  click(context: string, selector: string): Promise<void>;
  close(): Promise<void>;
}


const PREFS: Record<string, unknown> = {
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.reportingpolicy.firstRun': false,
  'app.update.disabledForTesting': true,
  // Autoplay allowed, as in the Chromium runs: whether a video that starts by itself is paid is the extension's call.
  'media.autoplay.default': 0,
};

function bidiEndpoint(firefox: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    firefox.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]);
    });
    firefox.once('exit', (code) => reject(new Error(`Firefox exited (${code}) before serving WebDriver BiDi:\n${output}`)));
  });
}

class BidiSession {
  #socket: WebSocket;
  #nextId = 1;
  #pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

  private constructor(socket: WebSocket) {
    this.#socket = socket;
    socket.on('message', (data) => {
      const message = JSON.parse((data as Buffer).toString('utf8')) as BidiMessage;
      const waiting = message.id === undefined ? undefined : this.#pending.get(message.id);
      if (!waiting) return;
      this.#pending.delete(message.id!);
      if (message.type === 'success') waiting.resolve(message.result);
      else waiting.reject(new Error(`WebDriver BiDi: ${message.error}: ${message.message}`));
    });
  }

  static async open(endpoint: string): Promise<BidiSession> {
    const socket = new WebSocket(`${endpoint}/session`);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    const session = new BidiSession(socket);
    await session.send('session.new', { capabilities: {} });
    return session;
  }

  send<T>(method: string, params: Record<string, unknown>): Promise<T> {
    const id = this.#nextId++;
    this.#socket.send(JSON.stringify({ id, method, params }));
    return new Promise<T>((resolve, reject) => this.#pending.set(id, { resolve: resolve as (value: unknown) => void, reject }));
  }

  async evaluate<T>(context: string, expression: string): Promise<T> {
    const outcome = await this.send<EvaluateResult>('script.evaluate', {
      expression: `(async () => JSON.stringify(await (${expression})) ?? 'null')()`,
      target: { context },
      awaitPromise: true,
    });
    if (outcome.type === 'exception') throw new Error(`script failed in Firefox: ${outcome.exceptionDetails?.text}`);
    return JSON.parse(String(outcome.result?.value)) as T;
  }

  close(): void {
    this.#socket.close();
  }
}

/** Starts Firefox headless in a fresh profile and installs `extensionDir` as a temporary add-on. */
export async function launchFirefox(extensionDir: string): Promise<FirefoxWithExtension> {
  const profile = await mkdtemp(join(tmpdir(), 'vilokanam-firefox-'));
  const prefs = Object.entries(PREFS).map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});\n`);
  await writeFile(join(profile, 'user.js'), prefs.join(''));
  const firefox = spawn(
    FIREFOX_PATH,
    ['--headless', '--no-remote', '--profile', profile, '--remote-debugging-port', '0', '--remote-allow-system-access'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const close = async (session?: BidiSession) => {
    session?.close();
    const exited = new Promise((done) => firefox.once('exit', done));
    firefox.kill('SIGTERM');
    await Promise.race([exited, sleep(5000)]);
    if (firefox.exitCode === null && firefox.signalCode === null) firefox.kill('SIGKILL');
    await rm(profile, { recursive: true, force: true });
  };

  let session: BidiSession;
  let browserWindow: string;
  try {
    session = await BidiSession.open(await bidiEndpoint(firefox));
    await session.send('webExtension.install', { extensionData: { type: 'path', path: extensionDir } });
    const tree = await session.send<{ contexts: BrowsingContextInfo[] }>('browsingContext.getTree', { 'moz:scope': 'chrome' });
    const window = tree.contexts.find((context) => context.url === 'chrome://browser/content/browser.xhtml');
    if (!window) throw new Error('Firefox shows no browser window');
    browserWindow = window.context;
  } catch (error) {
    await close();
    throw error;
  }

  const contentTabs = async () =>
    (await session.send<{ contexts: BrowsingContextInfo[] }>('browsingContext.getTree', { maxDepth: 0 })).contexts;

  return {
    async openExtensionPage(path) {
      const before = new Set((await contentTabs()).map((tab) => tab.context));
      const url = await session.evaluate<string>(
        browserWindow,
        `(async () => {
          const policy = WebExtensionPolicy.getByID(${JSON.stringify(FIREFOX_ADDON_ID)});
          const url = policy.getURL(${JSON.stringify(path)});
          gBrowser.selectedTab = gBrowser.addTab(url, { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() });
          return url;
        })()`,
      );
      for (let waited = 0; waited < 10_000; waited += 100) {
        const tab = (await contentTabs()).find((candidate) => !before.has(candidate.context) && candidate.url === url);
        if (tab && (await session.evaluate<string>(tab.context, 'document.readyState')) === 'complete') return tab.context;
        await sleep(100);
      }
      throw new Error(`the extension page ${url} did not load`);
    },
    async openTab(url) {
      const { context } = await session.send<{ context: string }>('browsingContext.create', { type: 'tab' });
      await session.send('browsingContext.navigate', { context, url, wait: 'complete' });
      return context;
    },
    evaluate: (context, expression) => session.evaluate(context, expression),
    async click(context, selector) {
      const point = await session.evaluate<{ x: number; y: number }>(
        context,
        `(() => {
          const element = document.querySelector(${JSON.stringify(selector)});
          if (!element) throw new Error('nothing matches ${selector.replace(/'/g, "\\'")}');
          element.scrollIntoView({ block: 'center' });
          const box = element.getBoundingClientRect();
          return { x: Math.round(box.left + box.width / 2), y: Math.round(box.top + box.height / 2) };
        })()`,
      );
      await session.send('input.performActions', {
        context,
        actions: [
          {
            type: 'pointer',
            id: 'mouse',
            parameters: { pointerType: 'mouse' },
            actions: [
              { type: 'pointerMove', x: point.x, y: point.y },
              { type: 'pointerDown', button: 0 },
              { type: 'pointerUp', button: 0 },
            ],
          },
        ],
      });
    },
    close: () => close(session),
  };
}
