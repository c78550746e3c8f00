import * as vscode from 'vscode';
import { errorMessage } from '../api/errors';
import type { Customer } from '../api/schemas';
import type { Fetched } from '../api/types';
import { type CustomerRef, sameCustomer } from '../customerRef';
import type { Services } from '../services';
import { customerDisplayName } from '../presentation/customerFacts';
import { CUSTOMER_DOCUMENT_SCHEME, customerDocumentPath, parseCustomerDocumentPath } from './customerDocumentPath';
import { type Indentation, formatCustomerJson, normalizeTabSize } from './customerJson';
import { documentTarget } from './documentTarget';

export interface CustomerDocumentOptions {
  /** `MS-CorrelationId` of the command. */
  readonly correlationId?: string;
}

/**
 * The read-only `partnercenter:` documents: a customer's full JSON as Partner Center sent it, one tab per
 * customer, pretty-printed with the editor's indentation, refreshed in place.
 */
export class CustomerDocuments implements vscode.Disposable, vscode.TextDocumentContentProvider {
  /** The customer each open document shows, by URI: its content never needs another request. */
  private readonly shown = new Map<string, Fetched<Customer>>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[] = [];

  readonly onDidChange = this.changed.event;

  constructor(private readonly services: Services) {
    this.disposables.push(
      this.changed,
      vscode.workspace.registerTextDocumentContentProvider(CUSTOMER_DOCUMENT_SCHEME, this),
      vscode.workspace.onDidCloseTextDocument((document) => this.shown.delete(document.uri.toString())),
      // Fetched anywhere (the tree's refresh, the billing panel's): the open tab shows the newest data.
      services.client.onDidFetchCustomer(({ tenant, customerId, fetched }) =>
        this.showFetched({ tenantId: tenant, customerId }, fetched),
      ),
      vscode.workspace.onDidChangeConfiguration((event) => {
        for (const document of this.openDocuments()) {
          if (event.affectsConfiguration('editor.tabSize', document) || event.affectsConfiguration('editor.insertSpaces', document)) {
            this.changed.fire(document.uri);
          }
        }
      }),
    );
  }

  /**
   * Fetches the customer (from the client's cache when fresh), then shows its document: the tab already open
   * for that customer if there is one. A failed fetch throws and opens nothing.
   */
  async open(target: CustomerRef, options: CustomerDocumentOptions = {}): Promise<vscode.TextEditor> {
    const fetched = await this.services.client.getCustomer(target.tenantId, target.customerId, {
      correlationId: options.correlationId,
    });
    const uri = this.existingUri(target) ?? this.uriFor(target, fetched.value);
    this.update(uri, fetched);
    const document = await vscode.workspace.openTextDocument(uri);
    return vscode.window.showTextDocument(document, { preview: false });
  }

  /**
   * The tab's Refresh: refetches the customer a `partnercenter:` document shows, bypassing the cache. The
   * document (and the tree, and a billing panel) update in place from the client's fetch announcement.
   * A failed fetch throws; the document keeps what it showed.
   */
  async refresh(uri: vscode.Uri, options: CustomerDocumentOptions = {}): Promise<void> {
    if (uri.scheme !== CUSTOMER_DOCUMENT_SCHEME) throw new Error(notADocument(uri));
    const key = this.targetOf(uri);
    await this.services.client.getCustomer(key.tenantId, key.customerId, { correlationId: options.correlationId, bypassCache: true });
  }

  /** Shows newer data of a customer in its open document, if any. */
  private showFetched(target: CustomerRef, fetched: Fetched<Customer>): void {
    const uri = this.existingUri(target);
    if (uri) this.update(uri, fetched);
  }

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const known = this.shown.get(uri.toString());
    if (known) return this.render(uri, known);
    // Not opened in this session (a window reload restored the tab, or any URI): fetch it through the client.
    let key: CustomerRef;
    try {
      key = this.targetOf(uri);
    } catch (error) {
      return errorMessage(error); // nothing was requested
    }
    const abort = new AbortController();
    const cancellation = token.onCancellationRequested(() => abort.abort());
    try {
      const fetched = await this.services.client.getCustomer(key.tenantId, key.customerId, { signal: abort.signal });
      this.shown.set(uri.toString(), fetched);
      return this.render(uri, fetched);
    } catch (error) {
      this.services.log.error(`Customer JSON of ${key.customerId} (tenant ${key.tenantId}) could not be loaded: ${errorMessage(error)}`);
      return vscode.l10n.t(
        'The customer {0} of partner tenant {1} could not be loaded: {2}\n\nRun "Partner Center: Open Customer JSON" on the customer to try again.',
        key.customerId,
        key.tenantId,
        errorMessage(error),
      );
    } finally {
      cancellation.dispose();
    }
  }

  dispose(): void {
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
    this.shown.clear();
  }

  /**
   * The customer a document URI names, its tenant spelled as configured. Throws (requesting nothing) for a path
   * this extension did not make, a tenant that is not configured, or invalid settings.
   */
  private targetOf(uri: vscode.Uri): CustomerRef {
    const settings = this.services.config.require();
    const target = documentTarget(uri.path, settings.tenants);
    if (target.ok) return target.target;
    if (target.reason === 'notADocument') throw new Error(notADocument(uri));
    throw new Error(
      vscode.l10n.t(
        'This document is of partner tenant {0}, which is not configured (partnerCenter.tenants: {1}). Nothing was requested.',
        // Quoted as JSON: a line break or other control character in the URI shows as what it is.
        JSON.stringify(target.tenantId),
        settings.tenants.join(', '),
      ),
    );
  }

  private update(uri: vscode.Uri, fetched: Fetched<Customer>): void {
    const known = this.shown.has(uri.toString());
    this.shown.set(uri.toString(), fetched);
    // A document VS Code has not loaded yet reads the map when it asks for the content.
    if (known) this.changed.fire(uri);
  }

  private render(uri: vscode.Uri, fetched: Fetched<Customer>): string {
    return formatCustomerJson(fetched.raw, indentationFor(uri));
  }

  private uriFor(key: CustomerRef, customer: Customer): vscode.Uri {
    return vscode.Uri.from({ scheme: CUSTOMER_DOCUMENT_SCHEME, path: customerDocumentPath(key, customerDisplayName(customer)) });
  }

  /**
   * The URI already used for this customer, whatever its company name was then: reopening from anywhere
   * (tree, palette, billing panel) lands on the same tab, even after a rename.
   */
  private existingUri(key: CustomerRef): vscode.Uri | undefined {
    for (const document of this.openDocuments()) {
      const documentKey = parseCustomerDocumentPath(document.uri.path);
      if (documentKey && sameCustomer(documentKey, key)) return document.uri;
    }
    return undefined;
  }

  private openDocuments(): vscode.TextDocument[] {
    return vscode.workspace.textDocuments.filter((document) => document.uri.scheme === CUSTOMER_DOCUMENT_SCHEME);
  }
}

function notADocument(uri: vscode.Uri): string {
  return vscode.l10n.t('This is not a Partner Center customer document: {0}', uri.toString());
}

/** The editor's indentation for this document: `[json]` and folder-level settings apply. */
function indentationFor(uri: vscode.Uri): Indentation {
  const editor = vscode.workspace.getConfiguration('editor', { uri, languageId: 'json' });
  return { insertSpaces: editor.get<boolean>('insertSpaces') !== false, tabSize: normalizeTabSize(editor.get('tabSize')) };
}

/** Registers the `partnercenter:` provider; extension.ts disposes it on deactivation. */
export function registerCustomerDocuments(services: Services): CustomerDocuments {
  return new CustomerDocuments(services);
}
