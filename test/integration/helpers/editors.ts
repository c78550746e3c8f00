// Suites that open editors on the sandbox's customers (billing panels, customer JSON tabs): their shared hooks
// and the tabs the workbench shows for those editors.
import * as vscode from 'vscode';
import type { PartnerCenterExports } from '../../../src/extension';
import { extensionExports } from './activation';
import { clearFaults, resetSandbox } from './sandbox';

/**
 * Gives the enclosing `describe` block the extension and a reset sandbox before its first test, and after each
 * test clears the sandbox's faults and closes every editor. Returns a getter for the extension's exports: they
 * exist only once the tests run.
 */
export function useCustomerEditors(): () => PartnerCenterExports {
  let api: PartnerCenterExports | undefined;

  before(async () => {
    api = await extensionExports();
    await resetSandbox();
  });

  afterEach(async () => {
    await clearFaults();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  return () => {
    if (!api) throw new Error('The extension is not activated yet: use it inside a test of the block that called useCustomerEditors().');
    return api;
  };
}

/** The billing panels' tabs, in every editor group. */
export function billingTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('partnerCenter.billing'));
}

/** The customer JSON tabs (`partnercenter:` documents), in every editor group. */
export function customerTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.scheme === 'partnercenter');
}
