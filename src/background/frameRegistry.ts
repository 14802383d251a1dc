import type { FrameMediaMessage } from '../shared/messages';
import { parseTag, type TagParseResult } from '../shared/tag';

/** A heartbeat older than this means the frame stopped reporting (closed, frozen, navigated away). */
export const HEARTBEAT_FRESH_MS = 1500;

export interface FrameSource {
  tabId: number;
  frameId: number;
  /** Origin of the frame's document, as the browser reports it (never taken from the message). */
  origin: string;
}

export interface FrameState extends FrameSource {
  tag: TagParseResult | null;
  playing: boolean;
  reportedAt: number;
  /** While playing: since when (worker clock) the frame says it has played without a break; else null. */
  playingSince: number | null;
}

/** What each frame of each tab last reported. Kept in memory; after a restart tabs are asked to resend. */
export class FrameRegistry {
  readonly #frames = new Map<string, FrameState>();

  report(source: FrameSource, message: FrameMediaMessage, now: number): void {
    this.#frames.set(`${source.tabId}:${source.frameId}`, {
      ...source,
      tag: message.tag ? parseTag(message.tag) : null,
      playing: message.playing,
      reportedAt: now,
      playingSince: message.playing && message.playingForMs !== undefined ? now - message.playingForMs : null,
    });
  }

  removeTab(tabId: number): void {
    for (const [key, frame] of this.#frames) if (frame.tabId === tabId) this.#frames.delete(key);
  }

  all(): FrameState[] {
    return [...this.#frames.values()];
  }

  /** Playing, with a fresh heartbeat. */
  static isPlaying(frame: FrameState, now: number): boolean {
    return frame.playing && now - frame.reportedAt <= HEARTBEAT_FRESH_MS;
  }

  anyPlaying(now: number): boolean {
    return this.all().some((frame) => FrameRegistry.isPlaying(frame, now));
  }
}
