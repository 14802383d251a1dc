/**
 * What a frame can tell by itself about whether its video is shown: used where IntersectionObserver v2
 * says no only because the player draws its own controls over the video (v2 counts any overlap, even a
 * transparent one), and in browsers without v2 (Firefox). Cover from a parent page of another origin
 * cannot be seen from inside the frame; v2 on the frame's root (Chromium) tells that part.
 */

/** An element above the video hides it at a point when it paints this much (alpha) there. */
const OPAQUE_ALPHA = 0.5;
/** The video and its ancestors must be at least this opaque together. */
export const MIN_EFFECTIVE_OPACITY = 0.5;
/** Sample points: a 3 × 3 grid inside the visible part; covered when this many of the 9 are hidden. */
const GRID = [0.25, 0.5, 0.75];
export const HIDDEN_POINTS_FOR_COVER = 5;

const GRAPHICS = new Set(['img', 'video', 'canvas', 'iframe', 'object', 'embed', 'svg', 'picture']);
/** Computed values that paint nothing. */
const NONE = new Set(['', 'none', 'initial']);

type Style = Pick<CSSStyleDeclaration, 'opacity' | 'filter' | 'visibility' | 'backgroundColor' | 'backgroundImage' | 'boxShadow' | 'content'> & {
  backdropFilter?: string;
};

export interface SightEnvironment {
  getComputedStyle(element: Element, pseudo?: string): Style;
}

/** The parent element, stepping out of shadow roots to their host. */
function parentOf(element: Element): Element | null {
  if (element.parentElement) return element.parentElement;
  const root = element.getRootNode();
  return root && 'host' in root ? (root as ShadowRoot).host : null;
}

/** The video and its ancestors: not hidden, not filtered, and opaque enough together. */
export function rendersVisibly(element: Element, environment: SightEnvironment): boolean {
  let opacity = 1;
  for (let node: Element | null = element; node; node = parentOf(node)) {
    const style = environment.getComputedStyle(node);
    if (style.visibility === 'hidden' || style.visibility === 'collapse') return false;
    if (style.filter && style.filter !== 'none') return false;
    opacity *= Number.parseFloat(style.opacity || '1');
    if (opacity < MIN_EFFECTIVE_OPACITY) return false;
  }
  return true;
}

function alphaOf(color: string): number {
  if (!color || color === 'transparent') return 0;
  const match = /rgba?\(([^)]+)\)/.exec(color);
  if (!match) return 1;
  const parts = match[1].split(/[\s,/]+/).filter(Boolean);
  return parts.length >= 4 ? Number.parseFloat(parts[3]) : 1;
}

/** Does this element (or its ::before / ::after) paint something that hides what lies beneath it? */
function paints(element: Element, environment: SightEnvironment): boolean {
  if (GRAPHICS.has(element.localName)) return true;
  const set = (value: string | undefined) => value !== undefined && !NONE.has(value);
  const looks = (style: Style) => alphaOf(style.backgroundColor) >= OPAQUE_ALPHA || set(style.backgroundImage) || set(style.boxShadow) || set(style.backdropFilter);
  if (looks(environment.getComputedStyle(element))) return true;
  return ['::before', '::after'].some((pseudo) => {
    const style = environment.getComputedStyle(element, pseudo);
    return set(style.content) && style.content !== 'normal' && looks(style);
  });
}

/** Whether the element is among the ancestors of `video` (it lies beneath the video, not over it). */
function isAncestor(element: Element, video: Element): boolean {
  for (let node: Element | null = parentOf(video); node; node = parentOf(node)) if (node === element) return true;
  return false;
}

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * No more than a few of 9 points across the visible part of the video (`visible`, in the viewport of its
 * document) are hidden by something of this document painted over it: an opaque box, an image, a
 * shadow, a blur. Thin things — text, subtitles, a control bar, transparent layers — do not hide it.
 */
export function uncovered(video: Element, visible: Box, environment: SightEnvironment): boolean {
  const root = video.getRootNode() as Document | ShadowRoot;
  if (typeof root.elementsFromPoint !== 'function') return true;
  let hidden = 0;
  for (const fy of GRID) {
    for (const fx of GRID) {
      const stack = root.elementsFromPoint(visible.left + visible.width * fx, visible.top + visible.height * fy);
      const index = stack.indexOf(video);
      // Not hit at all (e.g. `pointer-events: none`): whatever is there and not its container is over it.
      const above = index === -1 ? stack.filter((element) => !isAncestor(element, video)) : stack.slice(0, index);
      if (above.some((element) => paints(element, environment))) hidden += 1;
    }
  }
  return hidden < HIDDEN_POINTS_FOR_COVER;
}
