// The growth tenants (test/sandbox/growthTenants.ts): deterministic, lazy, and served like the seeded ones.
import * as assert from 'node:assert/strict';
import { customerCollectionSchema, customerSchema } from '../../../src/api/schemas';
import { GROWTH_SEARCH_PREFIX, GROWTH_TENANTS, buildGrowthCustomers, growthTenants } from '../../sandbox/growthTenants';
import { seedTenants } from '../../sandbox/seed';
import { startSandbox, type RunningSandbox } from '../../sandbox/server';

describe('sandbox growth tenants', () => {
  let sandbox: RunningSandbox;
  before(async () => {
    sandbox = await startSandbox({ port: 0, rateLimit: { requests: 100_000, windowMs: 60_000 } });
  });
  after(() => sandbox.close());

  const get = async (tenant: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; json: unknown }> => {
    const response = await fetch(new URL(path, sandbox.url), { headers: { ...headers, Authorization: `Bearer sandbox:${tenant}` } });
    return { status: response.status, json: await response.json() };
  };

  it('are growth-1k, growth-10k and growth-50k, apart from the seeded tenants', () => {
    assert.deepEqual(growthTenants().map((t) => t.id), ['growth-1k', 'growth-10k', 'growth-50k']);
    assert.deepEqual(GROWTH_TENANTS.map((t) => t.customers), [1_000, 10_000, 50_000]);
    assert.ok(seedTenants().every((t) => !t.id.startsWith('growth-')));
  });

  it('generates the same customers on every build, each with a unique id, name and domain, 1 in 100 a Contoso', () => {
    const customers = buildGrowthCustomers('growth-1k');
    assert.equal(customers.length, 1_000);
    assert.deepEqual(customers, buildGrowthCustomers('growth-1k'));
    for (const pick of [(c: (typeof customers)[number]) => c.id, (c: (typeof customers)[number]) => c.companyProfile.companyName, (c: (typeof customers)[number]) => c.companyProfile.domain]) {
      assert.equal(new Set(customers.map(pick)).size, customers.length);
    }
    assert.equal(customers.filter((c) => c.companyProfile.companyName.startsWith(GROWTH_SEARCH_PREFIX)).length, 10);
    for (const customer of customers.slice(0, 50)) assert.ok(customerSchema.safeParse(customer).success, customer.id);
  });

  it('serves pages, a starts_with search and a customer by id', async () => {
    const first = await get('growth-1k', '/v1/customers?size=400');
    assert.equal(first.status, 200);
    const page = customerCollectionSchema.parse(first.json);
    assert.equal(page.items.length, 400);
    const token = page.continuationToken;
    assert.ok(token);
    const second = customerCollectionSchema.parse((await get('growth-1k', '/v1/customers?seekOperation=Next', { 'MS-ContinuationToken': token })).json);
    assert.equal(second.items.length, 400);

    const filter = encodeURIComponent(JSON.stringify({ Field: 'CompanyName', Value: GROWTH_SEARCH_PREFIX.toLowerCase(), Operator: 'starts_with' }));
    const found = customerCollectionSchema.parse((await get('growth-1k', `/v1/customers?size=100&filter=${filter}`)).json);
    assert.equal(found.items.length, 10);

    const id = buildGrowthCustomers('growth-1k')[700]!.id;
    const byId = await get('growth-1k', `/v1/customers/${id.toUpperCase()}`);
    assert.equal(byId.status, 200);
    assert.equal((byId.json as { id: string }).id, id);
  });
});
