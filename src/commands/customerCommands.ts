import * as vscode from 'vscode';
import type { Services } from '../services';
import { registerCommand } from './command';
import { pickCustomer } from './customerPicker';
import type { CommandTargets } from './register';
import { type CustomerTarget, customerTargetOf } from './targets';

/** Billing details and customer JSON: a tree node, `{ tenantId?, customerId }`, or (palette) a picked customer. */
export function registerCustomerCommands(services: Services, targets: CommandTargets): vscode.Disposable[] {
  const customerOf = async (arg: unknown, title: string, correlationId: string): Promise<CustomerTarget | undefined> =>
    customerTargetOf(arg, services.config.require()) ?? (await pickCustomer(services, { title, correlationId }));

  return [
    registerCommand(services, 'partnerCenter.openBillingDetails', async ({ correlationId }, arg?: unknown) => {
      const target = await customerOf(arg, vscode.l10n.t('Open Billing Details'), correlationId);
      if (target) targets.billing.open(target, { correlationId });
    }),
    registerCommand(services, 'partnerCenter.openCustomerJson', async ({ correlationId }, arg?: unknown) => {
      const target = await customerOf(arg, vscode.l10n.t('Open Customer JSON'), correlationId);
      if (target) await targets.documents.open(target, { correlationId });
    }),
  ];
}
