import * as vscode from 'vscode';
import type { CustomerRef } from '../../customerRef';
import { ContextToken, contextValue } from '../contextValues';
import type { TreeNode } from './treeNode';

export interface PropertyNodeOptions {
  readonly id: string;
  readonly label: string;
  /** What is shown after the label; omitted when the label is the value itself (a domain in a list). */
  readonly description?: string;
  /** What "Copy Value" copies. */
  readonly value: string;
  readonly icon?: string;
}

/** A label/value row of a customer (a profile field, the relationship, a custom domain…). */
export class PropertyNode implements TreeNode, CustomerRef {
  readonly tenantId: string;
  readonly customerId: string;

  constructor(
    readonly parent: TreeNode & CustomerRef,
    private readonly options: PropertyNodeOptions,
  ) {
    this.tenantId = parent.tenantId;
    this.customerId = parent.customerId;
  }

  get value(): string {
    return this.options.value;
  }

  getTreeItem(): vscode.TreeItem {
    const { id, label, description, value, icon } = this.options;
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    item.id = id;
    item.description = description;
    // A plain string tooltip is rendered as text: customer data needs no escaping here.
    item.tooltip = description === undefined ? value : `${label}: ${value}`;
    item.iconPath = new vscode.ThemeIcon(icon ?? 'symbol-field');
    item.contextValue = contextValue(ContextToken.property, ContextToken.hasValue);
    item.accessibilityInformation = {
      label: description === undefined ? value : vscode.l10n.t('{0}: {1}', label, value),
    };
    return item;
  }

  getChildren(): TreeNode[] {
    return [];
  }
}
