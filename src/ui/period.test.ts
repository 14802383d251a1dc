import { beforeEach, expect, test } from 'vitest';
import { periodText } from './period';
import { installFakeChromeI18n } from './testI18n';

beforeEach(() => installFakeChromeI18n());

test('subscription periods read as days when whole, else hours', () => {
  expect(periodText(30 * 86_400_000)).toBe('30 days');
  expect(periodText(86_400_000)).toBe('1 day');
  expect(periodText(36 * 3_600_000)).toBe('36 hours');
  expect(periodText(3_600_000)).toBe('1 hour');
  expect(periodText(60_000)).toBe('1 hour');
});
