import { describe, expect, test } from 'vitest';
import type { StreamSessionView } from '../shared/messages';
import { meteringSession, uiState } from '../ui/testState';
import { balanceForecast } from './lowBalance';

const RATE = '6000000000000'; // 6 VIL/min: 0.1 VIL a second; fees 0.000001 VIL a second
const session = (overrides: Partial<StreamSessionView> = {}): StreamSessionView =>
  meteringSession({ agreedRatePerMinute: RATE, spent: '1000000000000', onHold: '0', ...overrides });

describe('low balance forecast', () => {
  test('the spendable balance (less the existential deposit) over payments and fees per second', () => {
    const state = uiState({ balance: { free: '0', transferable: '30001000000000' }, sessions: [session()] });
    expect(balanceForecast(state, 0)).toEqual({ perSecond: 100001000000n, secondsLeft: 299 });
  });

  test('nothing metering: no forecast; stopped and idle sessions cost nothing', () => {
    expect(balanceForecast(uiState(), 0)).toBeNull();
    expect(balanceForecast(uiState({ sessions: [session({ status: 'stopped' }), session({ status: 'idle' })] }), 0)).toBeNull();
  });

  test('a subscribed stream costs only its fees; two streams add up', () => {
    const subscriptions = [{ streamId: '2', price: '1', periodMs: 1, activeUntil: 5000 }];
    const state = uiState({ balance: { free: '0', transferable: '1001000000000' }, sessions: [session(), session({ stream: { ...session().stream, streamId: '2' } })], subscriptions });
    expect(balanceForecast(state, 1000)?.perSecond).toBe(100002000000n);
    expect(balanceForecast(state, 6000)?.perSecond).toBe(200002000000n);
  });

  test('what the chain holds for the metering sessions pays their coming seconds too', () => {
    const state = uiState({ balance: { free: '0', transferable: '1001000000000' }, sessions: [session({ onHold: '60010000000000' })] });
    expect(balanceForecast(state, 0)?.secondsLeft).toBe(Math.floor(61_010_000_000_000 / 100_001_000_000));
  });

  test('a balance at or under the existential deposit lasts 0 seconds', () => {
    expect(balanceForecast(uiState({ balance: { free: '0', transferable: '1000000000' }, sessions: [session()] }), 0)?.secondsLeft).toBe(0);
  });
});
