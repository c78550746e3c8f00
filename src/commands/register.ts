import type * as vscode from 'vscode';
import type { Services } from '../services';
import type { CustomerDocuments } from '../documents/customerJsonProvider';
import type { CustomersView } from '../tree/customersView';
import type { BillingPanels } from '../webview/billingPanel';
import { registerAccountCommands } from './accountCommands';
import { registerCustomerCommands } from './customerCommands';
import { registerExportCommands } from './exportCommands';
import { registerRelationshipCommands } from './relationshipCommands';
import { registerTreeCommands } from './treeCommands';

/** The views and panels commands act on. */
export interface CommandTargets {
  readonly customers: CustomersView;
  readonly billing: BillingPanels;
  readonly documents: CustomerDocuments;
}

/** Registers every command of package.json, one family per file; all are disposed with the extension. */
export function registerCommands(services: Services, targets: CommandTargets): void {
  const registrations: vscode.Disposable[] = [
    ...registerAccountCommands(services),
    ...registerTreeCommands(services, targets),
    ...registerCustomerCommands(services, targets),
    ...registerRelationshipCommands(services, targets),
    ...registerExportCommands(services, targets),
  ];
  services.context.subscriptions.push(...registrations);
}
