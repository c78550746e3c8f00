// Open in… and Copy Portal Link (partnerCenter.openPortal, partnerCenter.copyPortalLink) with arguments, inside the
// real VS Code against the sandbox: the URLs of the local cloud (the global ones), the partner's own templates, the
// refusals, and the requests they cost.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PartnerCenterApi } from '../../src/api/types';
import type { PartnerCenterExports } from '../../src/extension';
import { NOTABLE, seedCustomer } from '../sandbox/seed';
import { extensionExports } from './helpers/activation';
import { type Notification, recordNotifications } from './helpers/notifications';
import { requestsBeforeMarker } from './helpers/requestBarrier';
import { clearSandboxRequests, resetSandbox, routeOf, sandboxRequests } from './helpers/sandbox';
import { useSettings } from './helpers/settings';
import { waitFor } from './helpers/waitFor';

const TENANT = 'default';
const UNTOUCHED = 'untouched by a refused copy';

describe('portal links (partnerCenter.openPortal, partnerCenter.copyPortalLink)', () => {
  let api: PartnerCenterExports;
  let client: PartnerCenterApi;
  let notifications: ReturnType<typeof recordNotifications>;
  const contoso = seedCustomer(TENANT, NOTABLE.default.contoso);
  const domain = contoso.companyProfile.domain!;

  before(async () => {
    api = await extensionExports();
    client = api.client;
  });

  beforeEach(async () => {
    await resetSandbox();
    client.invalidate(TENANT);
    notifications = recordNotifications();
    await vscode.env.clipboard.writeText(UNTOUCHED);
  });

  afterEach(() => notifications.stop());

  const byIdRequests = async () => (await sandboxRequests()).filter((r) => routeOf(r) === `/customers/${contoso.id}`).length;
  const shown = (severity: Notification['severity']) => notifications.shown.filter((n) => n.severity === severity).map((n) => n.message);

  it('openPortal with a portal id returns its URL, fetching a fresh customer once and a cached one not at all', async () => {
    const url = await vscode.commands.executeCommand('partnerCenter.openPortal', { customerId: contoso.id, portal: 'azure' });
    assert.equal(url, `https://portal.azure.com/#@${domain}`);
    assert.equal(await byIdRequests(), 1);
    await clearSandboxRequests();
    const again = await vscode.commands.executeCommand('partnerCenter.openPortal', { tenantId: TENANT, customerId: contoso.id.toUpperCase(), portal: 'defender' });
    assert.equal(again, `https://security.microsoft.com/?tid=${contoso.id}`);
    assert.equal((await sandboxRequests()).length, 0);
  });

  it('copyPortalLink copies the URL of the portal named and says so', async () => {
    const url = await vscode.commands.executeCommand('partnerCenter.copyPortalLink', { customerId: contoso.id, portal: 'm365Admin' });
    assert.equal(url, `https://admin.cloud.microsoft/?delegatedOrg=${domain}`);
    assert.equal(await vscode.env.clipboard.readText(), url);
    await waitFor('the confirmation', () => shown('information').find((m) => m.includes(String(url))));
  });

  it('copyPortalLink with arguments but no portal copies nothing and says what is expected', async () => {
    assert.equal(await vscode.commands.executeCommand('partnerCenter.copyPortalLink', { customerId: contoso.id }), undefined);
    const error = await waitFor('an error', () => shown('error')[0]);
    assert.match(error, /\{ tenantId\?, customerId, portal \}/);
    assert.equal(await vscode.env.clipboard.readText(), UNTOUCHED);
    // What the command could have sent: the customer's by-id read. (The view may load its own pages meanwhile.)
    const about = (await requestsBeforeMarker(api, TENANT)).filter((r) => routeOf(r).toLowerCase().includes(contoso.id.toLowerCase()));
    assert.deepEqual(about.map(routeOf), [], 'the customer was fetched');
  });

  it('a portal the customer has not got is an error naming the ones it has', async () => {
    assert.equal(await vscode.commands.executeCommand('partnerCenter.copyPortalLink', { customerId: contoso.id, portal: 'sharepoint' }), undefined);
    const error = await waitFor('an error', () => shown('error')[0]);
    assert.match(error, /has no portal "sharepoint" in Local sandbox\. Its portals: partnerCenter, m365Admin, .*powerPlatform\./);
    assert.equal(await vscode.env.clipboard.readText(), UNTOUCHED);
    // Its Show Log button shows the log, where the failure is recorded with its correlation id.
    const notification = notifications.shown.find((n) => n.severity === 'error')!;
    assert.deepEqual(notification.buttons, ['Show Log']);
    notification.press('Show Log');
    const log = await waitFor('the log with the failure', () =>
      vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'output' && /partnerCenter\.copyPortalLink failed \(correlation id [0-9a-f-]{36}\): .*has no portal "sharepoint"/.test(e.document.getText())),
    );
    assert.ok(log);
    await vscode.commands.executeCommand('workbench.action.closePanel');
  });

  it("copies the partner's own template and names the refused entry in a warning", async () => {
    const restore = await useSettings({
      portalLinks: [
        { name: 'Bad', url: 'javascript:alert(1)' },
        { name: 'PSA', url: 'https://psa.example.com/c?id={customerId}&name={companyName}' },
      ],
    });
    try {
      const url = await vscode.commands.executeCommand('partnerCenter.copyPortalLink', { customerId: contoso.id, portal: 'custom:PSA' });
      assert.equal(url, `https://psa.example.com/c?id=${contoso.id}&name=Contoso%20Ltd`);
      assert.equal(await vscode.env.clipboard.readText(), url);
      const warning = await waitFor('a warning', () => shown('warning')[0]);
      assert.equal(warning, 'partnerCenter.portalLinks[0] "Bad": only https links are allowed.');
    } finally {
      await restore();
    }
  });
});
