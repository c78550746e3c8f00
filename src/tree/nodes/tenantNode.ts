import * as vscode from 'vscode';
import { ContextToken, contextValue } from '../contextValues';
import { NodeIds } from '../nodeIds';
import type { TreeNode } from './treeNode';

/** Lists the customers of a tenant (or its search results) under a parent; the view implements it. */
export interface CustomerListSource {
  listChildren(tenantId: string, parent: TenantNode | undefined): Promise<TreeNode[]>;
}

/** A partner tenant: the roots when two or more tenants are configured. */
export class TenantNode implements TreeNode {
  readonly parent = undefined;

  constructor(
    readonly tenantId: string,
    private readonly cloudLabel: string,
    private readonly source: CustomerListSource,
  ) {}

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.tenantId, vscode.TreeItemCollapsibleState.Expanded);
    item.id = NodeIds.tenant(this.tenantId);
    item.description = this.cloudLabel;
    item.tooltip = vscode.l10n.t('Partner tenant {0} ({1})', this.tenantId, this.cloudLabel);
    item.iconPath = new vscode.ThemeIcon('organization');
    item.contextValue = contextValue(ContextToken.tenant);
    item.accessibilityInformation = { label: vscode.l10n.t('Partner tenant {0}, {1}', this.tenantId, this.cloudLabel) };
    return item;
  }

  getChildren(): Promise<TreeNode[]> {
    return this.source.listChildren(this.tenantId, this);
  }
}
