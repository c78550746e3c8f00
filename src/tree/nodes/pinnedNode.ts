import * as vscode from 'vscode';
import type { CustomerRef } from '../../customerRef';
import { errorTooltip } from '../tooltips';
import { ContextToken, contextValue } from '../contextValues';
import { NodeIds } from '../nodeIds';
import type { TreeNode } from './treeNode';

/** Loads a tenant's pinned customers (by id, through the shared client) as rows; the view implements it. */
export interface PinnedCustomersSource {
  pinnedChildren(node: PinnedNode): Promise<TreeNode[]>;
}

/** "Pinned": the first row of a tenant's customers when it has pins, expanded. */
export class PinnedNode implements TreeNode {
  constructor(
    readonly tenantId: string,
    readonly parent: TreeNode | undefined,
    private readonly source: PinnedCustomersSource,
  ) {}

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Pinned'), vscode.TreeItemCollapsibleState.Expanded);
    item.id = NodeIds.pinnedGroup(this.tenantId);
    item.iconPath = new vscode.ThemeIcon('pinned');
    item.contextValue = contextValue(ContextToken.pinnedGroup);
    return item;
  }

  getChildren(): Promise<TreeNode[]> {
    return this.source.pinnedChildren(this);
  }
}

/** A pinned customer Partner Center no longer has (404): says so; a click (or its inline button) unpins it. */
export class GonePinNode implements TreeNode, CustomerRef {
  constructor(
    readonly tenantId: string,
    readonly customerId: string,
    readonly error: unknown,
    readonly parent: TreeNode | undefined,
  ) {}

  getTreeItem(): vscode.TreeItem {
    const label = vscode.l10n.t('Customer {0} is no longer in this partner tenant', this.customerId);
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    item.id = NodeIds.pinnedCustomer(this);
    item.description = vscode.l10n.t('Click to unpin');
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
    item.tooltip = errorTooltip(this.error);
    item.contextValue = contextValue(ContextToken.pinned);
    const ref = { tenantId: this.tenantId, customerId: this.customerId };
    item.command = { command: 'partnerCenter.unpinCustomer', title: vscode.l10n.t('Unpin'), arguments: [ref] };
    item.accessibilityInformation = { label: vscode.l10n.t('Error: {0}. {1}', label, item.description) };
    return item;
  }

  getChildren(): TreeNode[] {
    return [];
  }
}
