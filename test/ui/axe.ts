// Accessibility checks in the real browser: axe-core's rule set (@axe-core/playwright), run over the whole
// workbench page and every frame inside it (the webviews' two nested iframes included: AxeBuilder injects into
// each frame through Playwright, cross-origin or not).
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

const BLOCKING = new Set(['serious', 'critical']);

/**
 * One line per serious or critical violation axe finds on `page` (frames included), each naming `label`, the
 * rule, its impact, the help text and the elements it found (`frame >>> frame >>> element` inside frames): empty
 * when there is none.
 */
export async function seriousAxeViolations(page: Page, label: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => BLOCKING.has(violation.impact ?? ''))
    .map((violation) => {
      // A target inside frames is the frames' selectors, outermost first, then the element's: joined with >>>.
      const targets = violation.nodes.map((node) => node.target.map((part) => (Array.isArray(part) ? part.join(' ') : part)).join(' >>> ')).join(', ');
      return `${label}: ${violation.id} (${violation.impact}) ${violation.help} — ${targets}`;
    });
}
