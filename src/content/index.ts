/*
 * The content script, injected into every frame. It only reads this frame's own document and talks to the
 * worker through chrome.runtime messaging: it offers page scripts no interface (no postMessage, no DOM
 * events of its own), so they cannot reach the worker through it. It listens to the browser's trusted input
 * events only to notice at once that the person interacted (a page's synthetic events are not trusted);
 * the sampling timer notices it too.
 */
import type { WorkerToContentMessage } from '../shared/messages';
import { createFrameMeter } from './frameMeter';

const { detector, reporter, watcher } = createFrameMeter({
  document,
  createIntersectionObserver: (callback, options) => new IntersectionObserver(callback, options),
  createMutationObserver: (callback) => new MutationObserver(callback),
  now: () => Date.now(),
  setInterval: (callback, ms) => window.setInterval(callback, ms),
  clearInterval: (id) => window.clearInterval(id),
  hasBeenActivated: () => navigator.userActivation?.hasBeenActive === true,
  getComputedStyle: (element, pseudo) => window.getComputedStyle(element, pseudo),
  shadowRootOf,
  send: (message) => {
    try {
      chrome.runtime.sendMessage(message).catch(shutDownIfOrphaned);
    } catch {
      shutDownIfOrphaned();
    }
  },
});

/** An element's shadow root, closed ones too: Chromium's `chrome.dom`, Firefox's `openOrClosedShadowRoot`. */
function shadowRootOf(element: Element): ShadowRoot | null {
  if (!(element instanceof HTMLElement)) return element.shadowRoot;
  if (typeof chrome.dom?.openOrClosedShadowRoot === 'function') return chrome.dom.openOrClosedShadowRoot(element);
  return (element as HTMLElement & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot ?? element.shadowRoot;
}

function onWorkerMessage(message: WorkerToContentMessage, sender: chrome.runtime.MessageSender): void {
  if (sender.id !== chrome.runtime.id || message?.type !== 'frame:resend') return;
  reporter.resend();
}

const onVisibilityChange = (): void => reporter.update();
/** Only the browser makes trusted input events; they are what gives a page user activation. */
const onInput = (event: Event): void => {
  if (event.isTrusted) setTimeout(() => reporter.update(), 0);
};
const INPUT_EVENTS = ['pointerdown', 'keydown', 'touchend'];
const onPageHide = (): void => reporter.suspend();
const onPageShow = (): void => reporter.resume();

/** After the extension is reloaded or removed this frame's script is orphaned: it stops everything. */
function shutDownIfOrphaned(): void {
  if (chrome.runtime?.id) return; // the worker was just busy starting; the next heartbeat retries
  reporter.stop();
  watcher.stop();
  detector.dispose();
  document.removeEventListener('visibilitychange', onVisibilityChange);
  for (const type of INPUT_EVENTS) window.removeEventListener(type, onInput, true);
  window.removeEventListener('pagehide', onPageHide);
  window.removeEventListener('pageshow', onPageShow);
}

chrome.runtime.onMessage.addListener(onWorkerMessage);
document.addEventListener('visibilitychange', onVisibilityChange);
for (const type of INPUT_EVENTS) window.addEventListener(type, onInput, { capture: true, passive: true });
window.addEventListener('pagehide', onPageHide);
window.addEventListener('pageshow', onPageShow);
watcher.start();
