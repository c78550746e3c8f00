import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, activatedExtension, extensionExports } from './helpers/activation';
import { sandboxUrl } from './helpers/sandbox';
import { waitFor } from './helpers/waitFor';

interface ContributedCommand {
  command: string;
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
});
