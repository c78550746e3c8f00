// Links into VS Code (the URI handler for /customer?tenant=&id=&show=, partnerCenter.copyCustomerLink) and lookup
// by id (partnerCenter.search with a GUID), inside the real VS Code against the sandbox, with the requests each
// costs read from the sandbox's request log.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PartnerCenterExports } from '../../src/extension';
import { NOTABLE, seedCustomer } from '../sandbox/seed';
import { EXTENSION_ID, extensionExports } from './helpers/activation';
import { recordNotifications } from './helpers/notifications';
import { clearSandboxRequests, resetSandbox, routeOf, sandboxRequests } from './helpers/sandbox';
import { useSettings } from './helpers/settings';
import { rows } from './helpers/tree';
import { waitFor } from './helpers/waitFor';

const TENANT = 'default';
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('customer links and lookup by id', () => {
  let api: PartnerCenterExports;
  let notifications: ReturnType<typeof recordNotifications>;
  const contoso = seedCustomer(TENANT, NOTABLE.default.contoso);
  const link = (query: string) => vscode.Uri.parse(`${vscode.env.uriScheme}://${EXTENSION_ID}/customer?${query}`);
  const errors = () => notifications.shown.filter((n) => n.severity === 'error').map((n) => n.message);
  const routes = async () => (await sandboxRequests()).map(routeOf);

  before(async () => {
    api = await extensionExports();
    await vscode.commands.executeCommand('partnerCenter.customers.focus');
  });

  beforeEach(async () => {
    await resetSandbox();
    api.client.invalidate(TENANT);
    await vscode.commands.executeCommand('partnerCenter.clearSearch');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    notifications = recordNotifications();
  });

  afterEach(() => notifications.stop());

  after(async () => {
    await vscode.commands.executeCommand('partnerCenter.clearSearch');
  });

  it('copyCustomerLink copies the documented link, which opens the same customer', async () => {
    const copied = await vscode.commands.executeCommand<string>('partnerCenter.copyCustomerLink', { customerId: contoso.id });
    assert.equal(copied, `${vscode.env.uriScheme}://${EXTENSION_ID}/customer?tenant=${TENANT}&id=${contoso.id}`);
    assert.equal(await vscode.env.clipboard.readText(), copied);
    const outcome = await api.links.handleUri(vscode.Uri.parse(copied));
    assert.deepEqual(outcome, { shown: true, show: 'tree', target: { tenantId: TENANT, customerId: contoso.id, companyName: 'Contoso Ltd' } });
  });

  it('show=tree filters the view to the customer with one request, and none when it is cached', async () => {
    const outcome = await api.links.handleUri(link(`tenant=${TENANT}&id=${contoso.id}`));
    assert.equal(outcome.shown, true);
    assert.deepEqual(await routes(), [`/customers/${contoso.id}`]);
    const shown = await rows(api.customers);
    assert.deepEqual(shown.map((row) => row.id), [`${TENANT}/${contoso.id}`]);
    assert.equal(api.customers.view.message, `Customer with id ${contoso.id}: 1 found`);
    const selected = await waitFor('the customer to be selected', () => (api.customers.view.selection[0] as { id?: string } | undefined)?.id);
    assert.equal(selected, `${TENANT}/${contoso.id}`);
    await vscode.commands.executeCommand('partnerCenter.clearSearch');
    await clearSandboxRequests();
    assert.equal((await api.links.handleUri(link(`id=${contoso.id.toUpperCase()}`))).shown, true);
    assert.deepEqual(await routes(), [], 'a cached customer costs no request');
  });

  it('show=billing opens the billing panel with one request', async () => {
    const outcome = await api.links.handleUri(link(`tenant=${TENANT}&id=${contoso.id}&show=billing`));
    assert.equal(outcome.shown, true);
    const panel = await waitFor('the billing panel to render', () => {
      const open = api.billing.get({ tenantId: TENANT, customerId: contoso.id });
      return open?.lastRendered?.kind === 'data' ? open : undefined;
    });
    assert.equal(panel.panel.title.includes('Contoso Ltd'), true);
    assert.deepEqual(await routes(), [`/customers/${contoso.id}`]);
    panel.panel.dispose();
  });

  it('show=json opens the customer JSON with one request', async () => {
    assert.equal((await api.links.handleUri(link(`tenant=${TENANT}&id=${contoso.id}&show=json`))).shown, true);
    const editor = await waitFor('the JSON tab', () => (vscode.window.activeTextEditor?.document.uri.scheme === 'partnercenter' ? vscode.window.activeTextEditor : undefined));
    assert.equal((JSON.parse(editor.document.getText()) as { id: string }).id, contoso.id);
    assert.deepEqual(await routes(), [`/customers/${contoso.id}`]);
  });

  it('a tenant not configured or a malformed id says so and fetches nothing', async () => {
    for (const [query, message] of [
      [`tenant=northwind&id=${contoso.id}`, 'The link is for partner tenant "northwind", which is not configured (default).'],
      ['tenant=default&id=not-a-guid', 'The link\'s customer id "not-a-guid" is not a customer id (a GUID).'],
    ] as const) {
      const outcome = await api.links.handleUri(link(query));
      assert.deepEqual(outcome, { shown: false, problem: message });
      await waitFor(`the error "${message}"`, () => errors().includes(message) || undefined);
    }
    assert.deepEqual(await routes(), []);
  });

  it('an unknown customer says so after its one request, and nothing else is fetched or opened', async () => {
    const outcome = await api.links.handleUri(link(`tenant=${TENANT}&id=${UNKNOWN_ID}&show=billing`));
    assert.deepEqual(outcome, { shown: false, problem: `Partner tenant ${TENANT} has no customer ${UNKNOWN_ID}.` });
    assert.deepEqual(await routes(), [`/customers/${UNKNOWN_ID}`]);
    assert.equal(api.billing.get({ tenantId: TENANT, customerId: UNKNOWN_ID }), undefined);
    await waitFor('the error', () => errors()[0]);
  });

  it('the search command with a GUID looks it up by id in every tenant, in parallel', async () => {
    const restore = await useSettings({ tenants: ['default', 'fabrikam'] });
    try {
      const shared = NOTABLE.fabrikam.shared;
      await clearSandboxRequests();
      assert.equal(await vscode.commands.executeCommand('partnerCenter.search', shared), 2);
      const logged = await sandboxRequests();
      assert.deepEqual(logged.map((r) => `${r.tenant} ${routeOf(r)}`).sort(), [`default /customers/${shared}`, `fabrikam /customers/${shared}`]);
      assert.equal(await vscode.commands.executeCommand('partnerCenter.search', UNKNOWN_ID), 0);
      const [first] = await rows(api.customers);
      const [message] = await rows(api.customers, first!.node);
      assert.equal(message?.label, `No customer with id ${UNKNOWN_ID} in this partner tenant`);
    } finally {
      await vscode.commands.executeCommand('partnerCenter.clearSearch');
      await restore();
    }
  });
});
