// The Partner Center routes the sandbox serves (the customer list, its search and paging, a customer by id, its
// company and billing profiles, the relationship request), for one authenticated partner tenant.
import { type IncomingHttpHeaders } from 'node:http';
import {
  billingProfileDocument, collectionDocument, companyProfileDocument, listItem, relationshipRequestDocument,
} from './documents';
import {
  decodeToken, encodeToken, filterJson, matchesFilter, parseFilter, type CustomerFilter, type PagePosition,
} from './paging';
import { type AuditLog } from './auditLog';
import { splitPath, withoutVersion } from './paths';
import { type BillingProfileStore } from './billingProfiles';
import { apiFault, type Reply } from './reply';
import { type SandboxCustomer, type SandboxTenant } from './seed';
import { link, type WireLink } from './seedModel';

export const MAX_PAGE_SIZE = 500;

export interface ApiRequest {
  readonly tenant: SandboxTenant;
  readonly method: string;
  /** Path and query as received. */
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  /** The billing profiles as written so far. */
  readonly profiles: BillingProfileStore;
  /** A PUT's body, parsed (undefined when empty; `invalidJson` when it is not JSON). */
  readonly body?: unknown;
  /** False: a fault answers this PUT before it reaches the route, so nothing is written. */
  readonly applyWrites?: boolean;
  /** The activity log `/v1/auditrecords` serves. */
  readonly audit: AuditLog;
}

/** A PUT body that is not JSON. */
export const INVALID_JSON = Symbol('invalid JSON');

const notFound = (path: string): Reply =>
  apiFault(404, 1000, `The requested resource ${path} was not found.`);

const badRequest = (code: number, description: string): Reply => apiFault(400, code, description);

/** Routes a request; every path works with and without `/v1`, segment names in any case. */
export function answerApi(request: ApiRequest): Reply {
  const { pathname, query } = splitPath(request.path);
  const trimmed = withoutVersion(pathname).replace(/(.)\/$/, '$1');
  const segments = trimmed.split('/').slice(1).map(decodeSegment);
  if (segments.length === 1 && segments[0]?.toLowerCase() === 'auditrecords' && request.method === 'GET') {
    return request.audit.answer(request.tenant, new URLSearchParams(query), request.headers);
  }
  const route = matchRoute(segments);
  if (!route) return notFound(pathname);
  const allowed = route.name === 'billing' ? ['GET', 'PUT'] : ['GET'];
  if (!allowed.includes(request.method)) {
    return apiFault(405, 405, `The method ${request.method} is not allowed on ${pathname}.`, { Allow: allowed.join(', ') });
  }
  const { tenant, profiles } = request;
  switch (route.name) {
    case 'list':
      return listCustomers(tenant, new URLSearchParams(query), request.headers);
    case 'relationship':
      return ok(relationshipRequestDocument(tenant));
    default: {
      const customer = customerById(tenant.customers, route.customerId);
      if (!customer) return apiFault(404, 1000, `Customer ${route.customerId} was not found.`);
      const current = profiles.customer(tenant.id, customer);
      if (route.name === 'billing' && request.method === 'PUT') return putBillingProfile(request, current);
      if (route.name === 'customer') return ok(current);
      return ok(route.name === 'company' ? companyProfileDocument(current) : billingProfileDocument(current));
    }
  }
}

/** Each customer list's ids, lower-cased, built on its first by-id read (a 50,000-customer tenant is read by id 50,000 times in an export). */
const byId = new WeakMap<readonly SandboxCustomer[], Map<string, SandboxCustomer>>();

function customerById(customers: readonly SandboxCustomer[], id: string): SandboxCustomer | undefined {
  let index = byId.get(customers);
  if (!index) {
    index = new Map();
    for (const c of customers) if (!index.has(c.id.toLowerCase())) index.set(c.id.toLowerCase(), c);
    byId.set(customers, index);
  }
  return index.get(id.toLowerCase());
}

type Route =
  | { name: 'list' | 'relationship' }
  | { name: 'customer' | 'company' | 'billing'; customerId: string };

function matchRoute(segments: readonly (string | undefined)[]): Route | undefined {
  const lower = segments.map((s) => s?.toLowerCase());
  if (lower[0] !== 'customers' || segments.some((s) => s === undefined || s === '')) return undefined;
  const customerId = segments[1] as string;
  if (segments.length === 1) return { name: 'list' };
  if (segments.length === 2) return lower[1] === 'relationshiprequests' ? { name: 'relationship' } : { name: 'customer', customerId };
  if (segments.length === 4 && lower[2] === 'profiles' && (lower[3] === 'company' || lower[3] === 'billing')) {
    return { name: lower[3] === 'company' ? 'company' : 'billing', customerId };
  }
  return undefined;
}

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

const ok = (body: unknown): Reply => ({ status: 200, body });

/**
 * `PUT …/profiles/billing`: the etag from `If-Match` (quotes stripped) or else the body's `attributes.etag` (any
 * casing); a PUT with neither is refused, as Partner Center needs one for concurrency detection.
 */
function putBillingProfile(request: ApiRequest, customer: SandboxCustomer): Reply {
  // A fault answers instead (a dropped connection, a timeout) before the write: nothing is applied.
  if (request.applyWrites === false) return apiFault(503, 503, 'Not applied: a fault answered first.');
  if (request.body === INVALID_JSON) return badRequest(2000, 'The request body is not valid JSON.');
  const etag = ifMatch(request.headers) ?? bodyEtag(request.body);
  if (etag === undefined) return badRequest(2000, 'An etag is required (If-Match header or attributes.etag).');
  const written = request.profiles.write({ tenantId: request.tenant.id, customer, body: request.body, expectedEtag: etag });
  if (!written.ok) return written.reply;
  return ok(billingProfileDocument({ ...customer, billingProfile: written.profile }));
}

function ifMatch(headers: IncomingHttpHeaders): string | undefined {
  const value = header(headers, 'if-match')?.trim();
  if (!value || value === '*') return undefined;
  return value.replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
}

function bodyEtag(body: unknown): string | undefined {
  const attributes = caseless(body, 'attributes');
  const etag = caseless(attributes, 'etag');
  return typeof etag === 'string' && etag !== '' ? etag : undefined;
}

function caseless(value: unknown, name: string): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const key = Object.keys(value).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : (value as Record<string, unknown>)[key];
}

/** Query parameter names are case-insensitive, as ASP.NET binds them. */
function param(params: URLSearchParams, name: string): string | null {
  for (const [key, value] of params) if (key.toLowerCase() === name.toLowerCase()) return value;
  return null;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The first page from `size`/`filter`, or a later one from `seekOperation=Next` + `MS-ContinuationToken`. */
function listCustomers(tenant: SandboxTenant, params: URLSearchParams, headers: IncomingHttpHeaders): Reply {
  const seek = param(params, 'seekOperation');
  let position: PagePosition;
  if (seek !== null) {
    if (seek.toLowerCase() !== 'next') {
      return badRequest(2000, `seekOperation "${seek}" is not supported for customers; use "Next".`);
    }
    const token = header(headers, 'ms-continuationtoken');
    if (!token) return badRequest(2000, 'The MS-ContinuationToken header is required with seekOperation.');
    const decoded = decodeToken(token);
    if (!decoded || decoded.tenant !== tenant.id) {
      return badRequest(2000, 'The continuation token is invalid or has expired.');
    }
    position = decoded;
  } else {
    const size = pageSize(param(params, 'size'));
    if (typeof size === 'string') return badRequest(3000, size);
    const filterText = param(params, 'filter');
    let filter: CustomerFilter | null = null;
    if (filterText !== null) {
      const parsed = parseFilter(filterText);
      if (!parsed.ok) return badRequest(3000, parsed.message);
      filter = parsed.value;
    }
    position = { tenant: tenant.id, offset: 0, size, filter };
  }

  const { filter } = position;
  const matches = filter ? tenant.customers.filter((c) => matchesFilter(tenant, c, filter)) : tenant.customers;
  // Tokens are only issued while customers remain; one pointing past the end is stale, answered as an expired one.
  if (position.offset > 0 && position.offset >= matches.length) {
    return badRequest(2000, 'The continuation token is invalid or has expired.');
  }
  const end = position.offset + position.size;
  const items = matches.slice(position.offset, end).map(listItem);
  const base = `${tenant.nextLinkStyle === 'v1' ? '/v1' : ''}/customers?size=${position.size}`;
  const self = link(seek !== null ? `${base}&seekOperation=Next` : filter ? `${base}&filter=${encodeURIComponent(filterJson(filter))}` : base);
  const next = end < matches.length ? nextLink(base, { ...position, offset: end }) : undefined;
  return ok(collectionDocument(items, self, next));
}

function nextLink(base: string, position: PagePosition): { link: WireLink; token: string } {
  const token = encodeToken(position);
  return {
    link: { uri: `${base}&seekOperation=Next`, method: 'GET', headers: [{ key: 'MS-ContinuationToken', value: token }] },
    token,
  };
}

/** `size`: absent or 0 means the default of 500; larger values are clamped to 500, Partner Center's largest page. */
function pageSize(value: string | null): number | string {
  if (value === null || value === '') return MAX_PAGE_SIZE;
  if (!/^\d+$/.test(value.trim())) return `Invalid size "${value}": expected a whole number from 0 to ${MAX_PAGE_SIZE}.`;
  const size = Number(value.trim());
  return size === 0 ? MAX_PAGE_SIZE : Math.min(size, MAX_PAGE_SIZE);
}
