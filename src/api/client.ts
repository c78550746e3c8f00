import { randomUUID } from 'node:crypto';
import type * as z from './zod';
import { type ApiTarget, type TokenSource, sameTarget } from './auth';
import { type CacheKey, ResponseCache } from './cache';
import { type AuditQuery, auditQueryString, checkAuditQuery } from './auditQuery';
import { auditCollectionSchema } from './auditSchemas';
import { type ClientSettings, cacheTtlMs, windowLimits } from './clientSettings';
import { customerPage } from './customerPage';
import { customerPath } from './customerPath';
import { errorMessage } from './errors';
import { type HttpClientOptions, PartnerCenterHttp } from './http';
import { isRecord } from './json';
import type { Logger } from './logger';
import { type Pacing, RateLimiter, type WindowLimits } from './rateLimiter';
import {
  type BillingProfile,
  type CompanyProfile,
  type Customer,
  type CustomerCollection,
  billingProfileSchema,
  companyProfileSchema,
  customerCollectionSchema,
  customerSchema,
  decodeHtmlEntities,
  relationshipRequestSchema,
} from './schemas';
import type {
  BillingProfileUpdate,
  AuditPage,
  CustomerFetched,
  CustomerPage,
  CustomerSearchField,
  Fetched,
  PageCursor,
  PartnerCenterApi,
  RequestOptions,
  Subscription,
  TenantId,
  UpdateOptions,
} from './types';

export interface PartnerCenterClientOptions {
  /** The validated settings, read at every call: changes apply to the next call. May throw (invalid settings). */
  readonly settings: () => ClientSettings;
  readonly tokens: TokenSource;
  readonly logger: Logger;
  /** The extension's version, for `MS-PartnerCenter-Client`. */
  readonly clientVersion: string;
  /** `X-Locale` (e.g. `fr-FR`), read at every request. */
  readonly locale: () => string;
  /** Per-attempt timeout; default 30 s. */
  readonly timeoutMs?: number;
  /** First retry backoff step; default 500 ms. */
  readonly retryBaseMs?: number;
  /** How the rate limiter spreads sends within the rolling window; default `windowed` (see rateLimiter.ts). */
  readonly pacing?: Pacing;
}

/** The HTTP layer's timings a test may shorten (see HttpClientOptions). */
export type HttpTimings = Partial<Pick<HttpClientOptions, 'timeoutMs' | 'retryBaseMs' | 'maxRetries' | 'maxThrottleWaitMs'>>;

type ProfileKind = 'company' | 'billing';

/** The rate limiter and the HTTP layer over it. */
interface Transport {
  readonly limiter: RateLimiter;
  readonly http: PartnerCenterHttp;
}

/** What a call works with: the settings it read and the transport they configured. */
interface Current {
  readonly settings: ClientSettings;
  readonly http: PartnerCenterHttp;
}

/** A cached result's weight against the cache's bound: a page counts its customers (100 weigh as much as 100 by id). */
function cachedWeight(value: unknown): number {
  return isRecord(value) && Array.isArray(value.entries) ? value.entries.length : 1;
}

/**
 * The one Partner Center client of an activation (see PartnerCenterApi). Reads go through a cache with
 * in-flight sharing, then the HTTP layer, which paces every send through the tenant's rate limiter.
 * A customer by id embeds both profiles, so its profiles and JSON are served from that one request.
 */
export class PartnerCenterClient implements PartnerCenterApi {
  private readonly cache = new ResponseCache({ weigh: cachedWeight });
  private readonly customerListeners = new Set<(event: CustomerFetched) => void>();
  /**
   * Made at the first settings read that succeeds, so the limiter starts with the configured limits; later reads
   * reconfigure it. Until then nothing can be sent (every call reads the settings first).
   */
  private transport: Transport | undefined;
  /** The API of the last settings read: a change drops everything cached and cancels what was queued. */
  private target: ApiTarget | undefined;
  /** Timings replacing the options' from the next transport on (useHttpTimings). */
  private timings: HttpTimings = {};

  constructor(private readonly options: PartnerCenterClientOptions) {}

  async listCustomers(tenant: TenantId, cursor?: PageCursor, options: RequestOptions = {}): Promise<CustomerPage> {
    const current = this.applyCurrentSettings();
    if (cursor) return this.page(tenant, current, cursor.uri, cursor.headers, undefined, options);
    return this.page(tenant, current, `/v1/customers?size=${current.settings.pageSize}`, {}, undefined, options);
  }

  async searchCustomers(
    tenant: TenantId,
    field: CustomerSearchField,
    prefix: string,
    cursor?: PageCursor,
    options: RequestOptions = {},
  ): Promise<CustomerPage> {
    const current = this.applyCurrentSettings();
    if (cursor) return this.page(tenant, current, cursor.uri, cursor.headers, undefined, options);
    // Key order Field, Value, Operator: the order the Partner Center SDK serializes the filter in.
    const filter = encodeURIComponent(JSON.stringify({ Field: field, Value: prefix, Operator: 'starts_with' }));
    return this.page(tenant, current, `/v1/customers?size=${current.settings.pageSize}&filter=${filter}`, {}, filter, options);
  }

  async getCustomer(tenant: TenantId, customerId: string, options: RequestOptions = {}): Promise<Fetched<Customer>> {
    const current = this.applyCurrentSettings();
    const path = customerPath(customerId);
    // Keyed case-insensitively: the customer asked for in another case is the same cached result and the same
    // request in flight; the request itself names the id as given.
    return this.cache.load(customerKey(tenant, customerId), cacheTtlMs(current.settings), options, async (signal) => {
      const fetched = await this.fetch(tenant, current, { uri: path, within: path }, customerSchema, options, signal);
      this.customerFetched({ tenant, customerId, fetched });
      return fetched;
    });
  }

  /**
   * One page of the partner's audit records: the first of a query (checked before sending: 90 days back at
   * most, 30 days wide at most) or the page a cursor points to. Never cached: the log is read to see what is new.
   */
  async auditRecords(tenant: TenantId, query: AuditQuery, cursor?: PageCursor, options: RequestOptions = {}): Promise<AuditPage> {
    const current = this.applyCurrentSettings();
    const { settings, http } = current;
    let uri = cursor?.uri;
    if (!uri) {
      checkAuditQuery(query, new Date());
      uri = `/v1/auditrecords?${auditQueryString(query, settings.pageSize)}`;
    }
    const correlationId = options.correlationId ?? randomUUID();
    const result = await http.get({
      tenant,
      target: settings,
      uri,
      headers: cursor?.headers ?? {},
      schema: auditCollectionSchema,
      correlationId,
      signal: options.signal,
    });
    const seekUri = `/v1/auditrecords?${auditQueryString(query, settings.pageSize)}&seekOperation=Next`;
    const records = result.value.items.flatMap((item) => (item.ok ? [item.record] : []));
    const invalid = result.value.items.flatMap((item) => (item.ok ? [] : [item.problem]));
    for (const problem of invalid) {
      this.options.logger.warn(`${result.request}: an audit record does not match the schema (left out): ${problem}`);
    }
    const next = nextCursor(result.value, seekUri);
    return { records, invalid, ...(next ? { next } : {}) };
  }

  onDidFetchCustomer(listener: (event: CustomerFetched) => void): Subscription {
    this.customerListeners.add(listener);
    return { dispose: () => this.customerListeners.delete(listener) };
  }

  peekCustomer(tenant: TenantId, customerId: string): Fetched<Customer> | undefined {
    if (!this.tryApplyCurrentSettings()) return undefined;
    return this.cache.peek<Fetched<Customer>>(customerKey(tenant, customerId));
  }

  getCompanyProfile(tenant: TenantId, customerId: string, options: RequestOptions = {}): Promise<Fetched<CompanyProfile>> {
    return this.profile(tenant, customerId, 'company', options);
  }

  getBillingProfile(tenant: TenantId, customerId: string, options: RequestOptions = {}): Promise<Fetched<BillingProfile>> {
    return this.profile(tenant, customerId, 'billing', options);
  }

  async updateBillingProfile(
    tenant: TenantId,
    customerId: string,
    profile: Readonly<Record<string, unknown>>,
    etag: string,
    options: UpdateOptions = {},
  ): Promise<BillingProfileUpdate> {
    const current = this.applyCurrentSettings();
    const within = customerPath(customerId);
    const uri = `${within}/profiles/billing`;
    const correlationId = options.correlationId ?? randomUUID();
    const signal = options.signal ?? new AbortController().signal;
    const body = { ...profile, attributes: { ...(isRecord(profile.attributes) ? profile.attributes : {}), etag } };
    // The write's own code loads with the first write: reading customers never needs it.
    const [{ writeBillingProfile }, { billingFormOf }] = await Promise.all([import('./billingUpdate'), import('./billingChanges')]);
    const result = await writeBillingProfile(
      {
        put: async () => {
          const headers = { 'If-Match': `"${etag}"` };
          const request = { tenant, target: current.settings, uri, within, headers, body: JSON.stringify(body), correlationId, signal };
          const answer = await current.http.put({ ...request, schema: billingProfileSchema });
          return { value: answer.value, raw: answer.raw, fetchedAt: answer.receivedAt };
        },
        readBack: () => this.fetch(tenant, current, { uri, within }, billingProfileSchema, { correlationId }, signal),
      },
      billingFormOf(body),
      etag,
    );
    // Whatever the outcome, what was read is what Partner Center has now: every view shows it.
    this.billingProfileChanged(tenant, customerId, result.outcome === 'saved' ? result.profile : result.latest, current, options.customer);
    return result;
  }

  async getRelationshipRequestUrl(tenant: TenantId, options: RequestOptions = {}): Promise<string> {
    const current = this.applyCurrentSettings();
    const fetched = await this.cache.load({ tenant, id: 'relationshiprequests' }, cacheTtlMs(current.settings), options, (signal) =>
      this.fetch(tenant, current, { uri: '/v1/customers/relationshiprequests' }, relationshipRequestSchema, options, signal),
    );
    // Older responses carried the URL HTML-escaped (`&amp;`); the link must work when pasted.
    return decodeHtmlEntities(fetched.value.url);
  }

  invalidate(tenant: TenantId, customerId?: string): void {
    this.cache.invalidate(tenant, customerId);
  }

  cancel(tenant?: TenantId): void {
    this.transport?.limiter.cancel(tenant);
    this.cache.cancelFlights(tenant);
  }

  /** Requests of this tenant waiting for the rate limit. */
  queueDepth(tenant: TenantId): number {
    return this.transport?.limiter.queueDepth(tenant) ?? 0;
  }

  /** Roughly how long until `count` more requests of this tenant will have been sent (ms): for ETAs. */
  estimatedWaitMs(tenant: TenantId, count = 1): number {
    // Before any call the limits are not known yet: read them. Invalid settings send nothing, so nothing to wait for.
    if (!this.transport) this.tryApplyCurrentSettings();
    return this.transport?.limiter.estimateWaitMs(tenant, count) ?? 0;
  }

  /**
   * Applies changed settings now rather than at the next call: what was queued for an endpoint no longer
   * configured is cancelled at once.
   */
  settingsChanged(): void {
    this.tryApplyCurrentSettings();
  }

  /**
   * For tests of failures: a short per-attempt timeout and retry backoff, so a fault costs seconds, not minutes.
   * What is queued or in flight is cancelled; the next call starts a transport with these timings.
   */
  useHttpTimings(timings: HttpTimings): void {
    this.timings = timings;
    this.cancel();
    this.transport?.limiter.dispose();
    this.transport = undefined;
  }

  dispose(): void {
    this.customerListeners.clear();
    this.cancel();
    this.transport?.limiter.dispose();
    this.cache.dispose();
  }

  /** A billing profile written or read back: cached on its own and inside its customer, and announced. */
  private billingProfileChanged(
    tenant: TenantId,
    customerId: string,
    profile: Fetched<BillingProfile>,
    current: Current,
    fallback: Fetched<Customer> | undefined,
  ): void {
    const ttlMs = cacheTtlMs(current.settings);
    this.cache.set({ tenant, customerId, id: 'profiles/billing' }, profile, ttlMs);
    const base = this.cache.peek<Fetched<Customer>>(customerKey(tenant, customerId)) ?? fallback;
    if (!base) return;
    const fetched: Fetched<Customer> = {
      value: { ...base.value, billingProfile: profile.value },
      raw: isRecord(base.raw) ? { ...base.raw, billingProfile: profile.raw } : base.raw,
      fetchedAt: profile.fetchedAt,
    };
    this.cache.set(customerKey(tenant, customerId), fetched, ttlMs);
    this.customerFetched({ tenant, customerId, fetched });
  }

  /** A listener's failure is its own: it never turns a successful fetch into an error for the caller. */
  private customerFetched(event: CustomerFetched): void {
    for (const listener of [...this.customerListeners]) {
      try {
        listener(event);
      } catch (error) {
        this.options.logger.error(`A customer listener failed: ${errorMessage(error)}`);
      }
    }
  }

  /**
   * Reads the settings and applies what changed: limits to the limiter; a new endpoint drops the cache and
   * cancels what was queued. Throws when the settings are invalid (applying nothing).
   */
  private applyCurrentSettings(): Current {
    const settings = this.options.settings();
    if (this.target !== undefined && !sameTarget(this.target, settings)) {
      this.options.logger.info(`Partner Center endpoint changed to ${settings.apiBase}: cache cleared, queued requests cancelled`);
      this.cancel();
      this.cache.clear();
    }
    this.target = { cloud: settings.cloud, apiBase: settings.apiBase };
    const limits = windowLimits(settings);
    if (this.transport) this.transport.limiter.configure(limits);
    else this.transport = this.createTransport(limits);
    return { settings, http: this.transport.http };
  }

  /** applyCurrentSettings for callers that only want the settings applied: invalid ones are reported by every call. */
  private tryApplyCurrentSettings(): Current | undefined {
    try {
      return this.applyCurrentSettings();
    } catch {
      return undefined;
    }
  }

  private createTransport(limits: WindowLimits): Transport {
    const { tokens, logger, clientVersion, locale, timeoutMs, retryBaseMs, pacing } = this.options;
    const limiter = new RateLimiter({ limits, logger, pacing });
    const http = new PartnerCenterHttp({ tokens, limiter, logger, clientVersion, locale, timeoutMs, retryBaseMs, ...this.timings });
    return { limiter, http };
  }

  private page(
    tenant: TenantId,
    current: Current,
    uri: string,
    headers: Readonly<Record<string, string>>,
    filter: string | undefined,
    options: RequestOptions,
  ): Promise<CustomerPage> {
    const key: CacheKey = { tenant, id: `customers ${uri} ${JSON.stringify(headers)}` };
    const { settings, http } = current;
    return this.cache.load(key, cacheTtlMs(settings), options, async (signal) => {
      const correlationId = options.correlationId ?? randomUUID();
      const result = await http.get({ tenant, target: settings, uri, headers, schema: customerCollectionSchema, correlationId, signal });
      const request = { requestId: result.requestId, correlationId, label: result.request };
      const seekUri = `/v1/customers?size=${settings.pageSize}&seekOperation=Next${filter ? `&filter=${filter}` : ''}`;
      const page = customerPage(result.value, request, nextCursor(result.value, seekUri));
      // Once per fetch (a cached page is not logged again): what support needs to find the broken item.
      for (const entry of page.entries) {
        if (entry.kind !== 'invalid') continue;
        this.options.logger.warn(`${request.label}: a list item does not match the schema (shown as an error in its place): ${entry.invalid.error.message}`);
      }
      return page;
    });
  }

  private async profile<K extends ProfileKind>(
    tenant: TenantId,
    customerId: string,
    kind: K,
    options: RequestOptions,
  ): Promise<Fetched<K extends 'company' ? CompanyProfile : BillingProfile>> {
    type Profile = K extends 'company' ? CompanyProfile : BillingProfile;
    const field = kind === 'company' ? 'companyProfile' : 'billingProfile';
    // The customer by id embeds both profiles: one request (shared with the tree and the JSON tab) serves all.
    const customer = await this.getCustomer(tenant, customerId, options);
    const embedded = customer.value[field];
    if (embedded) {
      const raw = isRecord(customer.raw) ? customer.raw[field] : undefined;
      return { value: embedded as Profile, raw, fetchedAt: customer.fetchedAt };
    }
    // Not embedded this time: ask the profile endpoint.
    const current = this.applyCurrentSettings();
    const schema = kind === 'company' ? companyProfileSchema : billingProfileSchema;
    const key: CacheKey = { tenant, customerId, id: `profiles/${kind}` };
    const within = customerPath(customerId);
    return this.cache.load(key, cacheTtlMs(current.settings), options, (signal) =>
      this.fetch(tenant, current, { uri: `${within}/profiles/${kind}`, within }, schema, options, signal),
    ) as Promise<Fetched<Profile>>;
  }

  private async fetch<S extends z.ZodMiniType>(
    tenant: TenantId,
    current: Current,
    resource: { readonly uri: string; readonly within?: string },
    schema: S,
    options: RequestOptions,
    signal: AbortSignal,
  ): Promise<Fetched<z.output<S>>> {
    const result = await current.http.get({
      tenant,
      target: current.settings,
      ...resource,
      schema,
      correlationId: options.correlationId ?? randomUUID(),
      signal,
    });
    return { value: result.value, raw: result.raw, fetchedAt: result.receivedAt };
  }
}

function customerKey(tenant: TenantId, customerId: string): CacheKey {
  return { tenant, customerId, id: 'customer' };
}

/** What paging reads of a collection, customers or audit records alike. */
type PagedCollection = Pick<CustomerCollection, 'continuationToken'> & {
  readonly links?: { readonly next?: { readonly uri: string; readonly headers?: readonly { key: string; value: string }[] | null } | null } | null;
};

/**
 * The next page: `links.next` (its uri and headers, as the SDK's enumerator does) or, when only a body
 * `continuationToken` exists, an explicit seek with the token in `MS-ContinuationToken`.
 */
function nextCursor(collection: PagedCollection, seekUri: string): PageCursor | undefined {
  const token = collection.continuationToken || undefined;
  const link = collection.links?.next;
  const tokenHeader: Record<string, string> = token ? { 'MS-ContinuationToken': token } : {};
  if (link?.uri) {
    const linkHeaders = Object.fromEntries((link.headers ?? []).map((header) => [header.key, header.value]));
    return { uri: link.uri, headers: { ...tokenHeader, ...linkHeaders } };
  }
  if (!token) return undefined;
  return { uri: seekUri, headers: tokenHeader };
}
