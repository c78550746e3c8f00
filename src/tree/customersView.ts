import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { cloudLabel } from '../api/clouds';
import { errorMessage, isPartnerCenterError } from '../api/errors';
import type { Customer } from '../api/schemas';
import type { Fetched } from '../api/types';
import { type CustomerRef, customerRef, isCustomerGuid } from '../customerRef';
import type { Services } from '../services';
import type { Settings } from '../settings';
import { CustomersTreeProvider } from './customersTreeProvider';
import { CustomersState } from './model/customersState';
import { QueuedLoads } from './model/queuedLoads';
import { Pins } from './model/pins';
import type { ListEntry } from './model/pagedCustomerList';
import { affectsCustomerLists } from './model/settingsChange';
import { NodeIds } from './nodeIds';
import { NodeRegistry } from './nodeRegistry';
import type { CustomerNode } from './nodes/customerNode';
import { LoadMoreNode } from './nodes/loadMoreNode';
import { ErrorNode, MessageNode } from './nodes/messageNode';
import { GonePinNode, type PinnedNode } from './nodes/pinnedNode';
import type { TenantNode } from './nodes/tenantNode';
import type { TreeNode } from './nodes/treeNode';
import { customersViewMessage } from './viewMessage';

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
  /** The pinned customers of each tenant (globalState, per cloud), shown first in a Pinned node. */
  readonly pins: Pins;
  /** The active search text, undefined when the view shows the full lists. */
  readonly searchText: string | undefined;
  /** Reloads every configured tenant. */
  refreshAll(options?: ActionOptions): Promise<void>;
  refreshTenant(tenantId: string, options?: ActionOptions): Promise<void>;
  /** Refetches one customer, bypassing the cache; the lists keep their pages. */
  refreshCustomer(target: CustomerRef, options?: ActionOptions): Promise<void>;
  /** Re-runs the load an error node stands for. */
  retry(node: ErrorNode, options?: ActionOptions): Promise<void>;
  /** Loads the next page of a tenant's shown list, reveals the first new customer; returns how many were added. */
  loadMore(tenantId: string, options?: ActionOptions): Promise<number>;
  /** Filters the view to customers whose name or domain starts with the text; returns the matches loaded. */
  search(text: string, options?: ActionOptions): Promise<number>;
  clearSearch(): Promise<void>;
  /** Selects a customer in the view; when it is not in the shown list and `searchText` is given, filters to it first. */
  reveal(target: CustomerRef, options?: ActionOptions & { readonly searchText?: string }): Promise<boolean>;
  /** Forgets what the tree loaded (pages, details, failures) and renders again from page 1; the search stays. */
  reset(): void;
  /** When the tenant's full list last loaded from page 1 (what Refresh what changed reads the log since). */
  fullListLoadedSince(tenantId: string): Date | undefined;
  /** Customers fetched again for Refresh what changed: rows updated in place, new ones at the top of the list. */
  applyChanged(tenantId: string, changes: readonly { readonly fetched: Fetched<Customer>; readonly isNew: boolean }[]): void;
}

export function registerCustomersView(services: Services): CustomersView {
  return new CustomersViewController(services);
}

/** Turns the tree's state into nodes and talks to `vscode.TreeView`: rendering, messages, progress, reveal. */
class CustomersViewController implements CustomersView {
  readonly provider: CustomersTreeProvider;
  readonly view: vscode.TreeView<TreeNode>;
  readonly pins: Pins;
  private readonly state: CustomersState;
  private readonly nodes = new NodeRegistry(this);
  private readonly queuedLoads: QueuedLoads;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly services: Services) {
    this.state = new CustomersState(services.client);
    this.queuedLoads = new QueuedLoads(services.client, () => this.updateMessage());
    const globalState = services.context.globalState;
    this.pins = new Pins(globalState, () => (services.config.current.ok ? services.config.current.settings.cloud : ''));
    globalState.setKeysForSync(this.pins.syncKeys());
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
      this.pins.onDidChange(() => {
        globalState.setKeysForSync(this.pins.syncKeys());
        this.provider.refresh(undefined);
      }),
      // Fetched elsewhere (a billing panel's Refresh): an expanded customer shows the same, newest data.
      services.client.onDidFetchCustomer(({ tenant, customerId, fetched }) => {
        const ref = customerRef(tenant, customerId);
        if (this.state.acceptFetched(ref, fetched)) this.rerenderCustomer(ref, fetched.value);
      }),
    );
    this.updateMessage();
  }

  get searchText(): string | undefined {
    return this.state.searchText;
  }

  // ---- what the tree asks for ----

  private async roots(): Promise<TreeNode[]> {
    this.updateMessage();
    const settings = this.readySettings();
    // Nothing while not connected: the welcome view says what to do.
    if (!settings) return [];
    if (settings.tenants.length === 1) return this.listChildren(settings.tenants[0]!, undefined);
    return settings.tenants.map((tenantId) => this.nodes.tenant(tenantId, cloudLabel(settings.cloud)));
  }

  /** The shown list of a tenant: its customers, then "Load more…", an error, or "No customers". */
  async listChildren(tenantId: string, parent: TenantNode | undefined): Promise<TreeNode[]> {
    if (this.state.listOf(tenantId).needsLoad) {
      await this.load(tenantId, () => this.state.ensureList(tenantId, randomUUID()));
      this.updateMessage();
    }
    const list = this.state.listOf(tenantId);
    const nodes: TreeNode[] = list.entries.map((entry) => this.entryNode(tenantId, entry, parent));
    // Pinned first, while the view shows the full lists (a search shows its matches only).
    if (this.state.searchText === undefined && this.pins.of(tenantId).length) nodes.unshift(this.nodes.pinnedGroup(tenantId, parent));
    if (list.error !== undefined) {
      nodes.push(this.errorNode(NodeIds.error(tenantId), tenantId, list.error, parent, (correlationId) => this.retryList(tenantId, correlationId)));
    } else if (list.hasMore && list.pagesLoaded > 0) {
      // Counts every row shown, unreadable customers too: they were loaded (and page sizes add up).
      nodes.push(new LoadMoreNode(tenantId, list.entries.length, parent, list.invalidCount));
    } else if (list.pagesLoaded > 0 && list.entries.length === 0) {
      const text = this.state.searchText;
      const message =
        text === undefined
          ? vscode.l10n.t('No customers')
          : isCustomerGuid(text)
            ? vscode.l10n.t('No customer with id {0} in this partner tenant', text)
            : vscode.l10n.t('No customers whose name or domain starts with "{0}"', text);
      nodes.push(new MessageNode(NodeIds.emptyList(tenantId), message, parent));
    }
    return nodes;
  }

  /** A customer's children from one `getCustomer` request; a failure stays (as an error row) until retried. */
  async customerChildren(node: CustomerNode): Promise<TreeNode[]> {
    const details = this.state.detailsOf(node);
    if (!details.settled) await this.load(node.tenantId, () => details.ensure(randomUUID()));
    if (details.error !== undefined) {
      const retry = (correlationId: string) => this.retryCustomer(node, correlationId);
      return [this.errorNode(NodeIds.error(node.id), node.tenantId, details.error, node, retry)];
    }
    const fetched = details.value;
    if (!fetched) return [];
    node.update(fetched.value);
    return node.detailNodes(fetched.value);
  }

  /** A tenant's pinned customers, each loaded by id (cached, throttled); one that is gone (404) offers Unpin. */
  async pinnedChildren(group: PinnedNode): Promise<TreeNode[]> {
    const refs = this.pins.of(group.tenantId);
    const correlationId = randomUUID();
    const pending = refs.map((ref) => this.state.detailsOf(ref)).filter((details) => !details.settled);
    if (pending.length) await this.load(group.tenantId, () => Promise.all(pending.map((details) => details.ensure(correlationId))));
    return refs.map((ref): TreeNode => {
      const details = this.state.detailsOf(ref);
      if (details.value) return this.nodes.pinnedCustomer(group, details.value.value);
      const error = details.error;
      if (isPartnerCenterError(error) && error.status === 404) return new GonePinNode(ref.tenantId, ref.customerId, error, group);
      const retry = async (retryId: string) => {
        await this.load(ref.tenantId, () => this.state.retryCustomer(ref, retryId));
        this.provider.refresh(group);
      };
      return this.errorNode(NodeIds.error(NodeIds.pinnedCustomer(ref)), ref.tenantId, error, group, retry);
    });
  }

  isPinned(ref: CustomerRef): boolean {
    return this.pins.isPinned(ref);
  }

  // ---- operations ----

  fullListLoadedSince(tenantId: string): Date | undefined {
    return this.state.fullListLoadedSince(tenantId);
  }

  applyChanged(tenantId: string, changes: readonly { readonly fetched: Fetched<Customer>; readonly isNew: boolean }[]): void {
    if (this.state.applyChanged(tenantId, changes)) this.provider.refresh(this.listParent(tenantId));
  }

  refreshAll(options: ActionOptions = {}): Promise<void> {
    return this.refreshTenants(this.configuredTenants(), options);
  }

  refreshTenant(tenantId: string, options: ActionOptions = {}): Promise<void> {
    return this.refreshTenants([tenantId], options);
  }

  async refreshCustomer(target: CustomerRef, options: ActionOptions = {}): Promise<void> {
    await this.load(target.tenantId, () => this.state.refreshCustomer(target, options.correlationId));
    const fetched = this.state.fetchedDetails(target);
    for (const node of [this.nodes.existingCustomer(target), this.nodes.existingPinned(target)]) {
      if (!node) continue;
      if (fetched) node.update(fetched.value);
      this.provider.refresh(node);
    }
  }

  retry(node: ErrorNode, options: ActionOptions = {}): Promise<void> {
    return node.retry(options.correlationId ?? randomUUID());
  }

  async loadMore(tenantId: string, options: ActionOptions = {}): Promise<number> {
    const outcome = await this.load(tenantId, () => this.state.loadMore(tenantId, options.correlationId));
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
    const tenants = this.readySettings()?.tenants ?? [];
    const searching = this.state.search(query, tenants, options.correlationId);
    await vscode.commands.executeCommand('setContext', SEARCHING_CONTEXT, true);
    await this.withProgress(searching);
    this.provider.refresh(undefined);
    this.updateMessage();
    return this.state.searchSummary(tenants)?.count ?? 0;
  }

  async clearSearch(): Promise<void> {
    this.state.clearSearch();
    await vscode.commands.executeCommand('setContext', SEARCHING_CONTEXT, false);
    this.provider.refresh(undefined);
    this.updateMessage();
  }

  async reveal(target: CustomerRef, options: ActionOptions & { readonly searchText?: string } = {}): Promise<boolean> {
    if (!this.readySettings()?.tenants.includes(target.tenantId)) return false;
    const find = async (): Promise<Customer | undefined> => {
      if (this.state.listOf(target.tenantId).needsLoad) {
        await this.load(target.tenantId, () => this.state.ensureList(target.tenantId, options.correlationId));
      }
      return this.state.listOf(target.tenantId).find(target.customerId);
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

  /** New settings or another account: everything is built again on demand; the search text stays. */
  reset(): void {
    this.state.reset();
    this.nodes.clear();
    this.provider.refresh(undefined);
    this.updateMessage();
  }

  dispose(): void {
    this.state.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }

  // ---- rendering ----

  /**
   * A row of a list. An unreadable customer is an error row in its place; its Retry reloads the tenant's
   * list past the cache, as the tenant's Refresh does: an item cannot be re-read on its own (it may lack even
   * a valid id), and the cached page would give the same answer.
   */
  private entryNode(tenantId: string, entry: ListEntry, parent: TenantNode | undefined): TreeNode {
    if (entry.kind === 'customer') return this.customerNode(tenantId, entry.customer, parent);
    const retry = (correlationId: string) => this.refreshTenants([tenantId], { correlationId });
    return this.errorNode(NodeIds.invalidEntry(tenantId, entry.key), tenantId, entry.invalid.error, parent, retry);
  }

  private customerNode(tenantId: string, customer: Customer, parent: TenantNode | undefined): CustomerNode {
    const newer = this.state.fetchedDetails(customerRef(tenantId, customer.id)) !== undefined;
    return this.nodes.customer(tenantId, customer, parent, newer);
  }

  private rerenderCustomer(ref: CustomerRef, customer: Customer): void {
    for (const node of [this.nodes.existingCustomer(ref), this.nodes.existingPinned(ref)]) {
      if (!node) continue;
      node.update(customer);
      this.provider.refresh(node);
    }
  }

  /** Where a tenant's list is shown: under its tenant node, or at the root when it is the only tenant. */
  private listParent(tenantId: string): TenantNode | undefined {
    const settings = this.readySettings();
    if (!settings || settings.tenants.length < 2) return undefined;
    return this.nodes.tenant(tenantId, cloudLabel(settings.cloud));
  }

  private async retryList(tenantId: string, correlationId: string): Promise<void> {
    await this.load(tenantId, () => this.state.loadMore(tenantId, correlationId));
    this.provider.refresh(this.listParent(tenantId));
    this.updateMessage();
  }

  private async retryCustomer(ref: CustomerRef, correlationId: string): Promise<void> {
    await this.load(ref.tenantId, () => this.state.retryCustomer(ref, correlationId));
    const node = this.nodes.existingCustomer(ref);
    if (node) this.provider.refresh(node);
  }

  private async refreshTenants(tenantIds: readonly string[], options: ActionOptions): Promise<void> {
    await this.withProgress(this.state.refreshTenants(tenantIds, options.correlationId));
    this.provider.refresh(tenantIds.length === 1 ? this.listParent(tenantIds[0]!) : undefined);
    this.updateMessage();
  }

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

  private updateMessage(): void {
    const result = this.services.config.current;
    const search = result.ok && this.services.session.ready ? this.state.searchSummary(result.settings.tenants) : undefined;
    const message = [customersViewMessage(result, search), this.queuedLoads.text()].filter(Boolean).join(' ') || undefined;
    if (this.view.message !== message) this.view.message = message;
  }

  private async revealNode(node: CustomerNode): Promise<void> {
    try {
      await this.view.reveal(node, { select: true, focus: true, expand: false });
    } catch (error) {
      // Revealing is a courtesy: the data is loaded and shown either way.
      this.services.log.warn(`Could not reveal ${node.id}: ${errorMessage(error)}`);
    }
  }

  /** An error row of a tenant's load; signed in to a real cloud, a refused token (401) offers Sign in again. */
  private errorNode(id: string, tenantId: string, error: unknown, parent: TreeNode | undefined, retry: (correlationId: string) => Promise<void>): ErrorNode {
    return new ErrorNode(id, error, parent, retry, this.services.session.state === 'signedIn' ? tenantId : undefined);
  }

  /** A load for one tenant: the view's progress bar, and its message while the request waits in the tenant's queue. */
  private load<T>(tenantId: string, start: () => Promise<T>): Promise<T> {
    return this.withProgress(this.queuedLoads.track(tenantId, start));
  }

  private withProgress<T>(task: Promise<T>): Promise<T> {
    return Promise.resolve(vscode.window.withProgress({ location: { viewId: CUSTOMERS_VIEW_ID } }, () => task));
  }
}
