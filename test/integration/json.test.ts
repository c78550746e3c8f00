// Customer JSON tabs (partnerCenter.openCustomerJson) inside the real VS Code, against the sandbox.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { NOTABLE, seedCustomer } from '../sandbox/seed';
import { activatedExtension } from './helpers/activation';
import { clickInPage } from './helpers/billingPage';
import { customerTabs, useCustomerEditors } from './helpers/editors';
import { recordNotifications } from './helpers/notifications';
import { clearSandboxRequests, injectFault, routeOf, sandboxRequests, servedBody } from './helpers/sandbox';
import { waitFor } from './helpers/waitFor';

const TENANT = 'default';

const servedCustomer = (customerId: string) => servedBody(TENANT, customerId);

async function openJson(arg: unknown): Promise<vscode.TextEditor> {
  await vscode.commands.executeCommand('partnerCenter.openCustomerJson', arg);
  return waitFor('the customer JSON editor', () => {
    const editor = vscode.window.activeTextEditor;
    return editor?.document.uri.scheme === 'partnercenter' ? editor : undefined;
  });
}

async function setEditorIndentation(tabSize: number, insertSpaces: boolean): Promise<void> {
  const editor = vscode.workspace.getConfiguration('editor');
  await editor.update('tabSize', tabSize, vscode.ConfigurationTarget.Global);
  await editor.update('insertSpaces', insertSpaces, vscode.ConfigurationTarget.Global);
}

describe('customer JSON tabs (partnerCenter.openCustomerJson)', () => {
  const api = useCustomerEditors();
  // Each test reads what the sandbox serves, not a body another test or file injected and left cached.
  beforeEach(() => api().client.invalidate(TENANT));
  afterEach(() => api().client.invalidate(TENANT));

  after(async () => {
    const editor = vscode.workspace.getConfiguration('editor');
    await editor.update('tabSize', undefined, vscode.ConfigurationTarget.Global);
    await editor.update('insertSpaces', undefined, vscode.ConfigurationTarget.Global);
  });

  it('shows the by-id body as served, unknown fields and key order kept, with the editor\'s indentation', async () => {
    const customer = seedCustomer(TENANT, NOTABLE.default.french);
    // A newer API version's fields, ahead of the ones the extension knows: they must all be shown as received.
    const served = { previewFeature: { enabled: true, tiers: ['a', 'b'] }, ...(await servedCustomer(customer.id)), zLastUnknown: null };
    api().client.invalidate(TENANT, customer.id);
    await injectFault({ path: `/v1/customers/${customer.id}`, tenant: TENANT, status: 200, body: served, times: 1 });
    await setEditorIndentation(3, true);

    const editor = await openJson({ tenantId: TENANT, customerId: customer.id });
    const document = editor.document;
    assert.equal(document.getText(), JSON.stringify(served, null, 3) + '\n');
    assert.equal(document.languageId, 'json');
    assert.equal(document.uri.path, `/${TENANT}/${customer.id}/${customer.companyProfile.companyName}.json`);
  });

  it('follows an indentation change (tabs) in the open document', async () => {
    const customer = seedCustomer(TENANT, NOTABLE.default.japanese);
    await setEditorIndentation(2, true);
    const editor = await openJson({ customerId: customer.id });
    const served = await servedCustomer(customer.id);
    assert.equal(editor.document.getText(), JSON.stringify(served, null, 2) + '\n');
    await setEditorIndentation(2, false);
    await waitFor('the document to be re-indented with tabs', () => editor.document.getText() === JSON.stringify(served, null, '\t') + '\n' || undefined);
  });

  it('is read-only: its editor takes no edit and no typing', async () => {
    const customer = seedCustomer(TENANT, NOTABLE.default.contoso);
    const editor = await openJson({ customerId: customer.id });
    const before = editor.document.getText();
    // (What the user can do. A WorkspaceEdit from code can still change any in-memory model; that is no user path.)
    await editor.edit((builder) => builder.insert(new vscode.Position(0, 0), 'tampered')).then(undefined, () => false);
    await vscode.commands.executeCommand('type', { text: 'typed' });
    // The same typing in a writable editor, after: once its change is seen, a change to the JSON would have been.
    const control = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ content: '' }));
    await vscode.commands.executeCommand('type', { text: 'typed' });
    await waitFor('the typing in a writable editor', () => control.document.getText() === 'typed' || undefined);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    assert.equal(editor.document.getText(), before);
    assert.equal(editor.document.isDirty, false);
  });

  it('reuses the customer\'s tab when opened again from anywhere', async () => {
    const customer = seedCustomer(TENANT, NOTABLE.default.arabic);
    const first = await openJson({ tenantId: TENANT, customerId: customer.id });
    await vscode.commands.executeCommand('workbench.action.files.newUntitledFile');
    const second = await openJson({ tenantId: TENANT, customerId: customer.id.toUpperCase(), companyName: 'as a tree node passes it' });
    assert.equal(second.document.uri.toString(), first.document.uri.toString());
    assert.equal(customerTabs().length, 1);
  });

  it('shows fresh data in place after the customer is refreshed', async () => {
    const customer = seedCustomer(TENANT, NOTABLE.default.chinese);
    const editor = await openJson({ customerId: customer.id });
    const served = await servedCustomer(customer.id);
    const changed = { ...served, relationshipToPartner: 'advisor', addedLater: 'yes' };
    await injectFault({ path: `/v1/customers/${customer.id}`, tenant: TENANT, status: 200, body: changed, times: 1 });

    await vscode.commands.executeCommand('partnerCenter.refresh', { tenantId: TENANT, customerId: customer.id });
    await waitFor('the refreshed content', () => editor.document.getText().includes('"addedLater"') || undefined);
    assert.deepEqual(JSON.parse(editor.document.getText()), changed);
    assert.equal(customerTabs().length, 1);
  });

  it('refreshes from its own title bar: Refresh with the tab\'s URI refetches that customer once, past the cache', async () => {
    // (VS Code hands extensions the manifest with its when clauses normalized: `'partnercenter'`, quoted.)
    const menus = (await activatedExtension()).packageJSON.contributes.menus as Record<string, { command: string; when?: string; group?: string }[]>;
    const titleButton = menus['editor/title']?.find((m) => m.command === 'partnerCenter.refresh');
    assert.match(titleButton?.when ?? '', /^resourceScheme == '?partnercenter'?$/, 'no Refresh button in the title bar of partnercenter: tabs');
    assert.equal(titleButton?.group, 'navigation');
    const customer = seedCustomer(TENANT, NOTABLE.default.cyrillic);
    const editor = await openJson({ customerId: customer.id });
    const before = editor.document.getText();
    const changed = { ...(await servedCustomer(customer.id)), relationshipToPartner: 'advisor', refreshedFromTab: true };
    await injectFault({ path: `/v1/customers/${customer.id}`, tenant: TENANT, status: 200, body: changed, times: 1 });
    await clearSandboxRequests();

    // The customer is fresh in the client's cache: only a refresh that bypasses it reaches the sandbox.
    await vscode.commands.executeCommand('partnerCenter.refresh', editor.document.uri);
    await waitFor('the refreshed content', () => editor.document.getText().includes('"refreshedFromTab"') || undefined);
    assert.notEqual(editor.document.getText(), before);
    assert.deepEqual(JSON.parse(editor.document.getText()), changed);
    const requests = await sandboxRequests();
    assert.deepEqual(requests.map((r) => routeOf(r).toLowerCase()), [`/customers/${customer.id}`], 'exactly one request, for that customer');
    assert.equal(customerTabs().length, 1);
  });

  it('keeps what it shows and says why when its Refresh fails', async () => {
    const customer = seedCustomer(TENANT, NOTABLE.default.cyrillic);
    const editor = await openJson({ customerId: customer.id });
    const before = editor.document.getText();
    await injectFault({ path: `/v1/customers/${customer.id}`, tenant: TENANT, status: 404, times: 0 });
    const notifications = recordNotifications();
    try {
      await vscode.commands.executeCommand('partnerCenter.refresh', editor.document.uri);
      const error = await waitFor('an error notification', () => notifications.shown.find((n) => n.severity === 'error'));
      assert.match(error.message, /404/);
    } finally {
      notifications.stop();
    }
    assert.equal(editor.document.getText(), before);
  });

  it('shows what the billing panel\'s Refresh fetched', async () => {
    const customer = seedCustomer(TENANT, NOTABLE.default.quebec);
    const editor = await openJson({ customerId: customer.id });
    await vscode.commands.executeCommand('partnerCenter.openBillingDetails', { customerId: customer.id });
    const panel = api().billing.get({ tenantId: TENANT, customerId: customer.id })!;
    await waitFor('the billing page', () => panel.lastRendered?.kind === 'data' || undefined);
    const changed = { ...(await servedCustomer(customer.id)), refreshedByBilling: true };
    await injectFault({ path: `/v1/customers/${customer.id}`, tenant: TENANT, status: 200, body: changed, times: 1 });

    clickInPage(panel, 'refresh'); // the page's Refresh button
    await waitFor('the JSON tab to show the refreshed customer', () => editor.document.getText().includes('"refreshedByBilling"') || undefined);
  });

  it('opens nothing and says why when the customer cannot be read', async () => {
    const customer = seedCustomer(TENANT, NOTABLE.default.hindi);
    api().client.invalidate(TENANT, customer.id);
    await injectFault({ path: `/v1/customers/${customer.id}`, tenant: TENANT, status: 404, times: 0 });
    const notifications = recordNotifications();
    try {
      await vscode.commands.executeCommand('partnerCenter.openCustomerJson', { customerId: customer.id });
      const error = await waitFor('an error notification', () => notifications.shown.find((n) => n.severity === 'error'));
      assert.match(error.message, /404|not found/i);
    } finally {
      notifications.stop();
    }
    assert.equal(customerTabs().length, 0);
  });

  it('asks for the content through the client when VS Code opens a customer URI itself (e.g. after a reload)', async () => {
    const customer = seedCustomer(TENANT, NOTABLE.default.emoji);
    api().client.invalidate(TENANT, customer.id);
    await clearSandboxRequests();
    const uri = vscode.Uri.from({ scheme: 'partnercenter', path: `/${TENANT}/${customer.id}/restored.json` });
    const document = await vscode.workspace.openTextDocument(uri);
    const requests = (await sandboxRequests()).filter((r) => routeOf(r).toLowerCase() === `/customers/${customer.id}`);
    assert.equal(requests.length, 1);
    assert.ok(requests[0]!.headers['ms-correlationid'], 'not fetched through the client');
    assert.deepEqual(JSON.parse(document.getText()), await servedCustomer(customer.id));

    await injectFault({ path: `/v1/customers/${NOTABLE.default.korean}`, tenant: TENANT, status: 404, times: 0 });
    api().client.invalidate(TENANT, NOTABLE.default.korean);
    const failing = await vscode.workspace.openTextDocument(
      vscode.Uri.from({ scheme: 'partnercenter', path: `/${TENANT}/${NOTABLE.default.korean}/x.json` }),
    );
    assert.match(failing.getText(), new RegExp(`The customer ${NOTABLE.default.korean} of partner tenant ${TENANT} could not be loaded`));
  });

  it('fetches nothing for a URI naming a tenant that is not configured, and says so in the tab and on Refresh', async () => {
    const customerId = NOTABLE.fabrikam.shared;
    await clearSandboxRequests();
    // fabrikam exists in the sandbox but is not configured here; the others exist nowhere.
    for (const tenant of ['fabrikam', 'not-configured.example', 'bad\r\ntenant']) {
      const uri = vscode.Uri.from({ scheme: 'partnercenter', path: `/${encodeURIComponent(tenant)}/${customerId}/x.json` });
      const document = await vscode.workspace.openTextDocument(uri);
      assert.match(document.getText(), /which is not configured .*Nothing was requested\./s, tenant);
      assert.ok(!document.getText().includes('Bearer'), 'no header value in the tab');
      const notifications = recordNotifications();
      try {
        await vscode.commands.executeCommand('partnerCenter.refresh', uri);
        const error = await waitFor('an error notification', () => notifications.shown.find((n) => n.severity === 'error'));
        assert.match(error.message, /not configured/);
      } finally {
        notifications.stop();
      }
    }
    assert.deepEqual(await sandboxRequests(), [], 'no request at all');
  });
});
