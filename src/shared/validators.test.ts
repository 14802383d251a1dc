import { describe, expect, test } from 'vitest';
import { isHash, isOrigin, isPlanck, isPlanckOrNull, isStreamId } from './validators';

describe('shared value checks', () => {
  test('planck amounts and stream ids: decimal integers without leading zeros, at most 39 digits', () => {
    for (const good of ['0', '1', '100000000000', '9'.repeat(39)]) expect(isPlanck(good), good).toBe(true);
    for (const bad of ['', '01', '-1', '1.5', '1e3', ' 1', '9'.repeat(40), 1, null, undefined]) expect(isPlanck(bad), String(bad)).toBe(false);
    expect(isStreamId('42')).toBe(true);
    expect(isStreamId('042')).toBe(false);
    expect(isPlanckOrNull(null)).toBe(true);
    expect(isPlanckOrNull(undefined)).toBe(false);
  });

  test('32-byte hashes: lower-case 0x hex, exactly 64 digits', () => {
    expect(isHash(`0x${'ab'.repeat(32)}`)).toBe(true);
    for (const bad of [`0x${'AB'.repeat(32)}`, `0x${'ab'.repeat(31)}`, 'ab'.repeat(32), `0x${'ab'.repeat(33)}`, 7]) expect(isHash(bad), String(bad)).toBe(false);
  });

  test('origins: http(s), written exactly as URL.origin writes them', () => {
    for (const good of ['https://news.example', 'http://localhost:8080', 'http://creator.localhost:8080']) expect(isOrigin(good), good).toBe(true);
    for (const bad of ['https://news.example/', 'https://news.example/page', 'HTTPS://news.example', 'ftp://news.example', 'news.example', '', 42])
      expect(isOrigin(bad), String(bad)).toBe(false);
  });
});
