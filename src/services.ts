import type * as vscode from 'vscode';
import type { PartnerCenterApi } from './api/types';
import type { SessionManager } from './auth/session';
import type { ConfigStore } from './config';

/** The long-lived pieces every view and command is built from; created once in `activate`. */
export interface Services {
  readonly context: vscode.ExtensionContext;
  readonly log: vscode.LogOutputChannel;
  readonly config: ConfigStore;
  readonly session: SessionManager;
  /** The one throttled, cached Partner Center client of this activation. */
  readonly client: PartnerCenterApi;
}
