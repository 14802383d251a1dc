import { useEffect } from 'preact/hooks';
import type { UiState } from '../shared/messages';
import { t } from '../ui/i18n';
import { wayOfHash } from './AccountChoice';
import { AccountSection } from './AccountSection';
import { BudgetsSection } from './BudgetsSection';
import { NetworkSection } from './NetworkSection';

export type SetupStep = 'account' | 'network' | 'budgets';

const STEPS: { step: SetupStep; label: string }[] = [
  { step: 'account', label: 'setupStepAccount' },
  { step: 'network', label: 'setupStepNetwork' },
  { step: 'budgets', label: 'setupStepBudgets' },
];

/** The first run, one step at a time: create or import an account, choose the network, set budgets. */
export function SetupSteps({ state, step, onStep, onDone }: { state: UiState; step: SetupStep; onStep: (step: SetupStep) => void; onDone: () => void }) {
  const hasAccount = state.account.status !== 'no-account';
  useEffect(() => {
    if (hasAccount && step === 'account') onStep('network');
  }, [hasAccount, step, onStep]);
  const index = STEPS.findIndex((entry) => entry.step === step);
  const next = STEPS[index + 1];
  return (
    <>
      <p>{t('setupIntro')}</p>
      <nav aria-label={t('setupStepsLabel')}>
        <ol class="steps" data-testid="setup-steps">
          {STEPS.map((entry, position) => (
            <li key={entry.step}>
              <button
                type="button"
                data-testid="setup-step"
                data-step={entry.step}
                data-done={String(position < index || (entry.step === 'account' && hasAccount))}
                aria-current={entry.step === step ? 'step' : undefined}
                onClick={() => onStep(entry.step)}
              >
                {t('setupStepNumbered', String(position + 1), t(entry.label))}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      {step === 'account' && <AccountSection account={state.account} initialWay={wayOfHash(location.hash)} />}
      {step === 'network' && <NetworkSection network={state.network} settings={state.settings} quietUntilAsked />}
      {step === 'budgets' && <BudgetsSection budgets={state.settings.budgets} network={state.network} />}
      <div class="actions">
        {next ? (
          <button type="button" class="primary" data-testid="setup-next" disabled={step === 'account' && !hasAccount} onClick={() => onStep(next.step)}>
            {t('setupNext', t(next.label))}
          </button>
        ) : (
          <button type="button" class="primary" data-testid="setup-finish" disabled={!hasAccount} onClick={onDone}>
            {t('setupFinish')}
          </button>
        )}
        {!hasAccount && step !== 'account' && <span class="muted">{t('setupNeedsAccount')}</span>}
      </div>
    </>
  );
}
