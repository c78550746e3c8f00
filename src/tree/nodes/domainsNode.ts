import * as vscode from 'vscode';
import { PropertyNode } from './propertyNode';
import type { TreeNode } from './treeNode';
import type { CustomerRef } from '../../customerRef';
import { ContextToken, contextValue } from '../contextValues';
import { NodeIds } from '../nodeIds';


/** "Custom domains (n)": expands to one copyable row per domain. */
export class DomainsNode implements TreeNode, CustomerRef {
  readonly tenantId: string;
  readonly customerId: string;
  readonly id: string;

  constructor(
    readonly parent: TreeNode & CustomerRef & { readonly id: string },
    private readonly label: string,
    private readonly domains: readonly string[],
  ) {
    this.tenantId = parent.tenantId;
    this.customerId = parent.customerId;
    this.id = NodeIds.child(parent.id, 'domains');
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('globe');
    item.contextValue = contextValue(ContextToken.customDomains);
    return item;
  }

  getChildren(): TreeNode[] {
    // Index, not the domain, in the id: a malformed list may repeat a domain and ids must be unique.
    return this.domains.map(
      (domain, index) => new PropertyNode(this, { id: NodeIds.child(this.id, index), label: domain, value: domain, icon: 'link' }),
    );
  }
}
