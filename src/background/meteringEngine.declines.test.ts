import { describe, expect, it } from 'vitest';
import type { RawTag } from '../shared/messages';
import { FrameRegistry } from './frameRegistry';
import { MeteringEngine, type MeteringContext } from './meteringEngine';
import { consentKey, emptyMeterDoc, type MeterDoc } from './meterState';
import { FakeChain } from './testing/fakeChain';

const GENESIS = `0x${'11'.repeat(32)}`;
const SITE = 'https://news.example';
const OTHER_SITE = 'https://blog.example';
const CREATOR_KEY = `0x${'bb'.repeat(32)}`;
const TAG: RawTag = { stream: ['1'], network: [], creator: [] };

/** An engine on a fake chain whose viewer declined stream 1 on two sites; tab 1 plays it on SITE, tab 2 on OTHER_SITE. */
function declinedOnTwoSites() {
  const now = Date.UTC(2025, 0, 1, 12);
  const chain = new FakeChain(() => now);
  chain.streams.set('1', { streamId: '1', title: 'Demo', creator: 'Bob', creatorPublicKey: CREATOR_KEY, ratePerMinute: 100n, active: true });
  const frames = new FrameRegistry();
  const context: MeteringContext = {
    hasAccount: true,
    canSign: true,
    chainReady: true,
    genesisHash: GENESIS,
    budgets: { perSession: null, perDay: null, global: null },
    isBlocked: () => false,
    alwaysAllowedRate: () => null,
  };
  const doc = emptyMeterDoc('2025-01-01');
  for (const site of [SITE, OTHER_SITE]) doc.consents[consentKey(GENESIS, site, '1')] = { decision: 'declined', ratePerMinute: '100', lastSeenAt: now };
  let saved: MeterDoc | null = null;
  const engine = new MeteringEngine(
    {
      now: () => now,
      chain,
      frames,
      context: () => context,
      save: async (stored) => {
        saved = structuredClone(stored);
      },
      allowAlways: async () => undefined,
      askTopFrame: () => undefined,
      publicKeyOf: () => null,
      newId: () => 'id',
      onChange: () => undefined,
    },
    doc,
  );
  frames.report({ tabId: 1, frameId: 0, origin: SITE }, { type: 'frame:media', tag: TAG, playing: true, activated: true }, now);
  frames.report({ tabId: 2, frameId: 0, origin: OTHER_SITE }, { type: 'frame:media', tag: TAG, playing: true, activated: true }, now);
  const reasons = () => engine.tabViews().map((tab) => [tab.tabId, tab.reason?.code]);
  return { engine, reasons, saved: () => saved };
}

describe('MeteringEngine: the person’s declines (fake chain)', () => {
  it('"Ask again" forgets the decline on that site only: the other site stays declined', async () => {
    const { engine, reasons, saved } = declinedOnTwoSites();
    await engine.tick();
    expect(reasons()).toEqual([
      [1, 'consent-declined'],
      [2, 'consent-declined'],
    ]);
    await engine.forgetDecline(SITE, '1');
    await engine.tick();
    expect(reasons()).toEqual([
      [1, 'consent-needed'],
      [2, 'consent-declined'],
    ]);
    expect(Object.keys(saved()?.consents ?? {})).toEqual([consentKey(GENESIS, OTHER_SITE, '1')]);
  });

  it('retrying a stopped session forgets no decline', async () => {
    const { engine, reasons } = declinedOnTwoSites();
    await engine.retry('1');
    await engine.tick();
    expect(reasons()).toEqual([
      [1, 'consent-declined'],
      [2, 'consent-declined'],
    ]);
  });
});
