import type { StreamSessionView, UiState } from '../shared/messages';

/** Below this many seconds of watching left, the popup warns before metering would stop. */
export const LOW_BALANCE_SECONDS = 10 * 60;

export interface BalanceForecast {
  /** What metering costs per second now: creator payments and network fees, planck. */
  perSecond: bigint;
  /** How long the spendable balance lasts at that cost. */
  secondsLeft: number;
}

const paysPerSecond = (session: StreamSessionView, subscribed: boolean): bigint => {
  const rate = subscribed ? 0n : BigInt(session.agreedRatePerMinute) / 60n;
  const fees = session.confirmedSeconds > 0 ? BigInt(session.fees) / BigInt(session.confirmedSeconds) : 0n;
  return rate + fees;
};

/**
 * How long the balance lasts at the rate of the sessions metering now (a subscribed stream costs only its
 * fees); null when nothing meters or the balance is unknown. One existential deposit always stays; what the
 * chain holds for those sessions pays their coming seconds, so it counts with the transferable balance.
 */
export function balanceForecast(state: Pick<UiState, 'balance' | 'sessions' | 'network' | 'subscriptions'>, now: number): BalanceForecast | null {
  if (!state.balance) return null;
  const metering = state.sessions.filter((session) => session.status === 'metering' || session.status === 'holding');
  const perSecond = metering.reduce((sum, session) => {
    const until = state.subscriptions.find((offer) => offer.streamId === session.stream.streamId)?.activeUntil ?? null;
    return sum + paysPerSecond(session, until !== null && until > now);
  }, 0n);
  if (perSecond === 0n) return null;
  const held = metering.reduce((sum, session) => sum + BigInt(session.onHold), 0n);
  const spendable = BigInt(state.balance.transferable) + held - BigInt(state.network.existentialDeposit ?? '0');
  const secondsLeft = spendable > 0n ? Number(spendable / perSecond) : 0;
  return { perSecond, secondsLeft };
}
