import { Connecting } from '../ui/components';
import { t } from '../ui/i18n';
import { useUiState } from '../ui/useWorker';
import { AccountSection } from './AccountSection';
import { AutoLockSection } from './AutoLockSection';
import { BudgetsSection } from './BudgetsSection';
import { NetworkSection } from './NetworkSection';
import { SitesSection } from './SitesSection';

export function Options() {
  const { state, connected } = useUiState();
  if (!state) return <Connecting page="options" />;
  return (
    <main data-testid="options" data-account={state.account.status} data-connected={String(connected)}>
      <h1>{t('optionsHeading')}</h1>
      <p>
        <a href="../creator/index.html" data-testid="open-creator">
          {t('openCreatorPage')}
        </a>
      </p>
      <AccountSection account={state.account} />
      <NetworkSection network={state.network} settings={state.settings} />
      <BudgetsSection budgets={state.settings.budgets} network={state.network} />
      <AutoLockSection minutes={state.settings.autoLockMinutes} />
      <SitesSection blocked={state.blockedSites} allowed={state.alwaysAllowed} network={state.network} />
    </main>
  );
}
