import { useEffect, useState } from 'preact/hooks';
import type { UiState } from '../shared/messages';
import { Connecting } from '../ui/components';
import { t } from '../ui/i18n';
import { useUiState } from '../ui/useWorker';
import { wayOfHash } from './AccountChoice';
import { AccountSection } from './AccountSection';
import { AutoLockSection } from './AutoLockSection';
import { BudgetsSection } from './BudgetsSection';
import { NetworkSection } from './NetworkSection';
import { SetupSteps, type SetupStep } from './SetupSteps';
import { SitesSection } from './SitesSection';

/**
 * The settings. Opened without an account it is the first run, in steps (account → network → budgets);
 * afterwards every section on one page, `#account`, `#network`, `#budgets` … scrolled to.
 */
export function Options() {
  const { state, connected } = useUiState();
  const [setup, setSetup] = useState<SetupStep | 'done' | null>(null);
  useEffect(() => {
    if (state && setup === null) setSetup(state.account.status === 'no-account' ? 'account' : 'done');
  }, [state, setup]);
  if (!state || setup === null) return <Connecting page="options" />;
  return (
    <main data-testid="options" data-account={state.account.status} data-connected={String(connected)} data-setup={setup}>
      <h1>{t('optionsHeading')}</h1>
      {setup === 'done' ? <AllSettings state={state} /> : <SetupSteps state={state} step={setup} onStep={setSetup} onDone={() => setSetup('done')} />}
    </main>
  );
}

function AllSettings({ state }: { state: UiState }) {
  useEffect(() => {
    if (location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
  }, []);
  return (
    <>
      <p>
        <a href="../creator/index.html" data-testid="open-creator">
          {t('openCreatorPage')}
        </a>
      </p>
      <AccountSection account={state.account} initialWay={wayOfHash(location.hash)} />
      <NetworkSection network={state.network} settings={state.settings} />
      <BudgetsSection budgets={state.settings.budgets} network={state.network} />
      <AutoLockSection minutes={state.settings.autoLockMinutes} />
      <SitesSection blocked={state.blockedSites} allowed={state.alwaysAllowed} network={state.network} />
    </>
  );
}
