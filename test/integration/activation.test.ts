import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, activatedExtension } from './helpers/activation';
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
    await activatedExtension();
    const commands = await vscode.commands.getCommands(true);
    // The workbench registers these for every contributed view container and view.
    assert.ok(commands.includes('workbench.view.extension.partnerCenter'), 'no Partner Center view container');
    assert.ok(commands.includes('partnerCenter.customers.focus'), 'no Customers view');
    await vscode.commands.executeCommand('workbench.view.extension.partnerCenter');
    await vscode.commands.executeCommand('partnerCenter.customers.focus');
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
