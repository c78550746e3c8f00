import type * as vscode from 'vscode';
import type { Services } from '../services';
import { registerCommand } from './command';

/** Sign in, sign out, and the log: the commands about the connection rather than the data. */
export function registerAccountCommands(services: Services): vscode.Disposable[] {
  return [
    registerCommand(services, 'partnerCenter.signIn', () => services.session.signIn()),
    registerCommand(services, 'partnerCenter.signOut', async () => {
      // Nothing queued may go out after sign-out, and nothing fetched under the account may be shown again.
      services.client.cancel();
      for (const tenant of services.config.current.ok ? services.config.current.settings.tenants : []) {
        services.client.invalidate(tenant);
      }
      await services.session.signOut();
    }),
    registerCommand(services, 'partnerCenter.showLog', () => services.log.show()),
  ];
}
