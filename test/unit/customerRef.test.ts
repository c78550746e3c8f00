import assert from 'node:assert/strict';
import { CustomerMap, customerKey, sameCustomer, sameTenant } from '../../src/customerRef';

const GUID = '8c6f2a3e-1b4d-4e5f-9a0b-7c8d9e0f1a2b';

describe('customer identity', () => {
  it('is the same customer whatever the case of the GUID or the tenant', () => {
    assert.ok(sameCustomer({ tenantId: 'contoso.onmicrosoft.com', customerId: GUID }, { tenantId: 'Contoso.OnMicrosoft.com', customerId: GUID.toUpperCase() }));
    assert.equal(customerKey({ tenantId: 'default', customerId: GUID }), customerKey({ tenantId: 'DEFAULT', customerId: GUID.toUpperCase() }));
    assert.ok(sameTenant('fabrikam', 'FabriKam'));
  });

  it('tells different customers and tenants apart', () => {
    assert.ok(!sameCustomer({ tenantId: 'default', customerId: GUID }, { tenantId: 'fabrikam', customerId: GUID }));
    assert.ok(!sameCustomer({ tenantId: 'default', customerId: GUID }, { tenantId: 'default', customerId: GUID.replace('8c6f', '8c6e') }));
    // The separator keeps a tenant/customer pair from reading as another pair.
    assert.notEqual(customerKey({ tenantId: 'a/b', customerId: 'c' }), customerKey({ tenantId: 'a', customerId: 'b/c' }));
  });

  it('ignores the company name: it labels, it does not identify', () => {
    assert.ok(sameCustomer({ tenantId: 'default', customerId: GUID, companyName: 'Contoso' }, { tenantId: 'default', customerId: GUID, companyName: 'Contoso Ltd' }));
  });

  it('a CustomerMap finds, replaces and drops an entry under any case, and drops a whole tenant', () => {
    const map = new CustomerMap<string>();
    map.set({ tenantId: 'default', customerId: GUID }, 'first');
    map.set({ tenantId: 'DEFAULT', customerId: GUID.toUpperCase() }, 'second');
    map.set({ tenantId: 'fabrikam', customerId: GUID }, 'other tenant');
    assert.equal(map.size, 2);
    assert.equal(map.get({ tenantId: 'Default', customerId: GUID.toUpperCase() }), 'second');
    map.deleteTenant('DEFAULT');
    assert.deepEqual([...map.values()], ['other tenant']);
    assert.deepEqual([...map].map(([ref]) => ref), [{ tenantId: 'fabrikam', customerId: GUID }]);
    assert.ok(map.delete({ tenantId: 'fabrikam', customerId: GUID.toUpperCase() }));
    assert.equal(map.size, 0);
  });
});
