import { useEffect, useState } from 'preact/hooks';
import type { Budgets, NetworkState } from '../shared/messages';
import { Amount, ErrorText, Section } from '../ui/components';
import { amountProblem, parseAmount, planckToInput, type Token } from '../ui/format';
import { t } from '../ui/i18n';
import { tokenOf } from '../ui/token';
import { useAction } from '../ui/useWorker';

const BUDGETS: { key: keyof Budgets; label: string; testId: string }[] = [
  { key: 'perSession', label: 'budgetPerSession', testId: 'budget-session' },
  { key: 'perDay', label: 'budgetPerDay', testId: 'budget-day' },
  { key: 'global', label: 'budgetGlobal', testId: 'budget-global' },
];

type BudgetTexts = Record<keyof Budgets, string>;

const toTexts = (budgets: Budgets, decimals: number): BudgetTexts => ({
  perSession: budgets.perSession === null ? '' : planckToInput(budgets.perSession, decimals),
  perDay: budgets.perDay === null ? '' : planckToInput(budgets.perDay, decimals),
  global: budgets.global === null ? '' : planckToInput(budgets.global, decimals),
});

/** Caps on creator payments, typed in the chain's token; an empty field means no cap. */
export function BudgetsSection({ budgets, network }: { budgets: Budgets; network: NetworkState }) {
  const token = tokenOf(network);
  const known = network.tokenDecimals !== null;
  return (
    <Section title={t('budgetsHeading')} testId="budgets-section" id="budgets">
      <p class="muted">{t('budgetsIntro')}</p>
      {known ? (
        <BudgetsForm budgets={budgets} token={token} />
      ) : (
        <>
          <p class="muted" data-testid="budgets-need-network">
            {t('budgetsNeedNetwork')}
          </p>
          {BUDGETS.map(({ key, label, testId }) => (
            <div class="row" key={key}>
              <span>{t(label)}</span>
              {budgets[key] === null ? <span data-testid={`${testId}-current`}>{t('budgetNone')}</span> : <Amount planck={budgets[key]} token={token} testId={`${testId}-current`} />}
            </div>
          ))}
        </>
      )}
    </Section>
  );
}

function BudgetsForm({ budgets, token }: { budgets: Budgets; token: Token }) {
  const [texts, setTexts] = useState<BudgetTexts>(() => toTexts(budgets, token.decimals));
  const { perSession, perDay, global } = budgets;
  useEffect(() => setTexts(toTexts({ perSession, perDay, global }, token.decimals)), [perSession, perDay, global, token.decimals]);
  const [invalid, setInvalid] = useState<string | null>(null);
  const save = useAction<'settings:set'>();
  const submit = async (event: Event) => {
    event.preventDefault();
    const next: Budgets = { perSession: null, perDay: null, global: null };
    for (const { key, label } of BUDGETS) {
      const parsed = parseAmount(texts[key], token.decimals);
      if (parsed.ok) next[key] = parsed.planck;
      else if (parsed.reason !== 'empty') {
        setInvalid(amountProblem(parsed.reason, t(label), token.decimals));
        return;
      }
    }
    setInvalid(null);
    await save.run({ type: 'settings:set', settings: { budgets: next } });
  };
  return (
    <form data-testid="budgets-form" onSubmit={submit}>
      <div class="grid">
        {BUDGETS.map(({ key, label, testId }) => (
          <label key={key}>
            {t(label)} ({token.symbol})
            <input
              inputMode="decimal"
              placeholder={t('budgetNone')}
              data-testid={`${testId}-input`}
              data-planck={budgets[key] ?? ''}
              value={texts[key]}
              onInput={(event) => {
                const value = event.currentTarget.value;
                setTexts((previous) => ({ ...previous, [key]: value }));
              }}
            />
          </label>
        ))}
      </div>
      <button type="submit" data-testid="budgets-save" disabled={save.busy}>
        {t('saveButton')}
      </button>
      <ErrorText error={invalid ?? save.error} testId="budgets-error" />
    </form>
  );
}
