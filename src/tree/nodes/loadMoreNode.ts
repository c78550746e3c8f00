import * as vscode from 'vscode';
import { ContextToken, contextValue } from '../contextValues';
import { NodeIds } from '../nodeIds';
import type { TreeNode } from './treeNode';

/** The last row of a list while the server has a further page: says how many are loaded; clicking loads more. */
export class LoadMoreNode implements TreeNode {
  constructor(
    readonly tenantId: string,
    readonly loaded: number,
    readonly parent: TreeNode | undefined,
    /** Of `loaded`, the customers shown as errors because they could not be read. */
    readonly unreadable = 0,
  ) {}

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Load more…'), vscode.TreeItemCollapsibleState.None);
    item.id = NodeIds.loadMore(this.tenantId);
    item.description = vscode.l10n.t('{0} loaded', this.loaded);
    item.tooltip =
      this.unreadable > 0
        ? vscode.l10n.t('{0} customers loaded, {1} of them could not be read. Click to load the next page.', this.loaded, this.unreadable)
        : vscode.l10n.t('{0} customers loaded. Click to load the next page.', this.loaded);
    item.iconPath = new vscode.ThemeIcon('more');
    item.contextValue = contextValue(ContextToken.loadMore);
    item.command = { command: 'partnerCenter.loadMore', title: vscode.l10n.t('Load more…'), arguments: [this] };
    item.accessibilityInformation = {
      label: vscode.l10n.t('Load more customers, {0} loaded', this.loaded),
      role: 'button',
    };
    return item;
  }

  getChildren(): TreeNode[] {
    return [];
  }
}
