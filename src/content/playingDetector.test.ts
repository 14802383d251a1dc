// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { INTERSECTION_OPTIONS, MIN_VISIBLE_LONG_SIDE, MIN_VISIBLE_SHORT_SIDE, PlayingDetector, SIGHT_REUSE_MS } from './playingDetector';
import { MAX_PLAYER_ELEMENTS } from './documentSight';
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

  describe('the picture itself (v2 does not see masks, clip paths or a moved picture)', () => {
    test.each([
      ['mask-image: linear-gradient(transparent, transparent)', 'a mask'],
      ['clip-path: circle(1px)', 'a clip path'],
      ['clip-path: inset(0 0 99% 0)', 'a clip path cutting most of it'],
      ['object-position: -10000px 0', 'the picture moved out of its box'],
    ])('%s (%s): not seen, even when v2 finds the video visible', (css) => {
      const video = playingVideo();
      advance(video);
      intersection.setIntersecting(video, true, { isVisible: true });
      expect(detector.state()).toBe('playing');
      video.setAttribute('style', css);
      intersection.setIntersecting(video, true, { isVisible: true });
      expect(detector.state(), css).toBe('unperceived');
    });

    test('a mask on an ancestor hides it too; rounded corners (clip-path: inset(0 round …)) do not', () => {
      const video = playingVideo();
      advance(video);
      intersection.setIntersecting(video, true, { isVisible: true });
      document.body.style.clipPath = 'inset(0 round 12px)';
      intersection.setIntersecting(video, true, { isVisible: true });
      expect(detector.state()).toBe('playing');
      document.body.setAttribute('style', 'mask-image: linear-gradient(transparent, transparent)');
      intersection.setIntersecting(video, true, { isVisible: true });
      expect(detector.state()).toBe('unperceived');
      document.body.removeAttribute('style');
    });
  });

  describe('where v2 says no, or is missing, the frame’s own look (layout stubbed: happy-dom has none)', () => {
    /** What `elementsFromPoint` returns at every point, topmost first (the look without v2 hit-tests outside the player). */
    let stack: Element[];
    let stage: HTMLElement;
    beforeEach(() => {
      stack = [];
      Object.defineProperty(document, 'elementsFromPoint', { configurable: true, value: () => stack });
      stage = document.createElement('div');
      document.body.append(stage);
    });
    afterEach(() => {
      delete (document as { elementsFromPoint?: unknown }).elementsFromPoint;
    });

    /** Gives the element a layout box (CSS px, viewport coordinates). */
    const place = (element: Element, left: number, top: number, width: number, height: number) => {
      element.getBoundingClientRect = () => ({ left, top, width, height, right: left + width, bottom: top + height, x: left, y: top }) as DOMRect;
    };
    /** A playing 320 × 180 video in `stage`, found not visible by v2, its player box (`stage`) found visible. */
    const coveredByV2 = () => {
      const video = createFakeMedia(document, 'video', { paused: false, currentTime: 10 });
      stage.append(video);
      place(video, 0, 0, 320, 180);
      place(stage, 0, 0, 320, 220);
      detector.addFrom(video);
      advance(video);
      intersection.setIntersecting(stage, true, { isVisible: true });
      intersection.setIntersecting(video, true, { isVisible: false });
      return video;
    };
    const overlay = (css: string, box: [number, number, number, number] = [0, 0, 320, 180]) => {
      const element = document.createElement('div');
      element.setAttribute('style', css);
      stage.append(element);
      place(element, ...box);
      return element;
    };
    /** A new look: IntersectionObserver entries end the reuse of the last one. `v2: false`: a browser without v2. */
    const look = (video: Element, { v2 = true } = {}) => {
      intersection.setIntersecting(video, true, { isVisible: v2 ? false : undefined });
      return detector.state();
    };

    test('the possible player boxes of a playing video are observed with v2 too', () => {
      const video = coveredByV2();
      expect(intersection.observed.has(stage)).toBe(true);
      expect(intersection.observed.has(document.body)).toBe(true);
      video.playback.paused = true;
      advance(video);
      expect(intersection.observed.has(stage)).toBe(false);
    });

    test('the player’s own transparent controls, a thin bar of buttons, subtitles: still seen', () => {
      const video = coveredByV2();
      overlay('background: transparent');
      overlay('background-color: rgba(0, 0, 0, 0.7)', [0, 150, 320, 30]).textContent = '▶ 0:10';
      overlay('font-size: 20px; color: white', [40, 120, 240, 24]).textContent = 'A subtitle';
      expect(look(video)).toBe('playing');
    });

    test('an opaque box, an image or a blur of the page over the video: covered, even when it lets clicks through (pointer-events: none)', () => {
      const video = coveredByV2();
      for (const css of ['background-color: rgb(255, 255, 255)', 'background-color: rgb(255, 255, 255); pointer-events: none', 'backdrop-filter: blur(20px)']) {
        const cover = overlay(css);
        expect(look(video), css).toBe('unperceived');
        cover.remove();
      }
      const image = document.createElement('img');
      stage.append(image);
      place(image, 0, 0, 320, 180);
      expect(look(video)).toBe('unperceived');
    });

    test('a box elsewhere whose shadow or outline reaches over the video, and giant text: covered', () => {
      const video = coveredByV2();
      for (const css of ['box-shadow: 0 0 0 1000px #fff', 'outline: 1000px solid white']) {
        const cover = overlay(css, [400, 0, 10, 10]);
        expect(look(video), css).toBe('unperceived');
        cover.remove();
      }
      overlay('font-size: 400px; color: white').textContent = '█';
      expect(look(video)).toBe('unperceived');
    });

    test('what hides nothing: a faded-out overlay (opacity 0), one not displayed, one beside the video', () => {
      const video = coveredByV2();
      overlay('background-color: rgb(0, 0, 0); opacity: 0');
      overlay('background-color: rgb(0, 0, 0); display: none');
      overlay('background-color: rgb(0, 0, 0)', [330, 0, 100, 180]);
      expect(look(video)).toBe('playing');
    });

    test('no player box v2 finds visible (something outside it covers it): not seen', () => {
      const video = coveredByV2();
      expect(look(video)).toBe('playing');
      intersection.setIntersecting(stage, true, { isVisible: false });
      expect(look(video)).toBe('unperceived');
    });

    test('a transparent, filtered, blended or turned-away video is not seen', () => {
      const video = coveredByV2();
      expect(look(video)).toBe('playing');
      for (const css of ['opacity: 0', 'filter: brightness(0)', 'mix-blend-mode: multiply', 'backface-visibility: hidden', 'position: relative; z-index: -1']) {
        video.setAttribute('style', css);
        expect(look(video), css).toBe('unperceived');
      }
      video.removeAttribute('style');
      document.body.style.filter = 'brightness(0)';
      expect(look(video)).toBe('unperceived');
      document.body.style.filter = '';
    });

    test('a look is reused for a moment: a style change shows at the next entry or after SIGHT_REUSE_MS', () => {
      const video = coveredByV2();
      expect(look(video)).toBe('playing');
      overlay('background-color: rgb(255, 255, 255)');
      expect(detector.state(), 'the last look, reused').toBe('playing');
      clock += SIGHT_REUSE_MS;
      expect(detector.state()).toBe('unperceived');
    });

    test('a frame its parent page covers or fades (v2 on the frame’s root) is not seen, whatever its own document shows', () => {
      const video = coveredByV2();
      expect(look(video)).toBe('playing');
      intersection.setIntersecting(document.documentElement, true, { isVisible: false });
      expect(look(video)).toBe('unperceived');
    });

    test('without v2 (Firefox): the player box is looked at, and what hit testing finds over the video elsewhere', () => {
      const video = createFakeMedia(document, 'video', { paused: false, currentTime: 10 });
      stage.append(video);
      place(video, 0, 0, 320, 180);
      detector.addFrom(video);
      advance(video);
      intersection.setIntersecting(video, true, { isVisible: undefined });
      stack = [video, stage, document.body];
      expect(look(video, { v2: false })).toBe('playing');
      const cover = overlay('background-color: rgb(255, 255, 255); pointer-events: none');
      expect(look(video, { v2: false }), 'a cover inside the player box').toBe('unperceived');
      cover.remove();
      // A page too large to be looked at whole: the player box is `stage`, the rest is hit-tested.
      document.body.append(...Array.from({ length: MAX_PLAYER_ELEMENTS }, () => document.createElement('p')));
      const outside = document.createElement('div');
      outside.setAttribute('style', 'background-color: rgb(255, 255, 255)');
      document.body.append(outside);
      expect(look(video, { v2: false }), 'nothing hit over it yet').toBe('playing');
      stack = [outside, video, stage, document.body];
      expect(look(video, { v2: false }), 'a cover elsewhere in the document, hit').toBe('unperceived');
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
