import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activatedExtension, sandboxUrl } from './extension';

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

  it('opens its log with "Partner Center: Show Log"', async () => {
    await activatedExtension();
    assert.ok((await vscode.commands.getCommands(true)).includes('partnerCenter.showLog'));
    await vscode.commands.executeCommand('partnerCenter.showLog');
  });

  it('registers every command its package.json declares', async () => {
    const extension = await activatedExtension();
    const declared = (extension.packageJSON.contributes.commands as ContributedCommand[]).map((c) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(declared.filter((id) => !registered.has(id)), [], 'declared in package.json but not registered');
  });
});
