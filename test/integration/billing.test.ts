// The billing webview inside the real VS Code, against the sandbox: what the page displayed is read back from
// inside the webview (the page reports the text of its DOM after each render).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PartnerCenterExports } from '../../src/extension';
import type { BillingPanel } from '../../src/webview/billingPanel';
import type { RenderedReport } from '../../src/webview/protocol';
import { MARKUP, NOTABLE, seedCustomer } from '../sandbox/seed';
import { clickInPage, postAsPage } from './helpers/billingPage';
import { recordClipboardWrites } from './helpers/clipboard';
import { billingTabs, useCustomerEditors } from './helpers/editors';
import { clearFaults, clearSandboxRequests, injectFault, routeOf, sandboxRequests, servedBody } from './helpers/sandbox';
import { customerRow, customersView, rowOf, rows } from './helpers/tree';
import { tabsBeforeControl } from './helpers/tabBarrier';
import { waitFor } from './helpers/waitFor';

const TENANT = 'default';

/** The page's report of its next render of `kind` after `afterRevision`. */
function rendered(panel: BillingPanel, kind: RenderedReport['kind'], afterRevision = 0): Promise<RenderedReport> {
  return waitFor(`the billing page to render "${kind}" (after revision ${afterRevision})`, () => {
    const report = panel.lastRendered;
    return report && report.kind === kind && report.revision > afterRevision ? report : undefined;
  });
}

function field(report: RenderedReport, label: string): string | undefined {
  return report.fields.find((f) => f.label === label)?.value;
}

/** A fetch time as the page shows it: medium date and time in the workbench's language. */
function shownTime(date: Date): string {
  return new Intl.DateTimeFormat([vscode.env.language, 'en'], { dateStyle: 'medium', timeStyle: 'medium' }).format(date);
}

async function openBilling(api: PartnerCenterExports, arg: unknown, customerId: string): Promise<BillingPanel> {
  await vscode.commands.executeCommand('partnerCenter.openBillingDetails', arg);
  const panel = api.billing.get({ tenantId: TENANT, customerId });
  assert.ok(panel, 'no billing panel for the customer after the command');
  return panel;
}

describe('billing webview (partnerCenter.openBillingDetails)', () => {
  const api = useCustomerEditors();

  it('shows the billing contact, company, culture, language, address and fetch time as the page rendered them', async () => {
    const customer = seedCustomer(TENANT, NOTABLE.default.french);
    const billing = customer.billingProfile;
    api().client.invalidate(TENANT, customer.id); // fetched by this test, not earlier
    const opened = new Date();
    const panel = await openBilling(api(), { tenantId: TENANT, customerId: customer.id }, customer.id);
    const report = await rendered(panel, 'data');

    assert.equal(panel.panel.title, `Billing — ${customer.companyProfile.companyName}`);
    assert.equal(field(report, 'Contact name'), `${billing.firstName} ${billing.lastName}`);
    assert.equal(field(report, 'Email'), billing.email);
    assert.equal(field(report, 'Company'), billing.companyName);
    assert.equal(field(report, 'Culture'), billing.culture);
    assert.equal(field(report, 'Language'), billing.language);
    const address = field(report, 'Default address') ?? '';
    for (const part of [billing.defaultAddress?.addressLine1, billing.defaultAddress?.city, billing.defaultAddress?.country]) {
      if (part) assert.ok(address.includes(part.trim()), `address "${address}" lacks "${part}"`);
    }
    // The time of this test's own fetch, as the user reads it.
    const fetchedAt = panel.customer!.fetchedAt;
    assert.ok(fetchedAt >= opened && fetchedAt <= new Date(), `fetched at ${fetchedAt.toISOString()}, not while the panel opened`);
    assert.equal(field(report, 'Fetched'), shownTime(fetchedAt));
    assert.ok(report.text.startsWith(`Billing — ${customer.companyProfile.companyName}`), 'the heading names the company');
  });

  it('shows markup in customer data as literal text (nothing of it becomes an element)', async () => {
    const customer = seedCustomer(TENANT, NOTABLE.default.markup);
    const panel = await openBilling(api(), { tenantId: TENANT, customerId: customer.id }, customer.id);
    const report = await rendered(panel, 'data');

    // Had the page parsed any of this as HTML, the tags would be missing from the text it displays.
    assert.ok(report.text.includes(`Billing — ${MARKUP.img}Fourth Coffee`), report.text);
    assert.equal(field(report, 'Contact name'), `${MARKUP.script} ${MARKUP.bold}`);
    assert.equal(field(report, 'Email'), customer.billingProfile.email);
    assert.ok(field(report, 'Default address')?.startsWith(`${MARKUP.bold} 1 Microsoft Way`));
    assert.equal(panel.panel.title, `Billing — ${MARKUP.img}Fourth Coffee`);
  });

  it('keeps one panel per customer: opening it again, from anywhere, reveals it', async () => {
    const first = seedCustomer(TENANT, NOTABLE.default.japanese);
    const second = seedCustomer(TENANT, NOTABLE.default.arabic);
    const panel = await openBilling(api(), { customerId: first.id }, first.id);
    await rendered(panel, 'data');
    const other = await openBilling(api(), { tenantId: TENANT, customerId: second.id }, second.id);
    await waitFor('the second panel to be active', () => (other.panel.active && !panel.panel.active) || undefined);

    // Again, as a tree node would pass it (with its company name), and with the id in upper case.
    const again = await openBilling(api(), { tenantId: TENANT, customerId: first.id.toUpperCase(), companyName: 'x' }, first.id);
    assert.equal(again, panel, 'a second panel was created for the same customer');
    await waitFor('the first panel to be revealed', () => (panel.panel.active && !other.panel.active) || undefined);
    // A third customer's panel, opened after: once its tab is reported, a duplicate tab would have been too.
    const control = seedCustomer(TENANT, NOTABLE.default.german);
    const third = await openBilling(api(), { tenantId: TENANT, customerId: control.id }, control.id);
    const others = await tabsBeforeControl(billingTabs, () => rendered(third, 'data'), (tab) => tab.label === third.panel.title);
    assert.equal(others.length, 2, 'the first two customers, one tab each');
  });

  it('after the customer was expanded in the tree, opening its billing and its JSON sends no further request', async () => {
    const customer = seedCustomer(TENANT, NOTABLE.default.cyrillic);
    const view = await customersView();
    const roots = await rows(view);
    const node = customerRow(roots, TENANT, customer.id).node;
    api().client.invalidate(TENANT, customer.id);
    await clearSandboxRequests();

    await rows(view, node); // expanding the customer: VS Code asks for its children
    const panel = await openBilling(api(), node, customer.id); // the node itself, as the context menu passes it
    const report = await rendered(panel, 'data');
    await vscode.commands.executeCommand('partnerCenter.openCustomerJson', node);
    await waitFor('the JSON tab', () => vscode.window.activeTextEditor?.document.uri.scheme === 'partnercenter' || undefined);

    const byId = (await sandboxRequests()).filter((r) => routeOf(r).toLowerCase().includes(customer.id));
    assert.equal(byId.length, 1, `requests for the customer: ${byId.map((r) => r.path).join(', ')}`);
    assert.equal(field(report, 'Email'), customer.billingProfile.email);
  });

  it('follows a refresh made in the tree: one request updates the tree row and the open panel', async () => {
    const customer = seedCustomer(TENANT, NOTABLE.default.korean);
    const view = await customersView();
    const node = customerRow(await rows(view), TENANT, customer.id).node;
    await rows(view, node); // expanded: the tree holds the customer's details
    const panel = await openBilling(api(), node, customer.id);
    const before = await rendered(panel, 'data');
    const served = (await servedBody(TENANT, customer.id)) as { companyProfile: object; billingProfile: object };
    const companyName = 'Renamed by Partner Center Ltd';
    const renamed = {
      ...served,
      companyProfile: { ...served.companyProfile, companyName },
      billingProfile: { ...served.billingProfile, companyName },
    };
    await injectFault({ path: `/v1/customers/${customer.id}`, tenant: TENANT, status: 200, body: renamed, times: 1 });
    await clearSandboxRequests();

    await vscode.commands.executeCommand('partnerCenter.refresh', node); // the customer row's Refresh
    const after = await rendered(panel, 'data', before.revision);
    assert.equal(field(after, 'Company'), companyName);
    assert.equal(panel.panel.title, `Billing — ${companyName}`);
    assert.equal(rowOf(view, node).label, companyName);
    const requests = (await sandboxRequests()).filter((r) => routeOf(r).toLowerCase() === `/customers/${customer.id}`);
    assert.equal(requests.length, 1, 'one request serves the tree and the panel');
  });

  it('Refresh fetches again, bypassing the cache, and shows the new fetch time', async () => {
    const customer = seedCustomer(TENANT, NOTABLE.default.german);
    const panel = await openBilling(api(), { customerId: customer.id }, customer.id);
    const before = await rendered(panel, 'data');
    const fetchedBefore = panel.customer!.fetchedAt;
    await clearSandboxRequests();

    clickInPage(panel, 'refresh'); // the page's Refresh button
    await waitFor('a newer fetch', () => (panel.customer && panel.customer.fetchedAt > fetchedBefore) || undefined);
    // The first render after Refresh is the old data marked busy (revision + 1); the fetched data is the next one.
    const after = await rendered(panel, 'data', before.revision + 1);
    const requests = (await sandboxRequests()).filter((r) => routeOf(r).toLowerCase() === `/customers/${customer.id}`);
    assert.equal(requests.length, 1, 'Refresh sends exactly one request');
    assert.equal(field(before, 'Fetched'), shownTime(fetchedBefore));
    assert.equal(field(after, 'Fetched'), shownTime(panel.customer!.fetchedAt), 'the page shows the new fetch time');
    assert.equal(field(after, 'Email'), customer.billingProfile.email);
  });

  it('shows an error with a Retry button when the customer cannot be read, never half the data; Retry recovers', async () => {
    const customer = seedCustomer(TENANT, NOTABLE.default.korean);
    api().client.invalidate(TENANT, customer.id);
    await injectFault({ path: `/v1/customers/${customer.id}`, tenant: TENANT, status: 404, times: 0 });
    const panel = await openBilling(api(), { customerId: customer.id }, customer.id);
    const error = await rendered(panel, 'error');
    assert.deepEqual(error.fields, [], 'no customer field is shown with an error');
    assert.match(error.text, /could not be loaded/);
    assert.match(error.text, /Retry$/);
    assert.match(error.text, /404|not found/i);

    await clearFaults();
    clickInPage(panel, 'refresh'); // the page's Retry button
    const recovered = await rendered(panel, 'data', error.revision);
    assert.equal(field(recovered, 'Email'), customer.billingProfile.email);
  });

  it('Copy email puts the address on the clipboard and says so; Open JSON opens the same customer\'s JSON tab', async () => {
    const customer = seedCustomer(TENANT, NOTABLE.default.contoso);
    const panel = await openBilling(api(), { customerId: customer.id }, customer.id);
    await rendered(panel, 'data');
    await vscode.env.clipboard.writeText('before');

    clickInPage(panel, 'copyEmail');
    await waitFor('the e-mail on the clipboard', async () => ((await vscode.env.clipboard.readText()) === customer.billingProfile.email) || undefined);

    clickInPage(panel, 'openJson');
    const editor = await waitFor('the JSON tab', () => {
      const active = vscode.window.activeTextEditor;
      return active?.document.uri.scheme === 'partnercenter' ? active : undefined;
    });
    assert.equal((JSON.parse(editor.document.getText()) as { id: string }).id, customer.id);
  });

  it('ignores messages that do not follow the protocol', async () => {
    const customer = seedCustomer(TENANT, NOTABLE.default.contoso);
    const panel = await openBilling(api(), { customerId: customer.id }, customer.id);
    const report = await rendered(panel, 'data');
    const clipboard = recordClipboardWrites();
    try {
      postAsPage(panel, [
        null,
        'copyEmail',
        { type: 'copyEmail', email: 'attacker@example.com' },
        { type: 'runCommand', command: 'workbench.action.closeWindow' },
        { type: 'rendered', revision: 999, kind: 'data', text: 'forged', fields: [{ label: 'x' }] },
        // Last, a valid message: the host handles messages in order, so once it has copied, it has handled every
        // message before it, and a copy by any of those would be recorded first.
        { type: 'copyEmail' },
      ]);
      await waitFor('the copy the last message asks for', () => clipboard.written.length > 0 || undefined);
      assert.deepEqual(clipboard.written, [customer.billingProfile.email], 'only the valid message copied');
    } finally {
      clipboard.stop();
    }
    assert.equal(panel.lastRendered, report, 'a malformed report was taken for a render');
  });

  it('forgets a closed panel; opening the customer again creates a new one', async () => {
    const customer = seedCustomer(TENANT, NOTABLE.default.hebrew);
    const panel = await openBilling(api(), { customerId: customer.id }, customer.id);
    await rendered(panel, 'data');
    panel.panel.dispose();
    assert.equal(api().billing.get({ tenantId: TENANT, customerId: customer.id }), undefined);
    const reopened = await openBilling(api(), { customerId: customer.id }, customer.id);
    assert.notEqual(reopened, panel);
    await rendered(reopened, 'data');
  });
});
