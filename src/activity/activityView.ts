import * as vscode from 'vscode';
import type { AuditFilter } from '../api/auditQuery';
import type { AuditRecord } from '../api/auditSchemas';
import { errorMessage } from '../api/errors';
import type { Services } from '../services';
import { AuditDocuments } from './auditDocuments';
import { type ActivityLog as Log, ActivityLog, actor, groupByDay, operationLabel, previousValueRecord, recordTooltip } from './model/activityLog';
import type { ActivitySettings } from './model/activitySettings';

// The Activity view (`partnerCenter.activity`): per tenant, the audit records of the last `activity.days` days
// grouped by day, newest first, with Load more; a record opens the diff of its values.

export const ACTIVITY_VIEW_ID = 'partnerCenter.activity';

export type ActivityNode =
  | { readonly kind: 'tenant'; readonly tenantId: string }
  | { readonly kind: 'day'; readonly tenantId: string; readonly day: string; readonly records: readonly AuditRecord[] }
  | { readonly kind: 'record'; readonly tenantId: string; readonly record: AuditRecord }
  | { readonly kind: 'loadMore'; readonly tenantId: string }
  | { readonly kind: 'message'; readonly tenantId: string; readonly text: string; readonly error?: boolean };

export class ActivityView implements vscode.TreeDataProvider<ActivityNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ActivityNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<ActivityNode>;
  readonly documents = new AuditDocuments();
  private readonly logs = new Map<string, Log>();
  private filter: { readonly tenantId?: string; readonly customerId: string; readonly name?: string } | undefined;

  constructor(
    private readonly services: Services,
    private readonly settings: () => ActivitySettings,
  ) {
    this.view = vscode.window.createTreeView(ACTIVITY_VIEW_ID, { treeDataProvider: this });
  }

  /** The loaded log of a tenant (for tests and commands). */
  logOf(tenantId: string): Log {
    let log = this.logs.get(tenantId);
    if (!log) {
      const filter: AuditFilter | undefined = this.filter && (!this.filter.tenantId || this.filter.tenantId === tenantId)
        ? { field: 'CustomerId', value: this.filter.customerId }
        : undefined;
      log = new ActivityLog(this.services.client, tenantId, this.settings().days, filter);
      this.logs.set(tenantId, log);
    }
    return log;
  }

  getTreeItem(node: ActivityNode): vscode.TreeItem {
    switch (node.kind) {
      case 'tenant':
        return Object.assign(new vscode.TreeItem(node.tenantId, vscode.TreeItemCollapsibleState.Expanded), { id: `activity/${node.tenantId}`, contextValue: 'activityTenant' });
      case 'day': {
        const item = new vscode.TreeItem(dayLabel(node.day), vscode.TreeItemCollapsibleState.Expanded);
        item.id = `activity/${node.tenantId}/${node.day}`;
        item.description = vscode.l10n.t('{0} records', node.records.length);
        item.contextValue = 'activityDay';
        return item;
      }
      case 'record':
        return this.recordItem(node.tenantId, node.record);
      case 'loadMore': {
        const item = new vscode.TreeItem(vscode.l10n.t('Load more'));
        item.id = `activity/${node.tenantId}/loadMore`;
        item.iconPath = new vscode.ThemeIcon('more');
        item.contextValue = 'activityLoadMore';
        item.command = { command: 'partnerCenter.activity.loadMore', title: vscode.l10n.t('Load more'), arguments: [node.tenantId] };
        return item;
      }
      case 'message': {
        const item = new vscode.TreeItem(node.text);
        item.tooltip = node.text;
        item.iconPath = new vscode.ThemeIcon(node.error ? 'error' : 'info');
        item.contextValue = node.error ? 'activityError' : 'activityMessage';
        return item;
      }
    }
  }

  async getChildren(node?: ActivityNode): Promise<ActivityNode[]> {
    if (!node) {
      const result = this.services.config.current;
      if (!result.ok || !this.services.session.ready) return [];
      const tenants = result.settings.tenants.filter((t) => !this.filter?.tenantId || t === this.filter.tenantId);
      if (tenants.length === 1) return this.tenantChildren(tenants[0]!);
      return tenants.map((tenantId) => ({ kind: 'tenant', tenantId }));
    }
    if (node.kind === 'tenant') return this.tenantChildren(node.tenantId);
    if (node.kind === 'day') return node.records.map((record) => ({ kind: 'record', tenantId: node.tenantId, record }));
    return [];
  }

  /** Loads the next page of a tenant's log and shows it; returns how many records it added. */
  async loadMore(tenantId: string): Promise<number> {
    const added = await this.logOf(tenantId).loadMore().catch(() => 0);
    this.changed.fire(undefined);
    return added;
  }

  /** Shows one customer's activity only (the API's CustomerId filter), with a view message saying so. */
  async showCustomer(filter: { readonly tenantId?: string; readonly customerId: string; readonly name?: string }): Promise<void> {
    this.filter = filter;
    this.logs.clear();
    this.view.message = vscode.l10n.t('Activity of {0} only. Clear the filter to see all.', filter.name ?? filter.customerId);
    await vscode.commands.executeCommand('setContext', 'partnerCenter.activityFiltered', true);
    this.changed.fire(undefined);
    await vscode.commands.executeCommand(`${ACTIVITY_VIEW_ID}.focus`);
  }

  async clearFilter(): Promise<void> {
    this.filter = undefined;
    this.view.message = undefined;
    await vscode.commands.executeCommand('setContext', 'partnerCenter.activityFiltered', false);
    this.refresh();
  }

  /** Reads the log again from the newest page. */
  refresh(): void {
    this.logs.clear();
    this.changed.fire(undefined);
  }

  /** `vscode.diff` of the record's old value against its new one (or the customer's previous value, or the new alone). */
  async openDiff(tenantId: string, record: AuditRecord): Promise<void> {
    const title = vscode.l10n.t('{0}: {1} ({2})', operationLabel(record.operationType), record.customerName ?? record.customerId ?? '', formatTime(record.operationDate));
    const previous = record.resourceOldValue ? undefined : previousValueRecord(this.logOf(tenantId).records, record);
    const oldValue = record.resourceOldValue || previous?.resourceNewValue;
    const right = this.documents.uriFor(record, record.resourceNewValue, 'new');
    if (!oldValue) {
      await vscode.window.showTextDocument(right, { preview: true });
      return;
    }
    const left = this.documents.uriFor(record, oldValue, 'old');
    await vscode.commands.executeCommand('vscode.diff', left, right, title);
  }

  dispose(): void {
    this.view.dispose();
    this.documents.dispose();
    this.changed.dispose();
  }

  private async tenantChildren(tenantId: string): Promise<ActivityNode[]> {
    const log = this.logOf(tenantId);
    if (log.records.length === 0 && log.hasMore && log.error === undefined) await log.loadMore().catch(() => undefined);
    const nodes: ActivityNode[] = groupByDay(log.records).map((group) => ({ kind: 'day', tenantId, day: group.day, records: group.records }));
    if (log.error !== undefined) nodes.push({ kind: 'message', tenantId, text: errorMessage(log.error), error: true });
    if (log.hasMore) nodes.push({ kind: 'loadMore', tenantId });
    if (nodes.length === 0) nodes.push({ kind: 'message', tenantId, text: vscode.l10n.t('No activity in the last {0} days.', this.settings().days) });
    return nodes;
  }

  private recordItem(tenantId: string, record: AuditRecord): vscode.TreeItem {
    const failed = record.operationStatus === 'failed';
    const item = new vscode.TreeItem(operationLabel(record.operationType));
    item.id = `activity/${tenantId}/record/${record.id ?? `${record.operationDate}/${record.operationType}/${record.customerId ?? ''}`}`;
    const parts = [record.customerName ?? record.customerId ?? '', actor(record), formatTime(record.operationDate)];
    item.description = failed ? vscode.l10n.t('failed · {0}', parts.join(' · ')) : parts.join(' · ');
    item.tooltip = recordTooltip(record);
    item.iconPath = new vscode.ThemeIcon(failed ? 'error' : 'history');
    item.contextValue = record.customerId ? 'activityRecord;customer' : 'activityRecord';
    item.command = { command: 'partnerCenter.activity.openDiff', title: vscode.l10n.t('Show Change'), arguments: [{ tenantId, record }] };
    return item;
  }
}

function dayLabel(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString(vscode.env.language, { timeZone: 'UTC', weekday: 'short', year: 'numeric', month: 'short', day: 'numeric' });
}

function formatTime(iso: string): string {
  return new Date(iso).toLocaleString(vscode.env.language, { timeZone: 'UTC', hour: '2-digit', minute: '2-digit', month: 'short', day: 'numeric' }) + ' UTC';
}
