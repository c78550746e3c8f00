import * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Partner Center', { log: true });
  context.subscriptions.push(
    log,
    vscode.commands.registerCommand('partnerCenter.showLog', () => log.show()),
  );
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
