import { describe, expect, it } from 'vitest';
import type { StreamSessionView, UiState } from '../shared/messages';
import { badgeLookOf, badgeStateOf } from './badge';

type State = Omit<UiState, 'badge'>;

const base = (): State => ({
  account: { status: 'unlocked', address: '5x', name: 'A', pendingCreate: false, autoLockAt: null },
  network: { endpoint: 'ws://x', status: 'connected', error: null, retryAt: null, genesisHash: '0x', chainName: 'c', tokenSymbol: 'VIL', tokenDecimals: 12, ss58Format: 42, existentialDeposit: '1' },
  balance: null,
  paused: false,
  sessions: [],
  consents: [],
  tabs: [],
  spend: { day: 'd', today: { amount: '0', fees: '0', seconds: 0 }, allTime: { amount: '0', fees: '0', seconds: 0 }, recentSites: [], days: [], creators: [] },
  settings: { endpoint: 'ws://x', budgets: { perSession: null, perDay: null, global: null }, autoLockMinutes: 15 },
  blockedSites: [],
  alwaysAllowed: [],
  lastError: null,
  subscriptions: [],
});

const session = (status: StreamSessionView['status']): StreamSessionView => ({
  stream: { streamId: '1', title: 't', creator: 'c', ratePerMinute: '60', active: true },
  site: 'https://a.example',
  agreedRatePerMinute: '60',
  status,
  stopReason: null,
  startedAt: 0,
  seconds: 0,
  confirmedSeconds: 0,
  pendingSeconds: 0,
  spent: '0',
  fees: '0',
  tabIds: [],
});

const consent = { id: 'c', site: 'https://a.example', frameOrigin: 'https://a.example', tabId: 1, requestedAt: 0, creatorVerified: false, stream: session('idle').stream };

describe('toolbar badge state', () => {
  it('is idle with nothing going on and metering while a session meters or holds seconds', () => {
    expect(badgeStateOf(base())).toBe('idle');
    expect(badgeStateOf({ ...base(), sessions: [session('metering')] })).toBe('metering');
    expect(badgeStateOf({ ...base(), sessions: [session('idle'), session('holding')] })).toBe('metering');
  });

  it('ranks locked › error › consent › paused › metering', () => {
    const all: State = { ...base(), paused: true, consents: [consent], sessions: [session('metering'), session('stopped')] };
    expect(badgeStateOf({ ...all, account: { ...all.account, status: 'locked' } })).toBe('locked');
    expect(badgeStateOf({ ...all, account: { ...all.account, status: 'no-account' } })).toBe('locked');
    expect(badgeStateOf(all)).toBe('error');
    expect(badgeStateOf({ ...all, sessions: [session('metering')] })).toBe('consent');
    expect(badgeStateOf({ ...all, consents: [], sessions: [session('metering')] })).toBe('paused');
  });

  it('shows an error while the chain is down only when something wants metering', () => {
    const down: State = { ...base(), network: { ...base().network, status: 'reconnecting' } };
    expect(badgeStateOf(down)).toBe('idle');
    expect(badgeStateOf({ ...down, sessions: [session('holding')] })).toBe('error');
    expect(badgeStateOf({ ...base(), network: { ...base().network, status: 'error' } })).toBe('error');
  });

  it('uses the per-state icons and a short text for states that need attention', () => {
    expect(badgeLookOf('consent')).toMatchObject({ text: '?', iconPaths: { '16': '/icons/consent-16.png', '128': '/icons/consent-128.png' } });
    expect(badgeLookOf('error').text).toBe('!');
    expect(badgeLookOf('metering').text).toBe('');
  });
});
