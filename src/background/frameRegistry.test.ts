import { describe, expect, it } from 'vitest';
import type { FrameMediaMessage } from '../shared/messages';
import { FrameRegistry, MAX_FRAMES_PER_TAB, REPORT_BURST, REPORTS_PER_SECOND } from './frameRegistry';

const playing: FrameMediaMessage = { type: 'frame:media', tag: { stream: ['1'], network: [], creator: [] }, playing: true, activated: false };
const top = (activated = false): FrameMediaMessage => ({ type: 'frame:media', tag: null, playing: false, activated });

describe('FrameRegistry', () => {
  it(`takes a burst of ${REPORT_BURST} reports per frame, then ${REPORTS_PER_SECOND} a second; a frame over it counts as not playing`, () => {
    const frames = new FrameRegistry();
    const source = { tabId: 1, frameId: 0, origin: 'https://a.example' };
    let now = 0;
    const results = Array.from({ length: REPORT_BURST + 5 }, () => frames.report(source, playing, now));
    expect(results.filter((result) => result === 'accepted')).toHaveLength(REPORT_BURST);
    expect(FrameRegistry.isPlaying(frames.all()[0], now)).toBe(false);
    now += 1000;
    const nextSecond = Array.from({ length: 10 }, () => frames.report(source, playing, now));
    expect(nextSecond.filter((result) => result === 'accepted')).toHaveLength(REPORTS_PER_SECOND);
    now += 60_000;
    expect(frames.report(source, playing, now)).toBe('accepted');
    expect(FrameRegistry.isPlaying(frames.all()[0], now)).toBe(true);
  });

  it(`follows at most ${MAX_FRAMES_PER_TAB} frames per tab`, () => {
    const frames = new FrameRegistry();
    for (let frameId = 0; frameId < MAX_FRAMES_PER_TAB; frameId += 1) frames.report({ tabId: 1, frameId, origin: 'https://a.example' }, playing, 0);
    expect(frames.report({ tabId: 1, frameId: 999, origin: 'https://a.example' }, playing, 0)).toBe('too-many-frames');
    expect(frames.report({ tabId: 2, frameId: 999, origin: 'https://a.example' }, playing, 0)).toBe('accepted');
  });

  it('knows a player’s page only from a top-frame report made after the player was first heard', () => {
    const frames = new FrameRegistry();
    frames.report({ tabId: 1, frameId: 0, origin: 'https://old.example' }, top(true), 0);
    frames.report({ tabId: 1, frameId: 4, origin: 'https://player.example' }, playing, 10);
    const player = () => frames.all().find((frame) => frame.frameId === 4)!;
    expect(frames.topOf(player()), 'the top report may be from the page before').toBeNull();
    expect(frames.activated(player())).toBe(false);
    frames.report({ tabId: 1, frameId: 0, origin: 'https://old.example' }, top(true), 20);
    expect(frames.topOf(player())?.origin).toBe('https://old.example');
    expect(frames.activated(player()), 'activation reaches the top frame from any frame').toBe(true);
  });

  it('a top frame of another origin, or one that is gone, takes the tab’s other frames along', () => {
    const frames = new FrameRegistry();
    frames.report({ tabId: 1, frameId: 0, origin: 'https://a.example' }, top(), 0);
    frames.report({ tabId: 1, frameId: 4, origin: 'https://player.example' }, playing, 1);
    frames.report({ tabId: 1, frameId: 0, origin: 'https://b.example' }, top(), 2);
    expect(frames.all().map((frame) => frame.frameId)).toEqual([0]);
    frames.report({ tabId: 1, frameId: 4, origin: 'https://player.example' }, playing, 3);
    frames.gone(1, 4);
    expect(frames.all().map((frame) => frame.frameId)).toEqual([0]);
    frames.report({ tabId: 1, frameId: 4, origin: 'https://player.example' }, playing, 4);
    frames.gone(1, 0);
    expect(frames.all()).toEqual([]);
  });

  it('asks a tab’s top frame at most once a second', () => {
    const frames = new FrameRegistry();
    expect([frames.topRequestDue(1, 0), frames.topRequestDue(1, 500), frames.topRequestDue(2, 500), frames.topRequestDue(1, 1000)]).toEqual([true, false, true, true]);
  });
});
