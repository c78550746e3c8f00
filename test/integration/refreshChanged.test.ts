// Refresh what changed, inside the real VS Code against the sandbox: after changes made outside the extension,
// it reads the audit log and fetches exactly the customers it names, updating tree rows, panels and tabs.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RefreshChangedResult } from '../../src/activity/model/changeRefresher';
import type { PartnerCenterExports } from '../../src/extension';
import { extensionExports } from './helpers/activation';
import { clearSandboxRequests, externalChange, resetSandbox, routeOf, sandboxRequests } from './helpers/sandbox';
import { customerRow, rows, waitForRows } from './helpers/tree';
import { waitFor } from './helpers/waitFor';

const TENANT = 'default';

describe('Refresh what changed', () => {
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

  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('updates exactly the changed customers (tree row, billing panel, JSON tab) with audit pages + one request each', async () => {
    const top = await waitForRows(api.customers, 'the first page', (r) => r.length > 3);
    const [first, second] = top.map((r) => r.id!.split('/')[1]!);
    await vscode.commands.executeCommand('partnerCenter.openBillingDetails', { tenantId: TENANT, customerId: first });
    const panel = await waitFor('the billing panel', () => api.billing.get({ tenantId: TENANT, customerId: first! }));
    await vscode.commands.executeCommand('partnerCenter.openCustomerJson', { tenantId: TENANT, customerId: first });
    const document = await waitFor('the JSON document', () =>
      vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'partnercenter' && d.uri.path.includes(first!)),
    );
    await waitFor('the panel to show the customer', () => (panel.customer ? true : undefined));

    await externalChange({ kind: 'rename', customerId: first!, companyName: 'Renamed Elsewhere Ltd' });
    await externalChange({ kind: 'rename', customerId: second!, companyName: 'Also Renamed GmbH' });
    await clearSandboxRequests();
    const result = (await vscode.commands.executeCommand('partnerCenter.refreshChanged')) as RefreshChangedResult;

    assert.equal(result.updated, 2);
    const requests = await sandboxRequests();
    const audit = requests.filter((r) => routeOf(r) === '/auditrecords');
    const byId = requests.filter((r) => routeOf(r).startsWith('/customers/')).map((r) => routeOf(r).toLowerCase());
    assert.equal(audit.length, 1, 'one audit page (today’s records fit in one)');
    assert.deepEqual(byId.sort(), [`/customers/${first}`, `/customers/${second}`].map((p) => p.toLowerCase()).sort());
    assert.equal(requests.length, audit.length + 2, 'nothing else: no list page');

    await waitFor('the tree rows to show the new names', async () => {
      const labels = (await rows(api.customers)).map((r) => r.label);
      return labels.includes('Renamed Elsewhere Ltd') && labels.includes('Also Renamed GmbH') ? true : undefined;
    });
    await waitFor('the panel to show the new name', () =>
      panel.customer?.value.companyProfile?.companyName === 'Renamed Elsewhere Ltd' ? true : undefined,
    );
    await waitFor('the tab to show the new name', () => (document.getText().includes('Renamed Elsewhere Ltd') ? true : undefined));

    // Run again: the same day is read again (overlap) but nothing already applied is fetched again.
    await clearSandboxRequests();
    const again = (await vscode.commands.executeCommand('partnerCenter.refreshChanged')) as RefreshChangedResult;
    assert.equal(again.updated, 0);
    assert.deepEqual((await sandboxRequests()).map(routeOf), ['/auditrecords']);
  });

  it("after a billing edit made here and a relationship removed elsewhere, fetches exactly those two and marks the removed one", async () => {
    const top = await waitForRows(api.customers, 'the first page', (r) => r.length > 4);
    const [, , edited, removed] = top.map((r) => r.id!.split('/')[1]!);
    await vscode.commands.executeCommand('partnerCenter.updateBillingProfile', {
      tenantId: TENANT,
      customerId: edited,
      changes: { firstName: 'Edited Here' },
    });
    await externalChange({ kind: 'removeRelationship', customerId: removed! });
    await clearSandboxRequests();
    const result = (await vscode.commands.executeCommand('partnerCenter.refreshChanged')) as RefreshChangedResult;

    assert.equal(result.updated, 2);
    assert.equal(result.relationshipsRemoved, 1);
    const requests = await sandboxRequests();
    const byId = requests.filter((r) => routeOf(r).startsWith('/customers/')).map((r) => routeOf(r).toLowerCase());
    assert.deepEqual(byId.sort(), [`/customers/${edited}`, `/customers/${removed}`].map((p) => p.toLowerCase()).sort());
    assert.equal(requests.length, requests.filter((r) => routeOf(r) === '/auditrecords').length + 2, 'audit pages and the two customers, nothing else');

    const row = await waitFor('the removed relationship to be marked on its row', async () => {
      const shown = customerRow(await rows(api.customers), TENANT, removed!);
      return shown.description?.includes('no relationship') ? shown : undefined;
    });
    assert.equal((row.item.iconPath as vscode.ThemeIcon).id, 'circle-slash');
    const untouched = customerRow(await rows(api.customers), TENANT, edited!);
    assert.ok(!untouched.description?.includes('no relationship'), 'the edited customer is not marked');
  });

  it('refreshes a tenant whose list was never loaded whole: no audit request, its first page when shown', async () => {
    // Hidden, the view asks for no rows, so nothing loads the list before the command does.
    await vscode.commands.executeCommand('workbench.view.explorer');
    api.customers.reset();
    await clearSandboxRequests();
    assert.equal(api.customers.fullListLoadedSince(TENANT), undefined);
    const result = (await vscode.commands.executeCommand('partnerCenter.refreshChanged')) as RefreshChangedResult;
    assert.ok(result.wholeRefreshTenants.includes(TENANT), `whole refresh of ${TENANT}: ${JSON.stringify(result)}`);
    assert.equal(result.updated, 0);
    assert.deepEqual((await sandboxRequests()).map(routeOf), [], 'a hidden view loads nothing yet, the audit log least of all');

    await vscode.commands.executeCommand('partnerCenter.customers.focus');
    await waitForRows(api.customers, 'the first page', (r) => r.length > 3);
    const routes = (await sandboxRequests()).map(routeOf);
    assert.ok(routes.includes('/customers') && !routes.includes('/auditrecords'), `the list's first page only: ${routes.join(', ')}`);
    assert.ok(api.customers.fullListLoadedSince(TENANT), 'the next Refresh what changed reads the log from this load');
  });

  it('puts a new customer at the top of the loaded list', async () => {
    await waitForRows(api.customers, 'the first page', (r) => r.length > 3);
    const { customerId } = await externalChange({ kind: 'add', companyName: 'Brand New Customer Inc' });
    const result = (await vscode.commands.executeCommand('partnerCenter.refreshChanged')) as RefreshChangedResult;
    assert.equal(result.added, 1);
    const shown = await waitForRows(api.customers, 'the new customer first', (r) => r[0]?.label === 'Brand New Customer Inc');
    assert.equal(shown[0]!.id!.split('/')[1]!.toLowerCase(), customerId.toLowerCase());
  });
});
