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

/** An IntersectionObserver whose entries the test delivers with `setIntersecting`. */
export class FakeIntersectionObserver {
  readonly observed = new Set<Element>();

  constructor(private readonly callback: IntersectionObserverCallback) {}

  observe(target: Element): void {
    this.observed.add(target);
  }

  unobserve(target: Element): void {
    this.observed.delete(target);
  }

  disconnect(): void {
    this.observed.clear();
  }

  setIntersecting(target: Element, isIntersecting: boolean): void {
    const entry = { target, isIntersecting } as IntersectionObserverEntry;
    this.callback([entry], this as unknown as IntersectionObserver);
  }
}

export function setVisibility(document: Document, state: DocumentVisibilityState): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
}
