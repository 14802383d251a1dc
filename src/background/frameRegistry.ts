import type { FrameMediaMessage } from '../shared/messages';
import { parseTag, type TagParseResult } from '../shared/tag';

/** A heartbeat older than this means the frame stopped reporting (closed, frozen, navigated away). */
export const HEARTBEAT_FRESH_MS = 1500;
/** Reports one frame may send in a burst… */
export const REPORT_BURST = 10;
/** …and on average per second (a content script sends about one while playing, and one per change). */
export const REPORTS_PER_SECOND = 5;
/** Frames the worker follows per tab; reports from further frames of that tab are refused. */
export const MAX_FRAMES_PER_TAB = 32;
/** The top frame of a tab is asked to report at most this often. */
const TOP_REQUEST_INTERVAL_MS = 1000;

export interface FrameSource {
  tabId: number;
  frameId: number;
  /** Origin of the frame's document, as the browser reports it (never taken from the message). */
  origin: string;
}

export interface FrameState extends FrameSource {
  tag: TagParseResult | null;
  /** Media plays and the frame found a person could see or hear it. */
  playing: boolean;
  /** Media plays, but nobody could see or hear it (hidden, covered, transparent, too small, silent). */
  unperceived: boolean;
  /** The person has interacted with this frame's document (its sticky user activation). */
  activated: boolean;
  reportedAt: number;
  /** When the worker first heard from this frame (since it was last dropped). */
  firstReportAt: number;
  /** While playing: since when (worker clock) the frame says it has played without a break; else null. */
  playingSince: number | null;
  /** Token bucket of the report rate limit: tokens left at `tokensAt`. */
  tokens: number;
  tokensAt: number;
}

export type ReportResult = 'accepted' | 'rate-limited' | 'too-many-frames';

/**
 * What each frame of each tab last reported. Kept in memory; after a restart tabs are asked to resend.
 * Every frame's reports are rate-limited; a frame over the limit counts as not playing until it calms down.
 */
export class FrameRegistry {
  readonly #frames = new Map<string, FrameState>();
  readonly #topRequestedAt = new Map<number, number>();

  report(source: FrameSource, message: FrameMediaMessage, now: number): ReportResult {
    const key = keyOf(source.tabId, source.frameId);
    const previous = this.#frames.get(key);
    if (!previous && this.#countInTab(source.tabId) >= MAX_FRAMES_PER_TAB) return 'too-many-frames';
    const tokens = previous ? Math.min(REPORT_BURST, previous.tokens + ((now - previous.tokensAt) / 1000) * REPORTS_PER_SECOND) : REPORT_BURST;
    if (previous && tokens < 1) {
      this.#frames.set(key, { ...previous, playing: false, playingSince: null, tokens, tokensAt: now });
      return 'rate-limited';
    }
    if (source.frameId === 0 && previous && previous.origin !== source.origin) this.#dropSubframes(source.tabId);
    this.#frames.set(key, {
      ...source,
      tag: message.tag ? parseTag(message.tag) : null,
      playing: message.playing,
      unperceived: message.unperceived === true,
      activated: message.activated,
      reportedAt: now,
      firstReportAt: previous && previous.origin === source.origin ? previous.firstReportAt : now,
      playingSince: message.playing && message.playingForMs !== undefined ? now - message.playingForMs : null,
      tokens: tokens - 1,
      tokensAt: now,
    });
    return 'accepted';
  }

  /** The frame's document went away (navigated, closed, put in the back/forward cache). The top frame takes its tab's frames along. */
  gone(tabId: number, frameId: number): void {
    if (frameId === 0) this.removeTab(tabId);
    else this.#frames.delete(keyOf(tabId, frameId));
  }

  removeTab(tabId: number): void {
    for (const [key, frame] of this.#frames) if (frame.tabId === tabId) this.#frames.delete(key);
    this.#topRequestedAt.delete(tabId);
  }

  all(): FrameState[] {
    return [...this.#frames.values()];
  }

  /**
   * The top frame of the frame's tab, when it is known to belong to the page the frame is in: the frame
   * itself, or a top-frame report that came after this frame's first one (a report from before may be
   * from the page the tab showed earlier). Null while unknown.
   */
  topOf(frame: FrameState): FrameState | null {
    if (frame.frameId === 0) return frame;
    const top = this.#frames.get(keyOf(frame.tabId, 0));
    return top && top.reportedAt >= frame.firstReportAt ? top : null;
  }

  /** The person interacted with the frame's page: the frame itself or its top frame (activation reaches every ancestor). */
  activated(frame: FrameState): boolean {
    return frame.activated || this.topOf(frame)?.activated === true;
  }

  /** True when the tab's top frame should be asked to report (now, and not asked within the last second). */
  topRequestDue(tabId: number, now: number): boolean {
    const last = this.#topRequestedAt.get(tabId);
    if (last !== undefined && now - last < TOP_REQUEST_INTERVAL_MS) return false;
    this.#topRequestedAt.set(tabId, now);
    return true;
  }

  /** Playing, with a fresh heartbeat. */
  static isPlaying(frame: FrameState, now: number): boolean {
    return frame.playing && now - frame.reportedAt <= HEARTBEAT_FRESH_MS;
  }

  anyPlaying(now: number): boolean {
    return this.all().some((frame) => FrameRegistry.isPlaying(frame, now));
  }

  #countInTab(tabId: number): number {
    let count = 0;
    for (const frame of this.#frames.values()) if (frame.tabId === tabId) count += 1;
    return count;
  }

  #dropSubframes(tabId: number): void {
    for (const [key, frame] of this.#frames) if (frame.tabId === tabId && frame.frameId !== 0) this.#frames.delete(key);
  }
}

const keyOf = (tabId: number, frameId: number) => `${tabId}:${frameId}`;
