import type { SpendTotals, UiState } from '../shared/messages';
import { Amount, Section } from '../ui/components';
import { formatDuration, type Token } from '../ui/format';
import { t } from '../ui/i18n';
import { tokenOf } from '../ui/token';

const RECENT_SITES_SHOWN = 5;

/** Balance, today's and all-time creator payments with network fees apart, and the sites paid most recently. */
export function SpendPanel({ state }: { state: UiState }) {
  const token = tokenOf(state.network);
  const recent = state.spend.recentSites.slice(0, RECENT_SITES_SHOWN);
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
      <Totals label={t('spendToday')} totals={state.spend.today} token={token} testId="spend-today" />
      <Totals label={t('spendAllTime')} totals={state.spend.allTime} token={token} testId="spend-all-time" />
      {recent.length > 0 && (
        <>
          <h2>{t('recentSites')}</h2>
          <ul class="sites" data-testid="recent-sites">
            {recent.map((site) => (
              <li key={site.site} class="row" data-testid="recent-site" data-site={site.site}>
                <span>{site.site}</span>
                <span>
                  <Amount planck={site.amount} token={token} testId="recent-site-amount" />{' '}
                  <span class="muted">
                    {t('plusFees')} <Amount planck={site.fees} token={token} testId="recent-site-fees" />
                  </span>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}

function Totals({ label, totals, token, testId }: { label: string; totals: SpendTotals; token: Token; testId: string }) {
  return (
    <div class="row" data-testid={testId} data-seconds={totals.seconds}>
      <span class="muted">
        {label} <span class="muted">({formatDuration(totals.seconds)})</span>
      </span>
      <span>
        <Amount planck={totals.amount} token={token} testId={`${testId}-amount`} />{' '}
        <span class="muted">
          {t('plusFees')} <Amount planck={totals.fees} token={token} testId={`${testId}-fees`} />
        </span>
      </span>
    </div>
  );
}
