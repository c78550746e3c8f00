import type { AuditQuery } from './auditQuery';
import type { AuditRecord } from './auditSchemas';
import type { PartnerCenterError } from './errors';
import type { BillingProfile, CompanyProfile, Customer } from './schemas';

/** Options every client operation takes. */
export interface RequestOptions {
  /** Cancels this call: queued calls reject at once, a running request is aborted. */
  readonly signal?: AbortSignal;
  /** `MS-CorrelationId`: one per user action (an expansion, a command); generated when absent. */
  readonly correlationId?: string;
  /** Refresh: skip the cache (the fresh result replaces the cached one). */
  readonly bypassCache?: boolean;
}

/**
 * Where the next page of a collection is: the `links.next` of the previous page (uri + headers, e.g.
 * `MS-ContinuationToken`). Opaque to the UI: hand it back to the client to get that page.
 */
export interface PageCursor {
  readonly uri: string;
  readonly headers: Readonly<Record<string, string>>;
}

export interface CustomerPage {
  /** The valid customers of this page (list items carry only the company profile summary). */
  readonly customers: readonly Customer[];
  /** Every item of the page in the order received: the valid customers and, in their places, the invalid ones. */
  readonly entries: readonly CustomerPageEntry[];
  /** Present while a further page exists. */
  readonly next?: PageCursor;
}

export type CustomerPageEntry =
  | { readonly kind: 'customer'; readonly customer: Customer }
  | { readonly kind: 'invalid'; readonly invalid: InvalidCustomer };

/**
 * A list item that does not match the customer schema. It is validated on its own (its siblings are shown),
 * and shown as an error in its place, never dropped silently nor half-rendered.
 */
export interface InvalidCustomer {
  /** Its index in the page body's `items`. */
  readonly index: number;
  /** Its `id` when that at least is a non-empty string. */
  readonly id?: string;
  /** What is wrong, naming the field paths from the body root, e.g. `items[3].companyProfile: expected object`. */
  readonly problem: string;
  /** `invalidResponse`, with the field path and the page request's ids; its message is `problem` in a sentence. */
  readonly error: PartnerCenterError;
  /** The item as received. */
  readonly raw: unknown;
}

/** One page of audit records, newest first as the API sends them. */
export interface AuditPage {
  readonly records: readonly AuditRecord[];
  /** What is wrong with each record left out (it did not match the schema), for a message. */
  readonly invalid: readonly string[];
  readonly next?: PageCursor;
}

/** The two prefix-searchable fields (`starts_with`, case-insensitive). */
export type CustomerSearchField = 'CompanyName' | 'Domain';

/** A resource as validated, plus the body exactly as received (key order and unknown fields kept). */
export interface Fetched<T> {
  readonly value: T;
  readonly raw: unknown;
  readonly fetchedAt: Date;
}

/** A customer arrived from Partner Center (not from the cache): every view of that customer can show it. */
export interface CustomerFetched {
  readonly tenant: TenantId;
  readonly customerId: string;
  readonly fetched: Fetched<Customer>;
}

/**
 * What a billing-profile PUT came to. A refusal that is not a conflict (a field Partner Center rejects, a
 * 403…) is thrown as a PartnerCenterError instead.
 * - `saved`: the profile as saved, with its new etag (`readBack`: the answer was lost and the profile read back
 *   shows the write was applied);
 * - `conflict`: the etag was stale (400 code 2055 or 412), or the profile read back after a lost answer holds
 *   someone else's write: `latest` is what is on Partner Center now (one GET);
 * - `notSaved`: the answer was lost (timeout, reset, 5xx) and the profile read back is unchanged: nothing was
 *   written, and sending it again is safe.
 */
export type BillingProfileUpdate =
  | { readonly outcome: 'saved'; readonly profile: Fetched<BillingProfile>; readonly readBack: boolean }
  | { readonly outcome: 'conflict'; readonly latest: Fetched<BillingProfile> }
  | { readonly outcome: 'notSaved'; readonly latest: Fetched<BillingProfile>; readonly error: PartnerCenterError };

export interface UpdateOptions extends Pick<RequestOptions, 'signal' | 'correlationId'> {
  /**
   * The customer the edit started from: the saved profile is put into it for the views (tree row, JSON tab,
   * panel) when the client's cache no longer holds the customer.
   */
  readonly customer?: Fetched<Customer>;
}

/** Stops a listener. (Structurally a vscode.Disposable, without importing vscode into api/.) */
export interface Subscription {
  dispose(): void;
}

/** One partner tenant's identity as the client sees it: `default` when `partnerCenter.tenants` is empty. */
export type TenantId = string;

/**
 * The one Partner Center client of an activation, shared by the tree, the billing webview, the JSON
 * documents and export. Every call is throttled per tenant, validated, cached for `cacheSeconds` and
 * de-duplicated while in flight. Every failure is a PartnerCenterError.
 */
export interface PartnerCenterApi {
  /** First page (no cursor) or the page a cursor points to. */
  listCustomers(tenant: TenantId, cursor?: PageCursor, options?: RequestOptions): Promise<CustomerPage>;
  /** Server-side prefix search on company name or domain. */
  searchCustomers(
    tenant: TenantId,
    field: CustomerSearchField,
    prefix: string,
    cursor?: PageCursor,
    options?: RequestOptions,
  ): Promise<CustomerPage>;
  /** `GET /v1/auditrecords`: one page of the activity log (see auditQuery.ts for the bounds checked first). */
  auditRecords(tenant: TenantId, query: AuditQuery, cursor?: PageCursor, options?: RequestOptions): Promise<AuditPage>;
  /** `GET /v1/customers/{id}`: the customer with both profiles embedded. */
  getCustomer(tenant: TenantId, customerId: string, options?: RequestOptions): Promise<Fetched<Customer>>;
  /** The customer if it is in the cache and fresh; never sends a request. */
  peekCustomer(tenant: TenantId, customerId: string): Fetched<Customer> | undefined;
  getCompanyProfile(tenant: TenantId, customerId: string, options?: RequestOptions): Promise<Fetched<CompanyProfile>>;
  getBillingProfile(tenant: TenantId, customerId: string, options?: RequestOptions): Promise<Fetched<BillingProfile>>;
  /**
   * `PUT /v1/customers/{id}/profiles/billing`: `profile` is the full resource to write (the profile as last read
   * plus the changes); `etag` the one it was read with, sent in `If-Match` (quoted) and in `attributes.etag`.
   * Never sent twice blindly (see BillingProfileUpdate). A saved profile replaces the cached one (the customer's
   * embedded profile too) and is announced through onDidFetchCustomer: no extra request.
   */
  updateBillingProfile(
    tenant: TenantId,
    customerId: string,
    profile: Readonly<Record<string, unknown>>,
    etag: string,
    options?: UpdateOptions,
  ): Promise<BillingProfileUpdate>;
  /** The tenant's reseller-relationship request URL (one per partner tenant, HTML entities decoded). */
  getRelationshipRequestUrl(tenant: TenantId, options?: RequestOptions): Promise<string>;
  /**
   * Called after every by-id customer request answered (a refresh anywhere, a first expansion): the tree, an
   * open billing panel and an open JSON tab of that customer all show the same, newest data.
   */
  onDidFetchCustomer(listener: (event: CustomerFetched) => void): Subscription;
  /** Forgets cached results: one customer's, or everything of a tenant (lists, customers, link). */
  invalidate(tenant: TenantId, customerId?: string): void;
  /** Rejects every queued call of a tenant (or of all tenants) with a cancellation; running ones are aborted. */
  cancel(tenant?: TenantId): void;
  /** Calls of this tenant waiting for the rate limit. */
  queueDepth(tenant: TenantId): number;
  /** Roughly how long until `count` more calls of this tenant (behind those queued) will have been sent, in ms: for ETAs. */
  estimatedWaitMs(tenant: TenantId, count?: number): number;
}
