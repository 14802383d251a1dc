import type { NotBillingReason } from '../shared/messages';
import { ErrorText } from '../ui/components';
import { formatAmount, type Token } from '../ui/format';
import { reasonTextKey, reasonTitleKey, t } from '../ui/i18n';
import type { RequestOf } from '../ui/workerConnection';
import { useAction } from '../ui/useWorker';
import { openExtensionPage } from './openPage';
import { REASON_ACTIONS, retryLabelKey, type ReasonAction } from './reasons';

export interface ReasonContext {
  /** The tab's top-level site (for unblock); null when unknown. */
  site: string | null;
  /** The stream the tab plays (to ask again after a decline); null when none. */
  streamId: string | null;
  /** The stopped session's stream, when retrying is possible. */
  retryStreamId: string | null;
  onReceive: () => void;
  /** The chain's token, for the amounts a reason names. */
  token: Token;
}

const possible = (action: ReasonAction, context: ReasonContext): boolean => {
  if (action === 'retry') return context.retryStreamId !== null;
  if (action === 'unblock-site') return context.site !== null;
  if (action === 'ask-again') return context.site !== null && context.streamId !== null;
  return true;
};

/**
 * One problem, said once: a short title, one sentence, and the buttons that fix it. `testId` is
 * `not-billing-reason` (this tab) or `session-stop-reason` (a stopped session).
 */
export function ReasonBlock({ reason, context, testId }: { reason: NotBillingReason; context: ReasonContext; testId: string }) {
  const actions = REASON_ACTIONS[reason.code].filter((action) => possible(action, context));
  const { funds } = reason;
  return (
    <div class="reason" data-testid={testId} data-reason-code={reason.code} data-needed={funds?.needed} data-available={funds?.available}>
      <span role="status">
        <strong>{t(reasonTitleKey(reason.code))}</strong>{' '}
        {funds ? t(reasonTextKey(reason.code), formatAmount(funds.needed, context.token), formatAmount(funds.available, context.token)) : t(reasonTextKey(reason.code))}
      </span>
      {actions.length > 0 && (
        <div class="actions">
          {actions.map((action) => (
            <ActionButton key={action} action={action} reason={reason} context={context} />
          ))}
        </div>
      )}
    </div>
  );
}

function ActionButton({ action, reason, context }: { action: ReasonAction; reason: NotBillingReason; context: ReasonContext }) {
  const { site, retryStreamId } = context;
  switch (action) {
    case 'retry':
      return retryStreamId === null ? null : <RetryButton streamId={retryStreamId} label={t(retryLabelKey(reason.code))} />;
    case 'receive':
      return (
        <button type="button" data-testid="reason-action" data-action={action} onClick={context.onReceive}>
          {t('reasonActionReceive')}
        </button>
      );
    case 'open-budgets':
      return <OpenButton action={action} path="src/options/index.html#budgets" label={t('reasonActionBudgets')} />;
    case 'open-network':
      return <OpenButton action={action} path="src/options/index.html#network" label={t('reasonActionNetwork')} />;
    case 'ask-again':
      // Forgetting the decline on this site (only) lets the consent prompt ask for this stream again.
      return site === null || context.streamId === null ? null : (
        <RequestButton action={action} request={{ type: 'consent:forget', site, streamId: context.streamId }} label={t('reasonActionAskAgain')} />
      );
    case 'unblock-site':
      return site === null ? null : <RequestButton action={action} request={{ type: 'site:unblock', site }} label={t('reasonActionUnblockSite')} />;
    case 'resume-metering':
      return <RequestButton action={action} request={{ type: 'metering:resume' }} label={t('meteringResume')} />;
  }
}

function RetryButton({ streamId, label }: { streamId: string; label: string }) {
  const retry = useAction<'metering:retry'>();
  return (
    <>
      <button type="button" class="primary" data-testid="session-retry" disabled={retry.busy} onClick={() => retry.run({ type: 'metering:retry', streamId })}>
        {label}
      </button>
      <ErrorText error={retry.error} testId="session-retry-error" />
    </>
  );
}

function OpenButton({ action, path, label }: { action: ReasonAction; path: string; label: string }) {
  return (
    <button type="button" data-testid="reason-action" data-action={action} onClick={() => openExtensionPage(path)}>
      {label}
    </button>
  );
}

type FixRequest = RequestOf<'consent:forget' | 'site:unblock' | 'metering:resume'>;

function RequestButton({ action, request, label }: { action: ReasonAction; request: FixRequest; label: string }) {
  const run = useAction<FixRequest['type']>();
  return (
    <>
      <button type="button" data-testid="reason-action" data-action={action} disabled={run.busy} onClick={() => run.run(request)}>
        {label}
      </button>
      <ErrorText error={run.error} testId="reason-action-error" />
    </>
  );
}
