import * as vscode from 'vscode';
import { isPartnerCenterError } from '../../api/errors';
import { errorTooltip } from '../tooltips';
import { ContextToken, contextValue } from '../contextValues';
import type { TreeNode } from './treeNode';

/** A row that only says something ("No customers"). */
export class MessageNode implements TreeNode {
  constructor(
    private readonly id: string,
    private readonly message: string,
    readonly parent: TreeNode | undefined,
  ) {}

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.message, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('info');
    item.contextValue = contextValue(ContextToken.message);
    return item;
  }

  getChildren(): TreeNode[] {
    return [];
  }
}

/**
 * A failed load, kept until retried: the message, details (status, request id) in the tooltip, and a click
 * that retries exactly what failed — or signs in, when the failure is that no account is signed in.
 */
export class ErrorNode implements TreeNode {
  constructor(
    private readonly id: string,
    readonly error: unknown,
    readonly parent: TreeNode | undefined,
    /** Re-runs the failed load (under the user action's correlation id) and re-renders what it feeds. */
    readonly retry: (correlationId: string) => Promise<void>,
    /** Signed in to a real cloud for this tenant: a 401 means its token was refused, and signing in again may cure it. */
    private readonly signedInTenant?: string,
  ) {}

  /** The failure is about signing in: retrying as is would fail the same way. */
  get needsSignIn(): boolean {
    return isPartnerCenterError(this.error) && this.error.kind === 'auth';
  }

  /** Partner Center refused the session's token (a 401 after the token was read again): a new session is needed. */
  get needsNewSession(): boolean {
    return this.signedInTenant !== undefined && isPartnerCenterError(this.error) && this.error.status === 401;
  }

  getTreeItem(): vscode.TreeItem {
    const message = this.error instanceof Error ? this.error.message : String(this.error);
    const item = new vscode.TreeItem(message.split('\n')[0]!, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
    item.tooltip = errorTooltip(this.error);
    item.contextValue = contextValue(ContextToken.error);
    if (this.needsSignIn) {
      item.description = vscode.l10n.t('Sign in');
      item.command = { command: 'partnerCenter.signIn', title: vscode.l10n.t('Sign in') };
    } else if (this.needsNewSession) {
      item.description = vscode.l10n.t('Click to sign in again');
      item.command = {
        command: 'partnerCenter.signIn',
        title: vscode.l10n.t('Sign in again'),
        arguments: [{ tenantId: this.signedInTenant, again: true }],
      };
    } else {
      item.description = vscode.l10n.t('Click to retry');
      item.command = { command: 'partnerCenter.refresh', title: vscode.l10n.t('Retry'), arguments: [this] };
    }
    item.accessibilityInformation = { label: vscode.l10n.t('Error: {0}. {1}', message, item.description) };
    return item;
  }

  getChildren(): TreeNode[] {
    return [];
  }
}
