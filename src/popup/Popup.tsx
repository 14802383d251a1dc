import { useState } from 'preact/hooks';
import type { UiState } from '../shared/messages';
import { Address, Connecting, ErrorText, PageHeader } from '../ui/components';
import { t } from '../ui/i18n';
import { UnlockForm } from '../ui/UnlockForm';
import { useAction, useUiState } from '../ui/useWorker';
import { ConsentPrompt } from './ConsentPrompt';
import { openExtensionPage } from './openPage';
import { findTargetTab, type PopupTarget } from './popupTab';
import { NO_VALID_STREAM } from './reasons';
import { ReceiveView } from './ReceiveView';
import { SiteControls } from './SiteControls';
import { SpendingView } from './SpendingView';
import { SpendPanel } from './SpendPanel';
import { WatchingPanel } from './WatchingPanel';

/** The popup's views: the main one, and two the person opens from it. */
export type PopupView = 'main' | 'receive' | 'spending';

export function Popup({ target, now = Date.now }: { target: PopupTarget; now?: () => number }) {
  const { state, connected } = useUiState();
  const [view, setView] = useState<PopupView>('main');
  if (!state) return <Connecting page="popup" />;
  const unlocked = state.account.status === 'unlocked' && state.account.address !== null;
  return (
    <main data-testid="popup" data-account={state.account.status} data-badge={state.badge} data-connected={String(connected)} data-view={view}>
      <PageHeader title={t('extShortName')} network={state.network} />
      {state.account.address && <Address address={state.account.address} testId="account-address" />}
      {view !== 'main' && unlocked ? (
        <>
          <div class="actions">
            <button type="button" data-testid="view-back" onClick={() => setView('main')}>
              {t('backButton')}
            </button>
          </div>
          {view === 'receive' && state.account.address && <ReceiveView address={state.account.address} network={state.network} />}
          {view === 'spending' && <SpendingView state={state} />}
        </>
      ) : (
        <>
          <LastError state={state} />
          {state.account.status === 'no-account' && <FirstRun />}
          {state.account.status === 'locked' && <UnlockForm />}
          {unlocked && <UnlockedView state={state} target={target} now={now()} onView={setView} />}
          <div class="actions">
            <button type="button" data-testid="open-options" onClick={() => chrome.runtime.openOptionsPage()}>
              {t('popupOpenOptions')}
            </button>
            <button type="button" data-testid="open-creator" onClick={() => openExtensionPage('src/creator/index.html')}>
              {t('openCreatorPage')}
            </button>
          </div>
        </>
      )}
    </main>
  );
}

/** The last error that stopped metering, unless a stopped session already says it. */
function LastError({ state }: { state: UiState }) {
  const said = state.sessions.some((session) => session.stopReason?.detail === state.lastError);
  return <ErrorText error={said ? null : state.lastError} testId="last-error" />;
}

function FirstRun() {
  return (
    <section class="panel" data-testid="first-run">
      <p>{t('firstRunIntro')}</p>
      <div class="actions">
        <button type="button" class="primary" data-testid="first-run-create" onClick={() => openExtensionPage('src/options/index.html#create')}>
          {t('firstRunCreate')}
        </button>
        <button type="button" data-testid="first-run-import" onClick={() => openExtensionPage('src/options/index.html#import')}>
          {t('firstRunImport')}
        </button>
      </div>
    </section>
  );
}

function UnlockedView({ state, target, now, onView }: { state: UiState; target: PopupTarget; now: number; onView: (view: PopupView) => void }) {
  const pause = useAction<'metering:pause'>();
  const resume = useAction<'metering:resume'>();
  const lock = useAction<'keys:lock'>();
  const tab = findTargetTab(state.tabs, target);
  const hasStream = tab?.site && tab.streamId !== null && !(tab.reason && NO_VALID_STREAM.has(tab.reason.code));
  const receive = () => onView('receive');
  // This tab's request first; another tab's is shown too (the person may have switched tabs), marked as such.
  const consent = state.consents.find((request) => request.tabId === tab?.tabId) ?? state.consents[0];
  return (
    <>
      {consent && (
        <ConsentPrompt
          key={consent.id}
          consent={consent}
          otherTab={consent.tabId !== tab?.tabId}
          network={state.network}
          budgets={state.settings.budgets}
          spend={state.spend}
          subscription={state.subscriptions.find((offer) => offer.streamId === consent.stream.streamId)}
        />
      )}
      <WatchingPanel state={state} tab={tab} onReceive={receive} />
      {hasStream && tab.site && <SiteControls site={tab.site} blocked={state.blockedSites.includes(tab.site)} allowed={state.alwaysAllowed} />}
      <SpendPanel state={state} now={now} onReceive={receive} onDetails={() => onView('spending')} />
      <div class="actions">
        {state.paused ? (
          <button type="button" class="primary" data-testid="metering-toggle" data-paused="true" disabled={resume.busy} onClick={() => resume.run({ type: 'metering:resume' })}>
            {t('meteringResume')}
          </button>
        ) : (
          <button type="button" data-testid="metering-toggle" data-paused="false" disabled={pause.busy} onClick={() => pause.run({ type: 'metering:pause' })}>
            {t('meteringPause')}
          </button>
        )}
        <button type="button" data-testid="lock-button" disabled={lock.busy} onClick={() => lock.run({ type: 'keys:lock' })}>
          {t('lockButton')}
        </button>
      </div>
      <ErrorText error={pause.error ?? resume.error ?? lock.error} testId="popup-action-error" />
    </>
  );
}
