// One customer identity: a GUID (and a tenant id) written in another case — from a ticket, a PSA tool or a link —
// finds the same cached customer, tree row, billing panel and JSON tab, inside the real VS Code.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PartnerCenterExports } from '../../src/extension';
import { NOTABLE, seedCustomer } from '../sandbox/seed';
import { extensionExports } from './helpers/activation';
import { clearFaults, clearSandboxRequests, injectFault, resetSandbox, routeOf, sandboxRequests, servedBody } from './helpers/sandbox';
import { billingTabs, customerTabs } from './helpers/editors';
import { tabsBeforeControl } from './helpers/tabBarrier';
import { customerRow, rows, waitForRows } from './helpers/tree';
import { waitFor } from './helpers/waitFor';

const TENANT = 'default';

/** By-id requests for a customer since the log was cleared (any case of its id). */
async function byIdRequests(customerId: string) {
  return (await sandboxRequests()).filter((r) => routeOf(r).toLowerCase() === `/customers/${customerId.toLowerCase()}`);
}

describe('one customer identity, whatever the case of its GUID', () => {
  let api: PartnerCenterExports;

  before(async () => {
    api = await extensionExports();
    await vscode.commands.executeCommand('partnerCenter.customers.focus');
    await vscode.commands.executeCommand('partnerCenter.clearSearch');
  });

  beforeEach(async () => {
    await resetSandbox();
    api.client.invalidate(TENANT);
    api.customers.reset();
  });

  afterEach(async () => {
    await clearFaults();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('serves a customer cached under its lower-case id to a request in upper case: no second request', async () => {
    const customer = seedCustomer(TENANT, NOTABLE.default.contoso);
    await clearSandboxRequests();
    await api.client.getCustomer(TENANT, customer.id.toLowerCase());
    const again = await api.client.getCustomer(TENANT.toUpperCase(), customer.id.toUpperCase());
    assert.equal(again.value.id, customer.id);
    assert.equal((await byIdRequests(customer.id)).length, 1);
  });

  it('opens one billing panel for the customer in either case, from the cache', async () => {
    const customer = seedCustomer(TENANT, NOTABLE.default.french);
    await clearSandboxRequests();
    await vscode.commands.executeCommand('partnerCenter.openBillingDetails', { tenantId: TENANT, customerId: customer.id.toLowerCase() });
    const first = await waitFor('the billing panel', () => api.billing.get({ tenantId: TENANT, customerId: customer.id }));
    await waitFor('the first fetch', async () => ((await byIdRequests(customer.id)).length === 1 ? true : undefined));
    await vscode.commands.executeCommand('partnerCenter.openBillingDetails', { tenantId: TENANT, customerId: customer.id.toUpperCase() });
    assert.equal(api.billing.get({ tenantId: TENANT, customerId: customer.id.toUpperCase() }), first);
    // Another customer's panel, opened after: once its tab is reported, a second tab for this one would be too.
    const control = seedCustomer(TENANT, NOTABLE.default.german);
    const others = await tabsBeforeControl(
      billingTabs,
      () => vscode.commands.executeCommand('partnerCenter.openBillingDetails', { tenantId: TENANT, customerId: control.id }),
      (tab) => tab.label === api.billing.get({ tenantId: TENANT, customerId: control.id })?.panel.title,
    );
    assert.equal(others.length, 1, 'one panel, not two');
    assert.equal((await byIdRequests(customer.id)).length, 1, 'the second open was served by the cache');
  });

  it('opens one JSON tab for the customer in either case, and a tenant written in another case is the configured one', async () => {
    const customer = seedCustomer(TENANT, NOTABLE.default.japanese);
    await vscode.commands.executeCommand('partnerCenter.openCustomerJson', { tenantId: TENANT, customerId: customer.id.toLowerCase() });
    await waitFor('the JSON tab', () => (customerTabs().length === 1 ? true : undefined));
    await vscode.commands.executeCommand('partnerCenter.openCustomerJson', { tenantId: TENANT.toUpperCase(), customerId: customer.id.toUpperCase() });
    const control = seedCustomer(TENANT, NOTABLE.default.german);
    const others = await tabsBeforeControl(
      customerTabs,
      () => vscode.commands.executeCommand('partnerCenter.openCustomerJson', { tenantId: TENANT, customerId: control.id }),
      (tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.path.toLowerCase().includes(control.id.toLowerCase()),
    );
    assert.equal(others.length, 1, 'one tab, not two');
  });

  it('updates the tree row, the panel and the tab of the customer when it is refreshed by its upper-case id', async () => {
    const top = await waitForRows(api.customers, 'the first page', (r) => r.length > 1);
    const row = customerRow(top, TENANT, top[0]!.id!.split('/')[1]!);
    const customerId = row.id!.split('/')[1]!;
    await api.customers.view.reveal(row.node, { expand: true, select: false, focus: false });
    await rows(api.customers, row.node);
    await vscode.commands.executeCommand('partnerCenter.openBillingDetails', { tenantId: TENANT, customerId });
    const panel = await waitFor('the billing panel', () => api.billing.get({ tenantId: TENANT, customerId }));
    await vscode.commands.executeCommand('partnerCenter.openCustomerJson', { tenantId: TENANT, customerId });
    const document = await waitFor('the JSON document', () =>
      vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'partnercenter' && d.uri.path.includes(customerId)),
    );

    const renamed = 'Renamed Behind The Client Ltd';
    const served = await servedBody(TENANT, customerId);
    const body = { ...served, companyProfile: { ...(served.companyProfile as object), companyName: renamed } };
    await injectFault({ path: `/v1/customers/${customerId}`, tenant: TENANT, status: 200, body, times: 1 });
    await vscode.commands.executeCommand('partnerCenter.refresh', { tenantId: TENANT, customerId: customerId.toUpperCase() });

    await waitFor('the tree row to show the new name', async () =>
      (await rows(api.customers)).find((r) => r.id === row.id)?.label === renamed ? true : undefined,
    );
    await waitFor('the panel to show the new name', () => (panel.customer?.value.companyProfile?.companyName === renamed ? true : undefined));
    await waitFor('the tab to show the new name', () => (document.getText().includes(renamed) ? true : undefined));
  });
});
