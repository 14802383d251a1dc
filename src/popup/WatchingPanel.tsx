import type { StreamSessionView, TabView, UiState } from '../shared/messages';
import { Address, Amount, Section } from '../ui/components';
import { formatAmount, formatDuration, formatRatePerHour, formatRatePerMinute, type Token } from '../ui/format';
import { t } from '../ui/i18n';
import { tokenOf } from '../ui/token';
import { ReasonBlock } from './ReasonBlock';
import { SubscriptionOffer } from './SubscriptionOffer';

/** The session of this tab's stream, if it has one. */
export function tabSession(state: UiState, tab: TabView | null): StreamSessionView | null {
  return tab?.streamId ? (state.sessions.find((session) => session.stream.streamId === tab.streamId) ?? null) : null;
}

/**
 * This tab first: its session, large, or why it is not billed (once, with what fixes it); other tabs'
 * sessions below, small.
 */
export function WatchingPanel({ state, tab, onReceive }: { state: UiState; tab: TabView | null; onReceive: () => void }) {
  const token = tokenOf(state.network);
  const session = tabSession(state, tab);
  const others = state.sessions.filter((other) => other !== session);
  const tabReason = tab?.reason && tab.reason.code !== session?.stopReason?.code ? tab.reason : null;
  return (
    <Section title={t('watchingHeading')} testId="watching">
      {tab === null && (
        <p class="muted" data-testid="tab-no-stream">
          {t('tabNoStream')}
        </p>
      )}
      {tab && tabReason && (
        <ReasonBlock reason={tabReason} context={{ site: tab.site, streamId: tab.streamId, retryStreamId: null, onReceive }} testId="not-billing-reason" />
      )}
      {session ? (
        <SessionView session={session} state={state} token={token} onReceive={onReceive} />
      ) : (
        tab &&
        !tabReason && (
          <p class="muted" data-testid="no-session">
            {t('noSession')}
          </p>
        )
      )}
      {others.length > 0 && <OtherSessions sessions={others} token={token} />}
    </Section>
  );
}

function SessionView({ session, state, token, onReceive }: { session: StreamSessionView; state: UiState; token: Token; onReceive: () => void }) {
  const { stream } = session;
  return (
    <div data-testid="session" data-stream-id={stream.streamId} data-status={session.status}>
      <p class="big" data-testid="session-title">
        {stream.title}
      </p>
      <div class="row">
        <span class="muted">{t('sessionCreator')}</span>
        <Address address={stream.creator} testId="session-creator" />
      </div>
      <div class="row">
        <span class="muted">{t('sessionRate')}</span>
        <span data-testid="session-rate" data-planck={session.agreedRatePerMinute}>
          {formatRatePerMinute(session.agreedRatePerMinute, token)} <span class="muted">({formatRatePerHour(session.agreedRatePerMinute, token)})</span>
        </span>
      </div>
      <div class="row">
        <span class="muted">{t('sessionStatus')}</span>
        <span data-testid="session-status" data-status={session.status}>
          {t(`sessionStatus_${session.status}`)}
        </span>
      </div>
      <div class="row">
        <span class="muted">{t('sessionSeconds')}</span>
        <span data-testid="session-seconds" data-seconds={session.seconds} data-confirmed={session.confirmedSeconds} data-pending={session.pendingSeconds}>
          {formatDuration(session.seconds)}
          {session.pendingSeconds > 0 && ` ${t('sessionPending', formatDuration(session.pendingSeconds))}`}
        </span>
      </div>
      <div class="row">
        <span class="muted">{t('sessionSpend')}</span>
        <Amount planck={session.spent} token={token} testId="session-spend" />
      </div>
      <div class="row">
        <span class="muted">{t('networkFees')}</span>
        <Amount planck={session.fees} token={token} testId="session-fees" />
      </div>
      <SubscriptionOffer subscription={state.subscriptions.find((offer) => offer.streamId === stream.streamId)} token={token} consentId={null} prefix="session" />
      {session.stopReason && (
        <ReasonBlock
          reason={session.stopReason}
          context={{ site: session.site, streamId: stream.streamId, retryStreamId: stream.streamId, onReceive }}
          testId="session-stop-reason"
        />
      )}
    </div>
  );
}

/** Sessions of other tabs: one small line each. */
function OtherSessions({ sessions, token }: { sessions: StreamSessionView[]; token: Token }) {
  return (
    <>
      <h3 class="small muted">{t('otherSessionsHeading')}</h3>
      <ul class="others small" data-testid="other-sessions">
        {sessions.map((session) => (
          <li key={session.stream.streamId} data-testid="other-session" data-stream-id={session.stream.streamId} data-status={session.status}>
            <span>
              {session.stream.title} <span class="muted">· {session.site}</span>
            </span>
            <span class="muted">
              {t(`sessionStatus_${session.status}`)} · {formatDuration(session.seconds)} · {formatAmount(session.spent, token)}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
