import type * as vscode from 'vscode';

/** One row of the customers tree: a small object that knows its item, its children and its parent. */
export interface TreeNode {
  /** Needed by `TreeView.reveal`; undefined for roots. */
  readonly parent: TreeNode | undefined;
  getTreeItem(): vscode.TreeItem;
  getChildren(): TreeNode[] | Promise<TreeNode[]>;
}

/** Rows that belong to one customer carry its ids, so commands read a node and `{ tenantId, customerId }` alike. */
export interface CustomerScoped {
  readonly tenantId: string;
  readonly customerId: string;
}

/** Context values are `;`-joined tokens, matched in package.json's `when` clauses with `viewItem =~ /\btoken\b/`. */
export function contextValue(...tokens: (string | false | undefined)[]): string {
  return tokens.filter((token): token is string => typeof token === 'string' && token.length > 0).join(';');
}
