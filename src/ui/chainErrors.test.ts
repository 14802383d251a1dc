import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import messages from '../../public/_locales/en/messages.json' with { type: 'json' };
import { CHAIN_ERRORS, chainErrorKey, chainErrorSentence } from './chainErrors';
import { installFakeChromeI18n } from './testI18n';

const palletsDir = join(import.meta.dirname, '..', '..', 'chain', 'pallets');

/** `Section.Name` of every variant of each pallet's `pub enum Error<T>` (stream-registry → StreamRegistry). */
function palletErrors(): string[] {
  return readdirSync(palletsDir).flatMap((pallet) => {
    const section = pallet.replace(/(^|-)([a-z])/g, (_, __, letter: string) => letter.toUpperCase());
    const source = readFileSync(join(palletsDir, pallet, 'src', 'lib.rs'), 'utf8');
    const body = /pub enum Error<T> \{([\s\S]*?)\n\t\}/.exec(source)?.[1] ?? '';
    return [...body.matchAll(/^\s*([A-Z]\w*),?\s*$/gm)].map((match) => `${section}.${match[1]}`);
  });
}

describe('dispatch errors as sentences', () => {
  beforeEach(() => installFakeChromeI18n());

  test('every error of the three pallets is listed', () => {
    const errors = palletErrors();
    expect(errors.length).toBeGreaterThan(15);
    expect(errors.filter((name) => !(CHAIN_ERRORS as readonly string[]).includes(name))).toEqual([]);
  });

  test('every listed error has its own sentence in _locales', () => {
    const catalog = messages as Record<string, unknown>;
    expect(CHAIN_ERRORS.filter((name) => !(chainErrorKey(name) in catalog))).toEqual([]);
    const sentences = CHAIN_ERRORS.map(chainErrorSentence);
    expect(new Set(sentences).size).toBeGreaterThan(CHAIN_ERRORS.length - 8);
  });

  test('a known error reads as a sentence; an unknown one still names the error', () => {
    expect(chainErrorSentence('PaymentHandler.InsufficientEarnings')).toBe('The stream has not earned that much yet.');
    expect(chainErrorSentence('Foo.Bar')).toBe('The chain refused the transaction (Foo.Bar).');
  });
});
