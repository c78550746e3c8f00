// The keyboard and screen-reader row: axe-core finds no serious or critical violation on the billing webview
// (English and French, light and dark themes), and a person without a mouse gets from the view to a customer's
// billing details, through its buttons, to its JSON and back to the tree. Tree rows read name, domain and
// relationship to a screen reader.
import * as assert from 'node:assert/strict';
import { NOTABLE, seedCustomer } from '../sandbox/seed';
import { seriousAxeViolations } from './axe';
import { type Locale, UI_TIMEOUT_MS, type Workbench, useWorkbench } from './workbench';

const CONTOSO = seedCustomer('default', NOTABLE.default.contoso);
const FRENCH = seedCustomer('default', NOTABLE.default.french);
/** How the extension words the relationship values the seed uses. */
const RELATIONSHIP_WORDS: Readonly<Record<string, string>> = { reseller: 'Reseller', advisor: 'Advisor', none: 'None' };
/** VS Code's own theme names (English in every workbench) and the class the webview's body gets for each. */
const THEMES = [
  { name: 'Light Modern', bodyClass: 'vscode-light' },
  { name: 'Dark Modern', bodyClass: 'vscode-dark' },
] as const;

/** Picks a color theme the way a person does: the palette's Preferences: Color Theme, its name, Enter. */
async function useTheme(wb: Workbench, theme: (typeof THEMES)[number]): Promise<void> {
  await wb.page.keyboard.press('F1');
  const input = wb.page.locator('.quick-input-widget:visible input');
  await input.fill('>Preferences: Color Theme');
  await wb.page.locator('.quick-input-list .monaco-list-row[aria-label^="Preferences: Color Theme"]').first().click();
  await wb.page.locator('.quick-input-widget:visible input[placeholder*="Color Theme"]').waitFor({ timeout: UI_TIMEOUT_MS });
  await input.fill(theme.name);
  await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: theme.name }).first().waitFor({ timeout: UI_TIMEOUT_MS });
  await wb.page.keyboard.press('Enter');
  await wb.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
  await wb.webview().locator(`body.${theme.bodyClass}`).waitFor({ timeout: UI_TIMEOUT_MS });
}

/** The row of the side bar's tree that has keyboard focus. */
function focusedRow(wb: Workbench) {
  return wb.page.locator('.part.sidebar .monaco-list:focus-within .monaco-list-row.focused');
}

/** Moves the tree's focus with the arrow keys until the focused row reads `label`. */
async function arrowTo(wb: Workbench, label: string): Promise<void> {
  await wb.page.keyboard.press('Home');
  for (let step = 0; step < 30; step++) {
    if ((await focusedRow(wb).locator('.label-name').textContent()) === label) return;
    await wb.page.keyboard.press('ArrowDown');
  }
  assert.fail(`the arrow keys never reached ${label}`);
}

/** Focuses the Customers view from the palette (VS Code's generated "Focus on … View" command). */
async function focusCustomersView(wb: Workbench): Promise<void> {
  await wb.runCommand(`Focus on ${wb.strings['view.customers.name']} View`);
  await focusedRow(wb).waitFor({ timeout: UI_TIMEOUT_MS });
}

/** Whether the element with keyboard focus inside the billing page is the button `action`. */
async function focusedButton(wb: Workbench): Promise<string | null> {
  return wb.webview().locator('body').evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.action ?? null);
}

for (const locale of ['en', 'fr'] as const satisfies readonly Locale[]) {
  describe(`accessibility in the ${locale === 'en' ? 'English' : 'French'} workbench`, () => {
    const workbench = useWorkbench({ locale });

    after(async () => {
      // The theme is a user setting of the shared code-server: leave the default one to the other tests.
      await useTheme(workbench(), THEMES[1]).catch(() => undefined);
    });

    it('the billing webview has no serious or critical axe violation, light or dark', async function () {
      this.timeout(240_000); // axe over the whole workbench, twice, on a shared 2-core machine
      const wb = workbench();
      await wb.openPartnerCenter();
      const row = wb.treeItem(CONTOSO.companyProfile.companyName).first();
      await row.waitFor({ timeout: UI_TIMEOUT_MS });
      await wb.runContextMenuEntry(row, wb.strings['command.openBillingDetails']);
      await wb.webview().locator('main dl').waitFor({ timeout: UI_TIMEOUT_MS });
      const found: string[] = [];
      for (const theme of THEMES) {
        await useTheme(wb, theme);
        const all = await seriousAxeViolations(wb.page, `${locale} ${theme.name}`);
        // Inside the webview's frames is the extension's page; the rest is VS Code's own workbench (reported, not ours to fix).
        const inWebview = all.filter((line) => line.includes(' >>> '));
        console.log(`      axe, billing webview, ${locale}, ${theme.name}: ${inWebview.length} serious/critical in the page; ${all.length - inWebview.length} in VS Code's workbench around it`);
        for (const line of all) console.log(`        ${line}`);
        found.push(...inWebview);
        await wb.screenshot(`${locale}-axe-billing-${theme.name}`);
      }
      assert.deepEqual(found, []);
    });

    it('is usable with the keyboard alone: view, customer, billing details and its buttons, JSON, back to the tree', async () => {
      const wb = workbench();
      await wb.openPartnerCenter();
      await focusCustomersView(wb);
      const name = FRENCH.companyProfile.companyName;
      await arrowTo(wb, name);
      // What a screen reader reads for the row: name, domain, relationship.
      const ariaLabel = await focusedRow(wb).getAttribute('aria-label');
      const relationship = wb.t(RELATIONSHIP_WORDS[FRENCH.relationshipToPartner ?? ''] ?? 'Not reported');
      assert.equal(ariaLabel, wb.t('Customer {0}, {1}, relationship: {2}', name, FRENCH.companyProfile.domain ?? '', relationship));

      await wb.page.keyboard.press('ArrowRight');
      await focusedRow(wb).and(wb.page.locator('[aria-expanded="true"]')).waitFor({ timeout: UI_TIMEOUT_MS });
      await wb.treeItem(wb.t('Billing profile')).first().waitFor({ timeout: UI_TIMEOUT_MS });

      // The row's context menu from the keyboard, down to Open Billing Details.
      await wb.page.keyboard.press('Shift+F10');
      const menu = wb.page.locator('.context-view.monaco-menu-container');
      await menu.waitFor({ timeout: UI_TIMEOUT_MS });
      const entry = wb.strings['command.openBillingDetails'];
      const focusedEntry = menu.locator('.action-item.focused');
      const focusedText = async () => ((await focusedEntry.count()) ? (await focusedEntry.textContent())?.trim() : undefined);
      for (let step = 0; step < 20 && (await focusedText()) !== entry; step++) await wb.page.keyboard.press('ArrowDown');
      assert.equal(await focusedText(), entry);
      await wb.page.keyboard.press('Enter');
      const heading = wb.webview().locator('main h1');
      await heading.filter({ hasText: name }).waitFor({ timeout: UI_TIMEOUT_MS });

      // Tab walks the page's buttons in order; Enter on Open JSON opens the customer's JSON tab.
      const order: (string | null)[] = [];
      for (let step = 0; step < 3; step++) {
        await wb.page.keyboard.press('Tab');
        order.push(await focusedButton(wb));
      }
      assert.deepEqual(order, ['refresh', 'copyEmail', 'openJson']);
      await wb.page.keyboard.press('Enter');
      await wb.activeTab().filter({ hasText: '.json' }).waitFor({ timeout: UI_TIMEOUT_MS });
      assert.ok((await wb.editorLines()).some((line) => line.includes(FRENCH.id)), 'the JSON tab shows another customer');

      // Back to the tree: the customer is still the focused row.
      await focusCustomersView(wb);
      assert.equal(await focusedRow(wb).locator('.label-name').textContent(), name);
      await wb.screenshot(`${locale}-keyboard-only`);
    });
  });
}
