import { describe, expect, it } from 'vitest';
import { newSessionRecord } from './meterState';
import { giveBack, shareBySeconds, take, takeHeld } from './siteSeconds';

const A = 'https://a.example';
const B = 'https://b.example';

describe('siteSeconds: the seconds of a stream by the top-level site they were watched on', () => {
  it('takes the oldest site’s seconds first', () => {
    const held = { [A]: 2, [B]: 3 };
    expect(take(held, 3)).toEqual({ [A]: 2, [B]: 1 });
    expect(held).toEqual({ [B]: 2 });
  });

  it('held seconds no site was recorded for (an older journal) are the session’s first site’s; given back, they keep theirs', () => {
    const session = { ...newSessionRecord({ streamId: '1', site: A, title: '', creator: '', creatorPublicKey: '', ratePerMinute: '1', agreedRatePerMinute: '1', genesisHash: '', startedAt: 0 }), held: 4, heldSites: { [B]: 1 } };
    const taken = takeHeld(session, 3);
    expect(taken).toEqual({ [B]: 1, [A]: 2 });
    expect(session).toMatchObject({ held: 1, heldSites: {} });
    giveBack(session, taken, 3);
    expect(session).toMatchObject({ held: 4, heldSites: { [B]: 1, [A]: 2 } });
  });

  it('shares an amount in proportion to the seconds, nothing lost to rounding', () => {
    expect(shareBySeconds(10n, { [A]: 1, [B]: 2 })).toEqual([
      [A, 3n],
      [B, 7n],
    ]);
    expect(shareBySeconds(5n, { [A]: 0 })).toEqual([[A, 5n]]);
  });
});
