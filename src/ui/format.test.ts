import { beforeEach, describe, expect, test } from 'vitest';
import { decimalMarks, formatAmount, formatDuration, formatRatePerHour, formatRatePerMinute, parseAmount, planckToInput, shortAddress } from './format';
import { installFakeChromeI18n } from './testI18n';

beforeEach(() => installFakeChromeI18n());

const VIL = { decimals: 12, symbol: 'VIL' };

describe('formatAmount', () => {
  test.each([
    ['0', '0 VIL'],
    ['1000000000000', '1 VIL'],
    ['1234567890000', '1.2345 VIL'],
    ['1234599999999', '1.2345 VIL'],
    ['100000000000', '0.1 VIL'],
    ['1666666666', '0.0016 VIL'],
    ['12345678', '0.000012 VIL'],
    ['1', '0.000000000001 VIL'],
    ['1000000000000000000', '1,000,000 VIL'],
    ['340282366920938463463374607431768211455', '340,282,366,920,938,463,463,374,607.4317 VIL'],
  ])('%s planck → %s', (planck, text) => {
    expect(formatAmount(planck, VIL, 4, 'en')).toBe(text);
  });

  test('uses the chain’s decimals and symbol, and takes bigints', () => {
    expect(formatAmount(15n, { decimals: 1, symbol: 'UNIT' })).toBe('1.5 UNIT');
    expect(formatAmount('42', { decimals: 0, symbol: 'X' })).toBe('42 X');
  });

  test('negative amounts keep their sign', () => {
    expect(formatAmount(-1500000000000n, VIL)).toBe('-1.5 VIL');
  });

  test('in the page’s language: grouping and decimal mark through Intl, every planck kept', () => {
    expect(formatAmount('1234567500000000000', VIL, 4, 'hi')).toBe('12,34,567.5 VIL');
    expect(formatAmount('1234567500000000000', VIL, 4, 'de')).toBe('1.234.567,5 VIL');
    expect(formatAmount('340282366920938463463374607431768211455', VIL, 4, 'de')).toBe('340.282.366.920.938.463.463.374.607,4317 VIL');
  });

  test('rejects text that is not an integer', () => {
    expect(() => formatAmount('1.5', VIL)).toThrow();
  });
});

describe('rates', () => {
  test('per minute shows the full precision of a rate; per hour is 60 minutes of it', () => {
    expect(formatRatePerMinute('100000000000', VIL)).toBe('0.1 VIL/min');
    expect(formatRatePerMinute('100000000001', VIL)).toBe('0.100000000001 VIL/min');
    expect(formatRatePerHour('100000000000', VIL)).toBe('6 VIL/h');
  });
});

describe('parseAmount', () => {
  test.each([
    ['1', '1000000000000'],
    ['1.5', '1500000000000'],
    ['0.000000000001', '1'],
    ['.5', '500000000000'],
    ['2.', '2000000000000'],
    [' 3 ', '3000000000000'],
    ['007', '7000000000000'],
  ])('"%s" → %s planck', (text, planck) => {
    expect(parseAmount(text, 12)).toEqual({ ok: true, planck });
  });

  test.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['.', 'malformed'],
    ['-1', 'malformed'],
    ['+1', 'malformed'],
    ['1e3', 'malformed'],
    ['1,000', 'malformed'],
    ['1 000', 'malformed'],
    ['1.2.3', 'malformed'],
    ['0x10', 'malformed'],
    ['0.0000000000001', 'too-precise'],
  ])('"%s" is refused (%s)', (text, reason) => {
    expect(parseAmount(text, 12)).toEqual({ ok: false, reason });
  });

  test('the language’s decimal mark is accepted, a thousands mark never', () => {
    expect(decimalMarks('en')).toEqual(['.']);
    expect(decimalMarks('de')).toEqual([',']);
    expect(decimalMarks('fr')).toEqual([',', '.']);
    expect(parseAmount('1,5', 12, 'de')).toEqual({ ok: true, planck: '1500000000000' });
    expect(parseAmount('1.5', 12, 'de')).toEqual({ ok: false, reason: 'malformed' });
    expect(parseAmount('1,5', 12, 'fr')).toEqual({ ok: true, planck: '1500000000000' });
    expect(parseAmount('1.5', 12, 'fr')).toEqual({ ok: true, planck: '1500000000000' });
    expect(parseAmount('1,5', 12, 'en')).toEqual({ ok: false, reason: 'malformed' });
    expect(parseAmount('1.5', 12, 'hi')).toEqual({ ok: true, planck: '1500000000000' });
    expect(planckToInput('1500000000000', 12, 'de')).toBe('1,5');
  });

  test('round-trips with planckToInput', () => {
    for (const planck of ['0', '1', '1500000000000', '123456789012345678']) {
      expect(parseAmount(planckToInput(planck, 12), 12)).toEqual({ ok: true, planck });
    }
    expect(planckToInput('1500000000000', 12)).toBe('1.5');
  });
});

describe('formatDuration', () => {
  test.each([
    [0, '0s'],
    [9, '9s'],
    [65, '1m 5s'],
    [3600, '1h'],
    [3723, '1h 2m 3s'],
    [-3, '0s'],
  ])('%i s → %s (units, never h:mm-like clock text)', (seconds, text) => {
    expect(formatDuration(seconds, 'en')).toBe(text);
  });

  test('in Hindi', () => {
    expect(formatDuration(3723, 'hi')).toBe('1 घं, 2 मि 3 से');
  });
});

describe('shortAddress', () => {
  test('keeps the ends of a long address', () => {
    expect(shortAddress('5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY')).toBe('5Grwva…KutQY');
    expect(shortAddress('short')).toBe('short');
  });
});
