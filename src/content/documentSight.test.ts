// @vitest-environment happy-dom
import { beforeEach, describe, expect, test } from 'vitest';
import { MAX_PLAYER_ELEMENTS, playerChain, showsPicture, uncoveredWithin, type SightEnvironment, type Style } from './documentSight';

/** Computed styles as Chromium writes them, set per element and pseudo-element by each test ({} otherwise). */
let styles: Map<Element, Style>;
let pseudos: Map<Element, Record<string, Style>>;
let shadowRoots: Map<Element, ShadowRoot>;
const environment: SightEnvironment = {
  getComputedStyle: (element, pseudo) => (pseudo ? pseudos.get(element)?.[pseudo] : styles.get(element)) ?? {},
  shadowRootOf: (element) => shadowRoots.get(element) ?? null,
};
const styled = (element: Element, style: Style) => styles.set(element, style);
const styledPseudo = (element: Element, pseudo: '::before' | '::after', style: Style) => pseudos.set(element, { ...pseudos.get(element), [pseudo]: style });

/** Gives the element a layout box (CSS px, viewport coordinates). */
function place(element: Element, left: number, top: number, width: number, height: number): Element {
  element.getBoundingClientRect = () => ({ left, top, width, height, right: left + width, bottom: top + height, x: left, y: top }) as DOMRect;
  return element;
}

const VISIBLE = { left: 0, top: 0, width: 320, height: 180 };
let stage: HTMLElement;
let video: HTMLVideoElement;

beforeEach(() => {
  styles = new Map();
  pseudos = new Map();
  shadowRoots = new Map();
  document.body.innerHTML = '';
  stage = document.createElement('div');
  video = document.createElement('video');
  stage.append(video);
  document.body.append(stage);
  place(stage, 0, 0, 320, 220);
  place(video, 0, 0, 320, 180);
});

const child = (parent: Element | ShadowRoot, style: Style, box: [number, number, number, number] = [0, 0, 320, 180]) => {
  const element = document.createElement('div');
  parent.append(element);
  styled(element, style);
  return place(element, ...box);
};

describe('showsPicture (fake computed styles)', () => {
  test('no mask, no clip, the picture inside its box: shown', () => {
    styled(video, { objectPosition: '50% 50%', clipPath: 'none', maskImage: 'none', clip: 'auto' });
    expect(showsPicture(video, environment)).toBe(true);
  });

  test.each<[string, Style]>([
    ['an unprefixed mask', { maskImage: 'linear-gradient(transparent, transparent)' }],
    ['a prefixed mask', { webkitMaskImage: 'linear-gradient(transparent, transparent)' }],
    ['a mask border', { webkitMaskBoxImageSource: 'url("a.png")' }],
    ['an SVG mask', { maskImage: 'url("#m")' }],
    ['a clip path', { clipPath: 'polygon(0px 0px, 1px 0px, 0px 1px)' }],
    ['an inset clip that cuts', { clipPath: 'inset(0px 0px 99%)' }],
    ['an inset clip to another box', { clipPath: 'inset(0px) content-box' }],
    ['a legacy clip', { clip: 'rect(0px, 1px, 1px, 0px)' }],
  ])('%s on the video or an ancestor: not shown', (_, style) => {
    styled(video, style);
    expect(showsPicture(video, environment)).toBe(false);
    styles.clear();
    styled(document.body, style);
    expect(showsPicture(video, environment)).toBe(false);
  });

  test.each(['inset(0px round 12px)', 'inset(0px round 12px 12px 0px 0px / 4px)', 'inset(0px)'])('rounded corners only (%s): shown', (clipPath) => {
    styled(stage, { clipPath });
    expect(showsPicture(video, environment)).toBe(true);
  });

  test.each([
    ['-10000px 0px', false],
    ['150% 50%', false],
    ['calc(50% + 9999px) 50%', false],
    ['0% 100%', true],
    ['50% 50%', true],
  ])('object-position %s: shown %s', (objectPosition, shown) => {
    styled(video, { objectPosition });
    expect(showsPicture(video, environment)).toBe(shown);
  });

  test('object-view-box other than none: not shown', () => {
    styled(video, { objectViewBox: 'inset(100% 0px 0px)' });
    expect(showsPicture(video, environment)).toBe(false);
  });
});

describe('uncoveredWithin the player box (fake computed styles and layout)', () => {
  test('nothing over the video but its container: uncovered', () => {
    styled(stage, { backgroundColor: 'rgb(0, 0, 0)' });
    expect(uncoveredWithin(video, stage, VISIBLE, environment)).toBe(true);
  });

  test('an opaque box over the middle row and more: covered; a bottom control bar alone: not', () => {
    child(stage, { backgroundColor: 'rgba(0, 0, 0, 0.8)' }, [0, 150, 320, 30]);
    expect(uncoveredWithin(video, stage, VISIBLE, environment)).toBe(true);
    child(stage, { backgroundColor: 'rgb(255, 255, 255)' }, [0, 0, 320, 100]);
    expect(uncoveredWithin(video, stage, VISIBLE, environment)).toBe(false);
  });

  test('an element whose box shadow or outline reaches over the video from beside it: covered', () => {
    const beside = child(stage, { boxShadow: 'rgb(255, 255, 255) 0px 0px 0px 1000px' }, [400, 0, 10, 10]);
    expect(uncoveredWithin(video, stage, VISIBLE, environment)).toBe(false);
    styled(beside, { outlineStyle: 'solid', outlineWidth: '1000px', outlineOffset: '0px' });
    expect(uncoveredWithin(video, stage, VISIBLE, environment)).toBe(false);
    styled(beside, { outlineStyle: 'none', outlineWidth: '3px', boxShadow: 'rgb(0, 0, 0) 0px 2px 4px 0px' });
    expect(uncoveredWithin(video, stage, VISIBLE, environment), 'a small shadow beside it').toBe(true);
  });

  test('a cover in a shadow root, closed ones too, is looked at', () => {
    const host = child(stage, {}, [0, 0, 0, 0]);
    const shadow = host.attachShadow({ mode: 'closed' });
    shadowRoots.set(host, shadow);
    child(shadow, { backgroundColor: 'rgb(255, 255, 255)' });
    expect(uncoveredWithin(video, stage, VISIBLE, environment)).toBe(false);
  });

  test('a painted pseudo-element of the video’s container: measured when positioned against it, everywhere when it cannot be', () => {
    styled(stage, { position: 'relative', transform: 'none' });
    styledPseudo(stage, '::after', { content: '""', position: 'absolute', left: '0px', top: '150px', width: '320px', height: '30px', backgroundImage: 'linear-gradient(transparent, black)' });
    expect(uncoveredWithin(video, stage, VISIBLE, environment), 'a shade along the bottom').toBe(true);
    styledPseudo(stage, '::after', { content: '""', position: 'fixed', left: '0px', top: '0px', width: '1px', height: '1px', backgroundColor: 'rgb(255, 255, 255)' });
    expect(uncoveredWithin(video, stage, VISIBLE, environment), 'fixed: where it lies cannot be told').toBe(false);
  });

  test('faded, hidden or undisplayed elements paint nothing; their visible children still do', () => {
    const faded = child(stage, { opacity: '0', backgroundColor: 'rgb(0, 0, 0)' });
    child(faded, { backgroundColor: 'rgb(0, 0, 0)' });
    child(stage, { display: 'none', backgroundColor: 'rgb(0, 0, 0)' });
    const hidden = child(stage, { visibility: 'hidden', backgroundColor: 'rgb(0, 0, 0)' });
    expect(uncoveredWithin(video, stage, VISIBLE, environment)).toBe(true);
    child(hidden, { backgroundColor: 'rgb(0, 0, 0)' });
    expect(uncoveredWithin(video, stage, VISIBLE, environment)).toBe(false);
  });

  test(`a box of more than ${MAX_PLAYER_ELEMENTS} elements is not looked through: covered`, () => {
    for (let index = 0; index <= MAX_PLAYER_ELEMENTS; index += 1) child(stage, {}, [500, 500, 1, 1]);
    expect(uncoveredWithin(video, stage, VISIBLE, environment)).toBe(false);
  });
});

test(`playerChain: the video's ancestors, innermost first, while they hold at most ${MAX_PLAYER_ELEMENTS} elements`, () => {
  expect(playerChain(video)).toEqual([stage, document.body, document.documentElement]);
  document.body.append(...Array.from({ length: MAX_PLAYER_ELEMENTS }, () => document.createElement('p')));
  expect(playerChain(video)).toEqual([stage]);
});
