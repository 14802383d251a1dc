import type { EarningsPoint } from '../shared/messages';
import { formatAmount, type Token } from '../ui/format';
import { t } from '../ui/i18n';
import { scaleChart } from './chartScale';

const BOX = { width: 320, height: 90, padding: 6 };

/**
 * Unwithdrawn earnings over time as a small inline SVG: the worker's recorded points, carried on to the
 * current value now (earnings only change in steps, so the last value holds until the next change).
 */
export function EarningsChart({ history, earnings, token, now }: { history: EarningsPoint[]; earnings: string; token: Token; now: number }) {
  const last = history.at(-1);
  const points = last && last.at >= now ? history : [...history, { at: now, earnings }];
  const chart = scaleChart(points, BOX);
  const minutes = chart.from === null || chart.to === null ? 0 : Math.max(1, Math.round((chart.to - chart.from) / 60_000));
  return (
    <figure style={{ margin: '8px 0' }}>
      <svg
        class="chart"
        viewBox={`0 0 ${BOX.width} ${BOX.height}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={t('creatorChartLabel')}
        data-testid="earnings-chart"
        data-points={points.length}
        data-max-planck={chart.max.toString()}
      >
        <line x1={BOX.padding} y1={BOX.height - BOX.padding} x2={BOX.width - BOX.padding} y2={BOX.height - BOX.padding} />
        <polyline points={chart.polyline} />
      </svg>
      <figcaption class="muted">{t('creatorChartCaption', formatAmount(chart.max, token), String(minutes))}</figcaption>
    </figure>
  );
}
