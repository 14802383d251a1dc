// Reads a page without touching it as a person would. Playwright's `evaluate` runs as a user gesture (it
// gives the page user activation); a scenario about pages the person never interacted with must not.
import type { Page } from 'playwright';

/** The value of `expression` in `page`'s main frame, evaluated over CDP without a user gesture. */
export async function peek<T>(page: Page, expression: string): Promise<T> {
  const session = await page.context().newCDPSession(page);
  try {
    const { result, exceptionDetails } = await session.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true, userGesture: false });
    if (exceptionDetails) throw new Error(`peek(${expression}) failed: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value as T;
  } finally {
    await session.detach().catch(() => undefined);
  }
}
