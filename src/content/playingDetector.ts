const ELEMENT_NODE = 1;
const DOCUMENT_NODE = 9;
const DOCUMENT_FRAGMENT_NODE = 11;
const SHOW_ELEMENT = 0x1;
/** HTMLMediaElement.HAVE_FUTURE_DATA: below it the element is waiting for data, not playing. */
const HAVE_FUTURE_DATA = 3;

/** Events after which currentTime must be seen moving again before the element counts as playing. */
const INTERRUPTING_EVENTS = ['pause', 'ended', 'waiting', 'seeking', 'seeked', 'emptied'];
const MEDIA_EVENTS = [...INTERRUPTING_EVENTS, 'play', 'playing', 'stalled', 'ratechange', 'loadeddata'];

export interface PlayingDetectorEnvironment {
  document: Document;
  createIntersectionObserver(callback: IntersectionObserverCallback): IntersectionObserver;
  now(): number;
}

interface TrackedMedia {
  /** currentTime at the last `sample()` (or interrupting event). */
  lastTime: number;
  /** When (`now()`) `lastTime` was read. */
  lastReadAt: number;
  /** currentTime moved between the last two samples. */
  advancing: boolean;
  intersecting: boolean;
}

/**
 * Decides whether the frame really plays media: a `<video>` or `<audio>` (light DOM or open shadow roots)
 * that is not paused, ended, seeking or waiting for data, whose currentTime advanced since the previous
 * sample, in a visible document; a video must also intersect the viewport. (An `<audio>` has no box unless
 * it shows controls, so the viewport says nothing about it.)
 */
export class PlayingDetector {
  private readonly media = new Map<HTMLMediaElement, TrackedMedia>();
  private readonly intersection: IntersectionObserver;

  constructor(
    private readonly environment: PlayingDetectorEnvironment,
    private readonly onChange: () => void,
  ) {
    this.intersection = environment.createIntersectionObserver((entries) => {
      for (const entry of entries) {
        const tracked = this.media.get(entry.target as HTMLMediaElement);
        if (tracked) tracked.intersecting = entry.isIntersecting;
      }
      this.onChange();
    });
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
    }
    return startedForMs;
  }

  /** Some element could be playing, so time must be sampled. */
  hasCandidates(): boolean {
    for (const element of this.media.keys()) {
      if (element.isConnected && !element.paused && !element.ended) return true;
    }
    return false;
  }

  isPlaying(): boolean {
    if (this.environment.document.visibilityState !== 'visible') return false;
    for (const [element, tracked] of this.media) {
      if (this.isElementPlaying(element, tracked)) return true;
    }
    return false;
  }

  dispose(): void {
    for (const element of [...this.media.keys()]) this.untrack(element);
    this.intersection.disconnect();
  }

  private isElementPlaying(element: HTMLMediaElement, tracked: TrackedMedia): boolean {
    return (
      element.isConnected &&
      !element.paused &&
      !element.ended &&
      !element.seeking &&
      element.readyState >= HAVE_FUTURE_DATA &&
      tracked.advancing &&
      (element.localName === 'audio' || tracked.intersecting)
    );
  }

  private track(element: HTMLMediaElement): boolean {
    if (this.media.has(element)) return false;
    this.media.set(element, { lastTime: element.currentTime, lastReadAt: this.environment.now(), advancing: false, intersecting: false });
    for (const type of MEDIA_EVENTS) element.addEventListener(type, this.handleMediaEvent);
    this.intersection.observe(element);
    return true;
  }

  private untrack(element: HTMLMediaElement): void {
    for (const type of MEDIA_EVENTS) element.removeEventListener(type, this.handleMediaEvent);
    this.intersection.unobserve(element);
    this.media.delete(element);
  }

  private readonly handleMediaEvent = (event: Event): void => {
    const element = event.currentTarget as HTMLMediaElement;
    const tracked = this.media.get(element);
    if (tracked && INTERRUPTING_EVENTS.includes(event.type)) {
      tracked.advancing = false;
      tracked.lastTime = element.currentTime;
      tracked.lastReadAt = this.environment.now();
    }
    this.onChange();
  };
}

function isMedia(node: Node): boolean {
  if (node.nodeType !== ELEMENT_NODE) return false;
  const name = (node as Element).localName;
  return name === 'video' || name === 'audio';
}
