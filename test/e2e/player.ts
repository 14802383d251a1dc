// Drives a demo page's video the way a viewer does — a click on the video starts it — and measures how
// many seconds it really played, from the video's own clock. It runs script in the page and clicks, so it
// drives a Playwright page or frame in Chromium and a Firefox tab over WebDriver BiDi alike.
import { sleep } from './sleep.js';

declare global {
  interface Window {
    /** Seconds the page's video advanced while the tracker watched it (set by `Player.play`). */
    __vilokanamPlayed?: number;
  }
}

/** Where the player runs script and clicks: a Playwright Page or Frame, or a Firefox tab (test/e2e/firefoxBrowser.ts). */
export interface ScriptTarget {
  evaluate<T>(expression: string): Promise<T>;
  /** A real click (trusted input, as a person's) on the first element matching the CSS selector. */
  click(selector: string): Promise<void>;
}


async function waitUntilTrue(target: ScriptTarget, expression: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await target.evaluate<boolean>(expression))) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${expression}`);
    await sleep(50);
  }
}

/** The page's video: the first `<video>` in the document or in the `<demo-player>` shadow root. */
function findVideo(): HTMLVideoElement {
  const video = document.querySelector('video') ?? document.querySelector('demo-player')?.shadowRoot?.querySelector('video');
  if (!video) throw new Error(`no video on ${location.href}`);
  return video;
}

export class Player {
  constructor(readonly target: ScriptTarget) {}

  /**
   * Starts the video as a person does, with a click on it (a video with controls plays on a click), and
   * resolves once its clock moves. Seconds played are counted from here. An already playing video is left
   * alone.
   */
  async play(): Promise<void> {
    await waitUntilTrue(this.target, `(${findVideo.toString()})().readyState >= 2`, 15_000);
    await this.target.evaluate(`(async () => {
      const video = (${findVideo.toString()})();
      if (!video.__vilokanamTracked) {
        video.__vilokanamTracked = true;
        window.__vilokanamPlayed ??= 0;
        let last = video.currentTime;
        video.addEventListener('timeupdate', () => {
          const step = video.currentTime - last;
          // A loop jumps back to 0; a step that large is not playback either.
          if (step > 0 && step < 1.5) window.__vilokanamPlayed += step;
          last = video.currentTime;
        });
        video.addEventListener('seeked', () => { last = video.currentTime; });
      }
    })()`);
    if (!(await this.isPlaying())) await this.target.click('video');
    const start = await this.currentTime();
    await waitUntilTrue(this.target, `(${findVideo.toString()})().currentTime > ${start}`, 10_000);
  }

  async pause(): Promise<void> {
    await this.target.evaluate(`(${findVideo.toString()})().pause()`);
  }

  /** The demo pages start muted; with sound on, Chromium keeps the video playing in a hidden tab. */
  async setMuted(muted: boolean): Promise<void> {
    await this.target.evaluate(`(${findVideo.toString()})().muted = ${muted}`);
  }

  async isPlaying(): Promise<boolean> {
    return this.target.evaluate(`(() => { const v = (${findVideo.toString()})(); return !v.paused && !v.ended; })()`);
  }

  async currentTime(): Promise<number> {
    return this.target.evaluate(`(${findVideo.toString()})().currentTime`);
  }

  /** Seconds the video advanced since the first `play()` on this document (all its videos together). */
  async playedSeconds(): Promise<number> {
    return this.target.evaluate('window.__vilokanamPlayed ?? 0');
  }
}

/** Plays for `seconds` of wall time, then pauses; returns the seconds the video really advanced meanwhile. */
export async function playFor(player: Player, seconds: number): Promise<number> {
  const before = await player.playedSeconds();
  await player.play();
  await new Promise((done) => setTimeout(done, seconds * 1000));
  await player.pause();
  return (await player.playedSeconds()) - before;
}
