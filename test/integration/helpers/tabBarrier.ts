// A barrier for "no second tab came": the workbench reports tabs asynchronously but in the order they opened, so
// once a control tab opened after the action is reported, any tab the action opened is reported too.
import type * as vscode from 'vscode';
import { waitFor } from './waitFor';

/**
 * Opens the control tab with `openControl`, waits until `tabs()` reports one that `isControl` accepts, and
 * returns the other tabs `tabs()` reports then.
 */
export async function tabsBeforeControl(
  tabs: () => vscode.Tab[],
  openControl: () => Thenable<unknown>,
  isControl: (tab: vscode.Tab) => boolean,
): Promise<vscode.Tab[]> {
  await openControl();
  return waitFor('the control tab', () => {
    const all = tabs();
    return all.some(isControl) ? all.filter((tab) => !isControl(tab)) : undefined;
  });
}
