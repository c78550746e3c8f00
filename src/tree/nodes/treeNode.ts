import type * as vscode from 'vscode';

/** One row of the customers tree: a small object that knows its item, its children and its parent. */
export interface TreeNode {
  /** Needed by `TreeView.reveal`; undefined for roots. */
  readonly parent: TreeNode | undefined;
  getTreeItem(): vscode.TreeItem;
  getChildren(): TreeNode[] | Promise<TreeNode[]>;
}
