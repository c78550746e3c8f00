// Reading the customers tree the way VS Code does: the view's own TreeDataProvider, its items and children.
import type * as vscode from 'vscode';
import type { CustomersView } from '../../../src/tree/customersView';
import type { TreeNode } from '../../../src/tree/nodes/treeNode';
import { extensionExports } from './activation';
import { waitFor } from './waitFor';

/** One rendered row: the node and the TreeItem VS Code would draw for it. */
export interface Row {
  readonly node: TreeNode;
  readonly item: vscode.TreeItem;
  readonly label: string;
  readonly description: string | undefined;
  readonly id: string | undefined;
  /** The `;`-joined context value split into its tokens. */
  readonly tokens: readonly string[];
}

export async function customersView(): Promise<CustomersView> {
  return (await extensionExports()).customers;
}

function labelText(label: vscode.TreeItem['label']): string {
  if (label === undefined) return '';
  return typeof label === 'string' ? label : label.label;
}

export function rowOf(view: CustomersView, node: TreeNode): Row {
  const item = view.provider.getTreeItem(node) as vscode.TreeItem;
  return {
    node,
    item,
    label: labelText(item.label),
    description: typeof item.description === 'string' ? item.description : undefined,
    id: item.id,
    tokens: (item.contextValue ?? '').split(';').filter(Boolean),
  };
}

/** The children of a node (the roots without one), as VS Code asks for them when it renders or expands. */
export async function rows(view: CustomersView, node?: TreeNode): Promise<Row[]> {
  const children = (await view.provider.getChildren(node)) ?? [];
  return children.map((child) => rowOf(view, child));
}

export const isCustomer = (row: Row): boolean => row.tokens.includes('customer');
export const isLoadMore = (row: Row): boolean => row.tokens.includes('loadMore');
export const isError = (row: Row): boolean => row.tokens.includes('error');

/**
 * Renders the view again, as VS Code does after the provider's change event for the whole tree: the roots, then,
 * given a customer, the customer's rows. Returns the rows read last. A re-render answers from what the view holds
 * (its loaded pages, details and kept failures): the tests check that it sends no request.
 */
export async function renderAgain(view: CustomersView, customer?: { readonly tenantId: string; readonly customerId: string }): Promise<Row[]> {
  view.provider.refresh(undefined);
  const roots = await rows(view);
  return customer ? rows(view, customerRow(roots, customer.tenantId, customer.customerId).node) : roots;
}

/** Polls the children of a node until `accept` says they are what the test waits for (e.g. after a settings change). */
export function waitForRows(view: CustomersView, what: string, accept: (rows: Row[]) => boolean, node?: TreeNode): Promise<Row[]> {
  return waitFor(what, async () => {
    const current = await rows(view, node);
    return accept(current) ? current : undefined;
  });
}

/** The customer row with this id among some rows; fails the test when it is not there. */
export function customerRow(list: readonly Row[], tenantId: string, customerId: string): Row {
  const row = list.find((r) => r.id === `${tenantId}/${customerId}`);
  if (!row) throw new Error(`customer ${tenantId}/${customerId} is not among ${list.length} rows`);
  return row;
}
