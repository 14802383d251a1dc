import type { SpendTotals, UiState } from '../shared/messages';
import { Amount, Section } from '../ui/components';
import { formatDuration, type Token } from '../ui/format';
import { t } from '../ui/i18n';
import { tokenOf } from '../ui/token';
import { balanceForecast, LOW_BALANCE_SECONDS } from './lowBalance';

/** Balance (with a warning while it would run out soon), today's and all-time payments with fees apart. */
export function SpendPanel({ state, now, onReceive, onDetails }: { state: UiState; now: number; onReceive: () => void; onDetails: () => void }) {
  const token = tokenOf(state.network);
  const forecast = balanceForecast(state, now);
  return (
    <Section title={t('spendHeading')} testId="spend">
      <div class="row">
        <span class="muted">{t('balance')}</span>
        {state.balance ? (
          <Amount planck={state.balance.transferable} token={token} testId="balance" />
        ) : (
          <span class="muted" data-testid="balance">
            {t('balanceUnknown')}
          </span>
        )}
      </div>
      {forecast && forecast.secondsLeft < LOW_BALANCE_SECONDS && (
        <div class="warning" data-testid="low-balance" data-seconds-left={forecast.secondsLeft}>
          <span role="status">{t('lowBalance', formatDuration(forecast.secondsLeft))}</span>
          <div class="actions">
            <button type="button" class="primary" data-testid="low-balance-receive" onClick={onReceive}>
              {t('reasonActionReceive')}
            </button>
          </div>
        </div>
      )}
      <Totals label={t('spendToday')} totals={state.spend.today} token={token} testId="spend-today" />
      <Totals label={t('spendAllTime')} totals={state.spend.allTime} token={token} testId="spend-all-time" />
      <div class="actions">
        <button type="button" data-testid="receive-open" onClick={onReceive}>
          {t('receiveOpen')}
        </button>
        <button type="button" data-testid="spending-open" onClick={onDetails}>
          {t('spendingOpen')}
        </button>
      </div>
    </Section>
  );
}

function Totals({ label, totals, token, testId }: { label: string; totals: SpendTotals; token: Token; testId: string }) {
  return (
    <div class="row" data-testid={testId} data-seconds={totals.seconds}>
      <span class="muted">{t('spendPeriod', label, formatDuration(totals.seconds))}</span>
      <span>
        <Amount planck={totals.amount} token={token} testId={`${testId}-amount`} />{' '}
        <span class="muted small">
          {t('plusFees')} <Amount planck={totals.fees} token={token} testId={`${testId}-fees`} />
        </span>
      </span>
    </div>
  );
}
