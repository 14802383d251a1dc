import { playerChain, rendersVisibly, showsPicture, uncoveredOutside, uncoveredWithin, type SightEnvironment } from './documentSight';

const ELEMENT_NODE = 1;
const DOCUMENT_NODE = 9;
const DOCUMENT_FRAGMENT_NODE = 11;
const SHOW_ELEMENT = 0x1;
/** HTMLMediaElement.HAVE_FUTURE_DATA: below it the element is waiting for data, not playing. */
const HAVE_FUTURE_DATA = 3;

/**
 * The smallest video a person is taken to watch: the part of it on screen must be at least this many
 * CSS pixels on its long side and on its short side (200 × 112 is a 16:9 player 200 px wide; portrait
 * video the other way round). docs/permissions.md states the rule.
 */
export const MIN_VISIBLE_LONG_SIDE = 200;
export const MIN_VISIBLE_SHORT_SIDE = 112;

/**
 * IntersectionObserver v2: `isVisible` is true only when nothing covers the target and it is not
 * transparent, filtered or transformed (Chromium). The thresholds refresh the visible rectangle as a player
 * scrolls in and out; `sample()` observes playing elements again so a resize is noticed too.
 */
export const INTERSECTION_OPTIONS: IntersectionObserverInit & { trackVisibility: boolean; delay: number } = {
  trackVisibility: true,
  delay: 100,
  threshold: [0, 0.25, 0.5, 0.75, 1],
};

/**
 * How long a look at a video's styles and its player's box is reused: the state is read on every DOM
 * change, and a look walks the player's elements (each IntersectionObserver entry starts a new look).
 */
export const SIGHT_REUSE_MS = 250;

/** Events after which currentTime must be seen moving again before the element counts as playing. */
const INTERRUPTING_EVENTS = ['pause', 'ended', 'waiting', 'seeking', 'seeked', 'emptied'];
const MEDIA_EVENTS = [...INTERRUPTING_EVENTS, 'play', 'playing', 'stalled', 'ratechange', 'loadeddata', 'volumechange'];

export interface PlayingDetectorEnvironment extends SightEnvironment {
  document: Document;
  createIntersectionObserver(callback: IntersectionObserverCallback, options: IntersectionObserverInit): IntersectionObserver;
  now(): number;
}

/** What the frame's media does: nothing, plays where a person can see or hear it, or plays unperceived. */
export type MediaState = 'none' | 'playing' | 'unperceived';

interface TrackedMedia {
  /** currentTime at the last `sample()` (or interrupting event). */
  lastTime: number;
  /** When (`now()`) `lastTime` was read. */
  lastReadAt: number;
  /** currentTime moved between the last two samples. */
  advancing: boolean;
  intersecting: boolean;
  /** The part of the element on screen (CSS px), from the last intersection entry. */
  visibleWidth: number;
  visibleHeight: number;
  /** IntersectionObserver v2's verdict; undefined where the browser has no v2 (Firefox). */
  isVisible: boolean | undefined;
}

/**
 * Decides whether the frame really plays media a person can perceive: a `<video>` or `<audio>` (light DOM
 * or open shadow roots) that is not paused, ended, seeking or waiting for data, whose currentTime advanced
 * since the previous sample, in a visible document. A video must also be seen over at least
 * MIN_VISIBLE_LONG_SIDE × MIN_VISIBLE_SHORT_SIDE on screen, its picture not masked, clipped or moved out of
 * its box, and either IntersectionObserver v2 finds it visible (not covered, transparent or filtered), or —
 * where v2 says no, as it does for a player's own controls over the video, or where the browser has no v2 —
 * the frame's own look finds it shown: the frame itself visible in its parent page (v2 on the frame's
 * root), the video unfaded, and nothing painted over it inside its player's box, the smallest ancestor v2
 * finds visible (src/content/documentSight.ts). An audio element must be audible (not muted, volume
 * above 0). Whether the person interacted with the page is the reporter's business.
 */
export class PlayingDetector {
  private readonly media = new Map<HTMLMediaElement, TrackedMedia>();
  private readonly intersection: IntersectionObserver;
  /** v2's verdict on the frame's own root: false when a parent page covers or fades this frame. */
  private frameVisible: boolean | undefined;
  /** v2's verdict on the ancestors of playing videos that may be their player's box (`playerChain`). */
  private readonly boxes = new Map<Element, boolean | undefined>();
  /** The last look at each video (`look`), reused for SIGHT_REUSE_MS. */
  private readonly sight = new Map<HTMLMediaElement, { at: number; seen: boolean }>();

  constructor(
    private readonly environment: PlayingDetectorEnvironment,
    private readonly onChange: () => void,
  ) {
    this.intersection = environment.createIntersectionObserver((entries) => {
      for (const entry of entries) {
        const isVisible = (entry as IntersectionObserverEntry & { isVisible?: boolean }).isVisible;
        if (entry.target === environment.document.documentElement) {
          this.frameVisible = isVisible;
          continue;
        }
        if (this.boxes.has(entry.target)) {
          this.boxes.set(entry.target, isVisible);
          continue;
        }
        const tracked = this.media.get(entry.target as HTMLMediaElement);
        if (!tracked) continue;
        tracked.intersecting = entry.isIntersecting;
        tracked.visibleWidth = entry.intersectionRect?.width ?? 0;
        tracked.visibleHeight = entry.intersectionRect?.height ?? 0;
        tracked.isVisible = isVisible;
      }
      this.sight.clear();
      this.onChange();
    }, INTERSECTION_OPTIONS);
    const root = environment.document.documentElement;
    if (root) this.intersection.observe(root);
  }

  /** Starts tracking the media elements in `root` and its descendants (not inside shadow roots: add those separately). */
  addFrom(root: Node): boolean {
    let added = false;
    if (isMedia(root)) added = this.track(root as HTMLMediaElement) || added;
    const searchable = [ELEMENT_NODE, DOCUMENT_NODE, DOCUMENT_FRAGMENT_NODE].includes(root.nodeType);
    if (!searchable) return added;
    const walker = this.environment.document.createTreeWalker(root, SHOW_ELEMENT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (isMedia(node)) added = this.track(node as HTMLMediaElement) || added;
    }
    return added;
  }

  /** Forgets elements that left the document. */
  prune(): void {
    for (const element of this.media.keys()) {
      if (element.isConnected) continue;
      this.untrack(element);
    }
  }

  /**
   * Records every element's currentTime; call at a steady interval while `hasCandidates()`. Returns, for
   * an element this sample found newly playing, how long (whole ms) it had already been playing: the media
   * time it advanced since the previous reading, at most the wall time since then (0 when none started).
   * Playing is only noticed here, up to one interval late; this lets the frame date it from its start.
   * Unpaused videos are observed again, so their visible size stays current.
   */
  sample(): number {
    const now = this.environment.now();
    let startedForMs = 0;
    for (const [element, tracked] of this.media) {
      const time = element.currentTime;
      const wasAdvancing = tracked.advancing;
      tracked.advancing = time !== tracked.lastTime && !element.seeking;
      if (tracked.advancing && !wasAdvancing && this.isElementPlaying(element, tracked)) {
        const mediaMs = ((time - tracked.lastTime) / (element.playbackRate || 1)) * 1000;
        startedForMs = Math.max(startedForMs, Math.floor(Math.min(Math.max(mediaMs, 0), now - tracked.lastReadAt)));
      }
      tracked.lastTime = time;
      tracked.lastReadAt = now;
      if (element.localName === 'video' && !element.paused) {
        this.intersection.unobserve(element);
        this.intersection.observe(element);
      }
    }
    this.followBoxes();
    return startedForMs;
  }

  /** Some element could be playing, so time must be sampled. */
  hasCandidates(): boolean {
    for (const element of this.media.keys()) {
      if (element.isConnected && !element.paused && !element.ended) return true;
    }
    return false;
  }

  state(): MediaState {
    let state: MediaState = 'none';
    for (const [element, tracked] of this.media) {
      if (!this.isElementPlaying(element, tracked)) continue;
      if (this.environment.document.visibilityState === 'visible' && this.isPerceivable(element, tracked)) return 'playing';
      state = 'unperceived';
    }
    return state;
  }

  dispose(): void {
    for (const element of [...this.media.keys()]) this.untrack(element);
    this.intersection.disconnect();
    this.boxes.clear();
  }

  /** Observes (v2) the possible player boxes of the unpaused videos, and no others. */
  private followBoxes(): void {
    const root = this.environment.document.documentElement;
    const wanted = new Set<Element>();
    for (const element of this.media.keys()) {
      if (element.localName !== 'video' || element.paused || !element.isConnected) continue;
      for (const box of playerChain(element)) if (box !== root) wanted.add(box);
    }
    for (const box of this.boxes.keys()) {
      if (wanted.has(box)) continue;
      this.boxes.delete(box);
      this.intersection.unobserve(box);
    }
    for (const box of wanted) {
      if (this.boxes.has(box)) continue;
      this.boxes.set(box, undefined);
      this.intersection.observe(box);
    }
  }

  private isElementPlaying(element: HTMLMediaElement, tracked: TrackedMedia): boolean {
    return (
      element.isConnected &&
      !element.paused &&
      !element.ended &&
      !element.seeking &&
      element.readyState >= HAVE_FUTURE_DATA &&
      tracked.advancing
    );
  }

  private isPerceivable(element: HTMLMediaElement, tracked: TrackedMedia): boolean {
    if (element.localName === 'audio') return !element.muted && element.volume > 0;
    const longSide = Math.max(tracked.visibleWidth, tracked.visibleHeight);
    const shortSide = Math.min(tracked.visibleWidth, tracked.visibleHeight);
    if (!tracked.intersecting || longSide < MIN_VISIBLE_LONG_SIDE || shortSide < MIN_VISIBLE_SHORT_SIDE) return false;
    const now = this.environment.now();
    const last = this.sight.get(element);
    if (last && now - last.at < SIGHT_REUSE_MS) return last.seen;
    const seen = this.look(element, tracked);
    this.sight.set(element, { at: now, seen });
    return seen;
  }

  /** Whether the video, on screen and large enough, shows its picture to the person (see the class comment). */
  private look(element: HTMLMediaElement, tracked: TrackedMedia): boolean {
    const environment = this.environment;
    if (!showsPicture(element, environment)) return false;
    if (tracked.isVisible === true) return true;
    if (this.frameVisible === false || !rendersVisibly(element, environment)) return false;
    const chain = playerChain(element);
    const visible = this.visibleBox(element);
    if (tracked.isVisible === false) {
      const root = environment.document.documentElement;
      const box = chain.find((candidate) => (candidate === root ? this.frameVisible : this.boxes.get(candidate)) === true);
      return box !== undefined && uncoveredWithin(element, box, visible, environment);
    }
    // No v2 in this browser: the largest box is looked at, and the rest of the document hit-tested.
    const box = chain.at(-1) ?? null;
    return (box === null || uncoveredWithin(element, box, visible, environment)) && uncoveredOutside(element, box, visible, environment);
  }

  /** The part of the element inside its document's viewport, in that viewport's coordinates. */
  private visibleBox(element: Element) {
    const box = element.getBoundingClientRect();
    const view = this.environment.document.documentElement;
    const right = Math.min(box.right, view?.clientWidth || box.right);
    const bottom = Math.min(box.bottom, view?.clientHeight || box.bottom);
    const left = Math.max(box.left, 0);
    const top = Math.max(box.top, 0);
    return { left, top, width: Math.max(0, right - left), height: Math.max(0, bottom - top) };
  }

  private track(element: HTMLMediaElement): boolean {
    if (this.media.has(element)) return false;
    this.media.set(element, {
      lastTime: element.currentTime,
      lastReadAt: this.environment.now(),
      advancing: false,
      intersecting: false,
      visibleWidth: 0,
      visibleHeight: 0,
      isVisible: undefined,
    });
    for (const type of MEDIA_EVENTS) element.addEventListener(type, this.handleMediaEvent);
    this.intersection.observe(element);
    return true;
  }

  private untrack(element: HTMLMediaElement): void {
    for (const type of MEDIA_EVENTS) element.removeEventListener(type, this.handleMediaEvent);
    this.intersection.unobserve(element);
    this.media.delete(element);
    this.sight.delete(element);
  }

  private readonly handleMediaEvent = (event: Event): void => {
    const element = event.currentTarget as HTMLMediaElement;
    const tracked = this.media.get(element);
    if (tracked && INTERRUPTING_EVENTS.includes(event.type)) {
      tracked.advancing = false;
      tracked.lastTime = element.currentTime;
      tracked.lastReadAt = this.environment.now();
    }
    if (event.type === 'play') this.followBoxes();
    this.onChange();
  };
}

function isMedia(node: Node): boolean {
  if (node.nodeType !== ELEMENT_NODE) return false;
  const name = (node as Element).localName;
  return name === 'video' || name === 'audio';
}
