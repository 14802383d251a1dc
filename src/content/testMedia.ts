/** Test helpers: media elements whose playback state a test sets directly (happy-dom does not play media). */

export interface FakePlayback {
  paused: boolean;
  ended: boolean;
  seeking: boolean;
  readyState: number;
  currentTime: number;
}

export type FakeMediaElement = HTMLMediaElement & { playback: FakePlayback };

export function createFakeMedia(
  document: Document,
  tag: 'video' | 'audio',
  playback: Partial<FakePlayback> = {},
): FakeMediaElement {
  const element = document.createElement(tag) as FakeMediaElement;
  const state: FakePlayback = { paused: true, ended: false, seeking: false, readyState: 4, currentTime: 0, ...playback };
  for (const key of Object.keys(state) as (keyof FakePlayback)[]) {
    Object.defineProperty(element, key, {
      configurable: true,
      get: () => state[key],
      set: (value: never) => {
        state[key] = value;
      },
    });
  }
  element.playback = state;
  return element;
}

/** What an intersection entry says about the element (IntersectionObserver v2 adds `isVisible`). */
export interface FakeSight {
  /** On screen (CSS px); a 320 × 180 player by default. */
  width?: number;
  height?: number;
  /** undefined: a browser without IntersectionObserver v2. */
  isVisible?: boolean | undefined;
}

/** An IntersectionObserver whose entries the test delivers with `setIntersecting`. */
export class FakeIntersectionObserver {
  readonly observed = new Set<Element>();
  /** How often each element was observed (the detector observes playing videos again to refresh their size). */
  readonly observeCalls = new Map<Element, number>();

  constructor(
    private readonly callback: IntersectionObserverCallback,
    readonly options?: IntersectionObserverInit,
  ) {}

  observe(target: Element): void {
    this.observed.add(target);
    this.observeCalls.set(target, (this.observeCalls.get(target) ?? 0) + 1);
  }

  unobserve(target: Element): void {
    this.observed.delete(target);
  }

  disconnect(): void {
    this.observed.clear();
  }

  setIntersecting(target: Element, isIntersecting: boolean, sight: FakeSight = {}): void {
    const { width = 320, height = 180 } = sight;
    const isVisible = 'isVisible' in sight ? sight.isVisible : isIntersecting;
    const entry = {
      target,
      isIntersecting,
      intersectionRect: isIntersecting ? { width, height } : { width: 0, height: 0 },
      isVisible,
    } as unknown as IntersectionObserverEntry;
    this.callback([entry], this as unknown as IntersectionObserver);
  }
}

export function setVisibility(document: Document, state: DocumentVisibilityState): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
}
