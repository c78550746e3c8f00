// partnerCenter.copyRelationshipUrl inside the real VS Code, against the sandbox.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { seedTenant } from '../sandbox/seed';
import { extensionExports } from './helpers/activation';
import { recordNotifications } from './helpers/notifications';
import { clearFaults, injectFault, resetSandbox } from './helpers/sandbox';
import { useSettings } from './helpers/settings';
import { waitFor } from './helpers/waitFor';

/** The link as a browser needs it: what the sandbox serves, with the legacy form's HTML escaping undone. */
function expectedUrl(tenantId: string): string {
  const served = seedTenant(tenantId)!.relationshipRequestUrl;
  return served.replace(/&amp;/g, '&');
}

describe('reseller relationship link (partnerCenter.copyRelationshipUrl)', () => {
  let restoreSettings: () => Promise<void>;
  let notifications: ReturnType<typeof recordNotifications>;

  before(async () => {
    await resetSandbox();
    restoreSettings = await useSettings({ tenants: ['default', 'fabrikam'] });
  });

  after(async () => {
    await clearFaults();
    await restoreSettings();
  });

  beforeEach(() => {
    notifications = recordNotifications();
  });

  afterEach(() => notifications.stop());

  it('copies the tenant\'s link, decoding the legacy &amp; escaping, says so for that tenant, and returns it', async () => {
    assert.ok(seedTenant('fabrikam')!.relationshipRequestUrl.includes('&amp;'), 'the sandbox serves fabrikam\'s link escaped');
    await vscode.env.clipboard.writeText('before');
    const url = await vscode.commands.executeCommand<string>('partnerCenter.copyRelationshipUrl', { tenantId: 'fabrikam' });
    assert.equal(url, expectedUrl('fabrikam'));
    assert.doesNotMatch(url, /&amp;/);
    assert.equal(await vscode.env.clipboard.readText(), url);
    const info = await waitFor('the confirmation', () => notifications.shown.find((n) => n.severity === 'information'));
    assert.match(info.message, /copied to the clipboard/);
    assert.match(info.message, /fabrikam/, 'with several tenants the message names the tenant');
  });

  it('gives each partner tenant its own link (a tenant node works as the argument)', async () => {
    const view = (await extensionExports()).customers;
    const roots = await waitFor('two tenant roots', async () => {
      const nodes = (await view.provider.getChildren()) ?? [];
      return nodes.length === 2 ? nodes : undefined;
    });
    const defaultNode = roots.find((node) => (node as { tenantId?: string }).tenantId === 'default');
    assert.ok(defaultNode);
    const url = await vscode.commands.executeCommand<string>('partnerCenter.copyRelationshipUrl', defaultNode);
    assert.equal(url, expectedUrl('default'));
    assert.notEqual(url, expectedUrl('fabrikam'));
    assert.equal(await vscode.env.clipboard.readText(), url);
  });

  it('on a failure copies nothing, returns nothing and shows the error', async () => {
    await extensionExports().then((api) => api.client.invalidate('fabrikam'));
    await injectFault({ path: '/v1/customers/relationshiprequests', tenant: 'fabrikam', status: 403, times: 0 });
    await vscode.env.clipboard.writeText('untouched');
    const url = await vscode.commands.executeCommand<string | undefined>('partnerCenter.copyRelationshipUrl', { tenantId: 'fabrikam' });
    assert.equal(url, undefined);
    assert.equal(await vscode.env.clipboard.readText(), 'untouched');
    const error = await waitFor('an error notification', () => notifications.shown.find((n) => n.severity === 'error'));
    assert.match(error.message, /403|forbidden|denied|permission/i);
    assert.equal(notifications.shown.filter((n) => n.severity === 'information').length, 0);
  });

  it('refuses a tenant that is not configured, with a clear error', async () => {
    const url = await vscode.commands.executeCommand<string | undefined>('partnerCenter.copyRelationshipUrl', { tenantId: 'empty' });
    assert.equal(url, undefined);
    const error = await waitFor('an error notification', () => notifications.shown.find((n) => n.severity === 'error'));
    assert.match(error.message, /"empty" is not one of the configured partner tenants/);
  });
});

describe('reseller relationship link with one partner tenant', () => {
  // Its own settings: whatever the file or test before left, one tenant (local mode: default).
  let restoreSettings: () => Promise<void>;
  before(async () => {
    restoreSettings = await useSettings({ tenants: [] });
  });
  after(() => restoreSettings());

  it('needs no argument: copies the only tenant\'s link and says so without naming a tenant', async () => {
    await resetSandbox();
    const notifications = recordNotifications();
    try {
      const url = await vscode.commands.executeCommand<string>('partnerCenter.copyRelationshipUrl');
      assert.equal(url, expectedUrl('default'));
      assert.equal(await vscode.env.clipboard.readText(), url);
      const info = await waitFor('the confirmation', () => notifications.shown.find((n) => n.severity === 'information'));
      assert.equal(info.message, 'The reseller relationship link was copied to the clipboard.');
    } finally {
      notifications.stop();
    }
  });
});
