/**
 * What a person types as a site ("example.com", "https://example.com/watch?v=1") → its origin
 * ("https://example.com"), or null when it is not an http(s) site. Rules are kept per origin.
 */
export function siteOrigin(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '' || /\s/.test(trimmed)) return null;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}
