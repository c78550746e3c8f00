import type { Customer } from '../../api/schemas';
import type { Fetched, PartnerCenterApi, RequestOptions } from '../../api/types';
import { type CustomerRef, CustomerMap, tenantKey } from '../../customerRef';
import { CustomerLists, type SearchSummary } from './customerLists';
import { fullListFetchers, searchFetchers } from './customerSources';
import { Loadable } from './loadable';
import { type LoadOutcome, PagedCustomerList } from './pagedCustomerList';

/** What the tree's state asks of the client. */
export type CustomersClient = Pick<PartnerCenterApi, 'listCustomers' | 'searchCustomers' | 'getCustomer' | 'invalidate'>;

/**
 * What the customers tree has loaded and the rules for loading it again: each tenant's lists (full or search
 * results), each customer's details, and one abort signal per tenant for everything the tree asked for (so a
 * refresh cancels the tree's requests, never another consumer's). No rendering: the view controller turns
 * this into nodes.
 */
export class CustomersState {
  private readonly lists = new CustomerLists((tenantId, query) => this.createList(tenantId, query));
  private readonly details = new CustomerMap<Loadable<Fetched<Customer>>>();
  private readonly aborts = new Map<string, AbortController>();

  constructor(private readonly client: CustomersClient) {}

  /** The active search text, undefined when the view shows the full lists. */
  get searchText(): string | undefined {
    return this.lists.searchText;
  }

  /** The list a tenant shows now: its full list, or its search results. */
  listOf(tenantId: string): PagedCustomerList {
    return this.lists.active(tenantId);
  }

  /** Loads the shown list's first page if it has none (and no failure kept). */
  async ensureList(tenantId: string, correlationId?: string): Promise<PagedCustomerList> {
    const list = this.lists.active(tenantId);
    if (list.needsLoad) await list.loadNext({ correlationId });
    return list;
  }

  /** The next page of a tenant's shown list (or the failed one again). */
  loadMore(tenantId: string, correlationId?: string): Promise<LoadOutcome> {
    return this.lists.active(tenantId).loadNext({ correlationId });
  }

  /**
   * Starts (or keeps, for the same text) a search and loads the first page of results of each tenant that
   * has none. The same text again is the user asking again: a failed search is retried.
   */
  async search(text: string, tenantIds: readonly string[], correlationId?: string): Promise<void> {
    this.lists.setSearch(text);
    await Promise.all(
      tenantIds.map((tenantId) => {
        const list = this.lists.active(tenantId);
        return list.needsLoad || list.error !== undefined ? list.loadNext({ correlationId }) : undefined;
      }),
    );
  }

  /** Back to the full lists, with the pages they had. */
  clearSearch(): void {
    this.lists.clearSearch();
  }

  searchSummary(tenantIds: readonly string[]): SearchSummary | undefined {
    return this.lists.searchSummary(tenantIds);
  }

  /** A customer's details: loaded on demand; a failure is kept until reloaded. */
  detailsOf(ref: CustomerRef): Loadable<Fetched<Customer>> {
    let details = this.details.get(ref);
    if (!details) {
      const { tenantId, customerId } = ref;
      details = new Loadable(({ fresh, correlationId }) =>
        this.client.getCustomer(tenantId, customerId, { correlationId, bypassCache: fresh, signal: this.signalOf(tenantId) }),
      );
      this.details.set(ref, details);
    }
    return details;
  }

  /** The details fetched for a customer, when they were (they are newer than its list item). */
  fetchedDetails(ref: CustomerRef): Fetched<Customer> | undefined {
    return this.details.get(ref)?.value;
  }

  /**
   * A customer fetched elsewhere (a billing panel's or JSON tab's refresh). Taken only where the tree has
   * settled details of that customer; true when what the tree shows changed.
   */
  acceptFetched(ref: CustomerRef, fetched: Fetched<Customer>): boolean {
    const details = this.details.get(ref);
    if (!details?.settled || details.value === fetched) return false;
    details.replace(fetched);
    return true;
  }

  /** Refetches one customer past the cache, whether or not the tree shows it (a panel or tab may). */
  refreshCustomer(ref: CustomerRef, correlationId?: string): Promise<void> {
    this.client.invalidate(ref.tenantId, ref.customerId);
    return this.detailsOf(ref).reload({ fresh: true, correlationId });
  }

  /** Loads a customer's details again after a failure (the cache may answer). */
  retryCustomer(ref: CustomerRef, correlationId?: string): Promise<void> {
    return this.detailsOf(ref).reload({ fresh: false, correlationId });
  }

  /**
   * Reloads tenants: their cached data is forgotten, what the tree queued for them is cancelled, the shown
   * lists are fetched again with as many pages as were loaded (ids are unchanged, so expansion is kept),
   * lists not on screen reload when shown, and customers' details are fetched again when next looked at.
   */
  async refreshTenants(tenantIds: readonly string[], correlationId?: string): Promise<void> {
    const reloads: Promise<unknown>[] = [];
    for (const tenantId of tenantIds) {
      this.cancelTenant(tenantId);
      this.client.invalidate(tenantId);
      this.details.deleteTenant(tenantId);
      const shown = this.lists.active(tenantId);
      for (const list of this.lists.listsOf(tenantId)) if (list !== shown) list.markStale();
      if (shown.pagesLoaded > 0 || shown.error !== undefined) reloads.push(shown.reload({ correlationId }));
    }
    await Promise.all(reloads);
  }

  /** When the tenant's full list last started loading from page 1; undefined when it has not loaded. */
  fullListLoadedSince(tenantId: string): Date | undefined {
    return this.lists.fullList(tenantId).loadedSince;
  }

  /**
   * Customers fetched again because the activity log names them: each replaces its row in the tenant's full
   * list (a new one goes to the top), and expanded details take the fresh data. True when anything shown changed.
   */
  applyChanged(tenantId: string, changes: readonly { readonly fetched: Fetched<Customer>; readonly isNew: boolean }[]): boolean {
    let changed = false;
    const list = this.lists.fullList(tenantId);
    for (const { fetched, isNew } of changes) {
      if (list.upsert(fetched.value, isNew && list.pagesLoaded > 0)) changed = true;
    }
    return changed;
  }

  /** New settings or another account: everything is cancelled and forgotten; the search text stays. */
  reset(): void {
    for (const controller of this.aborts.values()) controller.abort();
    this.aborts.clear();
    this.lists.reset();
    this.details.clear();
  }

  dispose(): void {
    for (const controller of this.aborts.values()) controller.abort();
  }

  private createList(tenantId: string, query: string | undefined): PagedCustomerList {
    const decorate = (options: RequestOptions): RequestOptions => ({ ...options, signal: this.signalOf(tenantId) });
    const fetchers =
      query === undefined
        ? fullListFetchers(this.client, tenantId, decorate)
        : searchFetchers(this.client, tenantId, query, decorate);
    return new PagedCustomerList(fetchers);
  }

  /** The tenant's current signal; a cancelled tenant gets a fresh one for its next requests. */
  private signalOf(tenantId: string): AbortSignal {
    const key = tenantKey(tenantId);
    let controller = this.aborts.get(key);
    if (!controller) {
      controller = new AbortController();
      this.aborts.set(key, controller);
    }
    return controller.signal;
  }

  private cancelTenant(tenantId: string): void {
    const key = tenantKey(tenantId);
    this.aborts.get(key)?.abort();
    this.aborts.delete(key);
  }
}
