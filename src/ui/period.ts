import { t } from './i18n';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** A subscription period for people: 2_592_000_000 ms → "30 days"; whole days, else hours. */
export function periodText(ms: number): string {
  if (ms >= DAY_MS && ms % DAY_MS === 0) {
    const days = ms / DAY_MS;
    return days === 1 ? t('periodOneDay') : t('periodDays', String(days));
  }
  const hours = Math.max(1, Math.round(ms / HOUR_MS));
  return hours === 1 ? t('periodOneHour') : t('periodHours', String(hours));
}
