import * as vscode from 'vscode';
import { editsOffMessage } from '../webview/editMessages';
import type { Services } from '../services';
import { loadedOnFirstRun, registerCommand } from './command';
import { customerOrPick } from './customerPicker';
import type { CommandTargets } from './targets';

/**
 * Editing a billing profile: `partnerCenter.editBillingProfile` (the panel in edit mode) and
 * `partnerCenter.updateBillingProfile` (no UI, for automation: returns the saved profile, rejects otherwise).
 */
export function registerBillingEditCommands(services: Services, { billing }: Pick<CommandTargets, 'billing'>): vscode.Disposable[] {
  return [
    registerCommand(services, 'partnerCenter.editBillingProfile', async ({ correlationId }, arg?: unknown) => {
      if (!services.config.require().allowEdits) throw new Error(editsOffMessage());
      const target = await customerOrPick(services, arg, { title: vscode.l10n.t('Edit Billing Profile'), correlationId });
      if (target) (await billing.open(target, { correlationId })).startEdit();
    }),
    registerCommand(
      services,
      'partnerCenter.updateBillingProfile',
      loadedOnFirstRun(async () => (await import('./billingUpdateCommand')).updateBillingProfileHandler(services)),
      { rejects: true },
    ),
  ];
}
