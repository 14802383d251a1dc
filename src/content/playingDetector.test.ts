// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { INTERSECTION_OPTIONS, MIN_VISIBLE_LONG_SIDE, MIN_VISIBLE_SHORT_SIDE, PlayingDetector } from './playingDetector';
import { createFakeMedia, FakeIntersectionObserver, setVisibility, type FakeMediaElement } from './testMedia';

let intersection: FakeIntersectionObserver;
let onChange: ReturnType<typeof vi.fn<() => void>>;
let detector: PlayingDetector;
/** The detector's clock, ms. */
let clock: number;

function playingVideo(): FakeMediaElement {
  const video = createFakeMedia(document, 'video', { paused: false, currentTime: 10 });
  document.body.append(video);
  detector.addFrom(video);
  return video;
}

/** One sampling interval of playback at normal speed; returns what `sample()` returned. */
function advance(media: FakeMediaElement, seconds = 0.5): number {
  clock += 500;
  media.playback.currentTime += seconds;
  return detector.sample();
}

describe('PlayingDetector (fake IntersectionObserver)', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
    setVisibility(document, 'visible');
    onChange = vi.fn<() => void>();
    clock = 1_000_000;
    detector = new PlayingDetector(
      {
        document,
        now: () => clock,
        getComputedStyle: (element, pseudo) => window.getComputedStyle(element, pseudo),
        createIntersectionObserver: (callback, options) => {
          intersection = new FakeIntersectionObserver(callback, options);
          return intersection as unknown as IntersectionObserver;
        },
      },
      onChange,
    );
  });

  test('a visible, unpaused video in the viewport plays only once its time advances', () => {
    const video = playingVideo();
    intersection.setIntersecting(video, true);
    expect(detector.state()).not.toBe('playing');
    detector.sample();
    expect(detector.state()).not.toBe('playing');
    advance(video);
    expect(detector.state()).toBe('playing');
  });

  test('a sample that finds playback started tells how long it had been playing: media time, at most the wall time since the last reading', () => {
    const video = playingVideo();
    intersection.setIntersecting(video, true);
    expect(advance(video, 0.3337), 'whole ms, as the worker accepts them').toBe(333);
    expect(advance(video), 'already playing: nothing new').toBe(0);
    video.dispatchEvent(new Event('seeked'));
    expect(advance(video, 4), 'a jump counts for no more than the wall time').toBe(500);
    video.dispatchEvent(new Event('pause'));
    video.playback.paused = true;
    expect(advance(video), 'paused').toBe(0);
  });

  test('time standing still (a silent stall) stops playing', () => {
    const video = playingVideo();
    intersection.setIntersecting(video, true);
    advance(video);
    detector.sample();
    expect(detector.state()).not.toBe('playing');
  });

  test('paused, ended, seeking or waiting for data is not playing', () => {
    const video = playingVideo();
    intersection.setIntersecting(video, true);
    advance(video);
    for (const [key, value] of [
      ['paused', true],
      ['ended', true],
      ['seeking', true],
      ['readyState', 2],
    ] as const) {
      const before = video.playback[key];
      Object.assign(video.playback, { [key]: value });
      expect(detector.state(), key).not.toBe('playing');
      Object.assign(video.playback, { [key]: before });
      expect(detector.state(), key).toBe('playing');
    }
  });

  test('a video outside the viewport or in a hidden document plays unperceived', () => {
    const video = playingVideo();
    advance(video);
    expect(detector.state()).toBe('unperceived');
    intersection.setIntersecting(video, true);
    expect(detector.state()).toBe('playing');
    setVisibility(document, 'hidden');
    expect(detector.state()).toBe('unperceived');
  });

  test('an audio element plays without a box in the viewport, but only while it is audible', () => {
    const audio = createFakeMedia(document, 'audio', { paused: false });
    document.body.append(audio);
    detector.addFrom(document);
    advance(audio);
    expect(detector.state()).toBe('playing');
    audio.muted = true;
    expect(detector.state()).toBe('unperceived');
    audio.muted = false;
    audio.volume = 0;
    expect(detector.state()).toBe('unperceived');
  });

  test('observes with IntersectionObserver v2 (visibility tracked, not geometry alone)', () => {
    playingVideo();
    expect(INTERSECTION_OPTIONS).toMatchObject({ trackVisibility: true });
    expect(INTERSECTION_OPTIONS.delay).toBeGreaterThanOrEqual(100);
    expect(intersection.options).toBe(INTERSECTION_OPTIONS);
  });

  test(`a video whose visible part is under ${MIN_VISIBLE_LONG_SIDE} × ${MIN_VISIBLE_SHORT_SIDE} px plays unperceived, either way round`, () => {
    const video = playingVideo();
    advance(video);
    for (const [width, height, seen] of [
      [MIN_VISIBLE_LONG_SIDE, MIN_VISIBLE_SHORT_SIDE, true],
      [MIN_VISIBLE_SHORT_SIDE, MIN_VISIBLE_LONG_SIDE, true],
      [MIN_VISIBLE_LONG_SIDE - 1, MIN_VISIBLE_SHORT_SIDE, false],
      [MIN_VISIBLE_LONG_SIDE, MIN_VISIBLE_SHORT_SIDE - 1, false],
      [1, 1, false],
      [1280, 20, false],
    ] as const) {
      intersection.setIntersecting(video, true, { width, height, isVisible: true });
      expect(detector.state(), `${width} × ${height}`).toBe(seen ? 'playing' : 'unperceived');
    }
  });

  test('a playing video is observed again at each sample, so a resize shows in its next entry', () => {
    const video = playingVideo();
    intersection.setIntersecting(video, true);
    const before = intersection.observeCalls.get(video) ?? 0;
    advance(video);
    advance(video);
    expect(intersection.observeCalls.get(video)).toBe(before + 2);
    video.playback.paused = true;
    advance(video);
    expect(intersection.observeCalls.get(video)).toBe(before + 2);
  });

  describe('where v2 says no, or is missing, the frame’s own look (elementsFromPoint stubbed: happy-dom has no layout)', () => {
    /** What lies at every point, topmost first. */
    let stack: Element[];
    beforeEach(() => {
      stack = [];
      Object.defineProperty(document, 'elementsFromPoint', { configurable: true, value: () => stack });
    });
    afterEach(() => {
      delete (document as { elementsFromPoint?: unknown }).elementsFromPoint;
    });

    const overlay = (css: string) => {
      const element = document.createElement('div');
      element.setAttribute('style', css);
      document.body.append(element);
      return element;
    };

    test('the player’s own transparent controls over the video: still seen (v2 counts any overlap)', () => {
      const video = playingVideo();
      advance(video);
      stack = [overlay('background: transparent'), video, document.body];
      intersection.setIntersecting(video, true, { isVisible: false });
      expect(detector.state()).toBe('playing');
    });

    test('an opaque box, an image or a blur of the same page over the video: covered', () => {
      const video = playingVideo();
      advance(video);
      intersection.setIntersecting(video, true, { isVisible: false });
      for (const cover of [overlay('background-color: rgb(255, 255, 255)'), document.createElement('img'), overlay('backdrop-filter: blur(20px)')]) {
        stack = [cover, video, document.body];
        expect(detector.state(), cover.outerHTML).toBe('unperceived');
      }
    });

    test('a transparent or filtered video is not seen', () => {
      const video = playingVideo();
      advance(video);
      stack = [video, document.body];
      intersection.setIntersecting(video, true, { isVisible: undefined });
      expect(detector.state()).toBe('playing');
      video.style.opacity = '0';
      expect(detector.state()).toBe('unperceived');
      video.style.opacity = '1';
      document.body.style.filter = 'brightness(0)';
      expect(detector.state()).toBe('unperceived');
      document.body.style.filter = '';
    });

    test('a frame its parent page covers or fades (v2 on the frame’s root) is not seen, whatever its own document shows', () => {
      const video = playingVideo();
      advance(video);
      stack = [video, document.body];
      intersection.setIntersecting(video, true, { isVisible: false });
      expect(detector.state()).toBe('playing');
      intersection.setIntersecting(document.documentElement, true, { isVisible: false });
      expect(detector.state()).toBe('unperceived');
    });
  });

  test('pause, waiting and seek events report a change and need time to move again', () => {
    const video = playingVideo();
    intersection.setIntersecting(video, true);
    advance(video);
    onChange.mockClear();
    video.dispatchEvent(new Event('waiting'));
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(detector.state()).not.toBe('playing');
    advance(video);
    expect(detector.state()).toBe('playing');
    video.playback.currentTime = 100;
    video.dispatchEvent(new Event('seeked'));
    expect(detector.state()).not.toBe('playing');
  });

  test('media inside an open shadow root is tracked when its root is added', () => {
    const host = document.createElement('div');
    const shadow = host.attachShadow({ mode: 'open' });
    const video = createFakeMedia(document, 'video', { paused: false });
    shadow.append(video);
    document.body.append(host);
    detector.addFrom(shadow);
    intersection.setIntersecting(video, true);
    advance(video);
    expect(detector.state()).toBe('playing');
  });

  test('hasCandidates is true only while some connected media is unpaused and not ended', () => {
    const video = createFakeMedia(document, 'video');
    document.body.append(video);
    detector.addFrom(video);
    expect(detector.hasCandidates()).toBe(false);
    video.playback.paused = false;
    expect(detector.hasCandidates()).toBe(true);
    video.playback.ended = true;
    expect(detector.hasCandidates()).toBe(false);
  });

  test('removed media is forgotten and unobserved', () => {
    const video = playingVideo();
    intersection.setIntersecting(video, true);
    advance(video);
    video.remove();
    detector.prune();
    expect(intersection.observed.has(video)).toBe(false);
    expect(detector.state()).not.toBe('playing');
    expect(detector.hasCandidates()).toBe(false);
  });
});
