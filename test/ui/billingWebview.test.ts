// The billing webview in the real workbench, as a person uses it: opened from the customer's context menu,
// read on screen, driven with the keyboard. Customer data full of markup must show as text, and nothing from
// it may become an element (checked in the browser itself; hostileData.test.ts checks that none of it runs).
import * as assert from 'node:assert/strict';
import { sandboxUrl } from './sandbox';
import { UI_TIMEOUT_MS, type Workbench, useWorkbench } from './workbench';

interface SandboxCustomer {
  id: string;
  companyProfile: { companyName: string };
  billingProfile: { firstName: string | null; lastName: string | null; email: string | null };
}

/** The first customer of `default` whose company name carries an HTML element (the sandbox seeds several). */
async function markupCustomer(): Promise<SandboxCustomer> {
  const headers = { Accept: 'application/json', Authorization: 'Bearer sandbox:default' };
  const list = (await (await fetch(`${sandboxUrl()}/v1/customers?size=50`, { headers })).json()) as { items: SandboxCustomer[] };
  const listed = list.items.find((c) => /<img\b[^>]*onerror/i.test(c.companyProfile.companyName));
  assert.ok(listed, 'the sandbox has no customer with an <img onerror> in its name on its first page');
  const response = await fetch(`${sandboxUrl()}/v1/customers/${listed.id}`, { headers });
  return JSON.parse((await response.text()).replace(/^\uFEFF/, '')) as SandboxCustomer;
}

/**
 * Opens (or, when open, reveals: one panel per customer) a customer's billing panel from its context menu, so
 * that no test depends on an earlier one having left it open.
 */
async function openBillingPanel(wb: Workbench, customer: SandboxCustomer): Promise<void> {
  await wb.openPartnerCenter();
  const row = wb.treeRow(customer.companyProfile.companyName).first();
  await row.waitFor({ timeout: UI_TIMEOUT_MS });
  await wb.runContextMenuEntry(row, wb.strings['command.openBillingDetails']);
  await wb.webview().locator('main dl').waitFor({ timeout: UI_TIMEOUT_MS });
}

describe('the billing webview in the workbench', () => {
  const workbench = useWorkbench();

  it('shows a customer whose data is markup as plain text, and runs none of it', async () => {
    const customer = await markupCustomer();
    const name = customer.companyProfile.companyName;
    const wb = workbench();
    await openBillingPanel(wb, customer);

    const page = wb.webview();
    const heading = page.locator('main h1');
    assert.equal(await heading.textContent(), `Billing — ${name}`);
    const contact = [customer.billingProfile.firstName, customer.billingProfile.lastName].filter(Boolean).join(' ');
    assert.ok(contact.includes('<'), 'the seeded billing contact carries markup');
    assert.equal(await page.locator('main dd').first().textContent(), contact);

    // Nothing in the page was made from the data: no <img>, <b> or <script> anywhere in the document's content,
    // and no script element (VS Code's own and the page's are the only ones) carries the data's code.
    assert.equal(await page.locator('main img, main b, main script, body > img').count(), 0);
    assert.equal(await page.locator('script[src$="billing.js"]').count(), 1);
    const scriptTexts = await page.locator('script').allTextContents();
    assert.ok(scriptTexts.every((text) => !text.includes("alert('pwned')") && !text.includes('alert(1)')), 'a script element holds data');
    // (No dialog check here: the webview's frame is sandboxed without allow-modals, so an alert() from the data
    // would be dropped unseen. hostileData.test.ts proves "runs none of it" there with payloads that mark the window.)
    await wb.screenshot('billing-webview-markup');
  });

  it('is usable with the keyboard: Tab reaches the buttons with a visible focus, Enter activates them', async () => {
    const customer = await markupCustomer();
    const wb = workbench();
    await openBillingPanel(wb, customer);
    const page = wb.webview();
    const buttons = page.locator('main button');
    await buttons.first().waitFor({ timeout: UI_TIMEOUT_MS });
    assert.deepEqual(await buttons.allTextContents(), ['Refresh', 'Copy email', 'Open JSON', 'Edit']);

    await buttons.first().focus();
    await wb.page.keyboard.press('Tab');
    const copy = page.locator('main button[data-action="copyEmail"]');
    assert.equal(await copy.evaluate((button) => button === document.activeElement), true, 'Tab did not move to Copy email');
    const outline = await copy.evaluate((button) => getComputedStyle(button).outlineStyle);
    assert.notEqual(outline, 'none', 'the focused button shows no focus outline');

    await wb.page.keyboard.press('Enter');
    const status = page.locator('#status');
    await status.filter({ hasText: 'copied to the clipboard' }).waitFor({ timeout: UI_TIMEOUT_MS });
    assert.equal(await status.getAttribute('aria-live'), 'polite');
    const clipboard = await wb.page.evaluate(() => navigator.clipboard.readText());
    assert.equal(clipboard, customer.billingProfile.email);
    await wb.screenshot('billing-webview-copied');
  });

  it('comes back, with its data, after the window is reloaded', async () => {
    const customer = await markupCustomer();
    const wb = workbench();
    await openBillingPanel(wb, customer);
    // As a person does it (the workbench saves its editors on the way out, then the page reloads).
    await Promise.all([wb.page.waitForEvent('load', { timeout: 60_000 }), wb.runCommand('Developer: Reload Window')]);
    await wb.page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 60_000 });
    const heading = wb.webview().locator('main h1');
    await heading.waitFor({ timeout: 60_000 });
    assert.equal(await heading.textContent(), `Billing — ${customer.companyProfile.companyName}`);
    assert.equal(await wb.webview().locator('main dd').nth(1).textContent(), customer.billingProfile.email);
    await wb.screenshot('billing-webview-restored');
  });
});
