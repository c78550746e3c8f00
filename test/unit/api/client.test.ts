import assert from 'node:assert/strict';
import { PartnerCenterError, isCancellation } from '../../../src/api/errors';
import type { CustomerPage, PageCursor } from '../../../src/api/types';
import { NOTABLE, SEARCH_PREFIXES, seedCustomer, seedTenant } from '../../sandbox/seed';
import { startSandbox } from '../../sandbox/server';
import { clientFor, settingsFor, settle, useSandbox } from './support';
import { waitFor } from '../../integration/helpers/waitFor';

const seedIds = (tenant: string) => seedTenant(tenant)!.customers.map((c) => c.id);

/** Every page of a listing, following `next` until there is none. */
async function allPages(first: () => Promise<CustomerPage>, next: (cursor: PageCursor) => Promise<CustomerPage>) {
  const pages = [await first()];
  while (pages.at(-1)!.next) pages.push(await next(pages.at(-1)!.next!));
  return pages;
}

describe('PartnerCenterClient (real HTTP against the sandbox)', function () {
  this.timeout(15_000);
  const sandbox = useSandbox();
  beforeEach(() => sandbox.admin.reset());

  describe('paging and search', () => {
    it('pages through all 1,250 customers of default with none lost or duplicated', async () => {
      const { client } = clientFor(sandbox.url, { settings: { pageSize: 100 } });
      const pages = await allPages(
        () => client.listCustomers('default'),
        (cursor) => client.listCustomers('default', cursor),
      );
      assert.equal(pages.length, 13);
      assert.deepEqual(pages.flatMap((p) => p.customers.map((c) => c.id)), seedIds('default'));
      const log = await sandbox.admin.requests();
      assert.equal(log[0]!.path, '/v1/customers?size=100');
      for (const request of log.slice(1)) {
        assert.match(request.path, /^\/v1\/customers\?size=100&seekOperation=Next$/);
        assert.ok(request.headers['ms-continuationtoken'], 'each later page sends its continuation token');
      }
    });

    it('counts a cached page by its customers: paging past 5,000 customers lets the first pages go, the recent ones stay', async () => {
      const { client } = clientFor(sandbox.url, { settings: { pageSize: 100 } });
      const cursors: PageCursor[] = [];
      let page = await client.listCustomers('growth-10k');
      for (let n = 1; n < 60; n++) {
        cursors.push(page.next!);
        page = await client.listCustomers('growth-10k', page.next!);
      }
      await sandbox.admin.clearRequests();
      await client.listCustomers('growth-10k', cursors.at(-1)!); // the 60th page: the most recent, kept
      assert.deepEqual((await sandbox.admin.requests()).map((r) => r.path), [], 'the most recent page was asked again');
      await client.listCustomers('growth-10k'); // the first of 6,000 customers: beyond the bound, gone
      assert.deepEqual((await sandbox.admin.requests()).map((r) => r.path), ['/v1/customers?size=100']);
    });

    it("follows fabrikam's next links, which have no /v1 prefix", async () => {
      const { client } = clientFor(sandbox.url, { settings: { pageSize: 5 } });
      const pages = await allPages(
        () => client.listCustomers('fabrikam'),
        (cursor) => client.listCustomers('fabrikam', cursor),
      );
      assert.ok(pages[0]!.next!.uri.startsWith('/customers?'), 'the link as received has no /v1');
      assert.deepEqual(pages.flatMap((p) => p.customers.map((c) => c.id)), seedIds('fabrikam'));
      for (const request of await sandbox.admin.requests()) assert.match(request.path, /^\/v1\/customers\?size=5/);
    });

    it('pages with a body continuationToken when there is no links.next', async () => {
      const { client } = clientFor(sandbox.url, { settings: { pageSize: 100, cacheSeconds: 0 } });
      const response = await fetch(`${sandbox.url}/v1/customers?size=100`, { headers: { Authorization: 'Bearer sandbox:default' } });
      const firstPage = (await response.json()) as Record<string, unknown>;
      delete firstPage.links;
      await sandbox.admin.fault({ path: '/v1/customers?size=100', status: 200, body: firstPage });
      await sandbox.admin.clearRequests();

      const page = await client.listCustomers('default');
      assert.deepEqual(page.next, {
        uri: '/v1/customers?size=100&seekOperation=Next',
        headers: { 'MS-ContinuationToken': firstPage.continuationToken },
      });
      const second = await client.listCustomers('default', page.next);
      assert.deepEqual(second.customers.map((c) => c.id), seedIds('default').slice(100, 200));
    });

    it('pages on when links.next has nulls: a null uri falls back to the body token, a null header value is absent', async () => {
      const { client } = clientFor(sandbox.url, { settings: { pageSize: 100, cacheSeconds: 0 } });
      const response = await fetch(`${sandbox.url}/v1/customers?size=100`, { headers: { Authorization: 'Bearer sandbox:default' } });
      const firstPage = (await response.json()) as { links: { next: { uri: string } }; continuationToken: string };
      const token = firstPage.continuationToken;
      const nullHeader = [{ key: 'MS-ContinuationToken', value: null }];
      for (const next of [
        { uri: null, method: 'GET', headers: nullHeader },
        { uri: firstPage.links.next.uri, method: 'GET', headers: nullHeader },
      ]) {
        await sandbox.admin.fault({ path: '/v1/customers?size=100', status: 200, body: { ...firstPage, links: { self: { uri: null }, next } } });
        const page = await client.listCustomers('default');
        assert.deepEqual(page.next?.headers, { 'MS-ContinuationToken': token }, 'the body token, not a null header');
        assert.equal(page.next?.uri, next.uri ?? '/v1/customers?size=100&seekOperation=Next');
        const second = await client.listCustomers('default', page.next);
        assert.deepEqual(second.customers.map((c) => c.id), seedIds('default').slice(100, 200));
      }
    });

    it('searches by company-name prefix, case-insensitively, across pages', async () => {
      const { client } = clientFor(sandbox.url, { settings: { pageSize: 3 } });
      const prefix = SEARCH_PREFIXES.company.toLowerCase();
      const pages = await allPages(
        () => client.searchCustomers('default', 'CompanyName', prefix),
        (cursor) => client.searchCustomers('default', 'CompanyName', prefix, cursor),
      );
      const expected = seedTenant('default')!
        .customers.filter((c) => c.companyProfile.companyName.toLowerCase().startsWith(prefix))
        .map((c) => c.id);
      assert.ok(expected.length > 3, 'the prefix spans pages');
      assert.deepEqual(pages.flatMap((p) => p.customers.map((c) => c.id)), expected);
      const filter = encodeURIComponent(JSON.stringify({ Field: 'CompanyName', Value: prefix, Operator: 'starts_with' }));
      assert.equal((await sandbox.admin.requests())[0]!.path, `/v1/customers?size=3&filter=${filter}`);
    });

    it('searches by domain prefix', async () => {
      const { client } = clientFor(sandbox.url);
      const page = await client.searchCustomers('default', 'Domain', SEARCH_PREFIXES.domain);
      const expected = seedTenant('default')!
        .customers.filter((c) => c.companyProfile.domain?.toLowerCase().startsWith(SEARCH_PREFIXES.domain))
        .map((c) => c.id);
      assert.ok(expected.length > 0);
      assert.deepEqual(page.customers.map((c) => c.id), expected);
      assert.equal(page.next, undefined);
    });

    it('keeps the siblings of a list item that breaks the schema, and names its path and request id in its place', async () => {
      const { client } = clientFor(sandbox.url, { settings: { pageSize: 10 } });
      await sandbox.admin.fault({ path: '/v1/customers', kind: 'schema', field: 'items[3].companyProfile', value: 42 });
      const page = await client.listCustomers('default');
      const expected = seedIds('default').slice(0, 10);
      assert.deepEqual(page.customers.map((c) => c.id), [...expected.slice(0, 3), ...expected.slice(4)]);
      assert.deepEqual(page.entries.map((e) => e.kind), ['customer', 'customer', 'customer', 'invalid', ...Array(6).fill('customer')]);
      const entry = page.entries[3]!;
      assert.ok(entry.kind === 'invalid');
      const { invalid } = entry;
      const [logged] = await sandbox.admin.requests();
      assert.equal(invalid.index, 3);
      assert.equal(invalid.id, expected[3], 'its id was valid: it is named');
      assert.match(invalid.problem, /^items\[3\]\.companyProfile: .*expected object/);
      assert.equal(invalid.error.kind, 'invalidResponse');
      assert.equal(invalid.error.fieldPath, 'items[3].companyProfile');
      assert.equal(invalid.error.requestId, logged!.headers['ms-requestid']);
      assert.match(invalid.error.message, new RegExp(`${expected[3]}.*items\\[3\\]\\.companyProfile: .*\\(Request ID ${invalid.error.requestId}\\)$`));
      assert.ok(page.next, 'paging goes on');
      const second = await client.listCustomers('default', page.next);
      assert.deepEqual(second.customers.map((c) => c.id), seedIds('default').slice(10, 20));
    });

    it('reads a search page the same way: an item without an id is an invalid entry, not a failed search', async () => {
      const { client } = clientFor(sandbox.url);
      await sandbox.admin.fault({ path: '/v1/customers?', kind: 'schema', field: 'items[0].id', value: null });
      const page = await client.searchCustomers('default', 'Domain', SEARCH_PREFIXES.domain);
      const [first, ...rest] = page.entries;
      assert.ok(first?.kind === 'invalid');
      assert.equal(first.invalid.id, undefined);
      assert.match(first.invalid.error.message, /^Partner Center sent a customer that cannot be shown: items\[0\]\.id: /);
      assert.equal(page.customers.length, rest.length);
    });

    it('returns an empty page for a tenant without customers', async () => {
      const { client } = clientFor(sandbox.url);
      const page = await client.listCustomers('empty');
      assert.deepEqual(page.customers, []);
      assert.equal(page.next, undefined);
    });
  });

  describe('customers, profiles and the relationship link', () => {
    it('returns a customer by id exactly as received: same keys, same order, unknown fields kept', async () => {
      const { client } = clientFor(sandbox.url);
      const before = Date.now();
      const fetched = await client.getCustomer('default', NOTABLE.default.contoso);
      const seeded = seedCustomer('default', NOTABLE.default.contoso);
      assert.equal(JSON.stringify(fetched.raw), JSON.stringify(seeded));
      assert.equal(fetched.value.id, seeded.id);
      assert.equal(fetched.value.companyProfile?.companyName, seeded.companyProfile.companyName);
      assert.ok(fetched.fetchedAt.getTime() >= before && fetched.fetchedAt.getTime() <= Date.now());
    });

    it('serves both profiles from the customer request, matching the seed', async () => {
      const { client } = clientFor(sandbox.url);
      const id = NOTABLE.fabrikam.shared;
      const customer = await client.getCustomer('fabrikam', id);
      const company = await client.getCompanyProfile('fabrikam', id);
      const billing = await client.getBillingProfile('fabrikam', id);
      const seeded = seedCustomer('fabrikam', id);
      assert.deepEqual(company.raw, seeded.companyProfile);
      assert.deepEqual(billing.raw, seeded.billingProfile);
      assert.equal(billing.value.email, seeded.billingProfile.email);
      assert.equal(billing.fetchedAt, customer.fetchedAt);
      assert.equal((await sandbox.admin.requests()).length, 1);
    });

    it('asks the profile endpoint when the customer came without that profile', async () => {
      const { client } = clientFor(sandbox.url);
      const id = seedIds('default')[2]!;
      await sandbox.admin.fault({ path: `/v1/customers/${id}`, kind: 'schema', field: 'billingProfile', value: null });
      const billing = await client.getBillingProfile('default', id);
      const seeded = seedCustomer('default', id).billingProfile;
      assert.equal(billing.value.email, seeded.email);
      assert.equal(billing.value.firstName, seeded.firstName);
      assert.deepEqual((await sandbox.admin.requests()).map((r) => r.path), [`/v1/customers/${id}`, `/v1/customers/${id}/profiles/billing`]);
    });

    it('returns each tenant’s relationship URL with HTML entities decoded', async () => {
      const { client } = clientFor(sandbox.url);
      for (const tenant of ['default', 'fabrikam']) {
        const url = await client.getRelationshipRequestUrl(tenant);
        const served = seedTenant(tenant)!.relationshipRequestUrl;
        assert.equal(url, served.replaceAll('&amp;', '&'));
        assert.ok(!url.includes('&amp;'));
        assert.ok(url.includes(seedTenant(tenant)!.partnerTenantId));
      }
      assert.ok(seedTenant('fabrikam')!.relationshipRequestUrl.includes('&amp;'), 'fabrikam serves the legacy escaped form');
    });
  });

  describe('cache and sharing', () => {
    const countFor = async (path: string) => (await sandbox.admin.requests((r) => r.path === path)).length;

    it('makes one request for 25 concurrent identical calls', async () => {
      const { client } = clientFor(sandbox.url);
      const id = seedIds('default')[0]!;
      const results = await Promise.all(Array.from({ length: 25 }, () => client.getCustomer('default', id)));
      assert.ok(results.every((r) => r.value.id === id));
      assert.equal(await countFor(`/v1/customers/${id}`), 1);
    });

    it('aborts a shared request only when every caller has aborted', async () => {
      const { client } = clientFor(sandbox.url);
      const [a, b] = seedIds('default');
      await sandbox.admin.fault({ path: `/v1/customers/${a}`, delayMs: 300 });
      const leaving = new AbortController();
      const left = settle(client.getCustomer('default', a!, { signal: leaving.signal }));
      const staying = client.getCustomer('default', a!, { signal: new AbortController().signal });
      leaving.abort();
      assert.ok(isCancellation(((await left) as { error: unknown }).error));
      assert.equal((await staying).value.id, a, 'the other caller still gets it');

      await sandbox.admin.fault({ path: `/v1/customers/${b}`, delayMs: 300 });
      const controllers = [new AbortController(), new AbortController()];
      const calls = controllers.map((c) => settle(client.getCustomer('default', b!, { signal: c.signal })));
      await waitFor('the request to reach the sandbox', async () => (await sandbox.admin.requests((r) => r.path === `/v1/customers/${b}`)).length > 0 || undefined);
      for (const controller of controllers) controller.abort();
      assert.ok((await Promise.all(calls)).every((o) => !o.ok && isCancellation(o.error)));
      // The server's answer was due 300 ms after the request arrived; past that, an unanswered entry means it was
      // abandoned (the server logs a status only for an answer it could write).
      const [request] = await sandbox.admin.requests((r) => r.path === `/v1/customers/${b}`);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, request!.at + 400 - Date.now())));
      const [after] = await sandbox.admin.requests((r) => r.path === `/v1/customers/${b}`);
      assert.equal(after!.status, null, 'the request was abandoned, so the server never answered it');
      // Nothing was cached: the next call asks again.
      await client.getCustomer('default', b!);
      assert.equal(await countFor(`/v1/customers/${b}`), 2);
    });

    it('serves from memory for cacheSeconds, refetches on bypassCache, forgets on invalidate', async () => {
      const { client } = clientFor(sandbox.url);
      const id = seedIds('default')[1]!;
      const path = `/v1/customers/${id}`;
      const first = await client.getCustomer('default', id);
      assert.equal(await client.getCustomer('default', id), first);
      assert.equal(client.peekCustomer('default', id), first);
      assert.equal(await countFor(path), 1);

      const refreshed = await client.getCustomer('default', id, { bypassCache: true });
      assert.notEqual(refreshed, first);
      assert.equal(client.peekCustomer('default', id), refreshed, 'the refreshed result replaced the cached one');
      assert.equal(await countFor(path), 2);

      client.invalidate('default', id);
      assert.equal(client.peekCustomer('default', id), undefined);
      await client.getCustomer('default', id);
      assert.equal(await countFor(path), 3);

      await client.listCustomers('default');
      client.invalidate('default');
      assert.equal(client.peekCustomer('default', id), undefined);
      await client.listCustomers('default');
      assert.equal(await countFor('/v1/customers?size=100'), 2);
    });

    it('tells listeners about every customer fetched from Partner Center, never about cache hits', async () => {
      const { client } = clientFor(sandbox.url);
      const id = seedIds('default')[2]!;
      const heard: unknown[] = [];
      const subscription = client.onDidFetchCustomer(({ tenant, customerId, fetched }) => heard.push([tenant, customerId, fetched]));
      client.onDidFetchCustomer(() => {
        throw new Error('a broken listener');
      });

      const first = await client.getCustomer('default', id); // the broken listener does not fail the call
      await client.getCustomer('default', id);
      const refreshed = await client.getCustomer('default', id, { bypassCache: true });
      assert.deepEqual(heard, [
        ['default', id, first],
        ['default', id, refreshed],
      ]);
      subscription.dispose();
      await client.getCustomer('default', id, { bypassCache: true });
      assert.equal(heard.length, 2);
    });

    it('finds a customer asked for with its GUID in another case in the cache, and invalidates it so', async () => {
      const { client } = clientFor(sandbox.url);
      const id = seedIds('default')[5]!;
      assert.match(id, /[a-f]/, 'the seed GUID has letters, so its case can differ');
      const first = await client.getCustomer('default', id.toLowerCase());
      await sandbox.admin.clearRequests();
      assert.equal(await client.getCustomer('default', id.toUpperCase()), first);
      assert.equal(client.peekCustomer('default', id.toUpperCase()), first);
      await client.getBillingProfile('default', id.toUpperCase());
      assert.deepEqual(await sandbox.admin.requests(), [], 'no request for the other case');

      client.invalidate('DEFAULT', id.toUpperCase());
      assert.equal(client.peekCustomer('default', id.toLowerCase()), undefined);
    });

    it('shares one request between two cases of a GUID, and sends the id as given', async () => {
      const { client } = clientFor(sandbox.url);
      const id = seedIds('default')[6]!;
      const [upper, lower] = await Promise.all([client.getCustomer('default', id.toUpperCase()), client.getCustomer('default', id.toLowerCase())]);
      assert.equal(upper, lower);
      assert.deepEqual((await sandbox.admin.requests()).map((r) => r.path), [`/v1/customers/${id.toUpperCase()}`]);
    });

    it('keeps nothing when cacheSeconds is 0, and never caches an error', async () => {
      const { client, state } = clientFor(sandbox.url, { settings: { cacheSeconds: 0 } });
      const id = seedIds('default')[3]!;
      await client.getCustomer('default', id);
      await client.getCustomer('default', id);
      assert.equal(client.peekCustomer('default', id), undefined);
      assert.equal(await countFor(`/v1/customers/${id}`), 2);

      state.settings = settingsFor(sandbox.url);
      await sandbox.admin.fault({ path: `/v1/customers/${id}`, status: 404 });
      await assert.rejects(client.getCustomer('default', id), PartnerCenterError);
      assert.equal((await client.getCustomer('default', id)).value.id, id);
    });

    it('after a list page: expanding a customer is 1 request, its billing and JSON 0 more', async () => {
      const { client } = clientFor(sandbox.url);
      const page = await client.listCustomers('default');
      const id = page.customers[7]!.id;
      await sandbox.admin.clearRequests();
      await client.getCustomer('default', id); // expand
      await client.getBillingProfile('default', id); // billing webview
      assert.ok(client.peekCustomer('default', id)); // JSON tab
      await client.getCustomer('default', id);
      assert.deepEqual((await sandbox.admin.requests()).map((r) => r.path), [`/v1/customers/${id}`]);
    });

    it('drops the cache when the endpoint changes', async () => {
      const other = await startSandbox({ port: 0 });
      try {
        const { client, state } = clientFor(sandbox.url);
        const id = seedIds('default')[4]!;
        await client.getCustomer('default', id);
        state.settings = settingsFor(other.url);
        await client.getCustomer('default', id);
        assert.equal(await countFor(`/v1/customers/${id}`), 1);
        const atOther = await fetch(`${other.url}/_sandbox/requests`).then((r) => r.json() as Promise<{ requests: unknown[] }>);
        assert.equal(atOther.requests.length, 1, 'the new endpoint was asked, not the cache');
      } finally {
        await other.close();
      }
    });

    it('cancels what was queued for the old endpoint as soon as it is told the settings changed', async () => {
      const limit = { 'rateLimit.requests': 1, 'rateLimit.windowSeconds': 60, cacheSeconds: 0 };
      const { client, state } = clientFor(sandbox.url, { settings: limit });
      const [a, b] = seedIds('default');
      await client.getCustomer('default', a!);
      const queued = settle(client.getCustomer('default', b!));
      await waitFor('the second call to be queued', () => client.queueDepth('default') === 1 || undefined);
      state.settings = settingsFor(sandbox.url, { ...limit, cloud: 'global', clientId: '0b5c2b3e-8f6d-4c1a-9e2f-3a4b5c6d7e8f' });
      const toldAt = Date.now();
      client.settingsChanged();
      const outcome = await queued;
      assert.ok(!outcome.ok && isCancellation(outcome.error));
      assert.ok(Date.now() - toldAt < 1000, 'at once, not after the minute-long wait');
      assert.deepEqual((await sandbox.admin.requests()).map((r) => r.path), [`/v1/customers/${a}`]);
    });
  });

  describe('safety', () => {
    it('refuses a links.next that points to another origin, without sending anything', async () => {
      const { client } = clientFor(sandbox.url, { settings: { cacheSeconds: 0 } });
      for (const uri of ['https://evil.example/v1/customers?size=100', '//evil.example/v1/customers', 'http://127.0.0.1:9/v1/customers']) {
        await sandbox.admin.fault({
          path: '/v1/customers?size=100',
          status: 200,
          body: { totalCount: 0, items: [], links: { next: { uri, method: 'GET', headers: [{ key: 'MS-ContinuationToken', value: 't' }] } } },
        });
        const page = await client.listCustomers('default');
        assert.equal(page.next?.uri, uri);
        await sandbox.admin.clearRequests();
        const error = await settle(client.listCustomers('default', page.next));
        assert.ok(!error.ok && error.error instanceof PartnerCenterError);
        assert.match((error.error as Error).message, /Refused to send the Partner Center token/);
        assert.deepEqual(await sandbox.admin.requests(), [], 'nothing was sent');
      }
    });

    it('turns invalid settings into a rejected call, not a thrown one', async () => {
      const { client, state } = clientFor(sandbox.url);
      state.problem = new PartnerCenterError({ kind: 'settings', summary: 'bad settings' });
      const pending = client.listCustomers('default');
      await assert.rejects(pending, (error: unknown) => error instanceof PartnerCenterError && error.kind === 'settings');
      assert.equal(client.peekCustomer('default', 'x'), undefined);
    });

    it('takes its first rate limits from the settings, before any call', () => {
      const { client } = clientFor(sandbox.url, { settings: { 'rateLimit.requests': 2, 'rateLimit.windowSeconds': 60 } });
      assert.ok(client.estimatedWaitMs('default', 3) >= 59_000, 'the third request waits for the next minute');
      const invalid = clientFor(sandbox.url);
      invalid.state.problem = new PartnerCenterError({ kind: 'settings', summary: 'bad settings' });
      assert.equal(invalid.client.estimatedWaitMs('default', 3), 0, 'invalid settings send nothing, so nothing waits');
    });

    it('rejects an empty customer id without sending', async () => {
      const { client } = clientFor(sandbox.url);
      await assert.rejects(client.getCustomer('default', ' '), PartnerCenterError);
      assert.deepEqual(await sandbox.admin.requests(), []);
    });

    describe('a customer id that is a dot segment (`.`, `..`)', () => {
      // `/v1/customers/..` is `/v1/` to a URL parser: the partner's own resources, shown as the customer's.
      for (const id of ['.', '..']) {
        it(`refuses "${id}" for the customer and its profiles, sending nothing`, async () => {
          const { client } = clientFor(sandbox.url, { settings: { cacheSeconds: 0 } });
          const calls: (() => Promise<unknown>)[] = [
            () => client.getCustomer('default', id),
            () => client.getBillingProfile('default', id),
            () => client.getCompanyProfile('default', id),
          ];
          for (const call of calls) {
            const outcome = await settle(call());
            assert.ok(!outcome.ok && outcome.error instanceof PartnerCenterError, `refused: ${JSON.stringify(outcome)}`);
            assert.match((outcome.error as Error).message, new RegExp(`"${id.replaceAll('.', '\\.')}" is not a customer id`));
          }
          assert.deepEqual(await sandbox.admin.requests(), [], 'nothing was sent');
        });
      }

      it('refuses the id when a server lists it, sending nothing for it', async () => {
        const { client } = clientFor(sandbox.url, { settings: { cacheSeconds: 0 } });
        await sandbox.admin.fault({ path: '/v1/customers', kind: 'schema', field: 'items[0].id', value: '..' });
        const page = await client.listCustomers('default');
        const listed = page.customers[0]!.id;
        assert.equal(listed, '..');
        await sandbox.admin.clearRequests();
        await assert.rejects(client.getCustomer('default', listed), PartnerCenterError);
        await assert.rejects(client.getBillingProfile('default', listed), PartnerCenterError);
        assert.deepEqual(await sandbox.admin.requests(), []);
      });
    });

    it('cancel() rejects what is running for every tenant', async () => {
      const { client } = clientFor(sandbox.url);
      await sandbox.admin.fault({ path: '/v1/customers', times: 0, delayMs: 500 });
      const calls = ['default', 'fabrikam'].map((tenant) => settle(client.listCustomers(tenant)));
      await waitFor('both lists to reach the sandbox', async () => (await sandbox.admin.requests((r) => r.path.startsWith('/v1/customers'))).length === 2 || undefined);
      client.cancel();
      assert.ok((await Promise.all(calls)).every((o) => !o.ok && isCancellation(o.error)));
    });
  });
});
