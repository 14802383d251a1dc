import type { EarningsPoint } from '../shared/messages';
import { formatAmount, formatDay, formatTime, type Token } from '../ui/format';
import { t } from '../ui/i18n';
import { scaleChart } from './chartScale';

/** The whole figure (labels included) and the plot inside it, in SVG units. */
const FIGURE = { width: 640, height: 150 };
const PLOT = { x: 8, y: 18, width: 624, height: 100 };
const DAY_MS = 86_400_000;

/**
 * Lifetime earnings over time (withdrawn or not, so a withdrawal is no drop): the worker's recorded points,
 * carried on to now. The time axis is labelled at both ends, the amount axis at 0 and the highest value.
 */
export function EarningsChart({ history, lifetime, token, now }: { history: EarningsPoint[]; lifetime: string; token: Token; now: number }) {
  const last = history.at(-1);
  const points = last && last.at >= now ? history : [...history, { at: now, earnings: lifetime }];
  const chart = scaleChart(points, { width: PLOT.width, height: PLOT.height, padding: 0 });
  const from = chart.from ?? now;
  const to = chart.to ?? now;
  const when = (ms: number) => (to - from < DAY_MS ? formatTime(ms) : formatDay(ms));
  const bottom = PLOT.y + PLOT.height;
  return (
    <figure class="chart-figure">
      <svg
        class="chart"
        viewBox={`0 0 ${FIGURE.width} ${FIGURE.height}`}
        role="img"
        aria-label={t('creatorChartLabel', formatAmount(chart.max, token), when(from), when(to))}
        data-testid="earnings-chart"
        data-points={points.length}
        data-max-planck={chart.max.toString()}
        data-from={from}
        data-to={to}
      >
        <text x={PLOT.x} y={PLOT.y - 5} class="axis-label" data-testid="earnings-chart-max">
          {formatAmount(chart.max, token)}
        </text>
        <line class="grid" x1={PLOT.x} y1={PLOT.y} x2={PLOT.x + PLOT.width} y2={PLOT.y} />
        <line class="axis" x1={PLOT.x} y1={bottom} x2={PLOT.x + PLOT.width} y2={bottom} />
        <svg x={PLOT.x} y={PLOT.y} width={PLOT.width} height={PLOT.height} viewBox={`0 0 ${PLOT.width} ${PLOT.height}`} preserveAspectRatio="none">
          <polyline points={chart.polyline} />
        </svg>
        <text x={PLOT.x} y={FIGURE.height - 6} class="axis-label" data-testid="earnings-chart-from">
          {when(from)}
        </text>
        <text x={PLOT.x + PLOT.width} y={FIGURE.height - 6} text-anchor="end" class="axis-label" data-testid="earnings-chart-to">
          {when(to)}
        </text>
      </svg>
      <figcaption class="muted small">{t('creatorChartCaption')}</figcaption>
    </figure>
  );
}
