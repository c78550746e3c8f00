import type * as vscode from 'vscode';
import type { Services } from '../services';
import { registerCommand } from './command';

/**
 * Sign in, sign out, and the log: the commands about the connection rather than the data. What a sign-out
 * drops (queued requests, cached data) follows from the session change itself (see `activate`), so it is the
 * same whether the user signed out here or removed the account from VS Code's Accounts menu.
 */
export function registerAccountCommands(services: Services): vscode.Disposable[] {
  return [
    registerCommand(services, 'partnerCenter.signIn', () => services.session.signIn()),
    registerCommand(services, 'partnerCenter.signOut', () => services.session.signOut()),
    registerCommand(services, 'partnerCenter.showLog', () => services.log.show()),
  ];
}
