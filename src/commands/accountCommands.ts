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
    registerCommand(services, 'partnerCenter.signIn', (_context, target?: unknown) => services.session.signIn(signInAgainTenant(target))),
    registerCommand(services, 'partnerCenter.signOut', () => services.session.signOut()),
    registerCommand(services, 'partnerCenter.showLog', () => services.log.show()),
  ];
}

/**
 * `{ tenantId, again: true }` (an error row after Partner Center refused a tenant's token): that tenant signs in
 * again. Anything else (the palette, the welcome view, a view-title button's node) is the usual sign-in.
 */
function signInAgainTenant(target: unknown): string | undefined {
  if (typeof target !== 'object' || target === null) return undefined;
  const { tenantId, again } = target as { tenantId?: unknown; again?: unknown };
  return again === true && typeof tenantId === 'string' && tenantId.trim() ? tenantId : undefined;
}
