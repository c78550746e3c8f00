import type * as vscode from 'vscode';
import { registerRefreshChanged } from '../activity/refreshChangedCommand';
import type { Services } from '../services';
import { registerAccountCommands } from './accountCommands';
import { registerBillingEditCommands } from './billingEditCommands';
import { registerCustomerCommands } from './customerCommands';
import { registerExportCommands } from './exportCommands';
import { registerPinCommands } from './pinCommands';
import { registerPortalCommands } from './portalCommands';
import { registerRelationshipCommands } from './relationshipCommands';
import type { CommandTargets } from './targets';
import { registerTreeCommands } from './treeCommands';

/** Registers every command of package.json, one family per file; all are disposed with the extension. */
export function registerCommands(services: Services, targets: CommandTargets): void {
  const registrations: vscode.Disposable[] = [
    ...registerAccountCommands(services),
    ...registerTreeCommands(services, targets.customers, targets.documents),
    ...registerCustomerCommands(services, targets),
    ...registerRelationshipCommands(services),
    ...registerExportCommands(services),
    ...registerPortalCommands(services),
    ...registerPinCommands(services, targets.customers),
    ...registerBillingEditCommands(services, targets),
    ...registerRefreshChanged(services, targets.customers),
  ];
  services.context.subscriptions.push(...registrations);
}
