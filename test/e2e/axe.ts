// axe-core (a dev dependency) injected into a page under test. Extension pages forbid inline scripts, so
// the engine goes in through Playwright's evaluate (DevTools protocol), which the page's CSP does not see.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, ImpactValue } from 'axe-core';
import type { Page } from 'playwright';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const BLOCKING: ImpactValue[] = ['serious', 'critical'];

export interface Violation {
  rule: string;
  impact: ImpactValue | undefined;
  help: string;
  /** CSS selectors of the offending elements and axe's summary of each. */
  nodes: { target: string; summary: string }[];
}

/** Every serious or critical axe-core violation on the page as it is now. */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(() => (window as unknown as { axe: { run(context: Document): Promise<AxeResults> } }).axe.run(document));
  return results.violations
    .filter((violation) => violation.impact !== undefined && violation.impact !== null && BLOCKING.includes(violation.impact))
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact ?? undefined,
      help: violation.help,
      nodes: violation.nodes.map((node) => ({ target: node.target.join(' '), summary: node.failureSummary ?? '' })),
    }));
}

/** Presses Tab until the element with `testId` has the focus (0 presses: it must have it already); fails when it is not reachable by keyboard. */
export async function tabTo(page: Page, testId: string, maxPresses = 80): Promise<void> {
  for (let press = 0; ; press += 1) {
    if (await page.evaluate((id) => document.activeElement?.getAttribute('data-testid') === id, testId)) return;
    if (press === maxPresses) throw new Error(`${testId} is not reachable with Tab within ${maxPresses} presses`);
    await page.keyboard.press('Tab');
  }
}
