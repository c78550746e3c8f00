// Editing a billing profile in the real workbench, as a person does: Edit Billing Profile from the customer's
// context menu, typing (checked as typed, errors on the field), a webview reload and a window reload that lose
// nothing, Enter to save; a conflict with someone else's change and "Apply my changes to the latest"; axe-core
// finding nothing serious or critical, in English and in French.
import AxeBuilder from '@axe-core/playwright';
import * as assert from 'node:assert/strict';
import type { FrameLocator } from 'playwright-core';
import { SandboxAdmin } from '../sandbox/adminClient';
import { NOTABLE, seedCustomer } from '../sandbox/seed';
import { seriousAxeViolations } from './axe';
import { sandboxUrl } from './sandbox';
import { UI_TIMEOUT_MS, type Workbench, useWorkbench } from './workbench';

const TENANT = 'default';
const admin = () => new SandboxAdmin(sandboxUrl());

interface ServedProfile {
  firstName: string | null;
  lastName: string | null;
  email: string | null;
}

/** The billing profile as the sandbox serves it now, read past the extension. */
async function servedProfile(customerId: string): Promise<ServedProfile> {
  const response = await fetch(`${sandboxUrl()}/v1/customers/${customerId}/profiles/billing`, {
    headers: { Accept: 'application/json', Authorization: `Bearer sandbox:${TENANT}` },
  });
  return JSON.parse((await response.text()).replace(/^\uFEFF/, '')) as ServedProfile;
}

/** Opens the customer's billing panel in edit mode from its context menu (no panel left from an earlier test). */
async function openEditForm(wb: Workbench, customerId: string): Promise<FrameLocator> {
  await wb.runCommand('View: Close All Editors');
  await wb.openPartnerCenter();
  const row = wb.treeItem(seedCustomer(TENANT, customerId).companyProfile.companyName).first();
  await row.waitFor({ timeout: UI_TIMEOUT_MS });
  await wb.runContextMenuEntry(row, wb.strings['command.editBillingProfile']);
  const page = wb.webview();
  await page.locator('form.edit').waitFor({ timeout: UI_TIMEOUT_MS });
  return page;
}

/** The billing page's own frame (inside VS Code's webview host frame), as axe names it in a target. */
const PAGE_FRAME = '#active-frame';

/** Whether axe, run now, checks the form's own fields (a `label` pass on the first name inside the page's frame). */
async function axeReachesForm(wb: Workbench): Promise<boolean> {
  const results = await new AxeBuilder({ page: wb.page }).withRules(['label']).analyze();
  return results.passes.some((rule) => rule.nodes.some((node) => {
    const target = node.target.map(String).join(' » ');
    return target.includes(PAGE_FRAME) && target.includes('#field-firstName');
  }));
}

/**
 * No serious or critical axe violation inside the billing page. The workbench around it is VS Code's (its editor
 * tabs, its webview host frame), not this extension's: those are left out. So that this cannot pass by not
 * looking, axe must reach the form's fields in a run just before and just after the one counted (on a busy
 * machine a frame that is still settling is skipped by axe's injection: then it is run again).
 */
async function assertNoSeriousViolations(wb: Workbench, label: string): Promise<void> {
  const deadline = Date.now() + UI_TIMEOUT_MS;
  for (;;) {
    const before = await axeReachesForm(wb);
    const violations = (await seriousAxeViolations(wb.page, label)).filter((line) => line.includes(PAGE_FRAME));
    if (before && (await axeReachesForm(wb))) {
      assert.deepEqual(violations, [], violations.join('\n'));
      return;
    }
    assert.ok(Date.now() < deadline, 'axe never reached the billing page\'s form');
  }
}

describe('editing the billing profile in the workbench', () => {
  const workbench = useWorkbench();

  it('checks fields as they are typed, keeps the edits through a webview reload and a window reload, and saves with Enter', async () => {
    const wb = workbench();
    const customerId = NOTABLE.default.german;
    const page = await openEditForm(wb, customerId);

    await page.locator('#field-firstName').fill('Jürgen');
    const email = page.locator('#field-email');
    await email.fill('not an address');
    const save = page.locator('button[data-action="save"]');
    assert.equal(await email.getAttribute('aria-invalid'), 'true');
    const describedBy = await email.getAttribute('aria-describedby');
    assert.equal(await page.locator(`[id="${describedBy}"]`).textContent(), wb.t('Enter an email address such as name@example.com.'));
    assert.equal(await save.getAttribute('aria-disabled'), 'true', 'Save is disabled while a field is invalid');
    await assertNoSeriousViolations(wb, 'en edit form with an error');
    await wb.screenshot('billing-edit-invalid');

    await email.fill('juergen.mueller@example.de');
    assert.equal(await email.getAttribute('aria-invalid'), null);
    assert.equal(await save.getAttribute('aria-disabled'), null);

    await wb.runCommand('Developer: Reload Webviews');
    await page.locator('form.edit').waitFor({ timeout: UI_TIMEOUT_MS });
    assert.equal(await page.locator('#field-firstName').inputValue(), 'Jürgen', 'the webview reload kept the edit');

    await Promise.all([wb.page.waitForEvent('load', { timeout: 60_000 }), wb.runCommand('Developer: Reload Window')]);
    await wb.page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 60_000 });
    const restored = wb.webview();
    await restored.locator('form.edit').waitFor({ timeout: 60_000 });
    assert.equal(await restored.locator('#field-firstName').inputValue(), 'Jürgen', 'the window reload kept the edit');
    assert.equal(await restored.locator('#field-email').inputValue(), 'juergen.mueller@example.de');

    await restored.locator('#field-email').press('Enter');
    await restored.locator('form.edit').waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
    await restored.locator('main dd', { hasText: 'juergen.mueller@example.de' }).waitFor({ timeout: UI_TIMEOUT_MS });
    const served = await servedProfile(customerId);
    assert.equal(served.firstName, 'Jürgen');
    assert.equal(served.email, 'juergen.mueller@example.de');
    await wb.screenshot('billing-edit-saved');
  });

  it('shows a concurrent change as a conflict (yours, now on Partner Center, when you started) and applies only my changes to the latest', async () => {
    const wb = workbench();
    const customerId = NOTABLE.default.korean;
    const original = await servedProfile(customerId);
    const page = await openEditForm(wb, customerId);
    await page.locator('#field-firstName').fill('민준 (mine)');
    await page.locator('#field-email').fill('mine@example.kr');
    await admin().changeBillingProfile(TENANT, customerId, { lastName: '김 (theirs)', email: 'theirs@example.kr' });

    await page.locator('button[data-action="save"]').click();
    const conflict = page.locator('section.conflict');
    await conflict.waitFor({ timeout: UI_TIMEOUT_MS });
    const emailRow = conflict.locator('tbody tr', { has: page.locator('th', { hasText: wb.t('Email') }) });
    assert.deepEqual(await emailRow.locator('td').allTextContents(), ['mine@example.kr', 'theirs@example.kr', original.email]);
    const lastNameRow = conflict.locator('tbody tr', { has: page.locator('th', { hasText: wb.t('Last name') }) });
    assert.deepEqual(await lastNameRow.locator('td').allTextContents(), [original.lastName, '김 (theirs)', original.lastName]);
    assert.equal(await page.locator('#field-firstName').inputValue(), '민준 (mine)', 'the edits stay in the form');
    await assertNoSeriousViolations(wb, 'en conflict view');
    await wb.screenshot('billing-edit-conflict');

    await conflict.locator('button[data-action="applyMine"]').click();
    await page.locator('form.edit').waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
    const served = await servedProfile(customerId);
    assert.deepEqual(
      { firstName: served.firstName, lastName: served.lastName, email: served.email },
      { firstName: '민준 (mine)', lastName: '김 (theirs)', email: 'mine@example.kr' },
    );
  });
});

describe('editing the billing profile in the workbench, in French', () => {
  const workbench = useWorkbench({ locale: 'fr' });

  it('labels the form in French and passes axe-core with an error shown', async () => {
    const wb = workbench();
    const page = await openEditForm(wb, NOTABLE.default.hebrew);
    assert.equal(await page.locator('label[for="field-firstName"]').textContent(), `${wb.t('First name')} *`);
    await page.locator('#field-country').fill('Israël');
    assert.equal(await page.locator('#error-country').textContent(), wb.t('Enter a two-letter ISO 3166-1 country code in capitals, such as US or FR.'));
    await assertNoSeriousViolations(wb, 'fr edit form with an error');
    await wb.screenshot('billing-edit-invalid');
  });
});
