import type { BadgeState, UiState } from '../shared/messages';

/** The toolbar state, most urgent first: locked › error › consent › paused › metering › idle. */
export function badgeStateOf(state: Omit<UiState, 'badge'>): BadgeState {
  if (state.account.status !== 'unlocked') return 'locked';
  const meteringWanted = state.sessions.some((s) => s.status !== 'idle') || state.tabs.some((t) => t.playing && t.streamId !== null);
  const stopped = state.sessions.some((s) => s.status === 'stopped');
  const chainDown = state.network.status === 'error' || (state.network.status === 'reconnecting' && meteringWanted);
  if (stopped || chainDown) return 'error';
  if (state.consents.length > 0) return 'consent';
  if (state.paused) return 'paused';
  if (state.sessions.some((s) => s.status === 'metering' || s.status === 'holding')) return 'metering';
  return 'idle';
}

export interface BadgeLook {
  iconPaths: Record<string, string>;
  text: string;
  color: string;
}

const TEXT: Record<BadgeState, string> = { idle: '', consent: '?', metering: '', paused: '', error: '!', locked: '' };
const COLOR: Record<BadgeState, string> = {
  idle: '#5f6368',
  consent: '#1a73e8',
  metering: '#188038',
  paused: '#5f6368',
  error: '#d93025',
  locked: '#5f6368',
};

export function badgeLookOf(state: BadgeState): BadgeLook {
  const iconPaths = Object.fromEntries([16, 32, 48, 128].map((size) => [String(size), `/icons/${state}-${size}.png`]));
  return { iconPaths, text: TEXT[state], color: COLOR[state] };
}
