// @vitest-environment happy-dom
import { beforeEach, describe, expect, test } from 'vitest';
import type { ContentToWorkerMessage } from '../shared/messages';
import { DomWatcher } from './domWatcher';
import { createFrameMeter } from './frameMeter';
import { createFakeMedia, FakeIntersectionObserver, setVisibility } from './testMedia';

/** MutationObserver callbacks run as microtasks. */
const mutationsDelivered = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

let subtrees: Node[];
let changes: number;
let watcher: DomWatcher;

function startWatcher(): void {
  watcher = new DomWatcher(
    { document, createMutationObserver: (callback) => new MutationObserver(callback) },
    { onSubtree: (root) => subtrees.push(root), onChange: () => changes++ },
  );
  watcher.start();
}

describe('DomWatcher', () => {
  beforeEach(() => {
    document.head.innerHTML = '';
    document.body.innerHTML = '';
    subtrees = [];
    changes = 0;
  });

  test('starts with the whole document and its existing open shadow roots', () => {
    const host = document.createElement('div');
    const shadow = host.attachShadow({ mode: 'open' });
    document.body.append(host);
    startWatcher();
    expect(subtrees).toEqual([document, shadow]);
    watcher.stop();
  });

  test('hands over only the added subtree, not the document again', async () => {
    startWatcher();
    subtrees = [];
    const player = document.createElement('section');
    document.body.append(player);
    await mutationsDelivered();
    expect(subtrees).toEqual([player]);
    watcher.stop();
  });

  test('follows nodes added inside an open shadow root found later', async () => {
    startWatcher();
    const host = document.createElement('div');
    const shadow = host.attachShadow({ mode: 'open' });
    document.body.append(host);
    await mutationsDelivered();
    expect(subtrees).toContain(shadow);
    const video = document.createElement('video');
    shadow.append(video);
    await mutationsDelivered();
    expect(subtrees.at(-1)).toBe(video);
    watcher.stop();
  });

  test('a meta content change or a removal is a change', async () => {
    const meta = document.createElement('meta');
    meta.setAttribute('name', 'vilokanam:stream');
    document.head.append(meta);
    startWatcher();
    meta.setAttribute('content', '3');
    await mutationsDelivered();
    expect(changes).toBe(1);
    meta.remove();
    await mutationsDelivered();
    expect(changes).toBe(2);
    document.body.setAttribute('name', 'not-a-meta');
    await mutationsDelivered();
    expect(changes).toBe(2);
    watcher.stop();
  });
});

describe('content script pieces together (happy-dom, fake IntersectionObserver, fake timers)', () => {
  test('a single-page app that adds its tag and player later is reported playing, then paused', async () => {
    document.head.innerHTML = '';
    document.body.innerHTML = '';
    setVisibility(document, 'visible');
    const sent: ContentToWorkerMessage[] = [];
    let intersection!: FakeIntersectionObserver;
    let sample: (() => void) | null = null;
    const { watcher } = createFrameMeter({
      document,
      createIntersectionObserver: (callback, options) => {
        intersection = new FakeIntersectionObserver(callback, options);
        return intersection as unknown as IntersectionObserver;
      },
      createMutationObserver: (callback) => new MutationObserver(callback),
      now: () => 0,
      hasBeenActivated: () => true,
      getComputedStyle: (element, pseudo) => window.getComputedStyle(element, pseudo),
      setInterval: (callback) => {
        sample = callback;
        return 1;
      },
      clearInterval: () => {
        sample = null;
      },
      send: (message) => sent.push(message),
    });
    watcher.start();
    expect(sent).toEqual([]);

    const meta = document.createElement('meta');
    meta.setAttribute('name', 'vilokanam:stream');
    meta.setAttribute('content', '1');
    const host = document.createElement('x-player');
    const video = createFakeMedia(document, 'video', { paused: false });
    host.attachShadow({ mode: 'open' }).append(video);
    document.head.append(meta);
    document.body.append(host);
    await mutationsDelivered();
    intersection.setIntersecting(video, true);
    expect(sent.at(-1)).toEqual({ type: 'frame:media', tag: { stream: ['1'], network: [], creator: [] }, playing: false, activated: true });

    video.playback.currentTime = 0.5;
    expect(sample).not.toBeNull();
    sample!();
    expect(sent.at(-1)).toMatchObject({ playing: true });

    video.playback.paused = true;
    video.dispatchEvent(new Event('pause'));
    expect(sent.at(-1)).toMatchObject({ playing: false });
    expect(sample).toBeNull();
    watcher.stop();
  });
});
