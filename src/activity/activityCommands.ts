import * as vscode from 'vscode';
import type { AuditRecord } from '../api/auditSchemas';
import { registerCommand } from '../commands/command';
import { customerOrPick } from '../commands/customerPicker';
import type { Services } from '../services';
import type { CustomersView } from '../tree/customersView';
import { type ActivityNode, ActivityView } from './activityView';
import { DEFAULT_ACTIVITY_SETTINGS } from './model/activitySettings';
import { readActivitySettings } from './refreshChangedCommand';

// The Activity view and its commands: Load more, a record's diff, Reveal Customer, Open Customer JSON, and
// Show Activity (one customer's records only) with its Clear.

/** A record argument: the view's record node, or `{ tenantId, record }`. */
function recordOf(arg: unknown): { tenantId: string; record: AuditRecord } | undefined {
  const value = arg as Partial<Extract<ActivityNode, { kind: 'record' }>> | undefined;
  return value && typeof value.tenantId === 'string' && value.record ? { tenantId: value.tenantId, record: value.record } : undefined;
}

/** The customer of a record, as the customer commands take it. */
function customerOfRecord(arg: unknown): { tenantId: string; customerId: string; companyName?: string } | undefined {
  const target = recordOf(arg);
  if (!target?.record.customerId) return undefined;
  return { tenantId: target.tenantId, customerId: target.record.customerId, ...(target.record.customerName ? { companyName: target.record.customerName } : {}) };
}

export function registerActivity(services: Services, customers: CustomersView): { view: ActivityView; disposables: vscode.Disposable[] } {
  // A bad value is reported by Refresh what changed; the view reads with the defaults meanwhile.
  const settings = () => {
    const read = readActivitySettings();
    return read.ok ? read.settings : DEFAULT_ACTIVITY_SETTINGS;
  };
  const view = new ActivityView(services, settings);
  const disposables: vscode.Disposable[] = [
    view,
    services.config.onDidChange(() => view.refresh()),
    services.session.onDidChange(() => view.refresh()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('partnerCenter.activity.days')) view.refresh();
    }),
    registerCommand(services, 'partnerCenter.activity.refresh', () => view.refresh()),
    registerCommand(services, 'partnerCenter.activity.loadMore', (_context, tenantId?: unknown) =>
      view.loadMore(typeof tenantId === 'string' ? tenantId : services.config.require().tenants[0]!),
    ),
    registerCommand(services, 'partnerCenter.activity.openDiff', async (_context, arg?: unknown) => {
      const target = recordOf(arg);
      if (target) await view.openDiff(target.tenantId, target.record);
    }),
    registerCommand(services, 'partnerCenter.activity.revealCustomer', async ({ correlationId }, arg?: unknown) => {
      const target = customerOfRecord(arg);
      if (!target) return;
      await vscode.commands.executeCommand('partnerCenter.customers.focus');
      await customers.reveal({ tenantId: target.tenantId, customerId: target.customerId, ...(target.companyName ? { companyName: target.companyName } : {}) }, { correlationId, searchText: target.companyName });
    }),
    registerCommand(services, 'partnerCenter.activity.openCustomerJson', async (_context, arg?: unknown) => {
      const target = customerOfRecord(arg);
      if (target) await vscode.commands.executeCommand('partnerCenter.openCustomerJson', target);
    }),
    registerCommand(services, 'partnerCenter.showCustomerActivity', async ({ correlationId }, arg?: unknown) => {
      const target = await customerOrPick(services, arg, { title: vscode.l10n.t('Show Activity'), correlationId });
      if (target) await view.showCustomer({ tenantId: target.tenantId, customerId: target.customerId, name: target.companyName });
    }),
    registerCommand(services, 'partnerCenter.activity.clearFilter', () => view.clearFilter()),
  ];
  return { view, disposables };
}
