import { expect, test } from 'vitest';
import { siteOrigin } from './siteOrigin';

test.each([
  ['example.com', 'https://example.com'],
  ['  Example.COM  ', 'https://example.com'],
  ['http://localhost:8080/watch?v=1', 'http://localhost:8080'],
  ['https://sub.example.com:443/path', 'https://sub.example.com'],
  ['127.0.0.1:3000', 'https://127.0.0.1:3000'],
])('"%s" is the site %s', (text, origin) => {
  expect(siteOrigin(text)).toBe(origin);
});

test.each(['', '   ', 'ftp://example.com', 'chrome-extension://abc', 'exa mple.com', 'https://'])('"%s" is not a site', (text) => {
  expect(siteOrigin(text)).toBeNull();
});
