import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { billingFormOf } from '../api/billingChanges';
import { InvalidBillingEditError, saveBillingEdit } from '../api/billingSave';
import { fieldOfError } from '../api/billingUpdate';
import { errorMessage } from '../api/errors';
import { isRecord } from '../api/json';
import type { Customer } from '../api/schemas';
import type { Fetched } from '../api/types';
import type { CustomerRef } from '../customerRef';
import type { Services } from '../services';
import { customerDisplayName } from '../presentation/customerFacts';
import { billingHtml } from './billingHtml';
import { billingDataView, billingPageStrings, billingTitle } from './billingView';
import {
  type BillingView,
  type HostMessage,
  type PageMessage,
  type RenderedReport,
  hostMessageSchema,
} from './protocol';
import { PageMessageGate } from './pageMessageGate';
import { editsOffMessage, notSavedMessage } from './editMessages';

/** One customer's billing panel: its page, what it shows, and the page's requests. */
export class BillingPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly locale = vscode.env.language;
  private view: BillingView = { kind: 'loading' };
  private revision = 0;
  private readonly gate = new PageMessageGate();
  private fetched: Fetched<Customer> | undefined;
  private pageReady = false;
  private loading: AbortController | undefined;
  private report: RenderedReport | undefined;
  /** `partnerCenter.editBillingProfile` asked for edit mode before the page could be told. */
  private editRequested = false;

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly target: CustomerRef,
    private readonly services: Services,
    private readonly onDisposed: () => void,
  ) {
    const assets = vscode.Uri.joinPath(services.context.extensionUri, 'dist', 'webview');
    const webview = panel.webview;
    panel.iconPath = vscode.Uri.joinPath(services.context.extensionUri, 'media', 'partner-center.svg');
    webview.html = billingHtml({
      cspSource: webview.cspSource,
      nonce: randomBytes(16).toString('base64'),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(assets, 'billing.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(assets, 'billing.css')).toString(),
      codiconUri: webview.asWebviewUri(vscode.Uri.joinPath(assets, 'codicon.css')).toString(),
      lang: this.locale,
    });
    this.disposables.push(
      webview.onDidReceiveMessage((message: unknown) => this.receive(message)),
      panel.onDidDispose(() => this.dispose()),
      // partnerCenter.allowEdits on or off: the Edit button follows at once.
      services.config.onDidChange(() => {
        if (this.fetched && this.view.kind === 'data') this.setView(billingDataView(this.fetched, this.locale, this.view.busy, this.allowEdits));
      }),
    );
  }

  /** What the page last reported displaying, read back from its DOM (undefined until its first render). */
  get lastRendered(): RenderedReport | undefined {
    return this.report;
  }

  /** The customer as last fetched, when the panel shows it. */
  get customer(): Fetched<Customer> | undefined {
    return this.fetched;
  }

  /**
   * `open`: from the client's cache when fresh (no request), else fetched. `refresh`: fetched bypassing the
   * cache; the data shown stays until the new data replaces it. A newer load supersedes an older one.
   */
  load(mode: 'open' | 'refresh', correlationId?: string): void {
    this.loading?.abort();
    const controller = new AbortController();
    this.loading = controller;
    const { tenantId, customerId } = this.target;
    if (mode === 'open') {
      const cached = this.services.client.peekCustomer(tenantId, customerId);
      if (cached) {
        this.show(cached);
        return;
      }
    }
    if (this.fetched) {
      this.setView(billingDataView(this.fetched, this.locale, true, this.allowEdits));
      this.announce(vscode.l10n.t('Refreshing the billing details…'));
    } else {
      this.setView({ kind: 'loading' });
    }
    this.services.client
      .getCustomer(tenantId, customerId, { signal: controller.signal, correlationId, bypassCache: mode === 'refresh' })
      .then(
        (fetched) => {
          if (controller.signal.aborted) return;
          this.show(fetched);
          if (mode === 'refresh') this.announce(vscode.l10n.t('The billing details were refreshed.'));
        },
        (error: unknown) => {
          if (controller.signal.aborted) return; // superseded by a newer load, or the panel was closed
          this.services.log.error(`Billing details of customer ${customerId} (tenant ${tenantId}) failed: ${errorMessage(error)}`);
          this.fetched = undefined;
          this.setView({ kind: 'error', message: errorMessage(error) });
        },
      );
  }

  dispose(): void {
    this.loading?.abort();
    this.onDisposed();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }

  /** Shows a fetch of this customer (its own, or one made elsewhere). */
  show(fetched: Fetched<Customer>): void {
    this.fetched = fetched;
    this.panel.title = billingTitle(customerDisplayName(fetched.value));
    this.setView(billingDataView(fetched, this.locale, false, this.allowEdits));
  }

  /** Edit mode (`partnerCenter.editBillingProfile`): the page enters it once it shows the data, unless already editing. */
  startEdit(): void {
    this.editRequested = true;
    this.flushEditRequest();
  }

  private get allowEdits(): boolean {
    const settings = this.services.config.current;
    return settings.ok && settings.settings.allowEdits;
  }

  private flushEditRequest(): void {
    if (!this.editRequested || !this.pageReady || this.view.kind !== 'data' || !this.view.editable) return;
    this.editRequested = false;
    this.post({ type: 'startEdit' });
  }

  private setView(view: BillingView): void {
    this.view = view;
    this.revision++;
    this.postRender();
  }

  private postRender(): void {
    const message: HostMessage = { type: 'render', revision: this.revision, view: this.view };
    // The page rejects what does not match the protocol (e.g. a field longer than it accepts): check here
    // first, so such data becomes an explained error instead of a page that silently keeps its old content.
    const checked = hostMessageSchema.safeParse(message);
    this.post(checked.success ? message : { ...message, view: { kind: 'error', message: invalidDataMessage() } });
    this.flushEditRequest();
  }

  private announce(text: string): void {
    this.post({ type: 'status', text });
  }

  /** Nothing goes to the page before its `ready`; a page that is re-created says `ready` again and gets everything. */
  private post(message: HostMessage): void {
    if (this.pageReady) void this.panel.webview.postMessage(message);
  }

  /** Every message from the page goes through here. */
  private receive(raw: unknown): void {
    const decision = this.gate.check(raw, this.revision);
    if (!decision.accepted) {
      if (decision.log) this.services.log.warn(`Billing page of customer ${this.target.customerId}: ${decision.log}`);
      return;
    }
    const message = decision.message;
    switch (message.type) {
      case 'ready': {
        this.pageReady = true;
        // The page keeps the target as its state: the identity only, as the serializer reads it back.
        const target = { tenantId: this.target.tenantId, customerId: this.target.customerId };
        this.post({ type: 'init', strings: billingPageStrings(), target, lang: this.locale });
        this.postRender();
        return;
      }
      case 'refresh':
        this.load('refresh');
        return;
      case 'copyEmail':
        void this.copyEmail();
        return;
      case 'openJson':
        void vscode.commands.executeCommand('partnerCenter.openCustomerJson', { ...this.target });
        return;
      case 'rendered':
        this.report = message;
        return;
      case 'save':
        void this.save(message.session);
        return;
    }
  }

  /** Save from the page: checked again here, then one PUT; the page hears what it came to. */
  private async save(session: Extract<PageMessage, { type: 'save' }>['session']): Promise<void> {
    const { tenantId, customerId } = this.target;
    if (!this.allowEdits) {
      this.post({ type: 'saveResult', result: { outcome: 'refused', field: null, message: editsOffMessage() } });
      return;
    }
    // The PUT carries the full profile as last read: without it (a restored panel whose load failed) nothing is sent.
    if (!this.fetched) {
      const message = vscode.l10n.t('The billing details are not loaded: refresh them, then save again. Your edits are kept.');
      this.post({ type: 'saveResult', result: { outcome: 'refused', field: null, message } });
      return;
    }
    try {
      const result = await saveBillingEdit(this.services.client, this.services.log, {
        tenant: tenantId,
        customerId,
        profileAsRead: profileAsRead(this.fetched),
        base: session.base,
        etag: session.etag,
        mine: session.mine,
        customer: this.fetched,
      });
      switch (result.outcome) {
        case 'saved':
          this.post({ type: 'saveResult', result: { outcome: 'saved' } });
          void vscode.window.showInformationMessage(
            vscode.l10n.t('The billing profile of {0} was saved.', customerDisplayName(this.fetched?.value ?? { id: customerId })),
          );
          return;
        case 'conflict': {
          const etag = result.latest.value.attributes?.etag;
          if (!etag) throw new Error(vscode.l10n.t('Partner Center sent the latest billing profile without an etag: it cannot be edited.'));
          this.post({ type: 'saveResult', result: { outcome: 'conflict', theirs: billingFormOf(result.latest.value), etag } });
          return;
        }
        case 'notSaved':
          this.post({ type: 'saveResult', result: { outcome: 'notSaved', message: notSavedMessage(errorMessage(result.error)) } });
          return;
      }
    } catch (error) {
      this.services.log.error(`Saving the billing profile of customer ${customerId} (tenant ${tenantId}) failed: ${errorMessage(error)}`);
      const field = error instanceof InvalidBillingEditError ? error.field : fieldOfError(error);
      this.post({ type: 'saveResult', result: { outcome: 'refused', field: field ?? null, message: errorMessage(error) } });
    }
  }

  private async copyEmail(): Promise<void> {
    const email = this.fetched?.value.billingProfile?.email?.trim();
    if (!email) return;
    await vscode.env.clipboard.writeText(email);
    this.announce(vscode.l10n.t('{0} was copied to the clipboard.', email));
  }
}

/** The billing profile exactly as received with the customer (undefined when the customer has none). */
function profileAsRead(fetched: Fetched<Customer> | undefined): unknown {
  return isRecord(fetched?.raw) ? fetched.raw.billingProfile : undefined;
}

function invalidDataMessage(): string {
  return vscode.l10n.t('The billing details cannot be shown: a field is longer than the page accepts. Open the JSON to see them.');
}
