import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { cloudLabel } from '../api/clouds';
import type { Customer } from '../api/schemas';
import type { Fetched, RequestOptions } from '../api/types';
import type { CustomerTarget } from '../commands/targets';
import type { Services } from '../services';
import type { Settings } from '../settings';
import { CustomersTreeProvider } from './customersTreeProvider';
import { CustomerLists } from './model/customerLists';
import { fullListFetchers, searchFetchers } from './model/customerSources';
import { Loadable } from './model/loadable';
import { type ListEntry, PagedCustomerList } from './model/pagedCustomerList';
import { affectsCustomerLists } from './model/settingsChange';
import { CustomerNode } from './nodes/customerNode';
import { LoadMoreNode } from './nodes/loadMoreNode';
import { ErrorNode, MessageNode } from './nodes/messageNode';
import { TenantNode } from './nodes/tenantNode';
import type { TreeNode } from './nodes/treeNode';

export const CUSTOMERS_VIEW_ID = 'partnerCenter.customers';
const SEARCHING_CONTEXT = 'partnerCenter.searching';

/** Options of the view's operations: the user action they belong to. */
export interface ActionOptions {
  readonly correlationId?: string;
}

/** The customers view and what the commands do to it. */
export interface CustomersView extends vscode.Disposable {
  readonly provider: CustomersTreeProvider;
  readonly view: vscode.TreeView<TreeNode>;
  /** The active search text, undefined when the view shows the full lists. */
  readonly searchText: string | undefined;
  /** Everything (no node), a tenant, a customer (its details only: loaded pages stay), or retries an error node. */
  refresh(node?: TreeNode, options?: ActionOptions): Promise<void>;
  refreshTenant(tenantId: string, options?: ActionOptions): Promise<void>;
  /** Refetches one customer, bypassing the cache; the lists keep their pages. */
  refreshCustomer(target: CustomerTarget, options?: ActionOptions): Promise<void>;
  /** Re-runs the load an error node stands for. */
  retry(node: ErrorNode, options?: ActionOptions): Promise<void>;
  /** Loads the next page of a tenant's shown list, reveals the first new customer; returns how many were added. */
  loadMore(tenantId: string, options?: ActionOptions): Promise<number>;
  /** Filters the view to customers whose name or domain starts with the text; returns the matches loaded. */
  search(text: string, options?: ActionOptions): Promise<number>;
  clearSearch(): Promise<void>;
  /** Selects a customer in the view; when it is not in the shown list and `searchText` is given, filters to it first. */
  reveal(target: CustomerTarget, options?: ActionOptions & { readonly searchText?: string }): Promise<boolean>;
  /** Forgets what the tree loaded (pages, details, failures) and renders again from page 1; the search stays. */
  reset(): void;
}

export function registerCustomersView(services: Services): CustomersView {
  return new CustomersViewController(services);
}

class CustomersViewController implements CustomersView {
  readonly provider: CustomersTreeProvider;
  readonly view: vscode.TreeView<TreeNode>;
  private readonly lists = new CustomerLists((tenantId, query) => this.createList(tenantId, query));
  private readonly details = new Map<string, Loadable<Fetched<Customer>>>();
  /** Node objects are reused per id: `onDidChangeTreeData` and `reveal` need the instance the tree knows. */
  private readonly customerNodes = new Map<string, CustomerNode>();
  private readonly tenantNodes = new Map<string, TenantNode>();
  /** Per tenant: aborting it cancels what the tree asked for (not other consumers' requests). */
  private readonly aborts = new Map<string, AbortController>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly services: Services) {
    this.provider = new CustomersTreeProvider(() => this.roots());
    this.view = vscode.window.createTreeView(CUSTOMERS_VIEW_ID, { treeDataProvider: this.provider, showCollapseAll: true });
    this.disposables.push(
      this.provider,
      this.view,
      services.config.onDidChange(({ previous, current }) => {
        if (affectsCustomerLists(previous, current)) this.reset();
        else this.updateMessage();
      }),
      services.session.onDidChange(() => this.reset()),
      // Fetched elsewhere (a billing panel's Refresh): an expanded customer shows the same, newest data.
      services.client.onDidFetchCustomer(({ tenant, customerId, fetched }) => this.showFetched(tenant, customerId, fetched)),
    );
    this.updateMessage();
  }

  get searchText(): string | undefined {
    return this.lists.searchText;
  }

  // ---- what the tree asks for ----

  private async roots(): Promise<TreeNode[]> {
    this.updateMessage();
    const settings = this.readySettings();
    // Nothing while not connected: the welcome view says what to do.
    if (!settings) return [];
    if (settings.tenants.length === 1) return this.listChildren(settings.tenants[0]!, undefined);
    return settings.tenants.map((tenantId) => this.tenantNode(tenantId, settings));
  }

  /** The shown list of a tenant: its customers, then "Load more…", an error, or "No customers". */
  async listChildren(tenantId: string, parent: TenantNode | undefined): Promise<TreeNode[]> {
    const list = this.lists.active(tenantId);
    if (list.needsLoad) {
      await this.withProgress(list.loadNext({ correlationId: randomUUID() }));
      this.updateMessage();
    }
    const nodes: TreeNode[] = list.entries.map((entry) => this.entryNode(tenantId, entry, parent));
    if (list.error !== undefined) {
      nodes.push(new ErrorNode(`${tenantId}/#error`, list.error, parent, (correlationId) => this.retryList(tenantId, correlationId)));
    } else if (list.hasMore && list.pagesLoaded > 0) {
      // Counts every row shown, unreadable customers too: they were loaded (and page sizes add up).
      nodes.push(new LoadMoreNode(tenantId, list.entries.length, parent, list.invalidCount));
    } else if (list.pagesLoaded > 0 && list.entries.length === 0) {
      const text = this.lists.searchText;
      const message =
        text === undefined
          ? vscode.l10n.t('No customers')
          : vscode.l10n.t('No customers whose name or domain starts with "{0}"', text);
      nodes.push(new MessageNode(`${tenantId}/#empty`, message, parent));
    }
    return nodes;
  }

  /** A customer's children from one `getCustomer` request; a failure stays (as an error row) until retried. */
  async customerChildren(node: CustomerNode): Promise<TreeNode[]> {
    const details = this.detailsOf(node.tenantId, node.customerId);
    if (!details.settled) await this.withProgress(details.ensure(randomUUID()));
    if (details.error !== undefined) {
      const retry = (correlationId: string) => this.retryCustomer(node.tenantId, node.customerId, correlationId);
      return [new ErrorNode(`${node.id}/#error`, details.error, node, retry)];
    }
    const fetched = details.value;
    if (!fetched) return [];
    node.update(fetched.value);
    return node.detailNodes(fetched.value);
  }

  // ---- operations ----

  async refresh(node?: TreeNode, options: ActionOptions = {}): Promise<void> {
    if (node instanceof ErrorNode) return this.retry(node, options);
    if (node instanceof TenantNode) return this.refreshTenant(node.tenantId, options);
    // A customer, or a row inside one (profile, property): that customer only.
    const scoped = node as Partial<CustomerTarget> | undefined;
    if (typeof scoped?.tenantId === 'string' && typeof scoped.customerId === 'string') {
      return this.refreshCustomer({ tenantId: scoped.tenantId, customerId: scoped.customerId }, options);
    }
    return this.refreshTenants(this.configuredTenants(), options);
  }

  refreshTenant(tenantId: string, options: ActionOptions = {}): Promise<void> {
    return this.refreshTenants([tenantId], options);
  }

  async refreshCustomer(target: CustomerTarget, options: ActionOptions = {}): Promise<void> {
    const key = `${target.tenantId}/${target.customerId}`;
    const node = this.customerNodes.get(key);
    this.services.client.invalidate(target.tenantId, target.customerId);
    // Fetched even when the tree does not show it: an open billing panel or JSON tab may (onDidFetchCustomer).
    const details = this.detailsOf(target.tenantId, target.customerId);
    await this.withProgress(details.reload({ fresh: true, correlationId: options.correlationId }));
    if (node) {
      if (details.value) node.update(details.value.value);
      this.provider.refresh(node);
    }
  }

  retry(node: ErrorNode, options: ActionOptions = {}): Promise<void> {
    return node.retry(options.correlationId ?? randomUUID());
  }

  async loadMore(tenantId: string, options: ActionOptions = {}): Promise<number> {
    const list = this.lists.active(tenantId);
    const outcome = await this.withProgress(list.loadNext({ correlationId: options.correlationId }));
    const parent = this.listParent(tenantId);
    this.provider.refresh(parent);
    this.updateMessage();
    const first = outcome.added[0];
    if (first) {
      // Keep the user's place: the first new customer takes the place of the "Load more…" row they clicked.
      await this.revealNode(this.customerNode(tenantId, first, parent));
    }
    return outcome.added.length;
  }

  async search(text: string, options: ActionOptions = {}): Promise<number> {
    const query = text.trim();
    if (!query) {
      await this.clearSearch();
      return 0;
    }
    this.lists.setSearch(query);
    await vscode.commands.executeCommand('setContext', SEARCHING_CONTEXT, true);
    const tenants = this.readySettings()?.tenants ?? [];
    await this.withProgress(
      Promise.all(
        tenants.map((tenantId) => {
          const list = this.lists.active(tenantId);
          // Searching again for the same text is the user asking again: a failed search is retried.
          return list.needsLoad || list.error !== undefined ? list.loadNext({ correlationId: options.correlationId }) : undefined;
        }),
      ),
    );
    this.provider.refresh(undefined);
    this.updateMessage();
    return this.lists.searchSummary(tenants)?.count ?? 0;
  }

  async clearSearch(): Promise<void> {
    this.lists.clearSearch();
    await vscode.commands.executeCommand('setContext', SEARCHING_CONTEXT, false);
    this.provider.refresh(undefined);
    this.updateMessage();
  }

  async reveal(target: CustomerTarget, options: ActionOptions & { readonly searchText?: string } = {}): Promise<boolean> {
    const settings = this.readySettings();
    if (!settings?.tenants.includes(target.tenantId)) return false;
    const find = async (): Promise<Customer | undefined> => {
      const list = this.lists.active(target.tenantId);
      if (list.needsLoad) await this.withProgress(list.loadNext({ correlationId: options.correlationId }));
      return list.find(target.customerId);
    };
    let customer = await find();
    if (!customer && options.searchText) {
      await this.search(options.searchText, options);
      customer = await find();
    }
    if (!customer) return false;
    await this.revealNode(this.customerNode(target.tenantId, customer, this.listParent(target.tenantId)));
    return true;
  }

  dispose(): void {
    for (const controller of this.aborts.values()) controller.abort();
    for (const disposable of this.disposables) disposable.dispose();
  }

  // ---- state ----

  private createList(tenantId: string, query: string | undefined): PagedCustomerList {
    const decorate = (options: RequestOptions): RequestOptions => ({ ...options, signal: this.abortOf(tenantId).signal });
    const fetchers =
      query === undefined
        ? fullListFetchers(this.services.client, tenantId, decorate)
        : searchFetchers(this.services.client, tenantId, query, decorate);
    return new PagedCustomerList(fetchers);
  }

  private showFetched(tenantId: string, customerId: string, fetched: Fetched<Customer>): void {
    const key = `${tenantId}/${customerId}`;
    const details = this.details.get(key);
    if (!details?.settled || details.value === fetched) return;
    details.replace(fetched);
    const node = this.customerNodes.get(key);
    if (node) {
      node.update(fetched.value);
      this.provider.refresh(node);
    }
  }

  private detailsOf(tenantId: string, customerId: string): Loadable<Fetched<Customer>> {
    const key = `${tenantId}/${customerId}`;
    let details = this.details.get(key);
    if (!details) {
      details = new Loadable(({ fresh, correlationId }) =>
        this.services.client.getCustomer(tenantId, customerId, {
          correlationId,
          bypassCache: fresh,
          signal: this.abortOf(tenantId).signal,
        }),
      );
      this.details.set(key, details);
    }
    return details;
  }

  private abortOf(tenantId: string): AbortController {
    let controller = this.aborts.get(tenantId);
    if (!controller) {
      controller = new AbortController();
      this.aborts.set(tenantId, controller);
    }
    return controller;
  }

  /** Cancels what the tree queued for a tenant; later requests get a fresh signal. */
  private cancelTenant(tenantId: string): void {
    this.aborts.get(tenantId)?.abort();
    this.aborts.delete(tenantId);
  }

  /**
   * A row of a list. An unreadable customer is an error row in its place; its Retry reloads the tenant's
   * list past the cache, as the tenant's Refresh does: an item cannot be re-read on its own (it may lack even
   * a valid id), and the cached page would give the same answer.
   */
  private entryNode(tenantId: string, entry: ListEntry, parent: TenantNode | undefined): TreeNode {
    if (entry.kind === 'customer') return this.customerNode(tenantId, entry.customer, parent);
    const retry = (correlationId: string) => this.refreshTenants([tenantId], { correlationId });
    return new ErrorNode(`${tenantId}/#invalid/${entry.key}`, entry.invalid.error, parent, retry);
  }

  private customerNode(tenantId: string, customer: Customer, parent: TenantNode | undefined): CustomerNode {
    const key = `${tenantId}/${customer.id}`;
    let node = this.customerNodes.get(key);
    if (node && node.parent === parent) {
      // Details fetched later than the list item are newer: keep them.
      if (!this.details.get(key)?.value) node.update(customer);
      return node;
    }
    node = new CustomerNode(tenantId, customer, parent, this);
    this.customerNodes.set(key, node);
    return node;
  }

  private tenantNode(tenantId: string, settings: Settings): TenantNode {
    let node = this.tenantNodes.get(tenantId);
    if (!node) {
      node = new TenantNode(tenantId, cloudLabel(settings.cloud), this);
      this.tenantNodes.set(tenantId, node);
    }
    return node;
  }

  /** Where a tenant's list is shown: under its tenant node, or at the root when it is the only tenant. */
  private listParent(tenantId: string): TenantNode | undefined {
    const settings = this.readySettings();
    if (!settings || settings.tenants.length < 2) return undefined;
    return this.tenantNode(tenantId, settings);
  }

  private async retryList(tenantId: string, correlationId: string): Promise<void> {
    await this.withProgress(this.lists.active(tenantId).loadNext({ correlationId }));
    this.provider.refresh(this.listParent(tenantId));
    this.updateMessage();
  }

  private async retryCustomer(tenantId: string, customerId: string, correlationId: string): Promise<void> {
    await this.withProgress(this.detailsOf(tenantId, customerId).reload({ fresh: false, correlationId }));
    const node = this.customerNodes.get(`${tenantId}/${customerId}`);
    if (node) this.provider.refresh(node);
  }

  /**
   * Reloads tenants: their cached data is forgotten, what the tree queued for them is cancelled, the shown
   * lists are fetched again with as many pages as were loaded (ids are unchanged, so expansion is kept),
   * lists not on screen reload when shown, and expanded customers fetch their details again.
   */
  private async refreshTenants(tenantIds: readonly string[], options: ActionOptions): Promise<void> {
    const reloads: Promise<unknown>[] = [];
    for (const tenantId of tenantIds) {
      this.cancelTenant(tenantId);
      this.services.client.invalidate(tenantId);
      for (const key of [...this.details.keys()]) if (key.startsWith(`${tenantId}/`)) this.details.delete(key);
      const shown = this.lists.active(tenantId);
      for (const list of this.lists.listsOf(tenantId)) if (list !== shown) list.markStale();
      if (shown.pagesLoaded > 0 || shown.error !== undefined) reloads.push(shown.reload({ correlationId: options.correlationId }));
    }
    await this.withProgress(Promise.all(reloads));
    this.provider.refresh(tenantIds.length === 1 ? this.listParent(tenantIds[0]!) : undefined);
    this.updateMessage();
  }

  /** New settings or another account: everything is built again on demand; the search text stays. */
  reset(): void {
    for (const tenantId of [...this.aborts.keys()]) this.cancelTenant(tenantId);
    this.lists.reset();
    this.details.clear();
    this.customerNodes.clear();
    this.tenantNodes.clear();
    this.provider.refresh(undefined);
    this.updateMessage();
  }

  // ---- helpers ----

  /**
   * The settings when requests can be sent. The session re-evaluates after a settings change (and then resets
   * the tree); until it has caught up with a change of cloud, nothing is loaded rather than something failing.
   */
  private readySettings(): Settings | undefined {
    const result = this.services.config.current;
    const session = this.services.session;
    if (!result.ok || !session.ready) return undefined;
    return (result.settings.cloud === 'local') === (session.state === 'local') ? result.settings : undefined;
  }

  private configuredTenants(): readonly string[] {
    const result = this.services.config.current;
    return result.ok ? result.settings.tenants : [];
  }

  /** `TreeView.message`: what is wrong with the settings, or what a search shows. */
  private updateMessage(): void {
    const result = this.services.config.current;
    let message: string | undefined;
    if (!result.ok) {
      message = vscode.l10n.t('Partner Center settings need attention: {0}', result.problems.join(' '));
    } else if (this.services.session.ready) {
      const summary = this.lists.searchSummary(result.settings.tenants);
      if (summary?.failed) {
        message = vscode.l10n.t('Customers whose name or domain starts with "{0}": the search failed ({1} loaded)', summary.text, summary.count);
      } else if (summary) {
        message = summary.more
          ? vscode.l10n.t('Customers whose name or domain starts with "{0}": {1} loaded, more available', summary.text, summary.count)
          : vscode.l10n.t('Customers whose name or domain starts with "{0}": {1}', summary.text, summary.count);
      }
    }
    if (this.view.message !== message) this.view.message = message;
  }

  private async revealNode(node: CustomerNode): Promise<void> {
    try {
      await this.view.reveal(node, { select: true, focus: true, expand: false });
    } catch (error) {
      // Revealing is a courtesy: the data is loaded and shown either way.
      this.services.log.warn(`Could not reveal ${node.id}: ${(error as Error).message}`);
    }
  }

  private withProgress<T>(task: Promise<T>): Promise<T> {
    return Promise.resolve(vscode.window.withProgress({ location: { viewId: CUSTOMERS_VIEW_ID } }, () => task));
  }
}
