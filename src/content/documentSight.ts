/**
 * What a frame can tell by itself about whether its video is shown (docs/permissions.md states the rules).
 *
 * - `showsPicture`, on every look: IntersectionObserver v2 does not see masks, clip paths or a picture
 *   moved out of its box (measured in Chromium: each leaves `isVisible` true), so they are checked here.
 * - Where v2 says no only because the player draws its own controls over the video (v2 counts any overlap,
 *   even a transparent one), or where the browser has no v2 (Firefox): `rendersVisibly` and
 *   `uncoveredWithin` the player's box — the smallest ancestor v2 finds visible, so that nothing outside it
 *   covers it — whose every element is looked at. Hit testing alone would miss covers a page makes
 *   untouchable (`pointer-events: none`) or paints outside their box (shadows, outlines), so inside the box
 *   anything that paints over the video counts, above it or not. Without v2, `uncoveredOutside` hit-tests
 *   the rest of the document; a parent page of another origin cannot be seen from inside the frame there.
 */

/** An element above the video hides it at a point when it paints this much (alpha) there. */
const OPAQUE_ALPHA = 0.5;
/** The video and its ancestors must be at least this opaque together. */
export const MIN_EFFECTIVE_OPACITY = 0.5;
/** Sample points: a 3 × 3 grid inside the visible part; covered when this many of the 9 are hidden. */
const GRID = [0.25, 0.5, 0.75];
export const HIDDEN_POINTS_FOR_COVER = 5;
/** A player's box is looked at element by element: an ancestor with more elements than this is not a player. */
export const MAX_PLAYER_ELEMENTS = 600;
/** Text this large (CSS px) can hide a video with its glyphs; smaller text (subtitles, labels) does not. */
const BIG_TEXT_PX = 64;

const GRAPHICS = new Set(['img', 'video', 'canvas', 'iframe', 'object', 'embed', 'svg', 'picture']);
/** Computed values that paint nothing. */
const NONE = new Set(['', 'none', 'initial']);
/** `clip-path` values that only round the corners of the box (the same box, nothing cut off). */
const ROUNDED_CORNERS = /^inset\(0(?:px)?(?: round [\d.% /px]+)?\)$/;
/** `object-position` that keeps the picture inside its box: two percentages from 0 to 100. */
const PICTURE_INSIDE = /^(\d+(?:\.\d+)?)% (\d+(?:\.\d+)?)%$/;

type StyleProperty =
  | 'display'
  | 'visibility'
  | 'opacity'
  | 'filter'
  | 'position'
  | 'transform'
  | 'zIndex'
  | 'left'
  | 'top'
  | 'width'
  | 'height'
  | 'backgroundColor'
  | 'backgroundImage'
  | 'boxShadow'
  | 'textShadow'
  | 'outlineStyle'
  | 'outlineWidth'
  | 'outlineOffset'
  | 'borderTopStyle'
  | 'borderTopWidth'
  | 'borderRightStyle'
  | 'borderRightWidth'
  | 'borderBottomStyle'
  | 'borderBottomWidth'
  | 'borderLeftStyle'
  | 'borderLeftWidth'
  | 'borderImageSource'
  | 'fontSize'
  | 'content'
  | 'maskImage'
  | 'webkitMaskImage'
  | 'webkitMaskBoxImageSource'
  | 'clipPath'
  | 'clip'
  | 'objectPosition'
  | 'mixBlendMode'
  | 'backfaceVisibility';

/** The computed values read here; a missing one counts as its initial value. */
export type Style = Readonly<Partial<Record<StyleProperty | 'backdropFilter' | 'objectViewBox', string>>>;

export interface SightEnvironment {
  getComputedStyle(element: Element, pseudo?: string): Style;
  /** The element's shadow root, closed ones too where the browser lets the extension see them. */
  shadowRootOf?(element: Element): ShadowRoot | null;
}

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

const set = (value: string | undefined): value is string => value !== undefined && !NONE.has(value);
const px = (value: string | undefined): number => Number.parseFloat(value ?? '') || 0;

/** The parent element, stepping out of shadow roots to their host. */
function parentOf(element: Element): Element | null {
  if (element.parentElement) return element.parentElement;
  const root = element.getRootNode();
  return root && 'host' in root ? (root as ShadowRoot).host : null;
}

/**
 * The picture can show: no mask, no clip path but rounded corners, no legacy `clip`, on the video and its
 * ancestors; the picture kept inside the video's box (`object-position`, `object-view-box`).
 */
export function showsPicture(video: Element, environment: SightEnvironment): boolean {
  const own = environment.getComputedStyle(video);
  const position = own.objectPosition ?? '';
  const inside = position === '' || PICTURE_INSIDE.exec(position)?.slice(1).every((part) => Number(part) <= 100) === true;
  if (!inside || set(own.objectViewBox)) return false;
  for (let node: Element | null = video; node; node = parentOf(node)) {
    const style = node === video ? own : environment.getComputedStyle(node);
    if (set(style.maskImage) || set(style.webkitMaskImage) || set(style.webkitMaskBoxImageSource)) return false;
    if (set(style.clipPath) && !ROUNDED_CORNERS.test(style.clipPath)) return false;
    if (style.clip && style.clip !== 'auto') return false;
  }
  return true;
}

/**
 * What v2 would have checked, for the looks that go without it: the video and its ancestors are not
 * hidden, filtered, blended, turned away or beneath a parent (negative z-index), and opaque enough together.
 */
export function rendersVisibly(video: Element, environment: SightEnvironment): boolean {
  let opacity = 1;
  for (let node: Element | null = video; node; node = parentOf(node)) {
    const style = environment.getComputedStyle(node);
    if (style.visibility === 'hidden' || style.visibility === 'collapse') return false;
    if (set(style.filter)) return false;
    if (style.mixBlendMode && style.mixBlendMode !== 'normal') return false;
    if (style.backfaceVisibility === 'hidden') return false;
    if (style.zIndex?.startsWith('-')) return false;
    opacity *= Number.parseFloat(style.opacity || '1');
    if (opacity < MIN_EFFECTIVE_OPACITY) return false;
  }
  return true;
}

/**
 * The ancestors of the video that may be its player's box, innermost first: each with at most
 * MAX_PLAYER_ELEMENTS elements (the document's root element too, when the whole document is that small).
 */
export function playerChain(video: Element): Element[] {
  const chain: Element[] = [];
  for (let node = parentOf(video); node; node = parentOf(node)) {
    if (node.getElementsByTagName('*').length > MAX_PLAYER_ELEMENTS) break;
    chain.push(node);
  }
  return chain;
}

function alphaOf(color: string | undefined): number {
  if (!color || color === 'transparent') return 0;
  const match = /rgba?\(([^)]+)\)/.exec(color);
  if (!match) return 1;
  const parts = match[1].split(/[\s,/]+/).filter(Boolean);
  return parts.length >= 4 ? Number.parseFloat(parts[3]) : 1;
}

/** How far (px) a shadow list reaches beyond its box, at most: every length in it added up. */
function shadowReach(value: string | undefined): number {
  if (!set(value)) return 0;
  const lengths = value.replace(/[a-z]+\([^)]*\)/g, ' ').match(/-?[\d.]+px/g) ?? [];
  return lengths.reduce((sum, length) => sum + Math.abs(Number.parseFloat(length)), 0);
}

/** How far (px) the element paints beyond its box: shadows, outline, filter; Infinity when it cannot be told. */
function inkReach(style: Style): number {
  if (set(style.borderImageSource)) return Number.POSITIVE_INFINITY;
  const outline = style.outlineStyle && style.outlineStyle !== 'none' ? px(style.outlineWidth) + Math.abs(px(style.outlineOffset)) : 0;
  return shadowReach(style.boxShadow) + shadowReach(style.textShadow) + shadowReach(style.filter) + outline;
}

const SIDES = ['Top', 'Right', 'Bottom', 'Left'] as const;

/** Does an element (or a pseudo-element) with this style paint something that hides what lies beneath it? */
function paintsBox(style: Style): boolean {
  if (alphaOf(style.backgroundColor) >= OPAQUE_ALPHA || set(style.backgroundImage) || set(style.backdropFilter)) return true;
  if (set(style.boxShadow) || set(style.textShadow) || set(style.borderImageSource)) return true;
  if (style.outlineStyle && style.outlineStyle !== 'none' && px(style.outlineWidth) > 0) return true;
  return SIDES.some((side) => {
    const border = style[`border${side}Style`];
    return border !== undefined && border !== 'none' && border !== 'hidden' && px(style[`border${side}Width`]) > 0;
  });
}

function hasText(element: Element): boolean {
  for (const node of element.childNodes) if (node.nodeType === 3 && node.textContent?.trim()) return true;
  return false;
}

type Rect = { left: number; top: number; right: number; bottom: number };

const rectOf = (box: { left: number; top: number; width: number; height: number }, reach = 0): Rect => ({
  left: box.left - reach,
  top: box.top - reach,
  right: box.left + box.width + reach,
  bottom: box.top + box.height + reach,
});

/** The 9 sample points across the visible part of the video. */
function samplePoints(visible: Box): { x: number; y: number }[] {
  return GRID.flatMap((fy) => GRID.map((fx) => ({ x: visible.left + visible.width * fx, y: visible.top + visible.height * fy })));
}

/**
 * Walks the player's box (`box`, an ancestor of the video) element by element, shadow roots included, and
 * marks the sample points something paints over: a box, an image, a shadow or outline reaching over, big
 * text, a painted ::before / ::after (one positioned out of flow that cannot be measured hides them all).
 * Elements fainter than OPAQUE_ALPHA (opacity), hidden or not displayed paint nothing. The video's own
 * ancestors paint beneath it, all but their pseudo-elements. More than MAX_PLAYER_ELEMENTS: all hidden.
 */
export function uncoveredWithin(video: Element, box: Element, visible: Box, environment: SightEnvironment): boolean {
  const points = samplePoints(visible);
  const hidden = new Set<number>();
  const ancestors = new Set<Element>();
  for (let node = parentOf(video); node; node = parentOf(node)) ancestors.add(node);
  const cover = (rect: Rect | null) => {
    points.forEach((point, index) => {
      if (rect === null || (point.x >= rect.left && point.x <= rect.right && point.y >= rect.top && point.y <= rect.bottom)) hidden.add(index);
    });
  };
  let seen = 0;
  const visit = (element: Element, opacity: number): void => {
    if (hidden.size >= HIDDEN_POINTS_FOR_COVER || element === video) return;
    seen += 1;
    if (seen > MAX_PLAYER_ELEMENTS) return cover(null);
    const style = environment.getComputedStyle(element);
    if (style.display === 'none') return;
    const alpha = opacity * Number.parseFloat(style.opacity || '1');
    if (alpha < OPAQUE_ALPHA) return;
    const shown = style.visibility !== 'hidden' && style.visibility !== 'collapse';
    const bounds = element.getBoundingClientRect();
    if (shown && !ancestors.has(element)) {
      const big = px(style.fontSize) > BIG_TEXT_PX && hasText(element);
      if (GRAPHICS.has(element.localName) || paintsBox(style) || big) cover(rectOf(bounds, inkReach(style)));
    }
    for (const pseudo of ['::before', '::after']) {
      const pseudoStyle = environment.getComputedStyle(element, pseudo);
      if (!set(pseudoStyle.content) || pseudoStyle.content === 'normal' || pseudoStyle.display === 'none') continue;
      if (pseudoStyle.visibility === 'hidden' || alpha * Number.parseFloat(pseudoStyle.opacity || '1') < OPAQUE_ALPHA) continue;
      if (paintsBox(pseudoStyle) || px(pseudoStyle.fontSize) > BIG_TEXT_PX) cover(pseudoRect(element, bounds, style, pseudoStyle));
    }
    const shadow = environment.shadowRootOf?.(element) ?? element.shadowRoot;
    for (const child of [...(shadow?.children ?? []), ...element.children]) visit(child, alpha);
  };
  visit(box, 1);
  return hidden.size < HIDDEN_POINTS_FOR_COVER;
}

/**
 * Where a painted pseudo-element lies: inside its element when in flow; measured from its element when
 * positioned against it (untransformed); otherwise it cannot be told (null: everywhere).
 */
function pseudoRect(element: Element, bounds: DOMRect, style: Style, pseudo: Style): Rect | null {
  const reach = inkReach(pseudo);
  if (pseudo.position !== 'absolute' && pseudo.position !== 'fixed') return rectOf(bounds, reach);
  if (pseudo.position === 'fixed' || !style.position || style.position === 'static' || set(style.transform) || set(pseudo.transform)) return null;
  const [left, top, width, height] = [pseudo.left, pseudo.top, pseudo.width, pseudo.height].map((value) => Number.parseFloat(value ?? ''));
  if (![left, top, width, height].every(Number.isFinite)) return null;
  return rectOf({ left: bounds.left + element.clientLeft + left, top: bounds.top + element.clientTop + top, width, height }, reach);
}

/**
 * Without v2: no more than a few sample points are hidden by something outside the player's box (`box`,
 * null when the video has none) painted over the video, as the document's hit testing finds it.
 */
export function uncoveredOutside(video: Element, box: Element | null, visible: Box, environment: SightEnvironment): boolean {
  const root = video.getRootNode() as Document | ShadowRoot;
  if (typeof root.elementsFromPoint !== 'function') return true;
  const outside = (element: Element) => !box?.contains(element) && !isAncestor(element, video);
  let hidden = 0;
  for (const { x, y } of samplePoints(visible)) {
    const stack = root.elementsFromPoint(x, y);
    const index = stack.indexOf(video);
    // Not hit at all (e.g. `pointer-events: none`): whatever is there and not its container is over it.
    const above = index === -1 ? stack.filter((element) => !isAncestor(element, video)) : stack.slice(0, index);
    if (above.some((element) => outside(element) && paints(element, environment))) hidden += 1;
  }
  return hidden < HIDDEN_POINTS_FOR_COVER;
}

/** Does this element (or its ::before / ::after) paint something that hides what lies beneath it? */
function paints(element: Element, environment: SightEnvironment): boolean {
  if (GRAPHICS.has(element.localName) || paintsBox(environment.getComputedStyle(element))) return true;
  return ['::before', '::after'].some((pseudo) => {
    const style = environment.getComputedStyle(element, pseudo);
    return set(style.content) && style.content !== 'normal' && paintsBox(style);
  });
}

/** Whether the element is among the ancestors of `video` (it lies beneath the video, not over it). */
function isAncestor(element: Element, video: Element): boolean {
  for (let node: Element | null = parentOf(video); node; node = parentOf(node)) if (node === element) return true;
  return false;
}
