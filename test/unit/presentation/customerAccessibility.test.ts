import assert from 'node:assert/strict';
import { type Customer, customerSchema } from '../../../src/api/schemas';
import { customerAccessibilityLabel } from '../../../src/presentation/customerAccessibility';
import { NOTABLE, seedCustomer } from '../../sandbox/seed';

function seeded(tenant: 'default' | 'fabrikam', id: string): Customer {
  return customerSchema.parse(structuredClone(seedCustomer(tenant, id)));
}

describe('presentation: what a screen reader says for a customer row', () => {
  it('reads the name, the domain and the relationship in words', () => {
    const customer = seeded('default', NOTABLE.default.contoso);
    assert.equal(customerAccessibilityLabel(customer), 'Customer Contoso Ltd, contosoltd.onmicrosoft.com, relationship: Reseller');
  });

  it('leaves out a missing domain, and reads an undocumented relationship as received', () => {
    const noDomain = seeded('default', NOTABLE.default.noDomain);
    assert.match(customerAccessibilityLabel(noDomain), /^Customer Adatum Corporation, relationship: \S/);
    const unknown = seeded('fabrikam', NOTABLE.fabrikam.unknownRelationship);
    assert.match(customerAccessibilityLabel(unknown), /, relationship: unknown$/);
  });

  it('says so when Partner Center reports no relationship', () => {
    const customer = { ...seeded('default', NOTABLE.default.contoso), relationshipToPartner: undefined } as Customer;
    assert.match(customerAccessibilityLabel(customer), /, relationship: Not reported$/);
  });
});
