// @vitest-environment happy-dom
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { PlayingDetector } from './playingDetector';
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
        createIntersectionObserver: (callback) => {
          intersection = new FakeIntersectionObserver(callback);
          return intersection as unknown as IntersectionObserver;
        },
      },
      onChange,
    );
  });

  test('a visible, unpaused video in the viewport plays only once its time advances', () => {
    const video = playingVideo();
    intersection.setIntersecting(video, true);
    expect(detector.isPlaying()).toBe(false);
    detector.sample();
    expect(detector.isPlaying()).toBe(false);
    advance(video);
    expect(detector.isPlaying()).toBe(true);
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
    expect(detector.isPlaying()).toBe(false);
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
      expect(detector.isPlaying(), key).toBe(false);
      Object.assign(video.playback, { [key]: before });
      expect(detector.isPlaying(), key).toBe(true);
    }
  });

  test('a video outside the viewport or in a hidden document is not playing', () => {
    const video = playingVideo();
    advance(video);
    expect(detector.isPlaying()).toBe(false);
    intersection.setIntersecting(video, true);
    expect(detector.isPlaying()).toBe(true);
    setVisibility(document, 'hidden');
    expect(detector.isPlaying()).toBe(false);
  });

  test('an audio element plays without a box in the viewport', () => {
    const audio = createFakeMedia(document, 'audio', { paused: false });
    document.body.append(audio);
    detector.addFrom(document);
    advance(audio);
    expect(detector.isPlaying()).toBe(true);
  });

  test('pause, waiting and seek events report a change and need time to move again', () => {
    const video = playingVideo();
    intersection.setIntersecting(video, true);
    advance(video);
    onChange.mockClear();
    video.dispatchEvent(new Event('waiting'));
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(detector.isPlaying()).toBe(false);
    advance(video);
    expect(detector.isPlaying()).toBe(true);
    video.playback.currentTime = 100;
    video.dispatchEvent(new Event('seeked'));
    expect(detector.isPlaying()).toBe(false);
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
    expect(detector.isPlaying()).toBe(true);
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
    expect(detector.isPlaying()).toBe(false);
    expect(detector.hasCandidates()).toBe(false);
  });
});
