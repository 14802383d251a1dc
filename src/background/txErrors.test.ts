import { describe, expect, it } from 'vitest';
import { classifyPoolRejection } from './txErrors';

describe('classifyPoolRejection', () => {
  it.each([
    ['1010: Invalid Transaction: Transaction is outdated', true],
    ['1010: Invalid Transaction: Transaction will be valid in the future', true],
    ['1014: Priority is too low: (1 vs 1)', true],
    ['1012: Transaction is temporarily banned', true],
    ['1010: {"invalid":{"stale":null}}', true],
    ['1010: {"invalid":{"future":null}}', true],
    ['1010: Invalid Transaction: Transaction call is not expected', false],
  ])('%s → rejected, retryable %s', (message, retryable) => {
    expect(classifyPoolRejection(message)).toEqual({ kind: 'rejected', error: message, retryable, insufficientFunds: false });
  });

  it.each(['1010: Invalid Transaction: Inability to pay some fees , e.g. account balance too low', '1010: {"invalid":{"payment":null}}'])(
    '%s → insufficient funds',
    (message) => {
      expect(classifyPoolRejection(message)).toMatchObject({ kind: 'rejected', insufficientFunds: true, retryable: false });
    },
  );

  it.each(['1010: {"invalid":{"badProof":null}}', '1010: Invalid Transaction: Transaction has a bad signature'])(
    '%s → refused for good, saying the node may have lied about the metadata',
    (message) => {
      const outcome = classifyPoolRejection(message);
      expect(outcome).toMatchObject({ kind: 'rejected', retryable: false, insufficientFunds: false });
      expect(outcome.kind === 'rejected' && outcome.error).toContain('metadata');
    },
  );

  it('treats a dropped socket and an already imported transaction as unknown (it may be in the pool)', () => {
    expect(classifyPoolRejection('disconnected from ws://127.0.0.1:9944: 1006:: Abnormal Closure').kind).toBe('unknown');
    expect(classifyPoolRejection('1013: Transaction Already Imported').kind).toBe('unknown');
  });
});
