import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, activatedExtension, extensionExports } from './helpers/activation';
import { sandboxUrl } from './helpers/sandbox';
import { useSettings } from './helpers/settings';
import { isCustomer, isLoadMore, rows, waitForRows } from './helpers/tree';
import { waitFor } from './helpers/waitFor';

interface ContributedCommand {
  command: string;
}

interface MenuEntry {
  command: string;
  when?: string;
}

/**
 * The commands a row's context menu (and its inline actions) offers in the Customers view: package.json's
 * `view/item/context` entries whose `when` holds for the row. Their clauses use only `view == …`,
 * `viewItem =~ /…/` and `config.partnerCenter.allowEdits`, joined by `&&`; any other term fails the test, so a new
 * kind of clause is added here rather than silently read as true.
 */
function menuFor(entries: readonly MenuEntry[], contextValue: string): string[] {
  const allowEdits = vscode.workspace.getConfiguration('partnerCenter').get<boolean>('allowEdits') === true;
  const holds = (term: string): boolean => {
    const view = /^view == (\S+)$/.exec(term);
    if (view) return view[1] === 'partnerCenter.customers';
    const item = /^viewItem =~ \/(.+)\/$/.exec(term);
    if (item) return new RegExp(item[1]!).test(contextValue);
    if (term === 'config.partnerCenter.allowEdits') return allowEdits;
    throw new Error(`a when clause this test does not read: ${term}`);
  };
  const offered = entries.filter((entry) => (entry.when ?? '').split('&&').every((term) => holds(term.trim())));
  return [...new Set(offered.map((entry) => entry.command))].sort();
}

describe('the extension in a real VS Code', () => {
  it('activates', async () => {
    const extension = await activatedExtension();
    assert.equal(extension.isActive, true);
  });

  it('runs against the sandbox the harness started (cloud "local")', () => {
    const settings = vscode.workspace.getConfiguration('partnerCenter');
    assert.equal(settings.get('cloud'), 'local');
    assert.equal(settings.get('localEndpoint'), sandboxUrl());
  });

  it('puts the Partner Center container in the activity bar and opens its Customers view', async () => {
    const { customers } = await extensionExports();
    // Hidden first (the Explorer shown), so that the container command is what makes the view visible.
    await vscode.commands.executeCommand('workbench.view.explorer');
    await waitFor('the Customers view to be hidden', () => (customers.view.visible ? undefined : true));
    await vscode.commands.executeCommand('workbench.view.extension.partnerCenter');
    await waitFor('the Customers view to be shown', () => customers.view.visible || undefined);
  });

  it('opens its log with "Partner Center: Show Log": the Output view shows the Partner Center channel', async () => {
    await activatedExtension();
    // The Output view's editor is visible to extensions while it is shown: `output:<extension id>.Partner Center.log`.
    const isOurLog = (editor: vscode.TextEditor) =>
      editor.document.uri.scheme === 'output' && editor.document.uri.path.startsWith(`${EXTENSION_ID}.Partner Center`);
    const shownLog = () => vscode.window.visibleTextEditors.find(isOurLog);
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await waitFor('the Output view to be closed', () => (shownLog() ? undefined : true));

    await vscode.commands.executeCommand('partnerCenter.showLog');
    const log = await waitFor('the Partner Center log in the Output view', shownLog);
    assert.equal(log.document.languageId, 'log');
    await vscode.commands.executeCommand('workbench.action.closePanel');
  });

  it('registers every command its package.json declares', async () => {
    const extension = await activatedExtension();
    const declared = (extension.packageJSON.contributes.commands as ContributedCommand[]).map((c) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(declared.filter((id) => !registered.has(id)), [], 'declared in package.json but not registered');
  });

  it("offers on each kind of row the menu entries meant for it, and only those", async () => {
    const extension = await activatedExtension();
    const entries = extension.packageJSON.contributes.menus['view/item/context'] as MenuEntry[];
    const { customers: view, client } = await extensionExports();
    await vscode.commands.executeCommand('partnerCenter.customers.focus');
    await vscode.commands.executeCommand('partnerCenter.clearSearch');
    const restore = await useSettings({ tenants: ['default'], allowEdits: false });
    try {
      client.invalidate('default');
      view.reset();
      const top = await waitForRows(view, 'the first page of default', (r) => r.some(isCustomer) && isLoadMore(r[r.length - 1]!));
      const customer = top.find((r) => isCustomer(r) && r.tokens.includes('hasDomain') && !r.tokens.includes('pinned'))!;
      const [company, billing] = await rows(view, customer.node);
      assert.ok(company && billing, 'a customer expands to its profiles');
      const property = (await rows(view, company.node)).find((r) => r.tokens.includes('hasValue'))!;
      const loadMore = top[top.length - 1]!;

      const customerMenu = [
        'partnerCenter.copyCustomerId',
        'partnerCenter.copyCustomerLink',
        'partnerCenter.copyDomain',
        'partnerCenter.copyPortalLink',
        'partnerCenter.openBillingDetails',
        'partnerCenter.openCustomerJson',
        'partnerCenter.openPortal',
        'partnerCenter.pinCustomer',
        'partnerCenter.refresh',
        'partnerCenter.showCustomerActivity',
      ];
      const menus = () => ({
        customer: menuFor(entries, customer.item.contextValue ?? ''),
        billingProfile: menuFor(entries, billing.item.contextValue ?? ''),
        companyProfile: menuFor(entries, company.item.contextValue ?? ''),
        property: menuFor(entries, property.item.contextValue ?? ''),
        loadMore: menuFor(entries, loadMore.item.contextValue ?? ''),
      });
      assert.deepEqual(menus(), {
        customer: customerMenu,
        billingProfile: ['partnerCenter.openBillingDetails'],
        companyProfile: [],
        property: ['partnerCenter.copyValue'],
        loadMore: [],
      });

      // With edits allowed, Edit Billing Profile joins the customer's and its billing profile's menus.
      await useSettings({ allowEdits: true });
      assert.deepEqual(menus().customer, [...customerMenu, 'partnerCenter.editBillingProfile'].sort());
      assert.deepEqual(menus().billingProfile, ['partnerCenter.editBillingProfile', 'partnerCenter.openBillingDetails']);
    } finally {
      await restore();
    }
  });
});
