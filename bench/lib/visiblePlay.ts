// Measures, in the page itself, how many seconds its video really played while the person could see it:
// the page samples its first <video> every 100 ms, and at once when it is paused, starts playing or the
// document is hidden or shown. An interval counts when the document was visible and the video playing
// (not paused, ended, seeking, or short of data) at both ends, and the media clock advanced by no more
// than the wall time plus 0.25 s (a larger jump is a seek; a jump back of about the video's length is a
// loop and counts). It counts the media time that advanced.
import type { Page } from 'playwright';

export const SAMPLE_MS = 100;

export interface VisiblePlay {
  /** Seconds of media played visibly since the sampler started. */
  seconds: number;
  samples: number;
  /** Samples in which the video was playing visibly. */
  playingSamples: number;
  /** Intervals skipped as seeks. */
  jumps: number;
}

declare global {
  interface Window {
    __vilokanamBenchVisible?: VisiblePlay;
  }
}

const SAMPLER = `(() => {
  if (window.__vilokanamBenchVisible) return;
  const video = document.querySelector('video');
  if (!video) throw new Error('no <video> on ' + location.href);
  const state = { seconds: 0, samples: 0, playingSamples: 0, jumps: 0 };
  window.__vilokanamBenchVisible = state;
  let last = null;
  // closing: the sample ends an interval at a pause or at hiding, which already changed the state it reads.
  function sample(closing) {
    const playing = !video.ended && !video.seeking && video.readyState >= 3 &&
      (closing || (document.visibilityState === 'visible' && !video.paused));
    const now = { at: performance.now(), time: video.currentTime, playing };
    state.samples += 1;
    if (playing) state.playingSamples += 1;
    if (last && last.playing && now.playing) {
      const wall = ((now.at - last.at) / 1000) * video.playbackRate;
      let advanced = now.time - last.time;
      if (advanced < 0 && Number.isFinite(video.duration)) advanced += video.duration;
      if (advanced > wall + 0.25 || advanced < 0) state.jumps += 1;
      else state.seconds += advanced;
    }
    last = closing ? { ...now, playing: false } : now;
  }
  video.addEventListener('pause', () => sample(true));
  video.addEventListener('playing', () => sample(false));
  document.addEventListener('visibilitychange', () => sample(document.visibilityState !== 'visible'));
  setInterval(() => sample(false), ${SAMPLE_MS});
})()`;

/**
 * Starts the page's first video as a person does, with a real click on it (the extension bills a page only
 * after the person interacted with it), and resolves once its clock has moved past `seconds`.
 */
export async function clickToPlay(page: Page, seconds = 0.5): Promise<void> {
  await page.waitForFunction(`document.querySelector('video')?.readyState >= 2`, undefined, { timeout: 15_000 });
  await page.locator('video').first().click();
  await page.waitForFunction(`document.querySelector('video').currentTime > ${seconds}`, undefined, { timeout: 15_000 });
}

/** Starts the sampler in `page` (once per document). */
export async function startVisiblePlay(page: Page): Promise<void> {
  await page.evaluate(SAMPLER);
}

export async function visiblePlay(page: Page): Promise<VisiblePlay> {
  const state = await page.evaluate(() => window.__vilokanamBenchVisible);
  if (!state) throw new Error('the visible-play sampler was not started in this page');
  return state;
}
