// Commands run from the palette, without an argument, inside the real VS Code against the sandbox: the customer
// picker (the search quick pick: a customer chosen, "more customers…", "no customer…"), the tenant picker, and the
// error for an argument that names no customer.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PartnerCenterExports } from '../../src/extension';
import { SEARCH_PREFIXES, seedTenant } from '../sandbox/seed';
import { extensionExports } from './helpers/activation';
import { recordNotifications } from './helpers/notifications';
import { type PickItem, accept, answerQuickPick, catchQuickPicks, typeInto } from './helpers/quickPicks';
import { resetSandbox } from './helpers/sandbox';
import { useSettings } from './helpers/settings';
import { waitFor } from './helpers/waitFor';

const isCustomerRow = (item: PickItem) => item.choice?.kind === 'customer';
const targetOf = (item: PickItem) => (item.choice as unknown as { target: { tenantId: string; customerId: string } }).target;

describe('commands from the palette, without an argument', () => {
  let api: PartnerCenterExports;
  let notifications: ReturnType<typeof recordNotifications>;
  let picks: ReturnType<typeof catchQuickPicks>;

  before(async () => {
    api = await extensionExports();
    await resetSandbox();
  });

  beforeEach(() => {
    notifications = recordNotifications();
    picks = catchQuickPicks();
  });

  afterEach(async () => {
    picks.restore();
    notifications.stop();
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Open Billing Details asks for the customer: typing searches, and the customer chosen is the one opened', async () => {
    const running = Promise.resolve(vscode.commands.executeCommand('partnerCenter.openBillingDetails'));
    const pick = await picks.next();
    assert.equal(pick.title, 'Open Billing Details');
    const rows = await typeInto(pick, SEARCH_PREFIXES.companyNarrow);
    const customers = rows.filter(isCustomerRow);
    assert.ok(customers.length >= 2, `customers offered for "${SEARCH_PREFIXES.companyNarrow}": ${rows.map((r) => r.label).join(' | ')}`);
    for (const row of customers) assert.ok(row.label.toLowerCase().startsWith(SEARCH_PREFIXES.companyNarrow.toLowerCase()) || row.description?.toLowerCase().startsWith(SEARCH_PREFIXES.companyNarrow.toLowerCase()), row.label);

    const chosen = customers[1]!; // not the first: the choice must be the row the user picked
    await accept(pick, chosen);
    await running;
    const target = targetOf(chosen);
    const panel = await waitFor('the billing panel of the chosen customer', () => api.billing.get(target));
    await waitFor('its data', () => (panel.customer?.value.id.toLowerCase() === target.customerId.toLowerCase() ? true : undefined));
    assert.equal(api.billing.get(targetOf(customers[0]!)), undefined, 'the first row’s customer was not opened');
  });

  it('says when more customers start with the text, and a message row is not a choice: the picker stays open', async () => {
    const restore = await useSettings({ pageSize: 3 }); // fewer matches than "Contoso" has: a first page and more
    try {
      let settled = false;
      const running = Promise.resolve(vscode.commands.executeCommand('partnerCenter.openCustomerJson')).finally(() => (settled = true));
      const pick = await picks.next();
      const rows = await typeInto(pick, SEARCH_PREFIXES.company);
      assert.equal(rows.filter(isCustomerRow).length, 3);
      const more = rows.find((row) => !row.choice && row.label.includes(`More customers start with "${SEARCH_PREFIXES.company}"`));
      assert.ok(more, `a "more customers" row: ${rows.map((r) => r.label).join(' | ')}`);

      let hidden = false;
      const listener = pick.onDidHide(() => (hidden = true));
      await accept(pick, more);
      assert.equal(hidden, false, 'accepting the message row closed the picker');
      assert.equal(settled, false, 'accepting the message row ended the command');
      listener.dispose();
      pick.hide();
      assert.equal(await running, undefined);
      const jsonTabs = vscode.window.tabGroups.all
        .flatMap((group) => group.tabs)
        .filter((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.scheme === 'partnercenter');
      assert.deepEqual(jsonTabs.map((tab) => tab.label), [], 'no JSON tab was opened');
    } finally {
      await restore();
    }
  });

  it('says when no customer starts with the text; dismissing the picker opens nothing and shows no error', async () => {
    const running = Promise.resolve(vscode.commands.executeCommand('partnerCenter.openBillingDetails'));
    const pick = await picks.next();
    const rows = await typeInto(pick, 'Zzqx');
    assert.deepEqual(
      rows.map((row) => row.label),
      ['No customer name or domain starts with "Zzqx"'],
    );
    pick.hide();
    assert.equal(await running, undefined);
    const webviews = vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputWebview);
    assert.deepEqual(webviews.map((tab) => tab.label), [], 'no billing panel was opened');
    assert.deepEqual(notifications.shown.filter((n) => n.severity === 'error'), []);
  });

  it('asks which partner tenant when several are configured, and acts on the one chosen; dismissed, it does nothing', async () => {
    const restore = await useSettings({ tenants: ['default', 'fabrikam'] });
    try {
      await vscode.env.clipboard.writeText('before');
      const answer = answerQuickPick<vscode.QuickPickItem & { tenantId?: string }>((items) => items.find((item) => item.tenantId === 'fabrikam'));
      const url = await vscode.commands.executeCommand<string>('partnerCenter.copyRelationshipUrl');
      assert.deepEqual((await answer.offered).map((item) => item.label), ['default', 'fabrikam']);
      const expected = seedTenant('fabrikam')!.relationshipRequestUrl.replace(/&amp;/g, '&');
      assert.equal(url, expected);
      assert.equal(await vscode.env.clipboard.readText(), expected);

      await vscode.env.clipboard.writeText('untouched');
      const dismissed = answerQuickPick(() => undefined);
      assert.equal(await vscode.commands.executeCommand('partnerCenter.copyRelationshipUrl'), undefined);
      await dismissed.offered;
      assert.equal(await vscode.env.clipboard.readText(), 'untouched');
    } finally {
      await restore();
    }
  });

  it('refuses an argument that names no customer, saying what is expected, and opens nothing', async () => {
    assert.equal(await vscode.commands.executeCommand('partnerCenter.openBillingDetails', { tenantId: 'default' }), undefined);
    const error = await waitFor('the error', () => notifications.shown.find((n) => n.severity === 'error'));
    assert.equal(error.message, 'Expected a customer: a Partner Center tree item or { tenantId?, customerId }.');
    assert.equal(api.billing.get({ tenantId: 'default', customerId: '' }), undefined);
  });
});
