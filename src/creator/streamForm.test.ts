import { beforeEach, describe, expect, test } from 'vitest';
import { installFakeChromeI18n } from '../ui/testI18n';
import { EMPTY_STREAM_TEXTS, pricingTexts, readPricing, readStreamForm, type StreamTexts } from './streamForm';

const DECIMALS = 12;
const filled: StreamTexts = { ...EMPTY_STREAM_TEXTS, title: 'Late night jazz', category: 'music', baseRate: '0.1' };

describe('reading the stream form', () => {
  beforeEach(() => installFakeChromeI18n());

  test('token amounts become planck; empty optional amounts become null', () => {
    expect(readStreamForm({ ...filled, description: '  live  ' }, DECIMALS)).toEqual({
      ok: true,
      value: {
        title: 'Late night jazz',
        description: 'live',
        category: 'music',
        pricing: { baseRatePerMinute: '100000000000', premiumRatePerMinute: null, subscriptionPrice: null },
      },
    });
  });

  test('premium rate and a subscription price when offered', () => {
    const result = readPricing({ baseRate: '0.1', premiumRate: '0.25', offerSubscription: true, subscriptionPrice: '1' }, DECIMALS);
    expect(result).toEqual({
      ok: true,
      value: { baseRatePerMinute: '100000000000', premiumRatePerMinute: '250000000000', subscriptionPrice: '1000000000000' },
    });
  });

  test('a subscription price typed but not offered is ignored', () => {
    const result = readPricing({ baseRate: '1', premiumRate: '', offerSubscription: false, subscriptionPrice: 'junk' }, DECIMALS);
    expect(result).toMatchObject({ ok: true, value: { subscriptionPrice: null } });
  });

  test('every field in trouble gets its own sentence', () => {
    const result = readStreamForm(
      { title: ' ', description: 'd'.repeat(1025), category: 'ü'.repeat(33), baseRate: '0', premiumRate: '1.2.3', offerSubscription: true, subscriptionPrice: '' },
      DECIMALS,
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        title: 'Give the stream a title.',
        description: 'Description: at most 1024 bytes (accented letters and emoji take more than one).',
        category: 'Category: at most 64 bytes (accented letters and emoji take more than one).',
        baseRatePerMinute: 'Rate per minute: must be above 0.',
        premiumRatePerMinute: 'Premium rate per minute: type an amount like 1.5 (digits and one decimal mark).',
        subscriptionPrice: 'Subscription price: required.',
      },
    });
  });

  test('a rate of 0, too many decimals, and a title over 128 bytes are refused', () => {
    expect(readStreamForm({ ...filled, baseRate: '0.000' }, DECIMALS)).toEqual({
      ok: false,
      errors: { baseRatePerMinute: 'Rate per minute: must be above 0.' },
    });
    expect(readStreamForm({ ...filled, baseRate: '0.0000000000001' }, DECIMALS)).toEqual({
      ok: false,
      errors: { baseRatePerMinute: 'Rate per minute: at most 12 decimals.' },
    });
    expect(readStreamForm({ ...filled, title: 'x'.repeat(129) }, DECIMALS)).toMatchObject({ ok: false, errors: { title: expect.stringContaining('128 bytes') } });
    expect(readStreamForm({ ...filled, title: 'x'.repeat(128) }, DECIMALS).ok).toBe(true);
  });

  test('current pricing back to texts, and read again unchanged', () => {
    const pricing = { baseRatePerMinute: '100000000000', premiumRatePerMinute: null, subscriptionPrice: '1000000000000' };
    const texts = pricingTexts(pricing, DECIMALS);
    expect(texts).toEqual({ baseRate: '0.1', premiumRate: '', offerSubscription: true, subscriptionPrice: '1' });
    expect(readPricing(texts, DECIMALS)).toEqual({ ok: true, value: pricing });
  });
});
