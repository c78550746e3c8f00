import * as vscode from 'vscode';
import type { PropertyRow } from '../../presentation/customerFacts';
import { PropertyNode } from './propertyNode';
import type { TreeNode } from './treeNode';
import type { CustomerRef } from '../../customerRef';
import { ContextToken, contextValue } from '../contextValues';
import { NodeIds } from '../nodeIds';


/** "Company profile" or "Billing profile": expands to the profile's label/value rows. */
export class ProfileNode implements TreeNode, CustomerRef {
  readonly tenantId: string;
  readonly customerId: string;
  readonly id: string;

  constructor(
    readonly parent: TreeNode & CustomerRef & { readonly id: string; readonly companyName: string },
    readonly profile: 'company' | 'billing',
    private readonly label: string,
    private readonly rows: readonly PropertyRow[],
  ) {
    this.tenantId = parent.tenantId;
    this.customerId = parent.customerId;
    this.id = NodeIds.child(parent.id, profile);
  }

  /** For commands that open the customer (billing details) from this row. */
  get companyName(): string {
    return this.parent.companyName;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(this.profile === 'company' ? 'home' : 'credit-card');
    item.contextValue = contextValue(this.profile === 'company' ? ContextToken.companyProfile : ContextToken.billingProfile);
    return item;
  }

  getChildren(): TreeNode[] {
    return this.rows.map(
      (row) => new PropertyNode(this, { id: NodeIds.child(this.id, row.key), label: row.label, description: row.value, value: row.value }),
    );
  }
}
