/**
 * axe-core (Deque's rule set, the one most accessibility audits use) inside the
 * end-to-end tests: injected into the page from node_modules, so no network is needed,
 * and run with the WCAG 2.0, 2.1 and 2.2 A and AA rules. Rules axe marks experimental
 * but that test a WCAG criterion (label-content-name-mismatch, 2.5.3) are run too: an
 * audit finds them, so the tests must.
 */
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import type { AxeResults, Result, RunOptions } from 'axe-core';

const require = createRequire(import.meta.url);
const AXE_SCRIPT = require.resolve('axe-core/axe.min.js');

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

/** Makes axe available in every page the test opens (before its scripts run). */
export async function injectAxe(page: Page): Promise<void> {
  await page.addInitScript({ path: AXE_SCRIPT });
}

interface AxeGlobal {
  getRules(tags?: string[]): { ruleId: string }[];
  run(context: Document | string, options: RunOptions): Promise<AxeResults>;
}

/**
 * Runs the WCAG A/AA rules over the page (or the part of it `within` selects) and
 * returns each violation as one readable line per element: rule, impact, what is wrong,
 * where. An empty list is a pass.
 */
export async function axeViolations(page: Page, within?: string): Promise<string[]> {
  const violations = await page.evaluate(
    async ({ tags, within }) => {
      const axe = (window as unknown as { axe?: AxeGlobal }).axe;
      if (!axe) throw new Error('axe-core is not in the page: call injectAxe(page) before page.goto');
      // Every rule with one of the tags, experimental ones included (runOnly by tag leaves them out).
      const rules = axe.getRules([...tags]).map((rule) => rule.ruleId);
      const results = await axe.run(within ?? document, { runOnly: { type: 'rule', values: rules }, resultTypes: ['violations'] });
      return results.violations;
    },
    { tags: WCAG_TAGS, within },
  );
  return violations.flatMap(describe);
}

function describe(violation: Result): string[] {
  return violation.nodes.map((node) => `${violation.id} (${violation.impact ?? 'n/a'}): ${node.failureSummary?.replace(/\s+/g, ' ') ?? violation.help} at ${node.target.join(' ')} — ${node.html.slice(0, 160)}`);
}
