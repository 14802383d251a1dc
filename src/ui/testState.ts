/** Test helpers: a complete `UiState` to start from, and a WorkerConnection the test drives. */
import type { StreamSessionView, UiRequest, UiState } from '../shared/messages';
import type { WorkerConnection } from './workerConnection';

export const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
export const BOB = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty';

/** Bob's stream 1 metered for 10 s at 0.1 VIL/min (16_666_666_666 planck paid), 0.000001 VIL fees a second. */
export function meteringSession(overrides: Partial<StreamSessionView> = {}): StreamSessionView {
  return {
    stream: { streamId: '1', title: 'Vilokanam Demo Stream', creator: BOB, ratePerMinute: '100000000000', active: true },
    site: 'http://creator.localhost:8080',
    agreedRatePerMinute: '100000000000',
    status: 'metering',
    stopReason: null,
    startedAt: 0,
    seconds: 10,
    confirmedSeconds: 10,
    pendingSeconds: 0,
    spent: '16666666666',
    fees: '10000000',
    tabIds: [7],
    ...overrides,
  };
}

export function uiState(overrides: Partial<UiState> = {}): UiState {
  return {
    account: { status: 'unlocked', address: ALICE, name: 'Alice', pendingCreate: false, autoLockAt: null },
    network: {
      endpoint: 'ws://127.0.0.1:9944',
      status: 'connected',
      error: null,
      retryAt: null,
      genesisHash: `0x${'45'.repeat(32)}`,
      chainName: 'Vilokanam Dev',
      tokenSymbol: 'VIL',
      tokenDecimals: 12,
      ss58Format: 42,
      existentialDeposit: '1000000000',
    },
    balance: { free: '1000000000000000000', transferable: '999999000000000000' },
    paused: false,
    badge: 'idle',
    sessions: [],
    consents: [],
    tabs: [],
    spend: {
      day: '2026-11-26',
      today: { amount: '0', fees: '0', seconds: 0 },
      allTime: { amount: '0', fees: '0', seconds: 0 },
      recentSites: [],
      days: [],
      creators: [],
    },
    settings: { endpoint: 'ws://127.0.0.1:9944', budgets: { perSession: null, perDay: null, global: null }, autoLockMinutes: 15 },
    blockedSites: [],
    alwaysAllowed: [],
    lastError: null,
    subscriptions: [],
    ...overrides,
  };
}

/** Records requests; answers each with `reply(request)` (throw to fail it); pushes states on demand. */
export class FakeWorker implements WorkerConnection {
  readonly requests: UiRequest[] = [];
  private listener: ((state: UiState) => void) | null = null;

  constructor(private readonly reply: (request: UiRequest) => unknown = () => null) {}

  async request(request: UiRequest): Promise<never> {
    this.requests.push(request);
    return this.reply(request) as never;
  }

  subscribe(onState: (state: UiState) => void): () => void {
    this.listener = onState;
    return () => {
      this.listener = null;
    };
  }

  push(state: UiState): void {
    this.listener?.(state);
  }
}
