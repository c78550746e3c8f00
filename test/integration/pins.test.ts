// Pins (partnerCenter.pinCustomer / unpinCustomer) inside the real VS Code against the sandbox: the Pinned node
// first, its customers loaded by id through the shared client, a customer that is gone shown with Unpin, pins kept
// per partner tenant.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PartnerCenterExports } from '../../src/extension';
import { NOTABLE, seedCustomer } from '../sandbox/seed';
import { extensionExports } from './helpers/activation';
import { clearSandboxRequests, resetSandbox, routeOf, sandboxRequests } from './helpers/sandbox';
import { useSettings } from './helpers/settings';
import { type Row, rows, waitForRows } from './helpers/tree';

const TENANT = 'default';
const GONE_ID = '00000000-0000-4000-8000-0000000000aa';

describe('pins (partnerCenter.pinCustomer, partnerCenter.unpinCustomer)', () => {
  let api: PartnerCenterExports;
  const contoso = seedCustomer(TENANT, NOTABLE.default.contoso);
  const french = seedCustomer(TENANT, NOTABLE.default.french);

  // Through the store itself: the command refuses a tenant no longer configured, and no pin may outlive this suite.
  const unpinAll = async () => {
    for (const tenantId of ['default', 'fabrikam']) {
      for (const ref of api.customers.pins.of(tenantId)) await api.customers.pins.unpin(ref);
    }
  };
  const pinnedGroup = (list: readonly Row[]) => list.find((row) => row.tokens.includes('pinnedGroup'));

  before(async () => {
    api = await extensionExports();
  });

  beforeEach(async () => {
    await resetSandbox();
    await unpinAll();
    api.client.invalidate(TENANT);
    await api.customers.clearSearch(); // pins are hidden while a search (perhaps another file's) is shown
    api.customers.reset();
  });

  after(() => unpinAll());

  it('shows Pinned first, its customers in pin order, each loaded by id once and then from the cache', async () => {
    assert.equal(pinnedGroup(await rows(api.customers)), undefined, 'no Pinned node without pins');
    // From here on: the workbench may render Pinned (when the view is visible) before the test reads it, and
    // either way each pinned customer costs one request, shared by every reader.
    await clearSandboxRequests();
    assert.equal(await vscode.commands.executeCommand('partnerCenter.pinCustomer', { customerId: french.id }), true);
    assert.equal(await vscode.commands.executeCommand('partnerCenter.pinCustomer', { tenantId: TENANT, customerId: contoso.id }), true);
    assert.equal(await vscode.commands.executeCommand('partnerCenter.pinCustomer', { customerId: contoso.id.toUpperCase() }), false);
    const roots = await waitForRows(api.customers, 'the Pinned node first', (list) => list[0]?.tokens.includes('pinnedGroup') ?? false);
    assert.equal(roots[0]!.label, 'Pinned');
    assert.equal(roots[0]!.item.collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
    const pinned = await rows(api.customers, roots[0]!.node);
    assert.deepEqual(pinned.map((row) => [row.label, row.id, row.tokens.includes('pinned')]), [
      [french.companyProfile.companyName, `${TENANT}/#pinned/${french.id}`, true],
      ['Contoso Ltd', `${TENANT}/#pinned/${contoso.id}`, true],
    ]);
    const byId = (await sandboxRequests()).map(routeOf).filter((route) => route !== '/customers').sort();
    assert.deepEqual(byId, [`/customers/${contoso.id}`, `/customers/${french.id}`].sort());
    // A pinned customer is a full customer node: the same rows as in the list, from the same (cached) details.
    await clearSandboxRequests();
    const details = await rows(api.customers, pinned[1]!.node);
    assert.ok(details.some((row) => row.tokens.includes('companyProfile')));
    await rows(api.customers, (await rows(api.customers))[0]!.node);
    assert.deepEqual(await sandboxRequests(), [], 'expanding and re-rendering Pinned costs no request');
    // In the list below, the same customer offers Unpin too.
    const listed = (await rows(api.customers)).find((row) => row.id === `${TENANT}/${contoso.id}`);
    assert.ok(listed?.tokens.includes('pinned'));
  });

  it('shows a pinned customer that is gone (404) as an error row whose click unpins it', async () => {
    await vscode.commands.executeCommand('partnerCenter.pinCustomer', { customerId: GONE_ID });
    const roots = await waitForRows(api.customers, 'the Pinned node', (list) => pinnedGroup(list) !== undefined);
    const [gone] = await rows(api.customers, pinnedGroup(roots)!.node);
    assert.equal(gone!.label, `Customer ${GONE_ID} is no longer in this partner tenant`);
    assert.equal(gone!.description, 'Click to unpin');
    assert.deepEqual(gone!.tokens, ['pinned']);
    assert.equal(gone!.item.command?.command, 'partnerCenter.unpinCustomer');
    await vscode.commands.executeCommand(gone!.item.command!.command, ...(gone!.item.command!.arguments ?? []));
    await waitForRows(api.customers, 'no Pinned node', (list) => pinnedGroup(list) === undefined);
    assert.deepEqual(api.customers.pins.of(TENANT), []);
  });

  it('keeps pins per partner tenant, under each tenant node, and hides them while searching', async () => {
    const restore = await useSettings({ tenants: ['default', 'fabrikam'] });
    try {
      await vscode.commands.executeCommand('partnerCenter.pinCustomer', { tenantId: 'fabrikam', customerId: NOTABLE.fabrikam.shared });
      const tenants = await waitForRows(api.customers, 'two tenant roots', (list) => list.length === 2);
      const fabrikam = tenants.find((row) => row.label === 'fabrikam')!;
      const defaultTenant = tenants.find((row) => row.label === 'default')!;
      assert.equal(pinnedGroup(await rows(api.customers, fabrikam.node))?.id, 'fabrikam/#pinned');
      assert.equal(pinnedGroup(await rows(api.customers, defaultTenant.node)), undefined);
      await vscode.commands.executeCommand('partnerCenter.search', 'Contoso');
      assert.equal(pinnedGroup(await rows(api.customers, fabrikam.node)), undefined);
      assert.ok(api.customers.pins.syncKeys().includes('partnerCenter.pins/local/fabrikam'));
    } finally {
      await vscode.commands.executeCommand('partnerCenter.clearSearch');
      await vscode.commands.executeCommand('partnerCenter.unpinCustomer', { tenantId: 'fabrikam', customerId: NOTABLE.fabrikam.shared });
      await restore();
    }
  });
});
