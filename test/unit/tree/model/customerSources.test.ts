// Where search results come from: prefix searches on name and domain, or, for a GUID, the customer by id.
import assert from 'node:assert/strict';
import { PartnerCenterError } from '../../../../src/api/errors';
import type { Customer } from '../../../../src/api/schemas';
import type { Fetched, PartnerCenterApi } from '../../../../src/api/types';
import { searchFetchers } from '../../../../src/tree/model/customerSources';

const ID = 'd5df8e86-3523-4daf-a201-019d9f03294c';

function fakeClient(known: Record<string, Customer>) {
  const calls: string[] = [];
  const client: Pick<PartnerCenterApi, 'searchCustomers' | 'getCustomer'> = {
    searchCustomers: async (tenant, field, prefix) => {
      calls.push(`search ${tenant} ${field} ${prefix}`);
      return { customers: [], entries: [] };
    },
    getCustomer: async (tenant, customerId) => {
      calls.push(`get ${tenant} ${customerId}`);
      const value = known[customerId];
      if (!value) throw new PartnerCenterError({ kind: 'http', status: 404, summary: 'Partner Center answered 404.' });
      return { value, raw: value, fetchedAt: new Date() } satisfies Fetched<Customer>;
    },
  };
  return { client, calls };
}

describe('search sources', () => {
  it('a prefix is searched in company names and domains', async () => {
    const { client, calls } = fakeClient({});
    await Promise.all(searchFetchers(client, 'default', 'Contoso', (o) => o).map((fetch) => fetch(undefined, {})));
    assert.deepEqual(calls, ['search default CompanyName Contoso', 'search default Domain Contoso']);
  });

  it('a GUID is one GET by id: the customer as the only match', async () => {
    const customer = { id: ID } as Customer;
    const { client, calls } = fakeClient({ [ID.toUpperCase()]: customer });
    const fetchers = searchFetchers(client, 'fabrikam', ID.toUpperCase(), (o) => o);
    assert.equal(fetchers.length, 1);
    const page = await fetchers[0]!(undefined, {});
    assert.deepEqual(calls, [`get fabrikam ${ID.toUpperCase()}`]);
    assert.deepEqual(page, { customers: [customer], entries: [{ kind: 'customer', customer }] });
  });

  it('a 404 means the tenant has no such customer: no match, no error; other failures stay failures', async () => {
    const { client } = fakeClient({});
    assert.deepEqual(await searchFetchers(client, 'default', ID, (o) => o)[0]!(undefined, {}), { customers: [], entries: [] });
    const failing: typeof client = { ...client, getCustomer: () => Promise.reject(new PartnerCenterError({ kind: 'http', status: 500, summary: 'boom' })) };
    await assert.rejects(searchFetchers(failing, 'default', ID, (o) => o)[0]!(undefined, {}), /boom/);
  });
});
