import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_PLAYING_FOR_MS, parseContentMessage, parseUiRequest } from './messages';

describe('parseContentMessage', () => {
  it('accepts the exact frame:media shape, with or without a tag', () => {
    const tag = { stream: ['1'], network: [], creator: ['5Grw'] };
    expect(parseContentMessage({ type: 'frame:media', tag, playing: true, activated: true })).toEqual({ type: 'frame:media', tag, playing: true, activated: true });
    expect(parseContentMessage({ type: 'frame:media', tag: null, playing: false, activated: false })).toEqual({
      type: 'frame:media',
      tag: null,
      playing: false,
      activated: false,
    });
  });

  it('accepts playingForMs while playing, up to its cap, and unperceived while not playing', () => {
    expect(parseContentMessage({ type: 'frame:media', tag: null, playing: true, activated: true, playingForMs: 4200 })).toEqual({
      type: 'frame:media',
      tag: null,
      playing: true,
      activated: true,
      playingForMs: 4200,
    });
    const atCap = parseContentMessage({ type: 'frame:media', tag: null, playing: true, activated: true, playingForMs: MAX_PLAYING_FOR_MS });
    expect(atCap?.type === 'frame:media' && atCap.playingForMs).toBe(MAX_PLAYING_FOR_MS);
    expect(parseContentMessage({ type: 'frame:media', tag: null, playing: false, unperceived: true, activated: false })).toEqual({
      type: 'frame:media',
      tag: null,
      playing: false,
      unperceived: true,
      activated: false,
    });
  });

  it('accepts frame:gone with nothing else', () => {
    expect(parseContentMessage({ type: 'frame:gone' })).toEqual({ type: 'frame:gone' });
    expect(parseContentMessage({ type: 'frame:gone', tabId: 3 })).toBeNull();
  });

  it.each([
    ['not an object', 'frame:media'],
    ['wrong type', { type: 'frame:other', tag: null, playing: true, activated: true }],
    ['playing not boolean', { type: 'frame:media', tag: null, playing: 'yes', activated: true }],
    ['activated missing', { type: 'frame:media', tag: null, playing: true }],
    ['activated not boolean', { type: 'frame:media', tag: null, playing: true, activated: 1 }],
    ['unperceived while playing', { type: 'frame:media', tag: null, playing: true, unperceived: true, activated: true }],
    ['unperceived false', { type: 'frame:media', tag: null, playing: false, unperceived: false, activated: true }],
    ['extra field', { type: 'frame:media', tag: null, playing: true, activated: true, rate: '999' }],
    ['tag field missing', { type: 'frame:media', tag: { stream: ['1'], network: [] }, playing: true, activated: true }],
    ['tag extra field', { type: 'frame:media', tag: { stream: ['1'], network: [], creator: [], title: ['x'] }, playing: true, activated: true }],
    ['non-string value', { type: 'frame:media', tag: { stream: [1], network: [], creator: [] }, playing: true, activated: true }],
    ['too many values', { type: 'frame:media', tag: { stream: Array(17).fill('1'), network: [], creator: [] }, playing: true, activated: true }],
    ['playingForMs while not playing', { type: 'frame:media', tag: null, playing: false, activated: true, playingForMs: 1000 }],
    ['playingForMs negative', { type: 'frame:media', tag: null, playing: true, activated: true, playingForMs: -1 }],
    ['playingForMs not an integer', { type: 'frame:media', tag: null, playing: true, activated: true, playingForMs: 1.5 }],
    ['playingForMs a string', { type: 'frame:media', tag: null, playing: true, activated: true, playingForMs: '1000' }],
    ['playingForMs over the cap', { type: 'frame:media', tag: null, playing: true, activated: true, playingForMs: MAX_PLAYING_FOR_MS + 1 }],
    ['huge value', { type: 'frame:media', tag: { stream: ['1'.repeat(300)], network: [], creator: [] }, playing: true, activated: true }],
  ])('refuses %s', (_label, message) => {
    expect(parseContentMessage(message)).toBeNull();
  });
});

describe('parseUiRequest', () => {
  it('accepts known requests with well-formed fields', () => {
    expect(parseUiRequest({ type: 'state:get' })).toEqual({ type: 'state:get' });
    expect(parseUiRequest({ type: 'keys:unlock', password: 'x' })).not.toBeNull();
    expect(parseUiRequest({ type: 'consent:decide', id: 'a', decision: 'allow-always' })).not.toBeNull();
    expect(parseUiRequest({ type: 'allow:add', site: 'https://news.example', creator: '5Grw', maxRatePerMinute: '100' })).not.toBeNull();
    expect(parseUiRequest({ type: 'allow:remove', site: 'https://news.example', creatorPublicKey: `0x${'ab'.repeat(32)}`, genesisHash: `0x${'cd'.repeat(32)}` })).not.toBeNull();
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
    ['the old site-wide allow', { type: 'site:allow', site: 'https://news.example' }],
    ['always-allow rate as a number', { type: 'allow:add', site: 'https://news.example', creator: '5Grw', maxRatePerMinute: 100 }],
    ['always-allow removal with a short key', { type: 'allow:remove', site: 'https://a.example', creatorPublicKey: '0xab', genesisHash: `0x${'cd'.repeat(32)}` }],
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

// ---------- property-based (fast-check): thousands of generated messages per run ----------

/** A frame:media message well-formed by the contract's own words (written apart from the parser). */
function wellFormedFrame(value: Record<string, unknown>): boolean {
  const allowed = ['type', 'tag', 'playing', 'unperceived', 'activated', 'playingForMs'];
  if (Object.keys(value).some((key) => !allowed.includes(key))) return false;
  if (typeof value.playing !== 'boolean' || typeof value.activated !== 'boolean') return false;
  if ('unperceived' in value && value.unperceived !== undefined && !(value.unperceived === true && value.playing === false)) return false;
  if ('playingForMs' in value && value.playingForMs !== undefined) {
    const ms = value.playingForMs;
    if (!(value.playing === true && typeof ms === 'number' && Number.isInteger(ms) && ms >= 0 && ms <= MAX_PLAYING_FOR_MS)) return false;
  }
  const tag = value.tag;
  if (tag === null) return true;
  if (typeof tag !== 'object' || tag === undefined || Array.isArray(tag)) return false;
  const fields = tag as Record<string, unknown>;
  if (Object.keys(fields).some((key) => !['stream', 'network', 'creator'].includes(key))) return false;
  return ['stream', 'network', 'creator'].every((key) => {
    const list = fields[key];
    return Array.isArray(list) && list.length <= 16 && list.every((item) => typeof item === 'string' && item.length <= 256);
  });
}

const anyValue = fc.oneof(fc.anything(), fc.constant(undefined), fc.constant(null));
const tagList = fc.oneof(fc.array(fc.string({ maxLength: 300 }), { maxLength: 18 }), anyValue);
const frameLike = fc.record(
  {
    type: fc.oneof(fc.constant('frame:media'), fc.constant('frame:gone'), fc.string()),
    tag: fc.oneof(fc.constant(null), fc.record({ stream: tagList, network: tagList, creator: tagList }, { requiredKeys: [] }), anyValue),
    playing: fc.oneof(fc.boolean(), anyValue),
    activated: fc.oneof(fc.boolean(), anyValue),
    unperceived: fc.oneof(fc.constant(true), fc.constant(false), anyValue),
    playingForMs: fc.oneof(fc.integer({ min: -5, max: MAX_PLAYING_FOR_MS + 5 }), fc.double(), anyValue),
    extra: anyValue,
  },
  { requiredKeys: ['type'] },
);

describe('runtime message validation, property-based (fast-check)', () => {
  it('parseContentMessage never throws and accepts exactly the well-formed frame reports, copying them', () => {
    fc.assert(
      fc.property(fc.oneof(frameLike, fc.anything()), (value) => {
        const parsed = parseContentMessage(value);
        const record = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
        if (record?.type === 'frame:media') expect(parsed !== null).toBe(wellFormedFrame(record));
        else if (record?.type === 'frame:gone') expect(parsed !== null).toBe(Object.keys(record).length === 1);
        else expect(parsed).toBeNull();
        if (parsed?.type === 'frame:media' && parsed.tag && record) expect(parsed.tag).not.toBe(record.tag);
      }),
      { numRuns: 5000 },
    );
  });

  const validRequests = fc.constantFrom<Record<string, unknown>>(
    { type: 'state:get' },
    { type: 'keys:unlock', password: 'correct horse' },
    { type: 'consent:decide', id: 'c1', decision: 'allow-once' },
    { type: 'settings:set', settings: { endpoint: 'wss://rpc.example', budgets: { perDay: '100' }, autoLockMinutes: 5 } },
    { type: 'metering:retry', streamId: '42' },
    { type: 'site:block', site: 'https://a.example' },
    { type: 'allow:add', site: 'https://a.example', creator: '5Grw', maxRatePerMinute: '100' },
    { type: 'subscription:buy', streamId: '2', maxPrice: '1000', consentId: null },
    { type: 'creator:submit', call: { call: 'withdraw', streamId: '3', amount: null } },
  );

  it('parseUiRequest never throws on anything a page could send', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.record({ type: fc.string(), x: fc.anything() }, { requiredKeys: [] })), (value) => {
        const parsed = parseUiRequest(value);
        if (parsed !== null) expect(typeof parsed.type).toBe('string');
      }),
      { numRuns: 5000 },
    );
  });

  it('a well-formed request with an unknown key added, or one field of the wrong type, is refused', () => {
    fc.assert(
      fc.property(validRequests, fc.string({ minLength: 1, maxLength: 12 }), fc.oneof(fc.integer(), fc.boolean(), fc.constant([])), (request, key, wrong) => {
        expect(parseUiRequest(request)).not.toBeNull();
        if (!(key in request)) expect(parseUiRequest({ ...request, [key]: 'x' })).toBeNull();
        for (const field of Object.keys(request).filter((name) => name !== 'type'))
          expect(parseUiRequest({ ...request, [field]: wrong }), field).toBeNull();
      }),
      { numRuns: 2000 },
    );
  });
});
