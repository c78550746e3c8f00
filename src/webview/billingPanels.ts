import * as vscode from 'vscode';
import { type CustomerRef, CustomerMap, customerRef } from '../customerRef';
import type { Services } from '../services';
import type * as panelCode from './billingPanel';
import type { BillingPanel } from './billingPanel';
import type * as protocolCode from './protocol';
import type * as viewCode from './billingView';

/** The view type of `createWebviewPanel` and of the serializer that restores panels after a reload. */
export const BILLING_VIEW_TYPE = 'partnerCenter.billing';

/**
 * The panel's code (the page protocol, the views, the edit form's checks) is loaded when the first panel opens or
 * is restored: activation does not need it, so it sits in its own chunk of the bundle.
 */
type PanelModule = typeof panelCode & typeof viewCode & typeof protocolCode;
let panelModule: Promise<PanelModule> | undefined;
const loadPanelModule = (): Promise<PanelModule> =>
  (panelModule ??= Promise.all([import('./billingPanel'), import('./billingView'), import('./protocol')]).then(([panel, view, protocol]) => ({
    ...panel,
    ...view,
    ...protocol,
  })));

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
  async open(target: CustomerRef, options: BillingOpenOptions = {}): Promise<BillingPanel> {
    const reveal = (existing: BillingPanel) => {
      existing.panel.reveal(options.viewColumn, options.preserveFocus);
      return existing;
    };
    const open = this.get(target);
    if (open) return reveal(open);
    const loaded = await loadPanelModule();
    // Opened meanwhile (a second click while the panel's code loaded): that one, not a twin.
    const openedMeanwhile = this.get(target);
    if (openedMeanwhile) return reveal(openedMeanwhile);
    const panel = vscode.window.createWebviewPanel(
      BILLING_VIEW_TYPE,
      loaded.billingTitle(target.companyName || target.customerId),
      { viewColumn: options.viewColumn ?? vscode.ViewColumn.Active, preserveFocus: options.preserveFocus },
      webviewOptions(this.services.context.extensionUri),
    );
    return this.track(loaded, panel, customerRef(target.tenantId, target.customerId), options.correlationId);
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
    const loaded = await loadPanelModule();
    const target = loaded.panelStateSchema.safeParse(state);
    if (!target.success || this.get(target.data)) {
      // Not a state this extension wrote, or the customer already has a panel: nothing to restore.
      this.services.log.warn('Partner Center: a billing panel could not be restored and was closed.');
      panel.dispose();
      return;
    }
    panel.webview.options = webviewOptions(this.services.context.extensionUri);
    this.track(loaded, panel, customerRef(target.data.tenantId, target.data.customerId), undefined);
  }

  private track(loaded: PanelModule, panel: vscode.WebviewPanel, target: CustomerRef, correlationId: string | undefined): BillingPanel {
    const billing = new loaded.BillingPanel(panel, target, this.services, () => this.panels.delete(target));
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
