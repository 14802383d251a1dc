import type { UiState } from '../shared/messages';
import { Address, Connecting, ErrorText, PageHeader } from '../ui/components';
import { t } from '../ui/i18n';
import { UnlockForm } from '../ui/UnlockForm';
import { useAction, useUiState } from '../ui/useWorker';
import { ConsentPrompt } from './ConsentPrompt';
import { SiteControls } from './SiteControls';
import { SpendPanel } from './SpendPanel';
import { findTargetTab, type PopupTarget } from './popupTab';
import { WatchingPanel } from './WatchingPanel';

export function Popup({ target }: { target: PopupTarget }) {
  const { state, connected } = useUiState();
  if (!state) return <Connecting page="popup" />;
  return (
    <main data-testid="popup" data-account={state.account.status} data-badge={state.badge} data-connected={String(connected)}>
      <PageHeader title={t('extShortName')} network={state.network} />
      {state.account.address && <Address address={state.account.address} testId="account-address" />}
      <ErrorText error={state.lastError} testId="last-error" />
      {state.account.status === 'no-account' && <FirstRun />}
      {state.account.status === 'locked' && <UnlockForm />}
      {state.account.status === 'unlocked' && <UnlockedView state={state} target={target} />}
      <div class="actions">
        <button type="button" data-testid="open-options" onClick={() => chrome.runtime.openOptionsPage()}>
          {t('popupOpenOptions')}
        </button>
        <button type="button" data-testid="open-creator" onClick={openCreatorPage}>
          {t('openCreatorPage')}
        </button>
      </div>
    </main>
  );
}

function openCreatorPage(): void {
  void chrome.tabs.create({ url: chrome.runtime.getURL('src/creator/index.html') });
  window.close();
}

function FirstRun() {
  const open = (section: string) => {
    void chrome.tabs.create({ url: chrome.runtime.getURL(`src/options/index.html#${section}`) });
    window.close();
  };
  return (
    <section class="panel" data-testid="first-run">
      <p>{t('firstRunIntro')}</p>
      <div class="actions">
        <button type="button" class="primary" data-testid="first-run-create" onClick={() => open('create')}>
          {t('firstRunCreate')}
        </button>
        <button type="button" data-testid="first-run-import" onClick={() => open('import')}>
          {t('firstRunImport')}
        </button>
      </div>
    </section>
  );
}

function UnlockedView({ state, target }: { state: UiState; target: PopupTarget }) {
  const pause = useAction<'metering:pause'>();
  const resume = useAction<'metering:resume'>();
  const lock = useAction<'keys:lock'>();
  const tab = findTargetTab(state.tabs, target);
  // This tab's request first; another tab's is shown too (the person may have switched tabs), marked as such.
  const consent = state.consents.find((request) => request.tabId === tab?.tabId) ?? state.consents[0];
  return (
    <>
      {consent && (
        <ConsentPrompt
          consent={consent}
          otherTab={consent.tabId !== tab?.tabId}
          network={state.network}
          budgets={state.settings.budgets}
          spend={state.spend}
          subscription={state.subscriptions.find((offer) => offer.streamId === consent.stream.streamId)}
        />
      )}
      <WatchingPanel state={state} tab={tab} />
      {tab?.site && <SiteControls site={tab.site} blocked={state.blockedSites.includes(tab.site)} allowed={state.alwaysAllowed} />}
      <SpendPanel state={state} />
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
