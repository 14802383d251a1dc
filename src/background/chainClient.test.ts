import { beforeEach, describe, expect, it } from 'vitest';
import { otherNetworkRefusal } from './chainClient';
import { installFakeChromeI18n } from '../ui/testI18n';

const WATCHED = `0x${'11'.repeat(32)}`;
const OTHER = `0x${'22'.repeat(32)}`;

describe('otherNetworkRefusal (checked by ChainClient right before signing a session’s call)', () => {
  beforeEach(() => installFakeChromeI18n());

  it('lets a call be signed on the network its seconds were watched on', () => {
    expect(otherNetworkRefusal(WATCHED, WATCHED)).toBeNull();
  });

  it.each([
    ['another network', OTHER],
    ['no network', null],
  ])('refuses, keeping the seconds (retryable), while %s is connected, naming both networks', (_, connected) => {
    const refusal = otherNetworkRefusal(connected, WATCHED);
    expect(refusal).toMatchObject({ kind: 'rejected', retryable: true, insufficientFunds: false });
    const error = refusal?.kind === 'rejected' ? refusal.error : '';
    expect(error).toContain(WATCHED);
    if (connected) expect(error).toContain(connected);
    expect(error).not.toContain('errorSignedOnOtherNetwork');
  });
});
