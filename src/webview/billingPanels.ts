import * as vscode from 'vscode';
import { type CustomerRef, CustomerMap, customerRef } from '../customerRef';
import type { Services } from '../services';
import { BillingPanel } from './billingPanel';
import { billingTitle } from './billingView';
import { BILLING_VIEW_TYPE, panelStateSchema } from './protocol';

export interface BillingOpenOptions {
  /** `MS-CorrelationId` of the command that opens the panel. */
  readonly correlationId?: string;
  readonly viewColumn?: vscode.ViewColumn;
  readonly preserveFocus?: boolean;
}

/**
 * The billing webviews (`partnerCenter.billing`): one panel per customer (opening it again reveals it),
 * restored after a window reload.
 */
export class BillingPanels implements vscode.Disposable {
  private readonly panels = new CustomerMap<BillingPanel>();
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly services: Services) {
    this.disposables = [
      vscode.window.registerWebviewPanelSerializer(BILLING_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state) => this.restore(panel, state),
      }),
      // Fetched anywhere (the tree's refresh, the JSON tab's): the open panel shows the newest data.
      services.client.onDidFetchCustomer(({ tenant, customerId, fetched }) =>
        this.get({ tenantId: tenant, customerId })?.show(fetched),
      ),
    ];
  }

  /** Shows the customer's panel: reveals it when open, else creates it (data from the client's cache when fresh). */
  open(target: CustomerRef, options: BillingOpenOptions = {}): BillingPanel {
    const existing = this.get(target);
    if (existing) {
      existing.panel.reveal(options.viewColumn, options.preserveFocus);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(
      BILLING_VIEW_TYPE,
      billingTitle(target.companyName || target.customerId),
      { viewColumn: options.viewColumn ?? vscode.ViewColumn.Active, preserveFocus: options.preserveFocus },
      webviewOptions(this.services.context.extensionUri),
    );
    return this.track(panel, customerRef(target.tenantId, target.customerId), options.correlationId);
  }

  /** The open panel of a customer, if any. */
  get(target: CustomerRef): BillingPanel | undefined {
    return this.panels.get(target);
  }

  dispose(): void {
    for (const panel of [...this.panels.values()]) panel.panel.dispose();
    this.panels.clear();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }

  /** After a window reload: the page's saved state says which customer the panel showed (the page keeps its edit). */
  private async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const target = panelStateSchema.safeParse(state);
    if (!target.success || this.get(target.data)) {
      // Not a state this extension wrote, or the customer already has a panel: nothing to restore.
      this.services.log.warn('Partner Center: a billing panel could not be restored and was closed.');
      panel.dispose();
      return;
    }
    panel.webview.options = webviewOptions(this.services.context.extensionUri);
    this.track(panel, customerRef(target.data.tenantId, target.data.customerId), undefined);
  }

  private track(panel: vscode.WebviewPanel, target: CustomerRef, correlationId: string | undefined): BillingPanel {
    const billing = new BillingPanel(panel, target, this.services, () => this.panels.delete(target));
    this.panels.set(target, billing);
    billing.load('open', correlationId);
    return billing;
  }
}

/** Scripts on, nothing else: no command URIs, and only the built page assets can be loaded. */
function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview')],
  };
}

/** Creates the billing panels and their serializer; extension.ts disposes them on deactivation. */
export function registerBillingPanels(services: Services): BillingPanels {
  return new BillingPanels(services);
}
