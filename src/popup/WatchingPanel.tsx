import type { StreamSessionView, TabView, UiState } from '../shared/messages';
import { Address, Amount, ErrorText, Section } from '../ui/components';
import { formatDuration, formatRatePerMinute } from '../ui/format';
import { reasonTitleKey, t } from '../ui/i18n';
import { tokenOf } from '../ui/token';
import { useAction } from '../ui/useWorker';
import { SubscriptionOffer } from './SubscriptionOffer';

/**
 * What this tab plays and why it is or is not billed. With no session for this tab, the most recently
 * active session elsewhere is shown, marked as such.
 */
export function WatchingPanel({ state, tab }: { state: UiState; tab: TabView | null }) {
  const tabSession = tab?.streamId ? state.sessions.find((session) => session.stream.streamId === tab.streamId) : undefined;
  const session = tabSession ?? state.sessions[0] ?? null;
  return (
    <Section title={t('watchingHeading')} testId="watching">
      {tab?.reason ? (
        <p class="reason" data-testid="not-billing-reason" data-reason-code={tab.reason.code}>
          <strong>{t(reasonTitleKey(tab.reason.code))}</strong> {tab.reason.message}
        </p>
      ) : (
        !tab && (
          <p class="muted" data-testid="tab-no-stream">
            {t('tabNoStream')}
          </p>
        )
      )}
      {session ? (
        <SessionView session={session} state={state} elsewhere={!tabSession} />
      ) : (
        <p class="muted" data-testid="no-session">
          {t('noSession')}
        </p>
      )}
    </Section>
  );
}

function SessionView({ session, state, elsewhere }: { session: StreamSessionView; state: UiState; elsewhere: boolean }) {
  const token = tokenOf(state.network);
  const retry = useAction<'metering:retry'>();
  return (
    <div data-testid="session" data-stream-id={session.stream.streamId} data-status={session.status} data-elsewhere={String(elsewhere)}>
      {elsewhere && <p class="muted">{t('sessionElsewhere', session.site)}</p>}
      <p class="big" data-testid="session-title">
        {session.stream.title}
      </p>
      <div class="row">
        <span class="muted">{t('sessionCreator')}</span>
        <Address address={session.stream.creator} testId="session-creator" />
      </div>
      <div class="row">
        <span class="muted">{t('sessionRate')}</span>
        <span data-testid="session-rate" data-planck={session.agreedRatePerMinute}>
          {formatRatePerMinute(session.agreedRatePerMinute, token)}
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
          {session.pendingSeconds > 0 && ` ${t('sessionPending', String(session.pendingSeconds))}`}
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
      <SubscriptionOffer
        subscription={state.subscriptions.find((offer) => offer.streamId === session.stream.streamId)}
        token={token}
        consentId={null}
        prefix="session"
      />
      {session.stopReason && (
        <div class="reason" data-testid="session-stop-reason" data-reason-code={session.stopReason.code}>
          <strong>{t(reasonTitleKey(session.stopReason.code))}</strong> {session.stopReason.message}
          <div class="actions">
            <button type="button" data-testid="session-retry" disabled={retry.busy} onClick={() => retry.run({ type: 'metering:retry', streamId: session.stream.streamId })}>
              {t('sessionRetry')}
            </button>
          </div>
          <ErrorText error={retry.error} testId="session-retry-error" />
        </div>
      )}
    </div>
  );
}
