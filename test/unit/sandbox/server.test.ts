// The sandbox server over real HTTP (Node's fetch, a free loopback port), checked against the seed data, the
// project's zod schemas and the Partner Center doc samples.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import type * as z from '../../../src/api/zod';
import {
  apiFaultSchema, billingProfileSchema, companyProfileSchema, customerCollectionSchema, customerSchema,
  gatewayErrorSchema, readErrorBody, relationshipRequestSchema,
} from '../../../src/api/schemas';
import sampleBillingProfile from '../../fixtures/partner-center/customer-billing-profile.response.json';
import sampleCustomer from '../../fixtures/partner-center/customer-by-id.response.json';
import sampleCompanyProfile from '../../fixtures/partner-center/customer-company-profile.response.json';
import sampleList from '../../fixtures/partner-center/customers-list.response.json';
import sampleThrottled from '../../fixtures/partner-center/error-429-throttled.response.json';
import sampleRelationship from '../../fixtures/partner-center/relationship-request.response.json';
import { type LoggedRequest } from '../../sandbox/requestLog';
import {
  INDIRECT_RESELLER_IDS, NOTABLE, PARTNER_TENANT_IDS, SEARCH_PREFIXES, seedCustomer, seedTenant, seedTenants,
  type SandboxCustomer,
} from '../../sandbox/seed';
import { startSandbox, type RunningSandbox } from '../../sandbox/server';

const BOM = [0xef, 0xbb, 0xbf];
const GENEROUS_LIMIT = { requests: 100_000, windowMs: 60_000 };

interface Answer {
  status: number;
  headers: Headers;
  bytes: Buffer;
  /** The body as text, BOM kept. */
  text: string;
  /** Parsed JSON (a leading BOM stripped), or undefined when the body is not JSON. */
  json: unknown;
}

let sandbox: RunningSandbox;

async function call(
  pathOrUrl: string,
  options: { tenant?: string | null; headers?: Record<string, string>; method?: string; body?: unknown; signal?: AbortSignal } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  const tenant = options.tenant === undefined ? 'default' : options.tenant;
  if (tenant !== null) headers.Authorization = `Bearer sandbox:${tenant}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(new URL(pathOrUrl, sandbox.url), {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: options.signal,
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  const text = bytes.toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, bytes, text, json };
}

async function admin(method: string, route: string, body?: unknown): Promise<unknown> {
  const answer = await call(`/_sandbox/${route}`, { tenant: null, method, body });
  assert.equal(answer.status, 200, `admin ${method} ${route}: ${answer.text}`);
  return answer.json;
}

const addFault = async (fault: Record<string, unknown>): Promise<string> => ((await admin('POST', 'faults', fault)) as { id: string }).id;
const requestLog = async (): Promise<LoggedRequest[]> => ((await admin('GET', 'requests')) as { requests: LoggedRequest[] }).requests;

/** Parses with one of the project's schemas; a failure names the field. */
function valid<T extends z.ZodMiniType>(schema: T, body: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(body);
  assert.ok(result.success, `${what}: ${result.success ? '' : JSON.stringify(result.error.issues)}`);
  return result.data;
}

type Page = z.infer<typeof customerCollectionSchema>;

/** Follows `links.next` like the SDK enumerator: uri resolved against the base, its headers sent. */
async function allPages(tenant: string, firstPath: string): Promise<Page[]> {
  const pages: Page[] = [];
  let next: { uri: string; headers: Record<string, string> } | undefined = { uri: firstPath, headers: {} };
  while (next) {
    const answer = await call(next.uri, { tenant, headers: next.headers });
    assert.equal(answer.status, 200, `${next.uri}: ${answer.text}`);
    const page: Page = valid(customerCollectionSchema, answer.json, next.uri);
    pages.push(page);
    const link = page.links?.next;
    next = link ? { uri: link.uri, headers: Object.fromEntries((link.headers ?? []).map((h) => [h.key, h.value])) } : undefined;
    assert.ok(pages.length <= 2000, 'paging terminates');
  }
  return pages;
}

const ids = (customers: readonly { id: string }[]): string[] => customers.map((c) => c.id);
const filterQuery = (field: string, value: string, operator = 'starts_with'): string =>
  encodeURIComponent(JSON.stringify({ Field: field, Value: value, Operator: operator }));

/** Every key path of a JSON value (`a.b`, `items[].id`), to compare shapes with the doc samples. */
function keyPaths(value: unknown, prefix = ''): Set<string> {
  const out = new Set<string>();
  if (Array.isArray(value)) {
    for (const item of value) for (const p of keyPaths(item, `${prefix}[]`)) out.add(p);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const here = prefix ? `${prefix}.${key}` : key;
      out.add(here);
      for (const p of keyPaths(child, here)) out.add(p);
    }
  }
  return out;
}

function assertHasShapeOf(sample: unknown, actual: unknown, what: string): void {
  const have = keyPaths(actual);
  const missing = [...keyPaths(sample)].filter((p) => !have.has(p));
  assert.deepEqual(missing, [], `${what} lacks fields the doc sample has`);
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const clock = (): number => performance.timeOrigin + performance.now();

describe('Partner Center sandbox server', function () {
  this.timeout(10_000);

  before(async () => {
    sandbox = await startSandbox({ port: 0, rateLimit: GENEROUS_LIMIT });
  });
  after(async () => {
    await sandbox?.close();
  });
  beforeEach(async () => {
    await admin('POST', 'reset');
  });

  describe('paging', () => {
    const customers = seedTenants()[0].customers;

    for (const size of [100, 333, 500]) {
      it(`returns each of the 1,250 customers of default exactly once, in seed order, at size=${size}`, async () => {
        const pages = await allPages('default', `/v1/customers?size=${size}`);
        assert.equal(pages.length, Math.ceil(customers.length / size));
        assert.deepEqual(ids(pages.flatMap((p) => p.items)), ids(customers));
        for (const [index, page] of pages.entries()) {
          const last = index === pages.length - 1;
          assert.equal(page.totalCount, page.items.length, 'totalCount is the page size');
          assert.equal(page.items.length, last ? customers.length - size * index : size);
          assert.equal(page.attributes?.objectType, 'Collection');
          if (last) {
            assert.equal(page.links?.next, undefined);
            assert.equal(page.continuationToken, undefined);
          } else {
            const next = page.links?.next;
            assert.equal(next?.uri, `/v1/customers?size=${size}&seekOperation=Next`);
            assert.equal(next?.method, 'GET');
            assert.deepEqual(next?.headers, [{ key: 'MS-ContinuationToken', value: page.continuationToken }]);
            assert.match(page.continuationToken ?? '', /[/+=,]/, 'opaque token with characters clients must not mangle');
          }
        }
      });
    }

    it('lists only the summary fields of each customer (no billing profile, address, e-mail or delegated access)', async () => {
      const page = (await call('/v1/customers?size=50')).json as { items: Record<string, unknown>[] };
      for (const item of page.items) {
        assert.deepEqual(Object.keys(item).sort(), ['attributes', 'companyProfile', 'id', 'links', 'relationshipToPartner']);
        const profile = Object.keys(item.companyProfile as object);
        assert.ok(profile.every((k) => ['tenantId', 'domain', 'companyName', 'attributes'].includes(k)), profile.join());
      }
      const seeded = customers.slice(0, 50);
      assert.deepEqual(page.items.map((i) => (i.companyProfile as { companyName: string }).companyName), seeded.map((c) => c.companyProfile.companyName));
      assert.deepEqual(page.items.map((i) => i.relationshipToPartner), seeded.map((c) => c.relationshipToPartner));
    });

    it('serves 500 per page when size is absent or 0, and clamps larger sizes to 500', async () => {
      for (const query of ['', '?size=0', '?size=5000']) {
        const page = valid(customerCollectionSchema, (await call(`/v1/customers${query}`)).json, query);
        assert.equal(page.items.length, 500, query);
        assert.equal(page.links?.next?.uri, '/v1/customers?size=500&seekOperation=Next');
      }
    });

    it('accepts the explicit-seek style: seekOperation in any case, no size, the token from the body', async () => {
      const first = valid(customerCollectionSchema, (await call('/v1/customers?size=7')).json, 'first');
      const second = await call('/v1/customers?seekOperation=next', { headers: { 'MS-ContinuationToken': first.continuationToken ?? '' } });
      const page = valid(customerCollectionSchema, second.json, 'second');
      assert.deepEqual(ids(page.items), ids(customers.slice(7, 14)));
    });

    it('gives fabrikam next links without /v1 that work resolved against the base URL', async () => {
      const pages = await allPages('fabrikam', '/v1/customers?size=10');
      assert.equal(pages.length, 3);
      assert.equal(pages[0].links?.next?.uri, '/customers?size=10&seekOperation=Next');
      assert.deepEqual(ids(pages.flatMap((p) => p.items)), ids(seedTenant('fabrikam')?.customers ?? []));
    });

    it('answers an empty tenant with an empty page and no next link', async () => {
      const page = valid(customerCollectionSchema, (await call('/v1/customers', { tenant: 'empty' })).json, 'empty');
      assert.equal(page.totalCount, 0);
      assert.deepEqual(page.items, []);
      assert.equal(page.links?.next, undefined);
    });

    it('refuses garbled, edited, foreign or missing continuation tokens with 400 ApiFault code 2000', async () => {
      const token = valid(customerCollectionSchema, (await call('/v1/customers?size=3')).json, 'first').continuationToken ?? '';
      const edited = token.replace(/,(.)/, (_, c: string) => `,${c === 'A' ? 'B' : 'A'}`);
      const cases: [string, Record<string, string>, string][] = [
        ['garbled', { 'MS-ContinuationToken': 'not-a-token' }, 'default'],
        ['edited', { 'MS-ContinuationToken': edited }, 'default'],
        ['URL-encoded', { 'MS-ContinuationToken': encodeURIComponent(token) }, 'default'],
        ['from another tenant', { 'MS-ContinuationToken': token }, 'fabrikam'],
        ['missing', {}, 'default'],
      ];
      for (const [what, headers, tenant] of cases) {
        const answer = await call('/v1/customers?size=3&seekOperation=Next', { tenant, headers });
        assert.equal(answer.status, 400, what);
        assert.equal(valid(apiFaultSchema, answer.json, what).code, 2000, what);
      }
    });

    it('refuses a size that is not a whole number', async () => {
      const answer = await call('/v1/customers?size=ten');
      assert.equal(answer.status, 400);
      assert.match(readErrorBody(answer.json).message ?? '', /size/);
    });
  });

  describe('search (filter)', () => {
    const customers = seedTenants()[0].customers;
    const nameStarts = (prefix: string): SandboxCustomer[] =>
      customers.filter((c) => c.companyProfile.companyName.toLowerCase().startsWith(prefix.toLowerCase()));

    it('matches CompanyName by case-insensitive prefix, across pages, the filter carried in the token', async () => {
      const expected = nameStarts(SEARCH_PREFIXES.company);
      assert.ok(expected.length > 5, 'more than one page at size 5');
      const pages = await allPages('default', `/v1/customers?size=5&filter=${filterQuery('CompanyName', 'cONTOSO')}`);
      assert.equal(pages.length, Math.ceil(expected.length / 5));
      assert.deepEqual(ids(pages.flatMap((p) => p.items)), ids(expected));
      assert.equal(pages[1].links?.next?.uri, '/v1/customers?size=5&seekOperation=Next', 'the filter is not in the next uri');
    });

    it('narrows with a longer prefix, and takes the Field name and property names in any case', async () => {
      const query = encodeURIComponent(JSON.stringify({ field: 'companyname', value: SEARCH_PREFIXES.companyNarrow, operator: 'STARTS_WITH' }));
      const pages = await allPages('default', `/v1/customers?size=4&filter=${query}`);
      const found = pages.flatMap((p) => p.items);
      assert.deepEqual(ids(found), ids(nameStarts(SEARCH_PREFIXES.companyNarrow)));
      assert.ok(found.length < nameStarts(SEARCH_PREFIXES.company).length);
    });

    it('matches Domain by prefix: the m365x demo tenants, none of which has a company name with that prefix', async () => {
      const expected = customers.filter((c) => c.companyProfile.domain?.startsWith(SEARCH_PREFIXES.domain));
      const pages = await allPages('default', `/v1/customers?size=15&filter=${filterQuery('Domain', SEARCH_PREFIXES.domain.toUpperCase())}`);
      assert.ok(pages.length > 1);
      assert.deepEqual(ids(pages.flatMap((p) => p.items)), ids(expected));
      const byName = await allPages('default', `/v1/customers?filter=${filterQuery('CompanyName', SEARCH_PREFIXES.domain)}`);
      assert.equal(byName[0].items.length, 0);
    });

    it('filters by IndirectReseller (associatedPartnerId)', async () => {
      const reseller = INDIRECT_RESELLER_IDS[0];
      const pages = await allPages('default', `/v1/customers?filter=${filterQuery('IndirectReseller', reseller)}`);
      const expected = customers.filter((c) => c.associatedPartnerId === reseller);
      assert.ok(expected.length > 0);
      assert.deepEqual(ids(pages.flatMap((p) => p.items)), ids(expected));
    });

    it('echoes the filter in the self link of the first page', async () => {
      const page = valid(customerCollectionSchema, (await call(`/v1/customers?size=3&filter=${filterQuery('Domain', 'contoso')}`)).json, 'search');
      const self = new URL(page.links?.self?.uri ?? '', 'http://x');
      assert.deepEqual(JSON.parse(self.searchParams.get('filter') ?? ''), { Field: 'Domain', Value: 'contoso', Operator: 'starts_with' });
    });

    it('answers a wrong operator, an unknown field and malformed JSON with 400 ApiFault', async () => {
      const bad = [
        filterQuery('CompanyName', 'Contoso', 'substring'),
        filterQuery('Country', 'FR'),
        encodeURIComponent('{"Field":"CompanyName",'),
        encodeURIComponent('["CompanyName"]'),
      ];
      for (const filter of bad) {
        const answer = await call(`/v1/customers?filter=${filter}`);
        assert.equal(answer.status, 400, decodeURIComponent(filter));
        valid(apiFaultSchema, answer.json, decodeURIComponent(filter));
      }
      const operator = await call(`/v1/customers?filter=${filterQuery('CompanyName', 'Contoso', 'equals')}`);
      assert.match(readErrorBody(operator.json).message ?? '', /starts_with/);
    });
  });

  describe('customers by id and profiles', () => {
    const defaults = seedTenants()[0].customers;
    const sample = [
      ...defaults.slice(0, 25),
      ...defaults.filter((_, i) => i % 97 === 0),
      defaults[defaults.length - 1],
      ...(seedTenant('fabrikam')?.customers ?? []),
    ];

    it('returns the seeded document with both profiles embedded, valid against the schema', async () => {
      for (const customer of sample) {
        const tenant = seedTenant('default')?.customers.includes(customer) ? 'default' : 'fabrikam';
        const answer = await call(`/v1/customers/${customer.id}`, { tenant });
        assert.equal(answer.status, 200);
        assert.deepEqual(answer.json, customer);
        valid(customerSchema, answer.json, customer.id);
      }
      const full = (await call(`/v1/customers/${NOTABLE.default.contoso}`)).json as SandboxCustomer;
      assert.match(full.billingProfile.attributes.etag, /^-?\d+$/);
      assert.ok(full.companyProfile.address && full.companyProfile.email && full.customDomains?.length);
    });

    it('serves the company profile (self link without /v1) and the billing profile (self link with /v1)', async () => {
      for (const customer of sample) {
        const tenant = seedTenant('default')?.customers.includes(customer) ? 'default' : 'fabrikam';
        const company = await call(`/v1/customers/${customer.id}/profiles/company`, { tenant });
        assert.deepEqual(valid(companyProfileSchema, company.json, 'company'), customer.companyProfile);
        assert.equal((company.json as SandboxCustomer['companyProfile']).links.self.uri, `/customers/${customer.id}/profiles/company`);

        const billing = await call(`/v1/customers/${customer.id}/profiles/billing`, { tenant });
        const { links, ...rest } = valid(billingProfileSchema, billing.json, 'billing');
        const { links: _embeddedLinks, ...embedded } = customer.billingProfile;
        assert.deepEqual(rest, embedded);
        assert.equal(links?.self?.uri, `/v1/customers/${customer.id}/profiles/billing`);
      }
    });

    it('has the shape of the doc samples (by id, company profile, billing profile, list envelope, relationship)', async () => {
      const id = NOTABLE.default.contoso;
      assertHasShapeOf(sampleCustomer, (await call(`/v1/customers/${id}`)).json, 'by id');
      assertHasShapeOf(sampleCompanyProfile, (await call(`/v1/customers/${id}/profiles/company`)).json, 'company profile');
      assertHasShapeOf(sampleBillingProfile, (await call(`/v1/customers/${id}/profiles/billing`)).json, 'billing profile');
      assertHasShapeOf(sampleList, (await call('/v1/customers?size=2')).json, 'list');
      assertHasShapeOf(sampleRelationship, (await call('/v1/customers/relationshiprequests')).json, 'relationship');
    });

    it('answers an unknown id, or another tenant\'s customer, with 404 ApiFault code 1000', async () => {
      const answer = await call('/v1/customers/00000000-0000-4000-8000-000000000000');
      assert.equal(answer.status, 404);
      assert.deepEqual(answer.json, {
        code: 1000, description: 'Customer 00000000-0000-4000-8000-000000000000 was not found.', data: [], source: 'PartnerFD',
      });
      const foreign = await call(`/v1/customers/${NOTABLE.fabrikam.french}`, { tenant: 'default' });
      assert.equal(foreign.status, 404);
      const profile = await call('/v1/customers/nope/profiles/billing');
      assert.equal(profile.status, 404);
      valid(apiFaultSchema, profile.json, 'profile 404');
    });
  });

  describe('routes, relationship link, headers', () => {
    it('serves every route with and without /v1', async () => {
      const id = NOTABLE.default.french;
      for (const route of ['/customers?size=3', `/customers/${id}`, `/customers/${id}/profiles/company`, `/customers/${id}/profiles/billing`, '/customers/relationshiprequests']) {
        const withV1 = await call(`/v1${route}`);
        const without = await call(route);
        assert.equal(withV1.status, 200, route);
        assert.equal(without.status, 200, route);
        // Identical apart from the per-request continuation token, which is deterministic too.
        assert.deepEqual(without.json, withV1.json, route);
      }
    });

    it('gives each partner its relationship-request URL', async () => {
      for (const tenant of seedTenants()) {
        const answer = await call('/v1/customers/relationshiprequests', { tenant: tenant.id });
        const body = valid(relationshipRequestSchema, answer.json, tenant.id);
        assert.deepEqual(body, { url: tenant.relationshipRequestUrl, attributes: { objectType: 'RelationshipRequest' } });
        assert.ok(body.url.includes(tenant.partnerTenantId));
      }
      const fabrikam = (await call('/v1/customers/relationshiprequests', { tenant: 'fabrikam' })).json as { url: string };
      assert.match(fabrikam.url, /^https:\/\/portal\.office\.com\/.*&amp;id=/);
      const current = (await call('/v1/customers/relationshiprequests')).json as { url: string };
      assert.equal(new URL(current.url).searchParams.get('partnerId'), PARTNER_TENANT_IDS.default);
    });

    it('answers unknown paths with 404 and other methods with 405, both ApiFault', async () => {
      for (const route of ['/v1/partners', '/v1/customers/x/users', '/v1//v1/customers', '/v2/customers', '/']) {
        const answer = await call(route);
        assert.equal(answer.status, 404, route);
        valid(apiFaultSchema, answer.json, route);
      }
      for (const method of ['POST', 'PUT', 'DELETE']) {
        const answer = await call(`/v1/customers/${NOTABLE.default.contoso}/profiles/company`, { method });
        assert.equal(answer.status, 405, method);
        assert.equal(answer.headers.get('allow'), 'GET');
        valid(apiFaultSchema, answer.json, method);
      }
      // The billing profile is also written (PUT): its other methods are refused, saying so.
      for (const method of ['POST', 'DELETE']) {
        const answer = await call(`/v1/customers/${NOTABLE.default.contoso}/profiles/billing`, { method });
        assert.equal(answer.status, 405, method);
        assert.equal(answer.headers.get('allow'), 'GET, PUT');
      }
    });

    it('sends JSON with the Partner Center response headers, echoing the request and correlation ids', async () => {
      const echoed = await call('/v1/customers?size=1', {
        headers: { 'MS-RequestId': 'req-123', 'MS-CorrelationId': 'corr-456', Accept: 'application/json' },
      });
      assert.equal(echoed.headers.get('content-type'), 'application/json; charset=utf-8');
      assert.equal(echoed.headers.get('ms-requestid'), 'req-123');
      assert.equal(echoed.headers.get('ms-correlationid'), 'corr-456');
      assert.match(echoed.headers.get('ms-cv') ?? '', /^\S+\.0$/);
      assert.match(echoed.headers.get('ms-serverid') ?? '', /^\d+$/);
      assert.ok(!Number.isNaN(Date.parse(echoed.headers.get('date') ?? '')));
      // No Accept, no MS-Contract-Version, no ids: still served, ids generated.
      const bare = await call('/v1/customers?size=1');
      assert.equal(bare.status, 200);
      assert.match(bare.headers.get('ms-requestid') ?? '', /^[0-9a-f-]{36}$/);
      assert.match(bare.headers.get('ms-correlationid') ?? '', /^[0-9a-f-]{36}$/);
    });
  });

  describe('authentication', () => {
    const jwt = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL2FwaS5wYXJ0bmVyY2VudGVyLm1pY3Jvc29mdC5jb20ifQ.c2ln';

    it('refuses missing, non-Bearer, real-looking and unknown-tenant credentials with 401, a challenge and an ApiFault', async () => {
      const cases: [string, Record<string, string>][] = [
        ['missing', {}],
        ['basic', { Authorization: 'Basic dXNlcjpwYXNz' }],
        ['real-looking token', { Authorization: `Bearer ${jwt}` }],
        ['unknown tenant', { Authorization: 'Bearer sandbox:contoso' }],
        ['empty tenant name', { Authorization: 'Bearer sandbox:' }],
      ];
      for (const [what, headers] of cases) {
        const answer = await call('/v1/customers', { tenant: null, headers });
        assert.equal(answer.status, 401, what);
        assert.match(answer.headers.get('www-authenticate') ?? '', /^Bearer /, what);
        const fault = valid(apiFaultSchema, answer.json, what);
        assert.match(fault.description ?? '', /sandbox:<tenant>/, what);
      }
    });

    it('never keeps a real-looking token in the request log', async () => {
      await call('/v1/customers', { tenant: null, headers: { Authorization: `Bearer ${jwt}` } });
      const [entry] = await requestLog();
      assert.equal(entry.status, 401);
      assert.equal(entry.tenant, null);
      assert.equal(entry.admitted, false);
      assert.ok(!JSON.stringify(entry).includes(jwt));
    });
  });

  describe('rate limit', () => {
    it('admits at most `requests` in ANY rolling window and answers the rest 429 with a correct Retry-After', async function () {
      this.timeout(15_000);
      const limit = { requests: 5, windowMs: 1000 };
      await admin('PUT', 'config', { rateLimit: limit });
      const answers: Answer[] = [];
      const started = clock();
      // Paced, not bursty: requests arrive all through the window, as a polite but unthrottled client's would.
      while (clock() - started < 2600) {
        answers.push(await call('/v1/customers?size=1'));
        await delay(40);
      }
      const log = await requestLog();
      assert.equal(log.length, answers.length);
      const admitted = log.filter((e) => e.admitted);
      const refused = log.filter((e) => !e.admitted);
      assert.ok(refused.length > 0, 'some requests were refused');
      for (const entry of admitted) {
        const inWindow = admitted.filter((e) => e.at >= entry.at && e.at < entry.at + limit.windowMs);
        assert.ok(inWindow.length <= limit.requests, `${inWindow.length} admitted in the window from ${entry.at}`);
      }
      // Close to the quota: at least (elapsed / window) × requests, less one window's worth for the edges.
      const elapsed = log[log.length - 1].at - log[0].at;
      assert.ok(admitted.length >= Math.floor(elapsed / limit.windowMs) * limit.requests, `${admitted.length} admitted in ${elapsed} ms`);

      for (const [index, entry] of log.entries()) {
        const answer = answers[index];
        assert.equal(answer.status, entry.admitted ? 200 : 429);
        if (entry.admitted) continue;
        assert.deepEqual(valid(gatewayErrorSchema, answer.json, '429'), {
          statusCode: 429, message: `Rate limit is exceeded. Try again in ${answer.headers.get('retry-after')} seconds.`,
        });
        const oldest = admitted.find((e) => e.at > entry.at - limit.windowMs);
        assert.ok(oldest, 'a full window caused the 429');
        const expected = Math.max(1, Math.ceil((oldest.at + limit.windowMs - entry.at) / 1000));
        assert.equal(answer.headers.get('retry-after'), String(expected));
      }
    });

    it('computes Retry-After as whole seconds until the oldest admitted request leaves the window', async () => {
      await admin('PUT', 'config', { rateLimit: { requests: 2, windowMs: 4500 } });
      assert.equal((await call('/v1/customers?size=1')).status, 200);
      assert.equal((await call('/v1/customers?size=1')).status, 200);
      const refused = await call('/v1/customers?size=1');
      assert.equal(refused.status, 429);
      assert.equal(refused.headers.get('retry-after'), '5');
      assert.deepEqual(refused.json, { statusCode: 429, message: 'Rate limit is exceeded. Try again in 5 seconds.' });
      assert.equal((sampleThrottled as { statusCode: number }).statusCode, 429, 'same format as the doc sample');
    });

    it('keeps tenants apart and never limits the admin API', async () => {
      await admin('PUT', 'config', { rateLimit: { requests: 3, windowMs: 60_000 } });
      const statuses = async (tenant: string, count: number): Promise<number[]> => {
        const out: number[] = [];
        for (let i = 0; i < count; i++) out.push((await call('/v1/customers?size=1', { tenant })).status);
        return out;
      };
      assert.deepEqual(await statuses('default', 5), [200, 200, 200, 429, 429]);
      assert.deepEqual(await statuses('fabrikam', 4), [200, 200, 200, 429]);
      assert.deepEqual(await statuses('empty', 1), [200]);
      for (let i = 0; i < 10; i++) await admin('GET', 'tenants');
      assert.equal((await requestLog()).length, 10, 'admin calls are not logged');
    });

    it('starts from empty windows after a config change', async () => {
      await admin('PUT', 'config', { rateLimit: { requests: 1, windowMs: 60_000 } });
      assert.equal((await call('/v1/customers?size=1')).status, 200);
      assert.equal((await call('/v1/customers?size=1')).status, 429);
      const config = await admin('PUT', 'config', { rateLimit: { requests: 1, windowMs: 60_000 } });
      assert.deepEqual(config, { rateLimit: { requests: 1, windowMs: 60_000 }, bom: false });
      assert.equal((await call('/v1/customers?size=1')).status, 200);
      for (const bad of [{ rateLimit: { requests: 0, windowMs: 1000 } }, { rateLimit: { requests: 5 } }, { bom: 'yes' }, { limit: 5 }]) {
        const answer = await call('/_sandbox/config', { tenant: null, method: 'PUT', body: bad });
        assert.equal(answer.status, 400, JSON.stringify(bad));
        assert.match((answer.json as { error: string }).error, /rateLimit|bom|limit/);
      }
    });
  });

  describe('fault injection', () => {
    const byId = `/v1/customers/${NOTABLE.default.french}`;

    it('status: answers the given status `times` times on matching paths only, then normally', async () => {
      const id = await addFault({ path: '/v1/customers/', status: 503, times: 2 });
      const list = await call('/v1/customers?size=1');
      assert.equal(list.status, 200, 'a list request does not match /customers/');
      const first = await call(byId);
      const second = await call(`/customers/${NOTABLE.default.french}`);
      const third = await call(byId);
      assert.deepEqual([first.status, second.status, third.status], [503, 503, 200]);
      assert.equal(readErrorBody(first.json).code, '503');
      const log = await requestLog();
      assert.deepEqual(log.map((e) => e.fault), [null, id, id, null]);
      assert.deepEqual(log.map((e) => e.status), [200, 503, 503, 200]);
    });

    it('status 429 without headers carries a Retry-After and the gateway body', async () => {
      await addFault({ path: '/customers', status: 429 });
      const answer = await call('/v1/customers');
      assert.equal(answer.status, 429);
      assert.match(answer.headers.get('retry-after') ?? '', /^[1-9]\d*$/);
      valid(gatewayErrorSchema, answer.json, '429');
    });

    it('takes a body (JSON or raw), headers, method, tenant, skip and times=0 (until cleared)', async () => {
      await addFault({ path: '/customers', tenant: 'fabrikam', method: 'GET', skip: 1, times: 0, status: 400, body: { code: 600061, message: 'New format' }, headers: { 'X-Test': 'yes' } });
      assert.equal((await call('/v1/customers', { tenant: 'fabrikam' })).status, 200, 'skipped');
      for (let i = 0; i < 3; i++) {
        const answer = await call('/v1/customers', { tenant: 'fabrikam' });
        assert.equal(answer.status, 400);
        assert.equal(answer.headers.get('x-test'), 'yes');
        assert.deepEqual(readErrorBody(answer.json), { code: '600061', message: 'New format', errorName: undefined });
      }
      assert.equal((await call('/v1/customers')).status, 200, 'other tenants unaffected');
      await admin('DELETE', 'faults');
      assert.equal((await call('/v1/customers', { tenant: 'fabrikam' })).status, 200, 'cleared');
      await addFault({ pathRegex: 'relationshiprequests$', status: 502, body: '<html>Bad gateway</html>' });
      const raw = await call('/customers/relationshiprequests');
      assert.deepEqual([raw.status, raw.text], [502, '<html>Bad gateway</html>']);
    });

    it('delay: delayMs alone delays the normal answer', async () => {
      await addFault({ path: byId, delayMs: 300 });
      const started = clock();
      const answer = await call(byId);
      assert.ok(clock() - started >= 290, `took ${clock() - started} ms`);
      assert.deepEqual(answer.json, seedCustomer('default', NOTABLE.default.french));
    });

    it('malformed: a body that is not JSON', async () => {
      await addFault({ path: '/customers', kind: 'malformed' });
      const answer = await call('/v1/customers?size=3');
      assert.equal(answer.status, 200);
      assert.equal(answer.headers.get('content-type'), 'application/json; charset=utf-8');
      assert.throws(() => JSON.parse(answer.text));
      assert.ok(answer.text.length > 0);
    });

    it('schema: valid JSON that breaks the schema in a named field', async () => {
      await addFault({ path: '/customers?', kind: 'schema' });
      const list = await call('/v1/customers?size=3');
      // A list item is validated on its own: the page parses, with that item invalid in its place.
      const listResult = customerCollectionSchema.parse(list.json);
      const [broken] = listResult.entries;
      assert.ok(broken && !broken.ok);
      assert.deepEqual(broken.issues[0].path, ['items', 0, 'id']);
      assert.equal(listResult.items.length, 2);

      await addFault({ path: '/customers/', kind: 'schema' });
      const customerResult = customerSchema.safeParse((await call(byId)).json);
      assert.ok(!customerResult.success);
      assert.deepEqual(customerResult.error.issues[0].path, ['companyProfile']);

      await addFault({ path: '/customers/', kind: 'schema', field: 'billingProfile.defaultAddress.city', value: 7 });
      const named = customerSchema.safeParse((await call(byId)).json);
      assert.ok(!named.success);
      assert.deepEqual(named.error.issues[0].path, ['billingProfile', 'defaultAddress', 'city']);
    });

    it('bom: the normal body behind a UTF-8 BOM, for one request or (config) for all', async () => {
      await addFault({ path: byId, kind: 'bom' });
      const withBom = await call(byId);
      assert.deepEqual([...withBom.bytes.subarray(0, 3)], BOM);
      assert.deepEqual(withBom.json, seedCustomer('default', NOTABLE.default.french));
      const without = await call(byId);
      assert.notDeepEqual([...without.bytes.subarray(0, 3)], BOM);

      await admin('PUT', 'config', { bom: true });
      for (const route of ['/v1/customers?size=1', '/v1/customers/relationshiprequests', '/v1/customers/nope']) {
        assert.deepEqual([...(await call(route)).bytes.subarray(0, 3)], BOM, route);
      }
      assert.equal(Number((await call(byId)).headers.get('content-length')), without.bytes.length + 3);
    });

    it('drop: the connection is reset without an answer', async () => {
      await addFault({ path: '/customers', kind: 'drop' });
      await assert.rejects(call('/v1/customers'), (error: Error & { cause?: { code?: string } }) => {
        assert.equal(error.cause?.code, 'ECONNRESET');
        return true;
      });
      const [entry] = await requestLog();
      assert.equal(entry.status, null);
      assert.equal((await call('/v1/customers?size=1')).status, 200, 'the next request is served');
    });

    it('hang: never answers; the client gives up with its own timeout', async () => {
      await addFault({ path: '/customers', kind: 'hang' });
      const started = clock();
      await assert.rejects(call('/v1/customers', { signal: AbortSignal.timeout(250) }), { name: 'TimeoutError' });
      assert.ok(clock() - started < 2000);
      const [entry] = await requestLog();
      assert.deepEqual([entry.status, entry.admitted, typeof entry.fault], [null, true, 'string']);
    });

    it('refuses an invalid fault with a message saying what is wrong', async () => {
      const cases: [Record<string, unknown>, RegExp][] = [
        [{ status: 500 }, /path/],
        [{ path: 'customers' }, /start with/],
        [{ path: '/customers', kind: 'explode' }, /kind/],
        [{ path: '/customers', status: 42 }, /status/],
        [{ path: '/customers', times: -1 }, /times/],
        [{ pathRegex: '(' }, /regular expression/],
        [{ path: '/customers', colour: 'red' }, /colour/],
      ];
      for (const [fault, message] of cases) {
        const answer = await call('/_sandbox/faults', { tenant: null, method: 'POST', body: fault });
        assert.equal(answer.status, 400, JSON.stringify(fault));
        assert.match((answer.json as { error: string }).error, message);
      }
    });
  });

  describe('request log, reset, tenants', () => {
    it('records arrival time, tenant, method, path and headers of each API request, in order', async () => {
      const before = clock();
      await call('/v1/customers?size=2', { headers: { 'MS-RequestId': 'r-1', 'X-Locale': 'fr-FR' } });
      await call(`/customers/${NOTABLE.fabrikam.french}`, { tenant: 'fabrikam' });
      const after = clock();
      const log = await requestLog();
      assert.equal(log.length, 2);
      assert.ok(log[0].seq < log[1].seq);
      assert.ok(before <= log[0].at && log[0].at <= log[1].at && log[1].at <= after);
      assert.deepEqual(
        log.map((e) => [e.tenant, e.method, e.path, e.status, e.admitted, e.fault]),
        [['default', 'GET', '/v1/customers?size=2', 200, true, null], ['fabrikam', 'GET', `/customers/${NOTABLE.fabrikam.french}`, 200, true, null]],
      );
      assert.equal(log[0].headers['ms-requestid'], 'r-1');
      assert.equal(log[0].headers['x-locale'], 'fr-FR');
      assert.equal(log[0].headers.authorization, 'Bearer sandbox:default');
      assert.ok(Object.keys(log[0].headers).every((name) => name === name.toLowerCase()));
      await admin('DELETE', 'requests');
      assert.deepEqual(await requestLog(), []);
    });

    it('records times with sub-millisecond precision', async () => {
      for (let i = 0; i < 5; i++) await call('/v1/customers?size=1');
      assert.ok((await requestLog()).some((e) => !Number.isInteger(e.at)));
    });

    it('reset clears faults, the log and the limiter, and restores the start options', async () => {
      await admin('PUT', 'config', { rateLimit: { requests: 1, windowMs: 60_000 }, bom: true });
      await addFault({ path: '/customers', status: 500, times: 0 });
      await call('/v1/customers');
      assert.equal((await call('/v1/customers')).status, 429);
      const config = await admin('POST', 'reset');
      assert.deepEqual(config, { rateLimit: GENEROUS_LIMIT, bom: false });
      assert.deepEqual(await requestLog(), []);
      assert.deepEqual(await admin('GET', 'faults'), { faults: [] });
      const answer = await call('/v1/customers?size=1');
      assert.equal(answer.status, 200);
      assert.notDeepEqual([...answer.bytes.subarray(0, 3)], BOM);
    });

    it('lists its tenants', async () => {
      assert.deepEqual(
        await admin('GET', 'tenants'),
        seedTenants().map((t) => ({ id: t.id, name: t.name, partnerTenantId: t.partnerTenantId, customerCount: t.customers.length })),
      );
    });

    it('answers unknown admin routes with 404 and a list of routes', async () => {
      const answer = await call('/_sandbox/nothing', { tenant: null });
      assert.equal(answer.status, 404);
      assert.match((answer.json as { error: string }).error, /\/_sandbox\/faults/);
    });
  });
});

describe('Partner Center sandbox lifecycle', function () {
  this.timeout(10_000);

  it('refuses to listen on anything but loopback', async () => {
    for (const host of ['0.0.0.0', '192.168.1.10', '::', 'example.com']) {
      await assert.rejects(startSandbox({ port: 0, host }), /loopback/, host);
    }
  });

  it('defaults to 500 requests per 60 s and no BOM', async () => {
    const local = await startSandbox({ port: 0 });
    try {
      const answer = await fetch(`${local.url}/_sandbox/config`);
      assert.deepEqual(await answer.json(), { rateLimit: { requests: 500, windowMs: 60_000 }, bom: false });
      assert.match(local.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    } finally {
      await local.close();
    }
  });

  it('close() returns promptly with a hung request and an idle keep-alive connection open', async () => {
    const local = await startSandbox({ port: 0 });
    const auth = { Authorization: 'Bearer sandbox:default' };
    await fetch(`${local.url}/v1/customers?size=1`, { headers: auth }).then((r) => r.arrayBuffer());
    await fetch(`${local.url}/_sandbox/faults`, { method: 'POST', body: JSON.stringify({ path: '/customers', kind: 'hang' }) });
    const pending = fetch(`${local.url}/v1/customers`, { headers: auth }).then(() => 'answered', () => 'failed');
    for (let i = 0; i < 100; i++) {
      const log = (await (await fetch(`${local.url}/_sandbox/requests`)).json()) as { requests: unknown[] };
      if (log.requests.length === 2) break;
      await delay(10);
    }
    const started = clock();
    await local.close();
    assert.ok(clock() - started < 500, `close took ${clock() - started} ms`);
    assert.equal(await pending, 'failed');
  });

  describe('command line', () => {
    const cli = path.resolve(__dirname, '../../../sandbox/cli.js');

    function run(args: string[], env: Record<string, string> = {}) {
      assert.ok(fs.existsSync(cli), `${cli} is built by node esbuild.js`);
      const child = spawn(process.execPath, [cli, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
      return { child, exited, lines, stderr: () => stderr };
    }

    it('prints the URL line first, then the tenants, serves, and exits 0 on SIGTERM', async () => {
      const { child, exited, lines } = run(['--port', '0', '--rate-limit', '50', '--window-seconds', '2']);
      const first = (await lines.next()).value as string;
      const match = /^Partner Center sandbox listening on (http:\/\/127\.0\.0\.1:(\d+))$/.exec(first);
      assert.ok(match, first);
      assert.notEqual(match[2], '0');
      for (const tenant of seedTenants()) {
        const line = (await lines.next()).value as string;
        assert.ok(line.includes(tenant.id) && line.includes(`${tenant.customers.length} customers`), line);
      }
      const answer = await fetch(`${match[1]}/v1/customers?size=2`, { headers: { Authorization: 'Bearer sandbox:default' } });
      assert.equal(((await answer.json()) as { items: unknown[] }).items.length, 2);
      const config = await (await fetch(`${match[1]}/_sandbox/config`)).json();
      assert.deepEqual(config, { rateLimit: { requests: 50, windowMs: 2000 }, bom: false });
      child.kill('SIGTERM');
      assert.equal(await exited, 0);
    });

    it('takes the port from PORT and a BOM flag; SIGINT exits 0 too', async () => {
      const { child, exited, lines } = run(['--bom'], { PORT: '0' });
      const url = /on (\S+)$/.exec((await lines.next()).value as string)?.[1];
      const answer = await fetch(`${url}/v1/customers?size=1`, { headers: { Authorization: 'Bearer sandbox:empty' } });
      assert.deepEqual([...new Uint8Array(await answer.arrayBuffer()).subarray(0, 3)], BOM);
      child.kill('SIGINT');
      assert.equal(await exited, 0);
    });

    it('explains bad arguments and a non-loopback host, and exits non-zero', async () => {
      const badPort = run(['--port', 'eighty']);
      assert.equal(await badPort.exited, 2);
      assert.match(badPort.stderr(), /--port must be a whole number/);
      const badHost = run(['--port', '0', '--host', '0.0.0.0']);
      assert.equal(await badHost.exited, 1);
      assert.match(badHost.stderr(), /loopback/);
    });
  });
});
