import { MAX_PLAYING_FOR_MS, type ContentToWorkerMessage, type FrameMediaMessage, type RawTag } from '../shared/messages';
import type { MediaState } from './playingDetector';

/** How often currentTime is sampled while some element might be playing. */
export const SAMPLE_INTERVAL_MS = 500;
/** While playing, the state is sent at least this often (the worker's heartbeat). */
export const HEARTBEAT_MS = 1000;
/** Timers drift: a tick this close to a full heartbeat counts as one. */
const HEARTBEAT_SLACK_MS = 100;

export interface FrameReporterEnvironment {
  now(): number;
  setInterval(callback: () => void, ms: number): number;
  clearInterval(id: number): void;
  send(message: ContentToWorkerMessage): void;
}

export interface FrameSources {
  readTag(): RawTag | null;
  mediaState(): MediaState;
  /** The person has interacted with this frame's document (sticky user activation). */
  activated(): boolean;
  /**
   * Records media time; called on every sampling tick. Returns how long (ms) media this tick found newly
   * playing had already been playing, so the frame's playing time starts when playback did (else 0).
   */
  sample(): number;
  /** Some media might be playing, so sampling must go on. */
  needsSampling(): boolean;
}

/**
 * Tells the worker what this frame shows: on every change of tag, media state or the person's
 * interaction, and every second while playing. A frame with neither tag nor media says nothing until
 * the worker asks (it asks a tab's top frame which page an embedded player is on). Silent while the page
 * sits in the back/forward cache, after saying it is gone.
 */
export class FrameReporter {
  private lastSent: FrameMediaMessage | null = null;
  private lastSentAt = 0;
  /** When this frame started playing without a break since (its own clock); null while not playing. */
  private playingSince: number | null = null;
  /** The last time (its own clock) this frame was found not playing. */
  private notPlayingAt = Number.NEGATIVE_INFINITY;
  private timer: number | null = null;
  private suspended = false;
  private stopped = false;

  constructor(
    private readonly environment: FrameReporterEnvironment,
    private readonly sources: FrameSources,
  ) {}

  /**
   * Re-reads the frame; sends when something changed or a heartbeat is due. `startedForMs` (from a
   * sample): playback found just now began that long ago — never before the frame was last seen not playing.
   */
  update(startedForMs = 0): void {
    if (this.suspended || this.stopped) return;
    const message = this.currentMessage(startedForMs);
    const heartbeatDue =
      message.playing && this.environment.now() - this.lastSentAt >= HEARTBEAT_MS - HEARTBEAT_SLACK_MS;
    const silent = this.lastSent === null && message.tag === null && !message.playing && !message.unperceived;
    if (!silent && (heartbeatDue || !sameState(message, this.lastSent ?? NOTHING))) this.send(message);
    this.scheduleSampling(message.playing);
  }

  /** The worker asked (it restarted, or wants to know the tab's top page): send the current state even when nothing changed. */
  resend(): void {
    if (this.suspended || this.stopped) return;
    this.send(this.currentMessage());
  }

  /** `pagehide`: the frame's document leaves; the worker forgets it right away. */
  suspend(): void {
    if (this.suspended || this.stopped) return;
    if (this.lastSent) this.environment.send({ type: 'frame:gone' });
    this.lastSent = null;
    this.suspended = true;
    this.playingSince = null;
    this.notPlayingAt = this.environment.now();
    this.clearTimer();
  }

  /** `pageshow`: the page is back (e.g. from the back/forward cache). */
  resume(): void {
    if (!this.suspended || this.stopped) return;
    this.suspended = false;
    this.update();
  }

  /** For good (the extension was reloaded or removed). */
  stop(): void {
    this.stopped = true;
    this.clearTimer();
  }

  private currentMessage(startedForMs = 0): FrameMediaMessage {
    const tag = this.sources.readTag();
    const activated = this.sources.activated();
    const now = this.environment.now();
    const state = this.sources.mediaState();
    if (state !== 'playing') {
      this.playingSince = null;
      this.notPlayingAt = now;
      return state === 'unperceived' ? { type: 'frame:media', tag, playing: false, unperceived: true, activated } : { type: 'frame:media', tag, playing: false, activated };
    }
    this.playingSince ??= Math.max(now - startedForMs, this.notPlayingAt);
    return { type: 'frame:media', tag, playing: true, activated, playingForMs: Math.min(now - this.playingSince, MAX_PLAYING_FOR_MS) };
  }

  private send(message: FrameMediaMessage): void {
    this.lastSent = message;
    this.lastSentAt = this.environment.now();
    this.environment.send(message);
  }

  private scheduleSampling(playing: boolean): void {
    const needed = playing || this.sources.needsSampling();
    if (needed && this.timer === null) {
      this.timer = this.environment.setInterval(() => this.tick(), SAMPLE_INTERVAL_MS);
    } else if (!needed) {
      this.clearTimer();
    }
  }

  private tick(): void {
    this.update(this.sources.sample());
  }

  private clearTimer(): void {
    if (this.timer === null) return;
    this.environment.clearInterval(this.timer);
    this.timer = null;
  }
}

/** What the worker assumes about a frame it never heard from. */
const NOTHING: FrameMediaMessage = { type: 'frame:media', tag: null, playing: false, activated: false };

function sameState(a: FrameMediaMessage, b: FrameMediaMessage): boolean {
  return (
    a.playing === b.playing &&
    a.unperceived === b.unperceived &&
    a.activated === b.activated &&
    JSON.stringify(a.tag) === JSON.stringify(b.tag)
  );
}
