import * as vscode from 'vscode';
import type { Services } from '../services';
import { copyToClipboard } from './clipboard';
import { registerCommand } from './command';
import { resolveTenant } from './targets';

/**
 * `partnerCenter.copyRelationshipUrl`: the partner tenant's reseller-relationship link (one per partner
 * tenant) to the clipboard; returns it to programmatic callers. Argument: a tenant node or `{ tenantId? }`.
 */
export function registerRelationshipCommands(services: Services): vscode.Disposable[] {
  return [
    registerCommand(services, 'partnerCenter.copyRelationshipUrl', async ({ correlationId }, arg?: unknown) => {
      const settings = services.config.require();
      const tenantId = await resolveTenant(arg, settings, vscode.l10n.t('Copy Reseller Relationship Link'));
      if (!tenantId) return undefined;
      const url = await services.client.getRelationshipRequestUrl(tenantId, { correlationId });
      return copyToClipboard(
        url,
        settings.tenants.length > 1
          ? vscode.l10n.t('The reseller relationship link of partner tenant {0} was copied to the clipboard.', tenantId)
          : vscode.l10n.t('The reseller relationship link was copied to the clipboard.'),
      );
    }),
  ];
}
