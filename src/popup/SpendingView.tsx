import { useEffect, useMemo } from 'preact/hooks';
import type { UiState } from '../shared/messages';
import { Address, Amount, Section } from '../ui/components';
import { formatAmount, formatDay, formatDuration, type Token } from '../ui/format';
import { t } from '../ui/i18n';
import { tokenOf } from '../ui/token';
import { barHeights, lastDays, spendCsv, type DayBar } from './spendHistory';

const CHART = { width: 320, height: 110, top: 14, bottom: 18 };

/** Where the money went: a chart of the last 30 days, totals per site and per creator, and a CSV export. */
export function SpendingView({ state }: { state: UiState }) {
  const token = tokenOf(state.network);
  const { spend } = state;
  const csv = spendCsv(spend, token);
  const href = useMemo(() => URL.createObjectURL(new Blob([csv], { type: 'text/csv' })), [csv]);
  useEffect(() => () => URL.revokeObjectURL(href), [href]);
  return (
    <Section title={t('spendingHeading')} testId="spending">
      <DaysChart days={lastDays(spend)} token={token} />
      <h3>{t('spendingPerSite')}</h3>
      {spend.recentSites.length === 0 ? (
        <p class="muted">{t('spendingNothingYet')}</p>
      ) : (
        <ul class="sites" data-testid="recent-sites">
          {spend.recentSites.map((site) => (
            <li key={site.site} class="row" data-testid="recent-site" data-site={site.site}>
              <span>{site.site}</span>
              <span>
                <Amount planck={site.amount} token={token} testId="recent-site-amount" />{' '}
                <span class="muted small">
                  {t('plusFees')} <Amount planck={site.fees} token={token} testId="recent-site-fees" />
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
      <h3>{t('spendingPerCreator')}</h3>
      {spend.creators.length === 0 ? (
        <p class="muted">{t('spendingNothingYet')}</p>
      ) : (
        <ul class="sites" data-testid="spend-creators">
          {spend.creators.map((creator) => (
            <li key={creator.creator} class="row" data-testid="spend-creator" data-creator={creator.creator}>
              <Address address={creator.creator} testId="spend-creator-address" />
              <span>
                <Amount planck={creator.amount} token={token} testId="spend-creator-amount" /> <span class="muted small">{formatDuration(creator.seconds)}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
      <div class="actions">
        <a href={href} download={`vilokanam-spending-${spend.day}.csv`} data-testid="spend-export">
          {t('spendingExport')}
        </a>
      </div>
    </Section>
  );
}

/** One bar a day, the highest day at the top; the first, middle and last days labelled. */
function DaysChart({ days, token }: { days: DayBar[]; token: Token }) {
  const heights = barHeights(
    days.map((day) => day.amount),
    CHART.height - CHART.top - CHART.bottom,
  );
  const max = days.reduce((a, b) => (b.amount > a ? b.amount : a), 0n);
  const slot = CHART.width / days.length;
  const baseline = CHART.height - CHART.bottom;
  const dayMs = (day: string) => new Date(`${day}T12:00:00`).getTime();
  return (
    <figure class="chart-figure">
      <svg class="chart" viewBox={`0 0 ${CHART.width} ${CHART.height}`} role="img" aria-label={t('spendingChartLabel', formatAmount(max, token))} data-testid="spend-chart" data-days={days.length} data-max-planck={max.toString()}>
        <text x="2" y="10" class="axis-label">
          {formatAmount(max, token)}
        </text>
        <line x1="0" y1={baseline} x2={CHART.width} y2={baseline} />
        {days.map((day, index) => (
          <rect key={day.day} x={index * slot + 1} y={baseline - heights[index]} width={slot - 2} height={heights[index]} data-day={day.day} data-planck={day.amount.toString()}>
            <title>{`${formatDay(dayMs(day.day))}: ${formatAmount(day.amount, token)}`}</title>
          </rect>
        ))}
        {[0, Math.floor(days.length / 2), days.length - 1].map((index) => (
          <text key={index} x={index === 0 ? 0 : index === days.length - 1 ? CHART.width : index * slot + slot / 2} y={CHART.height - 4} text-anchor={index === 0 ? 'start' : index === days.length - 1 ? 'end' : 'middle'} class="axis-label">
            {formatDay(dayMs(days[index].day))}
          </text>
        ))}
      </svg>
      <figcaption class="muted small">{t('spendingChartCaption')}</figcaption>
    </figure>
  );
}
