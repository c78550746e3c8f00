import { isCancellation } from '../../api/errors';
import type { Customer } from '../../api/schemas';
import type { CustomerPage, InvalidCustomer, PageCursor, RequestOptions } from '../../api/types';
import { PageCursorHistory, isPagingDeadEnd } from '../../api/pageCursorHistory';
import { yieldToEventLoop } from '../../api/yieldToEventLoop';
import { customerIdKey } from '../../customerRef';

// The loaded part of one customer collection (a tenant's full list, or its search results).

/** Fetches one page of one server-side collection: the first page without a cursor, else the page it points to. */
export type PageFetcher = (cursor: PageCursor | undefined, options: RequestOptions) => Promise<CustomerPage>;

/**
 * One row of the list, in page order: a customer, or a list item that failed validation, shown as an error in
 * its place. `key` is unique in the list and stable across reloads: the item's id, or its rank among those
 * without one.
 */
export type ListEntry =
  | { readonly kind: 'customer'; readonly customer: Customer }
  | { readonly kind: 'invalid'; readonly key: string; readonly invalid: InvalidCustomer };

/** What one load did. A cancelled load changes nothing and records no failure. */
export interface LoadOutcome {
  /** Customers that were not shown before, in display order. */
  readonly added: readonly Customer[];
  readonly error?: unknown;
  readonly cancelled?: boolean;
  /** The list was reloaded while this load ran: its result was dropped. */
  readonly superseded?: boolean;
}

interface SourceState {
  /** `initial`: never fetched; `more`: `cursor` points to the next page; `done`: no further page. */
  phase: 'initial' | 'more' | 'done';
  cursor?: PageCursor;
  /** The cursors this source followed since the list was (re)loaded: a server's paging loop fails here. */
  readonly history: PageCursorHistory;
  /** The last attempt failed: the next load retries exactly this page. */
  failed: boolean;
}

interface Snapshot {
  readonly sources: SourceState[];
  readonly items: Customer[];
  /** `customerIdKey`s of the items. */
  readonly ids: Set<string>;
  readonly entries: ListEntry[];
  /** Keys of the invalid entries: a search's two sources can both list the same broken item. */
  readonly invalidKeys: Set<string>;
  rounds: number;
  error?: unknown;
  /** When its first page was asked for: what a later change is newer than. */
  startedAt?: Date;
}

function emptySnapshot(sourceCount: number): Snapshot {
  return {
    sources: Array.from({ length: sourceCount }, () => ({ phase: 'initial' as const, history: new PageCursorHistory(), failed: false })),
    items: [],
    ids: new Set(),
    entries: [],
    invalidKeys: new Set(),
    rounds: 0,
  };
}

/**
 * A customer list merged from one or more paged sources (the full list has one; a search has two, name and
 * domain, whose results are merged by id). "Load more" fetches the next page of every source that has one; a
 * failure is kept (nothing is re-fetched by merely looking at the list) until the next load retries the failed
 * pages only. A reload fetches as many pages as were loaded and swaps them in at once, so the old items stay
 * visible while it runs.
 */
export class PagedCustomerList {
  private current: Snapshot;
  private generation = 0;
  private pending: Promise<LoadOutcome> | undefined;
  private stale = false;
  /** A page failed in a way only a walk from the first page cures: the next load (Retry) reloads. */
  private restartOnNextLoad = false;

  constructor(private readonly fetchers: readonly PageFetcher[]) {
    if (fetchers.length === 0) throw new Error('A customer list needs at least one source.');
    this.current = emptySnapshot(fetchers.length);
  }

  /** The valid customers. */
  get items(): readonly Customer[] {
    return this.current.items;
  }

  /** What the list shows: the customers and the invalid items, in page order. */
  get entries(): readonly ListEntry[] {
    return this.current.entries;
  }

  /** How many of `entries` are invalid items. */
  get invalidCount(): number {
    return this.current.invalidKeys.size;
  }

  /** The last load's failure, kept until a load succeeds. */
  get error(): unknown {
    return this.current.error;
  }

  /** A further page exists on some source (only meaningful when there is no error). */
  get hasMore(): boolean {
    return this.current.sources.some((source) => source.phase !== 'done');
  }

  /** How many loads ("pages") have succeeded. */
  get pagesLoaded(): number {
    return this.current.rounds;
  }

  get isLoading(): boolean {
    return this.pending !== undefined;
  }

  /** Nothing loaded and nothing failed yet, or marked stale: showing it should load it. */
  get needsLoad(): boolean {
    return this.stale || (this.current.rounds === 0 && this.current.error === undefined);
  }

  /** When the loaded pages started loading (the first page asked for); undefined before any load. */
  get loadedSince(): Date | undefined {
    return this.current.rounds > 0 ? this.current.startedAt : undefined;
  }

  /**
   * A customer fetched again (Refresh what changed): replaces its loaded row in place, or with `insertFirst`
   * puts a customer the list does not have at its top (a new customer). True when the list changed.
   */
  upsert(customer: Customer, insertFirst: boolean): boolean {
    const key = customerIdKey(customer.id);
    const snapshot = this.current;
    if (snapshot.ids.has(key)) {
      const index = snapshot.items.findIndex((c) => customerIdKey(c.id) === key);
      snapshot.items[index] = customer;
      const entry = snapshot.entries.findIndex((e) => e.kind === 'customer' && customerIdKey(e.customer.id) === key);
      snapshot.entries[entry] = { kind: 'customer', customer };
      return true;
    }
    if (!insertFirst) return false;
    snapshot.ids.add(key);
    snapshot.items.unshift(customer);
    snapshot.entries.unshift({ kind: 'customer', customer });
    return true;
  }

  find(customerId: string): Customer | undefined {
    const key = customerIdKey(customerId);
    return this.current.ids.has(key) ? this.current.items.find((c) => customerIdKey(c.id) === key) : undefined;
  }

  /** Loads the next page (or retries the failed one); concurrent calls share one load. A stale list reloads instead. */
  loadNext(options: RequestOptions = {}): Promise<LoadOutcome> {
    if (this.stale) return this.reload(options);
    if (this.pending) return this.pending;
    if (this.restartOnNextLoad) return this.reload(options);
    const generation = this.generation;
    const loading = this.loadRound(this.current, options).then((outcome) =>
      generation === this.generation ? outcome : { added: [], superseded: true },
    );
    return this.share(loading);
  }

  /**
   * Fetches the list again, as many pages as were loaded (at least one), and replaces the items when done.
   * Stops early at a failure, which is then shown after what did load.
   */
  reload(options: RequestOptions = {}): Promise<LoadOutcome> {
    this.stale = false;
    this.restartOnNextLoad = false;
    const generation = ++this.generation;
    const target = Math.max(1, this.current.rounds);
    const next = emptySnapshot(this.fetchers.length);
    const reloading = (async (): Promise<LoadOutcome> => {
      let outcome: LoadOutcome = { added: [] };
      while (next.rounds < target && next.sources.some((s) => s.phase !== 'done')) {
        // Pages answered from the cache resolve at once: give timers, I/O and Cancel a turn between them.
        if (next.rounds > 0) await yieldToEventLoop();
        outcome = await this.loadRound(next, options);
        if (generation !== this.generation) return { added: [], superseded: true };
        if (outcome.error !== undefined || outcome.cancelled) break;
      }
      if (outcome.cancelled) {
        // Keep what is shown; the next load tries again.
        this.stale = true;
        return outcome;
      }
      const before = this.current.ids;
      this.current = next;
      return { ...outcome, added: next.items.filter((c) => !before.has(customerIdKey(c.id))) };
    })();
    return this.share(reloading);
  }

  /** Marks the loaded pages as out of date: the next load reloads them (used for lists not on screen). */
  markStale(): void {
    this.stale = true;
  }

  /** Makes a load the one concurrent callers share until it settles. */
  private share(loading: Promise<LoadOutcome>): Promise<LoadOutcome> {
    const shared = loading.finally(() => {
      if (this.pending === shared) this.pending = undefined;
    });
    this.pending = shared;
    return shared;
  }

  /** One round: the pending page of every source that needs one, fetched together, merged in source order. */
  private async loadRound(snapshot: Snapshot, options: RequestOptions): Promise<LoadOutcome> {
    const retrying = snapshot.sources.some((source) => source.failed);
    const due = snapshot.sources
      .map((source, index) => ({ source, index }))
      .filter(({ source }) => (retrying ? source.failed : source.phase !== 'done'));
    if (due.length === 0) return { added: [] };
    snapshot.startedAt ??= new Date();
    const results = await Promise.allSettled(
      due.map(async ({ source, index }) => {
        const page = await this.fetchers[index]!(source.cursor, options);
        // A page linking to one already read fails like a failed page: kept, and met again by a retry.
        if (page.next) source.history.follow(page.next);
        return page;
      }),
    );
    const added: Customer[] = [];
    let error: unknown;
    let cancelled = false;
    results.forEach((result, position) => {
      const { source } = due[position]!;
      if (result.status === 'rejected') {
        if (isCancellation(result.reason)) {
          cancelled = true;
        } else {
          source.failed = true;
          error ??= result.reason;
          if (isPagingDeadEnd(result.reason)) this.restartOnNextLoad = true;
        }
        return;
      }
      source.failed = false;
      source.cursor = result.value.next;
      source.phase = result.value.next ? 'more' : 'done';
      for (const entry of result.value.entries) {
        if (entry.kind === 'invalid') {
          addInvalid(snapshot, entry.invalid);
          continue;
        }
        const customer = entry.customer;
        if (snapshot.ids.has(customerIdKey(customer.id))) continue;
        snapshot.ids.add(customerIdKey(customer.id));
        snapshot.items.push(customer);
        snapshot.entries.push(entry);
        added.push(customer);
      }
    });
    snapshot.error = error;
    if (error === undefined && !cancelled) snapshot.rounds++;
    return { added, ...(error !== undefined ? { error } : {}), ...(cancelled ? { cancelled } : {}) };
  }
}

/** An invalid item joins the list once (by id when it has one), in its place among the customers. */
function addInvalid(snapshot: Snapshot, invalid: InvalidCustomer): void {
  if (invalid.id !== undefined && snapshot.ids.has(customerIdKey(invalid.id))) return;
  const key = invalid.id !== undefined ? `id:${invalid.id}` : `#${snapshot.invalidKeys.size}`;
  if (snapshot.invalidKeys.has(key)) return;
  snapshot.invalidKeys.add(key);
  snapshot.entries.push({ kind: 'invalid', key, invalid });
}
