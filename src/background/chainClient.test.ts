import type { ISubmittableResult, Registry } from '@polkadot/types/types';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { INCLUSION_TIMEOUT_MS, inclusionDeadline, otherNetworkRefusal, outcomeOfStatus } from './chainClient';
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

const STATUSES = ['Ready', 'Broadcast', 'InBlock', 'Finalized', 'Dropped', 'Usurped', 'Invalid', 'Future', 'Retracted'] as const;

/** A fake submit result: only the status flags, no events. */
function fakeResult(type: (typeof STATUSES)[number]): ISubmittableResult {
  const status = Object.fromEntries(STATUSES.map((name) => [`is${name}`, name === type]));
  return { status: { ...status, type }, events: [], dispatchError: undefined } as unknown as ISubmittableResult;
}

describe('outcomeOfStatus (fake results)', () => {
  beforeEach(() => installFakeChromeI18n());

  it.each(['Dropped', 'Usurped', 'Invalid'] as const)(
    'a call the pool let go after accepting it (%s) is unknown — settled from chain state, never sent again blindly',
    (type) => {
      const outcome = outcomeOfStatus({} as Registry, fakeResult(type));
      expect(outcome).toMatchObject({ kind: 'unknown' });
      expect(outcome?.kind === 'unknown' && outcome.error).toContain(type);
    },
  );

  it.each(['Ready', 'Broadcast', 'Future', 'Retracted'] as const)('%s: still waiting', (type) => {
    expect(outcomeOfStatus({} as Registry, fakeResult(type))).toBeNull();
  });

  it.each(['InBlock', 'Finalized'] as const)('%s: included', (type) => {
    expect(outcomeOfStatus({} as Registry, fakeResult(type))).toEqual({ kind: 'included', fee: 0n, paid: 0n });
  });
});

describe('inclusionDeadline (fake timers)', () => {
  beforeEach(() => {
    installFakeChromeI18n();
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('an accepted call in no block within the bound becomes unknown', () => {
    const finish = vi.fn();
    inclusionDeadline(finish);
    vi.advanceTimersByTime(INCLUSION_TIMEOUT_MS - 1);
    expect(finish).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(finish).toHaveBeenCalledWith({ kind: 'unknown', error: expect.stringContaining(String(INCLUSION_TIMEOUT_MS / 1000)) });
  });

  it('a call whose result came is left alone', () => {
    const finish = vi.fn();
    inclusionDeadline(finish)();
    vi.advanceTimersByTime(INCLUSION_TIMEOUT_MS * 2);
    expect(finish).not.toHaveBeenCalled();
  });
});
