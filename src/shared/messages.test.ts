import { describe, expect, it } from 'vitest';
import { MAX_PLAYING_FOR_MS, parseFrameMessage, parseUiRequest } from './messages';

describe('parseFrameMessage', () => {
  it('accepts the exact frame:media shape, with or without a tag', () => {
    const tag = { stream: ['1'], network: [], creator: ['5Grw'] };
    expect(parseFrameMessage({ type: 'frame:media', tag, playing: true })).toEqual({ type: 'frame:media', tag, playing: true });
    expect(parseFrameMessage({ type: 'frame:media', tag: null, playing: false })).toEqual({ type: 'frame:media', tag: null, playing: false });
  });

  it('accepts playingForMs while playing, up to its cap', () => {
    expect(parseFrameMessage({ type: 'frame:media', tag: null, playing: true, playingForMs: 4200 })).toEqual({
      type: 'frame:media',
      tag: null,
      playing: true,
      playingForMs: 4200,
    });
    expect(parseFrameMessage({ type: 'frame:media', tag: null, playing: true, playingForMs: MAX_PLAYING_FOR_MS })?.playingForMs).toBe(
      MAX_PLAYING_FOR_MS,
    );
  });

  it.each([
    ['not an object', 'frame:media'],
    ['wrong type', { type: 'frame:other', tag: null, playing: true }],
    ['playing not boolean', { type: 'frame:media', tag: null, playing: 'yes' }],
    ['extra field', { type: 'frame:media', tag: null, playing: true, rate: '999' }],
    ['tag field missing', { type: 'frame:media', tag: { stream: ['1'], network: [] }, playing: true }],
    ['tag extra field', { type: 'frame:media', tag: { stream: ['1'], network: [], creator: [], title: ['x'] }, playing: true }],
    ['non-string value', { type: 'frame:media', tag: { stream: [1], network: [], creator: [] }, playing: true }],
    ['too many values', { type: 'frame:media', tag: { stream: Array(17).fill('1'), network: [], creator: [] }, playing: true }],
    ['playingForMs while not playing', { type: 'frame:media', tag: null, playing: false, playingForMs: 1000 }],
    ['playingForMs negative', { type: 'frame:media', tag: null, playing: true, playingForMs: -1 }],
    ['playingForMs not an integer', { type: 'frame:media', tag: null, playing: true, playingForMs: 1.5 }],
    ['playingForMs a string', { type: 'frame:media', tag: null, playing: true, playingForMs: '1000' }],
    ['playingForMs over the cap', { type: 'frame:media', tag: null, playing: true, playingForMs: MAX_PLAYING_FOR_MS + 1 }],
    ['huge value', { type: 'frame:media', tag: { stream: ['1'.repeat(300)], network: [], creator: [] }, playing: true }],
  ])('refuses %s', (_label, message) => {
    expect(parseFrameMessage(message)).toBeNull();
  });
});

describe('parseUiRequest', () => {
  it('accepts known requests with well-formed fields', () => {
    expect(parseUiRequest({ type: 'state:get' })).toEqual({ type: 'state:get' });
    expect(parseUiRequest({ type: 'keys:unlock', password: 'x' })).not.toBeNull();
    expect(parseUiRequest({ type: 'consent:decide', id: 'a', decision: 'allow-site' })).not.toBeNull();
    expect(parseUiRequest({ type: 'settings:set', settings: { budgets: { perDay: '1000', global: null }, autoLockMinutes: 5 } })).not.toBeNull();
    expect(parseUiRequest({ type: 'metering:retry', streamId: '42' })).not.toBeNull();
    expect(parseUiRequest({ type: 'subscription:buy', streamId: '2', maxPrice: '1000000000000', consentId: null })).not.toBeNull();
    const pricing = { baseRatePerMinute: '100', premiumRatePerMinute: null, subscriptionPrice: '5' };
    const register = { call: 'register', details: { title: 'Club', description: '', category: 'music', pricing } };
    expect(parseUiRequest({ type: 'creator:submit', call: register })).not.toBeNull();
    expect(parseUiRequest({ type: 'creator:estimate-fee', call: { call: 'set-status', streamId: '3', active: false } })).not.toBeNull();
    expect(parseUiRequest({ type: 'creator:submit', call: { call: 'set-pricing', streamId: '3', pricing } })).not.toBeNull();
    expect(parseUiRequest({ type: 'creator:submit', call: { call: 'withdraw', streamId: '3', amount: null } })).not.toBeNull();
  });

  it.each([
    ['unknown type', { type: 'keys:steal' }],
    ['prototype key as type', { type: 'toString' }],
    ['missing field', { type: 'keys:unlock' }],
    ['extra field', { type: 'keys:lock', now: true }],
    ['wrong decision', { type: 'consent:decide', id: 'a', decision: 'always' }],
    ['budget not a planck integer', { type: 'settings:set', settings: { budgets: { perDay: '1.5' } } }],
    ['negative auto-lock', { type: 'settings:set', settings: { autoLockMinutes: -1 } }],
    ['unknown setting', { type: 'settings:set', settings: { debug: true } }],
    ['stream id with leading zero', { type: 'metering:retry', streamId: '01' }],
    ['words not strings', { type: 'account:confirm-create', words: [1, 2, 3] }],
    ['subscription price as a number', { type: 'subscription:buy', streamId: '2', maxPrice: 1e12, consentId: null }],
    ['unknown creator call', { type: 'creator:submit', call: { call: 'transfer', streamId: '3' } }],
    ['withdraw amount with decimals', { type: 'creator:submit', call: { call: 'withdraw', streamId: '3', amount: '1.5' } }],
    ['status not boolean', { type: 'creator:submit', call: { call: 'set-status', streamId: '3', active: 'no' } }],
    ['extra key in a creator call', { type: 'creator:submit', call: { call: 'set-status', streamId: '3', active: true, creator: '5Grw' } }],
    ['registration without pricing', { type: 'creator:submit', call: { call: 'register', details: { title: 'x', description: '', category: '' } } }],
  ])('refuses %s', (_label, request) => {
    expect(parseUiRequest(request)).toBeNull();
  });
});
