import type { PagedCustomerList } from './pagedCustomerList';

/** Builds a tenant's full list (`query` undefined) or its search results for `query`. */
export type ListFactory = (tenantId: string, query: string | undefined) => PagedCustomerList;

/** What the view shows while searching, summed over the tenants. */
export interface SearchSummary {
  readonly text: string;
  readonly count: number;
  /** Some tenant has a further page of results. */
  readonly more: boolean;
  /** Some tenant's search failed (its error row says why): the count is not all there is. */
  readonly failed: boolean;
}

/**
 * Which customer list each tenant shows: its full list, or while a search is active its search results.
 * The full lists are kept while searching, so clearing the search returns to them with their loaded pages.
 */
export class CustomerLists {
  private readonly full = new Map<string, PagedCustomerList>();
  private readonly results = new Map<string, PagedCustomerList>();
  private query: string | undefined;

  constructor(private readonly create: ListFactory) {}

  /** The active search text, if any. */
  get searchText(): string | undefined {
    return this.query;
  }

  /** The list a tenant shows now. */
  active(tenantId: string): PagedCustomerList {
    if (this.query === undefined) return this.fullList(tenantId);
    let list = this.results.get(tenantId);
    if (!list) {
      list = this.create(tenantId, this.query);
      this.results.set(tenantId, list);
    }
    return list;
  }

  fullList(tenantId: string): PagedCustomerList {
    let list = this.full.get(tenantId);
    if (!list) {
      list = this.create(tenantId, undefined);
      this.full.set(tenantId, list);
    }
    return list;
  }

  /** Starts (or keeps, when the text is the same) a search. */
  setSearch(text: string): void {
    if (text === this.query) return;
    this.results.clear();
    this.query = text;
  }

  /** Back to the full lists, as loaded before the search. */
  clearSearch(): void {
    this.results.clear();
    this.query = undefined;
  }

  /** Every list that exists for a tenant (shown or kept): what a refresh must renew. */
  listsOf(tenantId: string): PagedCustomerList[] {
    return [this.full.get(tenantId), this.results.get(tenantId)].filter((list) => list !== undefined);
  }

  /** Forgets every list (new settings or account): they are rebuilt on demand; the search text stays. */
  reset(): void {
    this.full.clear();
    this.results.clear();
  }

  /** The search results over the given tenants, or undefined when not searching. */
  searchSummary(tenantIds: readonly string[]): SearchSummary | undefined {
    if (this.query === undefined) return undefined;
    let count = 0;
    let more = false;
    let failed = false;
    for (const tenantId of tenantIds) {
      const list = this.results.get(tenantId);
      if (!list) continue;
      // Every row shown, unreadable matches too (as "N loaded" counts them).
      count += list.entries.length;
      more ||= list.hasMore && list.pagesLoaded > 0;
      failed ||= list.error !== undefined;
    }
    return { text: this.query, count, more, failed };
  }
}
