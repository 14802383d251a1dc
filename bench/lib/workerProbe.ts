// Observes the extension's service worker from outside, without code paths in the product:
// - a tap on WebSocket.prototype.send, injected into the running worker through Playwright, that notes
//   when each extrinsic left the worker (author_submitAndWatchExtrinsic) and its bytes;
// - a DevTools session on the worker target for its JS heap (Runtime.getHeapUsage);
// - the browser's ServiceWorker domain, to stop the worker and see when Chromium starts it again.
import type { CDPSession, Page, Worker } from 'playwright';
import type { Meter } from '../../test/e2e/fixture.js';

export interface Submission {
  /** Date.now() in the worker when the extrinsic was handed to the socket. */
  at: number;
  /** The signed extrinsic, 0x… */
  hex: string;
}

declare global {
  var __vilokanamBenchSubmissions: Submission[] | undefined;
}

/**
 * Starts noting submissions in the running worker (again after a restart: a new worker has no tap).
 * The function is serialized into the worker: it declares no named inner functions (tsx would wrap them).
 */
export async function tapSubmissions(worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    if (globalThis.__vilokanamBenchSubmissions) return;
    const noted: Submission[] = [];
    globalThis.__vilokanamBenchSubmissions = noted;
    // The original method, called below with each socket as its `this`.
    const send = Object.getOwnPropertyDescriptor(WebSocket.prototype, 'send')?.value as (this: WebSocket, data: string | ArrayBufferLike | Blob | ArrayBufferView) => void;
    WebSocket.prototype.send = function (this: WebSocket, data: string | ArrayBufferLike | Blob | ArrayBufferView) {
      if (typeof data === 'string' && data.includes('"author_submit')) {
        const message = JSON.parse(data) as { method?: string; params?: unknown[] };
        const hex = message.params?.[0];
        if (typeof hex === 'string') noted.push({ at: Date.now(), hex });
      }
      send.call(this, data);
    };
  });
}

/** Everything noted since the tap was installed. */
export async function submissionsOf(worker: Worker): Promise<Submission[]> {
  return worker.evaluate(() => [...(globalThis.__vilokanamBenchSubmissions ?? [])]);
}

/** A DevTools session on the extension's service worker target (attached through the browser session). */
export class WorkerTarget {
  #nextId = 0;
  readonly #pending = new Map<number, { resolve(result: unknown): void; reject(error: Error): void }>();

  private constructor(
    private readonly browserSession: CDPSession,
    private readonly sessionId: string,
  ) {
    browserSession.on('Target.receivedMessageFromTarget', (event) => {
      if (event.sessionId !== this.sessionId) return;
      const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
      const waiting = message.id === undefined ? undefined : this.#pending.get(message.id);
      if (!waiting) return;
      this.#pending.delete(message.id!);
      if (message.error) waiting.reject(new Error(message.error.message));
      else waiting.resolve(message.result);
    });
  }

  static async attach(meter: Meter): Promise<WorkerTarget> {
    const browser = meter.browser.context.browser();
    if (!browser) throw new Error('the extension browser has no Browser object');
    const session = await browser.newBrowserCDPSession();
    const { targetInfos } = await session.send('Target.getTargets');
    const worker = targetInfos.find(
      (target) => target.type === 'service_worker' && target.url.startsWith(`chrome-extension://${meter.extensionId}/`),
    );
    if (!worker) throw new Error('the extension service worker is not running');
    // Not flattened: Playwright's CDPSession cannot address a child session, so messages are relayed.
    const { sessionId } = await session.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
    return new WorkerTarget(session, sessionId);
  }

  call<T>(method: string, params: Record<string, unknown> = {}, timeoutMs = 10_000): Promise<T> {
    const id = ++this.#nextId;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(new Error(`${method} on the worker target: no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      this.#pending.set(id, {
        resolve: (result) => {
          clearTimeout(timer);
          resolve(result as T);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.browserSession
        .send('Target.sendMessageToTarget', { sessionId: this.sessionId, message: JSON.stringify({ id, method, params }) })
        .catch((error: unknown) => {
          this.#pending.delete(id);
          clearTimeout(timer);
          reject(error instanceof Error ? error : new Error(String(error)));
        });
    });
  }

  /** Bytes of JS heap the worker uses now. */
  async heapUsed(): Promise<number> {
    return (await this.call<{ usedSize: number }>('Runtime.getHeapUsage')).usedSize;
  }

  async detach(): Promise<void> {
    await this.browserSession.detach().catch(() => undefined);
  }
}

export type WorkerStatus = 'stopped' | 'starting' | 'running' | 'stopping';

/**
 * Notes every change of the extension worker's running status, and stops the worker, from a window showing
 * the extension's manifest.json: an extension page that opens no port to the worker. It stays open, because
 * closing a tab wakes the worker (`tabs.onRemoved`), which the fixture's `stopServiceWorker` does.
 */
export class WorkerLifecycle {
  readonly changes: { status: WorkerStatus; at: number }[] = [];

  private constructor(
    private readonly page: Page,
    private readonly session: CDPSession,
  ) {}

  static async open(meter: Meter): Promise<WorkerLifecycle> {
    const page = await meter.browser.openWindow(meter.browser.extensionUrl('manifest.json'));
    const session = await meter.browser.context.newCDPSession(page);
    const lifecycle = new WorkerLifecycle(page, session);
    const prefix = meter.browser.extensionUrl('');
    let last: WorkerStatus | null = null;
    session.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      const at = Date.now();
      for (const version of versions) {
        if (!version.scriptURL.startsWith(prefix)) continue;
        const status = version.runningStatus;
        if (status !== last) lifecycle.changes.push({ status, at });
        last = status;
      }
    });
    await session.send('ServiceWorker.enable');
    return lifecycle;
  }

  /** Stops the worker as Chromium does when it idles out, and resolves once it is stopped. */
  async stop(): Promise<void> {
    const since = Date.now();
    await this.session.send('ServiceWorker.stopAllWorkers');
    await this.waitFor('stopped', since, 10_000);
  }

  /** When the worker first went to `status` at or after `since`, waiting up to `timeoutMs`. */
  async waitFor(status: WorkerStatus, since: number, timeoutMs: number): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const change = this.changes.find((candidate) => candidate.status === status && candidate.at >= since);
      if (change) return change.at;
      await new Promise((done) => setTimeout(done, 20));
    }
    throw new Error(`the service worker did not reach "${status}" within ${timeoutMs} ms`);
  }

  async close(): Promise<void> {
    await this.session.detach().catch(() => undefined);
    await this.page.close().catch(() => undefined);
  }
}
