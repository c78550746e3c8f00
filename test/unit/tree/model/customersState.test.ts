import assert from 'node:assert/strict';
import { PartnerCenterError } from '../../../../src/api/errors';
import type { Customer } from '../../../../src/api/schemas';
import type { CustomerPage, Fetched, PageCursor, RequestOptions } from '../../../../src/api/types';
import { type CustomersClient, CustomersState } from '../../../../src/tree/model/customersState';

const GUID = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const customer = (id: string, name = `Company ${id}`): Customer => ({ id, companyProfile: { companyName: name } });

/** A client whose tenants each have one page of customers; it records every call and what it invalidated. */
function fakeClient(customers: Record<string, string[]>) {
  const calls: string[] = [];
  const invalidated: string[] = [];
  const signals: AbortSignal[] = [];
  const failing = new Set<string>();
  let generation = 0;
  const page = (ids: string[]): CustomerPage => ({
    customers: ids.map((id) => customer(id)),
    entries: ids.map((id) => ({ kind: 'customer', customer: customer(id) })),
  });
  const client: CustomersClient = {
    async listCustomers(tenant: string, _cursor?: PageCursor, options?: RequestOptions) {
      calls.push(`list ${tenant}`);
      if (options?.signal) signals.push(options.signal);
      await Promise.resolve();
      return page(customers[tenant] ?? []);
    },
    async searchCustomers(tenant: string, field: string, text: string) {
      calls.push(`search ${tenant} ${field} ${text}`);
      await Promise.resolve();
      if (failing.has(text)) throw new PartnerCenterError({ kind: 'http', summary: 'search failed', status: 500 });
      return page((customers[tenant] ?? []).filter((id) => id.startsWith(text)));
    },
    async getCustomer(tenant: string, customerId: string, options?: RequestOptions): Promise<Fetched<Customer>> {
      calls.push(`get ${tenant} ${customerId}${options?.bypassCache ? ' fresh' : ''}`);
      if (options?.signal) signals.push(options.signal);
      await Promise.resolve();
      generation++;
      return { value: customer(customerId, `Company ${customerId} v${generation}`), raw: {}, fetchedAt: new Date() };
    },
    invalidate(tenant: string, customerId?: string) {
      invalidated.push(customerId === undefined ? tenant : `${tenant}/${customerId}`);
    },
  };
  return { client, calls, invalidated, signals, failing };
}

describe('tree: customers state', () => {
  it('finds a customer\'s details under a GUID in another case: one request, one entry', async () => {
    const fake = fakeClient({ default: [GUID] });
    const state = new CustomersState(fake.client);
    await state.detailsOf({ tenantId: 'default', customerId: GUID }).ensure();
    const upper = state.detailsOf({ tenantId: 'default', customerId: GUID.toUpperCase() });
    assert.equal(upper.settled, true);
    await upper.ensure();
    assert.deepEqual(fake.calls, [`get default ${GUID}`]);
    assert.ok(state.fetchedDetails({ tenantId: 'DEFAULT', customerId: GUID.toUpperCase() }));
  });

  it('finds a listed customer by a GUID in another case (what Reveal looks up)', async () => {
    const fake = fakeClient({ default: [GUID, 'other'] });
    const state = new CustomersState(fake.client);
    const list = await state.ensureList('default');
    assert.equal(list.find(GUID.toUpperCase())?.id, GUID);
    assert.equal(list.find('nobody'), undefined);
  });

  it('a tenant refresh cancels what the tree queued, forgets the details and reloads the shown list', async () => {
    const fake = fakeClient({ default: ['a', 'b'], fabrikam: ['c'] });
    const state = new CustomersState(fake.client);
    await state.ensureList('default');
    await state.ensureList('fabrikam');
    await state.detailsOf({ tenantId: 'default', customerId: 'a' }).ensure();
    await state.detailsOf({ tenantId: 'fabrikam', customerId: 'c' }).ensure();
    const before = fake.signals[0]!;
    fake.calls.length = 0;

    await state.refreshTenants(['default']);

    assert.equal(before.aborted, true, 'the old signal of the tenant is aborted');
    assert.deepEqual(fake.invalidated, ['default']);
    assert.deepEqual(fake.calls, ['list default'], 'only the shown list of that tenant is fetched again');
    assert.equal(fake.signals.at(-1)!.aborted, false, 'the reload went out with a fresh signal');
    assert.equal(state.fetchedDetails({ tenantId: 'default', customerId: 'a' }), undefined);
    assert.ok(state.fetchedDetails({ tenantId: 'fabrikam', customerId: 'c' }), 'another tenant keeps its details');
  });

  it('a customer refresh fetches past the cache even when the tree never showed it', async () => {
    const fake = fakeClient({ default: [GUID] });
    const state = new CustomersState(fake.client);
    await state.refreshCustomer({ tenantId: 'default', customerId: GUID.toUpperCase() });
    assert.deepEqual(fake.invalidated, [`default/${GUID.toUpperCase()}`]);
    assert.deepEqual(fake.calls, [`get default ${GUID.toUpperCase()} fresh`]);
  });

  it('takes a customer fetched elsewhere only where it holds settled details, and only once', async () => {
    const fake = fakeClient({ default: ['a'] });
    const state = new CustomersState(fake.client);
    const elsewhere: Fetched<Customer> = { value: customer('a', 'Renamed'), raw: {}, fetchedAt: new Date() };
    assert.equal(state.acceptFetched({ tenantId: 'default', customerId: 'a' }, elsewhere), false, 'not loaded: nothing to update');
    await state.detailsOf({ tenantId: 'default', customerId: 'a' }).ensure();
    assert.equal(state.acceptFetched({ tenantId: 'default', customerId: 'A' }, elsewhere), true);
    assert.equal(state.acceptFetched({ tenantId: 'default', customerId: 'a' }, elsewhere), false, 'the same fetch again changes nothing');
    assert.equal(state.fetchedDetails({ tenantId: 'default', customerId: 'a' })?.value.companyProfile?.companyName, 'Renamed');
  });

  it('searching the same text again retries a failed search, and clearing returns to the full list as loaded', async () => {
    const fake = fakeClient({ default: ['apple', 'avocado', 'banana'] });
    const state = new CustomersState(fake.client);
    await state.ensureList('default');
    fake.failing.add('a');
    await state.search('a', ['default']);
    assert.equal(state.searchSummary(['default'])?.failed, true);
    fake.failing.clear();
    await state.search('a', ['default']);
    assert.deepEqual(state.searchSummary(['default']), { text: 'a', count: 2, more: false, failed: false });
    const searches = fake.calls.filter((call) => call.startsWith('search')).length;
    await state.search('a', ['default']);
    assert.equal(fake.calls.filter((call) => call.startsWith('search')).length, searches, 'a search that worked is not sent again');
    state.clearSearch();
    assert.equal(state.searchText, undefined);
    assert.deepEqual(state.listOf('default').items.map((c) => c.id), ['apple', 'avocado', 'banana']);
    assert.equal(fake.calls.filter((call) => call === 'list default').length, 1, 'the full list was kept, not fetched again');
  });

  it('reset cancels everything the tree asked for and forgets what it loaded', async () => {
    const fake = fakeClient({ default: ['a'] });
    const state = new CustomersState(fake.client);
    await state.ensureList('default');
    await state.detailsOf({ tenantId: 'default', customerId: 'a' }).ensure();
    state.reset();
    assert.ok(fake.signals.every((signal) => signal.aborted));
    assert.equal(state.listOf('default').needsLoad, true);
    assert.equal(state.fetchedDetails({ tenantId: 'default', customerId: 'a' }), undefined);
  });
});
