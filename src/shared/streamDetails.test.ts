import { describe, expect, test } from 'vitest';
import { isStreamDetailsInput, streamDetailsProblems, type StreamDetailsInput } from './streamDetails';

const valid: StreamDetailsInput = {
  title: 'Club',
  description: '',
  category: '',
  pricing: { baseRatePerMinute: '100', premiumRatePerMinute: null, subscriptionPrice: null },
};

describe('stream details, checked like the chain checks them', () => {
  test('valid details have no problems', () => {
    expect(streamDetailsProblems(valid)).toEqual([]);
  });

  test('limits count UTF-8 bytes, not characters', () => {
    expect(streamDetailsProblems({ ...valid, title: 'é'.repeat(64) })).toEqual([]);
    expect(streamDetailsProblems({ ...valid, title: 'é'.repeat(65) })).toEqual(['title-too-long']);
    expect(streamDetailsProblems({ ...valid, category: '🎵'.repeat(17) })).toEqual(['category-too-long']);
    expect(streamDetailsProblems({ ...valid, description: 'a'.repeat(1025) })).toEqual(['description-too-long']);
  });

  test('zero rates and prices are refused, absent ones are fine', () => {
    const pricing = { baseRatePerMinute: '0', premiumRatePerMinute: '0', subscriptionPrice: '0' };
    expect(streamDetailsProblems({ ...valid, title: '', pricing })).toEqual(['title-empty', 'rate-zero', 'premium-zero', 'subscription-price-zero']);
  });

  test('runtime shape check refuses extra keys, numbers for amounts and signs', () => {
    expect(isStreamDetailsInput(valid)).toBe(true);
    expect(isStreamDetailsInput({ ...valid, extra: 1 })).toBe(false);
    expect(isStreamDetailsInput({ ...valid, pricing: { ...valid.pricing, baseRatePerMinute: 100 } })).toBe(false);
    expect(isStreamDetailsInput({ ...valid, pricing: { ...valid.pricing, subscriptionPrice: '-1' } })).toBe(false);
    expect(isStreamDetailsInput({ ...valid, title: 'x'.repeat(10_000) })).toBe(false);
  });
});
