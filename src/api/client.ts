import * as l10n from '@vscode/l10n';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Settings } from '../settings';
import { type ApiTarget, type TokenSource, sameTarget } from './auth';
import { type CacheKey, ResponseCache } from './cache';
import { customerPage } from './customerPage';
import { PartnerCenterError } from './errors';
import { PartnerCenterHttp } from './http';
import type { Logger } from './logger';
import { type Pacing, RateLimiter } from './rateLimiter';
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
  CustomerFetched,
  CustomerPage,
  CustomerSearchField,
  Fetched,
  PageCursor,
  PartnerCenterApi,
  RequestOptions,
  Subscription,
  TenantId,
} from './types';

export interface PartnerCenterClientOptions {
  /** The validated settings, read at every call: changes apply to the next call. May throw (invalid settings). */
  readonly settings: () => Settings;
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
  /** How p-throttle paces before the rolling-window gate; default `windowed` (see rateLimiter.ts). */
  readonly pacing?: Pacing;
}

type ProfileKind = 'company' | 'billing';

/**
 * The one Partner Center client of an activation (see PartnerCenterApi). Reads go through a cache with
 * in-flight sharing, then the HTTP layer, which paces every send through the tenant's rate limiter.
 * A customer by id embeds both profiles, so its profiles and JSON are served from that one request.
 */
export class PartnerCenterClient implements PartnerCenterApi {
  private readonly limiter: RateLimiter;
  private readonly http: PartnerCenterHttp;
  private readonly cache = new ResponseCache();
  private readonly customerListeners = new Set<(event: CustomerFetched) => void>();
  /** The API of the last settings read: a change drops everything cached and cancels what was queued. */
  private target: ApiTarget | undefined;

  constructor(private readonly options: PartnerCenterClientOptions) {
    this.limiter = new RateLimiter({ limits: { requests: 500, windowMs: 60_000 }, logger: options.logger, pacing: options.pacing });
    this.http = new PartnerCenterHttp({
      tokens: options.tokens,
      limiter: this.limiter,
      logger: options.logger,
      clientVersion: options.clientVersion,
      locale: options.locale,
      timeoutMs: options.timeoutMs,
      retryBaseMs: options.retryBaseMs,
    });
  }

  async listCustomers(tenant: TenantId, cursor?: PageCursor, options: RequestOptions = {}): Promise<CustomerPage> {
    const settings = this.settings();
    if (cursor) return this.page(tenant, settings, cursor.uri, cursor.headers, undefined, options);
    return this.page(tenant, settings, `/v1/customers?size=${settings.pageSize}`, {}, undefined, options);
  }

  async searchCustomers(
    tenant: TenantId,
    field: CustomerSearchField,
    prefix: string,
    cursor?: PageCursor,
    options: RequestOptions = {},
  ): Promise<CustomerPage> {
    const settings = this.settings();
    if (cursor) return this.page(tenant, settings, cursor.uri, cursor.headers, undefined, options);
    // Key order Field, Value, Operator, as the SDK serializes it (REFERENCE.md §4.3).
    const filter = encodeURIComponent(JSON.stringify({ Field: field, Value: prefix, Operator: 'starts_with' }));
    return this.page(tenant, settings, `/v1/customers?size=${settings.pageSize}&filter=${filter}`, {}, filter, options);
  }

  async getCustomer(tenant: TenantId, customerId: string, options: RequestOptions = {}): Promise<Fetched<Customer>> {
    const settings = this.settings();
    const path = customerPath(customerId);
    return this.cache.load(customerKey(tenant, customerId), ttl(settings), options, async (signal) => {
      const fetched = await this.fetch(tenant, settings, path, customerSchema, options, signal);
      this.customerFetched({ tenant, customerId, fetched });
      return fetched;
    });
  }

  onDidFetchCustomer(listener: (event: CustomerFetched) => void): Subscription {
    this.customerListeners.add(listener);
    return { dispose: () => this.customerListeners.delete(listener) };
  }

  peekCustomer(tenant: TenantId, customerId: string): Fetched<Customer> | undefined {
    try {
      this.settings();
    } catch {
      return undefined;
    }
    return this.cache.peek<Fetched<Customer>>(customerKey(tenant, customerId));
  }

  getCompanyProfile(tenant: TenantId, customerId: string, options: RequestOptions = {}): Promise<Fetched<CompanyProfile>> {
    return this.profile(tenant, customerId, 'company', options);
  }

  getBillingProfile(tenant: TenantId, customerId: string, options: RequestOptions = {}): Promise<Fetched<BillingProfile>> {
    return this.profile(tenant, customerId, 'billing', options);
  }

  async getRelationshipRequestUrl(tenant: TenantId, options: RequestOptions = {}): Promise<string> {
    const settings = this.settings();
    const fetched = await this.cache.load({ tenant, id: 'relationshiprequests' }, ttl(settings), options, (signal) =>
      this.fetch(tenant, settings, '/v1/customers/relationshiprequests', relationshipRequestSchema, options, signal),
    );
    // Older responses carried the URL HTML-escaped (`&amp;`); the link must work when pasted.
    return decodeHtmlEntities(fetched.value.url);
  }

  invalidate(tenant: TenantId, customerId?: string): void {
    this.cache.invalidate(tenant, customerId);
  }

  cancel(tenant?: TenantId): void {
    this.limiter.cancel(tenant);
    this.cache.cancelFlights(tenant);
  }

  /** Requests of this tenant waiting for the rate limit. */
  queueDepth(tenant: TenantId): number {
    return this.limiter.queueDepth(tenant);
  }

  /** Roughly how long until `count` more requests of this tenant will have been sent (ms): for ETAs. */
  estimatedWaitMs(tenant: TenantId, count = 1): number {
    return this.limiter.estimateWaitMs(tenant, count);
  }

  /**
   * Applies changed settings now rather than at the next call: what was queued for an endpoint no longer
   * configured is cancelled at once.
   */
  settingsChanged(): void {
    try {
      this.settings();
    } catch {
      // Invalid settings: nothing to apply; every call reports them.
    }
  }

  dispose(): void {
    this.customerListeners.clear();
    this.cancel();
    this.limiter.dispose();
    this.cache.clear();
  }

  /** A listener's failure is its own: it never turns a successful fetch into an error for the caller. */
  private customerFetched(event: CustomerFetched): void {
    for (const listener of [...this.customerListeners]) {
      try {
        listener(event);
      } catch (error) {
        this.options.logger.error(`A customer listener failed: ${(error as Error)?.message ?? String(error)}`);
      }
    }
  }

  /** Reads the settings and applies what changed: limits to the limiter; a new endpoint drops the cache. */
  private settings(): Settings {
    const settings = this.options.settings();
    if (this.target !== undefined && !sameTarget(this.target, settings)) {
      this.options.logger.info(`Partner Center endpoint changed to ${settings.apiBase}: cache cleared, queued requests cancelled`);
      this.cancel();
      this.cache.clear();
    }
    this.target = { cloud: settings.cloud, apiBase: settings.apiBase };
    this.limiter.configure({ requests: settings.rateLimit.requests, windowMs: settings.rateLimit.windowSeconds * 1000 });
    return settings;
  }

  private page(
    tenant: TenantId,
    settings: Settings,
    uri: string,
    headers: Readonly<Record<string, string>>,
    filter: string | undefined,
    options: RequestOptions,
  ): Promise<CustomerPage> {
    const key: CacheKey = { tenant, id: `customers ${uri} ${JSON.stringify(headers)}` };
    return this.cache.load(key, ttl(settings), options, async (signal) => {
      const correlationId = options.correlationId ?? randomUUID();
      const result = await this.http.get({ tenant, target: settings, uri, headers, schema: customerCollectionSchema, correlationId, signal });
      const request = { requestId: result.requestId, correlationId, label: result.request };
      const page = customerPage(result.value, request, nextCursor(result.value, settings, filter));
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
    const settings = this.settings();
    const schema = kind === 'company' ? companyProfileSchema : billingProfileSchema;
    const key: CacheKey = { tenant, customerId, id: `${customerPath(customerId)}/profiles/${kind}` };
    return this.cache.load(key, ttl(settings), options, (signal) =>
      this.fetch(tenant, settings, key.id, schema, options, signal),
    ) as Promise<Fetched<Profile>>;
  }

  private async fetch<S extends z.ZodType>(
    tenant: TenantId,
    settings: Settings,
    uri: string,
    schema: S,
    options: RequestOptions,
    signal: AbortSignal,
  ): Promise<Fetched<z.output<S>>> {
    const result = await this.http.get({
      tenant,
      target: settings,
      uri,
      schema,
      correlationId: options.correlationId ?? randomUUID(),
      signal,
    });
    return { value: result.value, raw: result.raw, fetchedAt: result.receivedAt };
  }
}

function customerKey(tenant: TenantId, customerId: string): CacheKey {
  return { tenant, customerId, id: `customer ${customerId}` };
}

function customerPath(customerId: string): string {
  if (!customerId.trim()) {
    throw new PartnerCenterError({ kind: 'http', summary: l10n.t('No customer id was given.') });
  }
  return `/v1/customers/${encodeURIComponent(customerId)}`;
}

/**
 * The next page: `links.next` (its uri and headers, as the SDK's enumerator does) or, when only a body
 * `continuationToken` exists, an explicit seek with the token in `MS-ContinuationToken`.
 */
function nextCursor(collection: CustomerCollection, settings: Settings, filter: string | undefined): PageCursor | undefined {
  const token = collection.continuationToken || undefined;
  const link = collection.links?.next;
  const tokenHeader: Record<string, string> = token ? { 'MS-ContinuationToken': token } : {};
  if (link?.uri) {
    const linkHeaders = Object.fromEntries((link.headers ?? []).map((header) => [header.key, header.value]));
    return { uri: link.uri, headers: { ...tokenHeader, ...linkHeaders } };
  }
  if (!token) return undefined;
  const query = `size=${settings.pageSize}&seekOperation=Next${filter ? `&filter=${filter}` : ''}`;
  return { uri: `/v1/customers?${query}`, headers: tokenHeader };
}

function ttl(settings: Settings): number {
  return settings.cacheSeconds * 1000;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
