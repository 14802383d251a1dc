/*
 * The content script, injected into every frame. It only reads this frame's own document and talks to the
 * worker through chrome.runtime messaging: it registers no page-visible listener (no postMessage, no DOM
 * events of its own), so page scripts cannot reach the worker through it.
 */
import type { WorkerToContentMessage } from '../shared/messages';
import { createFrameMeter } from './frameMeter';

const { detector, reporter, watcher } = createFrameMeter({
  document,
  createIntersectionObserver: (callback) => new IntersectionObserver(callback),
  createMutationObserver: (callback) => new MutationObserver(callback),
  now: () => Date.now(),
  setInterval: (callback, ms) => window.setInterval(callback, ms),
  clearInterval: (id) => window.clearInterval(id),
  send: (message) => {
    try {
      chrome.runtime.sendMessage(message).catch(shutDownIfOrphaned);
    } catch {
      shutDownIfOrphaned();
    }
  },
});

function onWorkerMessage(message: WorkerToContentMessage, sender: chrome.runtime.MessageSender): void {
  if (sender.id !== chrome.runtime.id || message?.type !== 'frame:resend') return;
  reporter.resend();
}

const onVisibilityChange = (): void => reporter.update();
const onPageHide = (): void => reporter.suspend();
const onPageShow = (): void => reporter.resume();

/** After the extension is reloaded or removed this frame's script is orphaned: it stops everything. */
function shutDownIfOrphaned(): void {
  if (chrome.runtime?.id) return; // the worker was just busy starting; the next heartbeat retries
  reporter.stop();
  watcher.stop();
  detector.dispose();
  document.removeEventListener('visibilitychange', onVisibilityChange);
  window.removeEventListener('pagehide', onPageHide);
  window.removeEventListener('pageshow', onPageShow);
}

chrome.runtime.onMessage.addListener(onWorkerMessage);
document.addEventListener('visibilitychange', onVisibilityChange);
window.addEventListener('pagehide', onPageHide);
window.addEventListener('pageshow', onPageShow);
watcher.start();
