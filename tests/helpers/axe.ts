import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeResult {
  violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
}

/**
 * axe-core's violations on the page, one line each (`rule (impact): targets`). axe-core is injected
 * as an inline script, which the site's CSP forbids: open the page in a context with bypassCSP
 * (tests/browser/csp.test.ts checks the CSP itself). `rules` turns rules on or off, e.g.
 * `{ 'color-contrast-enhanced': true }` for WCAG AAA contrast.
 */
export async function axeViolations(page: Page, rules: Record<string, boolean> = {}): Promise<string[]> {
  await page.addScriptTag({ path: AXE_PATH });
  const options = { rules: Object.fromEntries(Object.entries(rules).map(([id, enabled]) => [id, { enabled }])) };
  const result = (await page.evaluate((runOptions) => (window as unknown as { axe: { run: (context: Document, options: unknown) => Promise<unknown> } }).axe.run(document, runOptions), options)) as AxeResult;
  return result.violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}
