import * as vscode from 'vscode';
import type { Services } from '../services';
import { registerCommand } from './command';
import { customerOrPick } from './customerPicker';
import type { CommandTargets } from './targets';

/** Billing details and customer JSON: a tree node, `{ tenantId?, customerId }`, or (palette) a picked customer. */
export function registerCustomerCommands(
  services: Services,
  { billing, documents }: Pick<CommandTargets, 'billing' | 'documents'>,
): vscode.Disposable[] {
  return [
    registerCommand(services, 'partnerCenter.openBillingDetails', async ({ correlationId }, arg?: unknown) => {
      const target = await customerOrPick(services, arg, { title: vscode.l10n.t('Open Billing Details'), correlationId });
      if (target) await billing.open(target, { correlationId });
    }),
    registerCommand(services, 'partnerCenter.openCustomerJson', async ({ correlationId }, arg?: unknown) => {
      const target = await customerOrPick(services, arg, { title: vscode.l10n.t('Open Customer JSON'), correlationId });
      if (target) await documents.open(target, { correlationId });
    }),
  ];
}
