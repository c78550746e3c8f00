import assert from 'node:assert/strict';
import { type Customer, customerSchema } from '../../../src/api/schemas';
import {
  billingProfileRows,
  companyProfileRows,
  customerDetails,
  customerDisplayName,
  delegatedAdminLabel,
  formatAddress,
  hasNoRelationship,
  relationshipLabel,
} from '../../../src/presentation/customerFacts';
import documentedCustomer from '../../fixtures/partner-center/customer-by-id.response.json';
import { NOTABLE, seedCustomer } from '../../sandbox/seed';

/** A seeded customer as the client hands it to the tree: validated by the real schema. */
function seeded(tenant: 'default' | 'fabrikam', id: string): Customer {
  return customerSchema.parse(structuredClone(seedCustomer(tenant, id)));
}

const rowsByLabel = (rows: readonly { label: string; value: string }[]) => Object.fromEntries(rows.map((r) => [r.label, r.value]));

describe('tree: customer facts', () => {
  it('shows the documented sample customer as label/value rows, the address on one line', () => {
    const customer = customerSchema.parse(documentedCustomer);
    assert.deepEqual(rowsByLabel(companyProfileRows(customer.companyProfile)), {
      'Company name': '1kl as kjk',
      Domain: 'abcdefgh1234.ccsctp.net',
      'Tenant ID': 'eebd1b55-5360-4438-a11d-5c06918c3014',
      Email: 'a@a.com',
      Address: '1 ms way, redmond, wa 98052, US',
      Phone: '1234567890',
    });
    const billing = rowsByLabel(billingProfileRows(customer.billingProfile));
    assert.equal(billing.Contact, 'd0d89d776d03471c819bf772191ed728 kjkAJJAAAAAAAAAAAAAAAAAAAA');
    assert.equal(billing.Address, '1 ms way, redmond, WA 98052, US');
    assert.equal(billing.Culture, 'en-US');
    assert.equal(billing.Language, 'en');
  });

  it('lists a customer\'s children in order: profiles, relationship, delegated admin, domains, commerce id', () => {
    const customer = customerSchema.parse(documentedCustomer);
    const details = customerDetails(customer);
    assert.deepEqual(
      details.map((d) => (d.kind === 'property' ? `${d.row.label}: ${d.row.value}` : d.label)),
      [
        'Company profile',
        'Billing profile',
        'Relationship: Reseller',
        'Delegated admin: Yes',
        'Custom domains (1)',
        'Commerce ID: 99e6a635-48e7-424d-9059-c9db944e3c54',
      ],
    );
  });

  it('shows the associated partner (indirect reseller) only when the customer has one', () => {
    const indirect = customerDetails(seeded('default', NOTABLE.default.indirect));
    const direct = customerDetails(seeded('default', NOTABLE.default.contoso));
    const partnerRow = (details: ReturnType<typeof customerDetails>) =>
      details.find((d) => d.kind === 'property' && d.row.key === 'associatedPartnerId');
    assert.ok(partnerRow(indirect), 'the indirect customer shows its reseller');
    assert.equal(partnerRow(direct), undefined);
  });

  it('omits what a sparse record lacks instead of showing empty rows', () => {
    const sparse = seeded('default', NOTABLE.default.sparse);
    const details = customerDetails(sparse);
    // Billing profile all nulls and null custom domains: no "Billing profile", no "Custom domains".
    assert.deepEqual(
      details.map((d) => (d.kind === 'property' ? d.row.key : d.kind === 'profile' ? d.profile : d.kind)),
      ['company', 'relationship', 'delegatedAdmin', 'commerceId'],
    );
    const company = details[0];
    assert.ok(company?.kind === 'profile');
    assert.ok(company.rows.every((r) => r.value.trim() !== ''), 'no empty value rows');
    assert.equal(company.rows.find((r) => r.key === 'address'), undefined);
  });

  it('says "Not reported" for a missing delegated-admin flag and shows unknown relationships as received', () => {
    const sparse = customerDetails(seeded('default', NOTABLE.default.sparse));
    const value = (key: string) => sparse.flatMap((d) => (d.kind === 'property' && d.row.key === key ? [d.row.value] : []))[0];
    assert.equal(value('delegatedAdmin'), 'Not reported');
    assert.equal(value('relationship'), 'unknown');
  });

  it('labels every documented relationship value in words', () => {
    assert.deepEqual(
      ['none', 'reseller', 'advisor', 'syndication', 'microsoft_support'].map(relationshipLabel),
      ['None', 'Reseller', 'Advisor', 'Syndication', 'Microsoft support'],
    );
    assert.equal(relationshipLabel('is_new_value'), 'is_new_value');
    assert.equal(relationshipLabel(null), 'Not reported');
    assert.equal(relationshipLabel('  '), 'Not reported');
    // Inherited object keys are not relationship values.
    assert.equal(relationshipLabel('constructor'), 'constructor');
  });

  it('tells a customer with no relationship left (any case, padded) from one whose relationship is unknown or another', () => {
    const withRelationship = (value: string | null) => ({ ...seeded('default', NOTABLE.default.sparse), relationshipToPartner: value });
    assert.deepEqual(['none', ' None ', 'NONE'].map((v) => hasNoRelationship(withRelationship(v))), [true, true, true]);
    assert.deepEqual(['reseller', 'unknown', '', null].map((v) => hasNoRelationship(withRelationship(v))), [false, false, false, false]);
  });

  it('says Yes, No or Not reported for delegated admin', () => {
    assert.deepEqual([true, false, null, undefined].map(delegatedAdminLabel), ['Yes', 'No', 'Not reported', 'Not reported']);
  });

  it('formats addresses on one line, trimming values and skipping empty parts', () => {
    assert.equal(
      formatAddress({ addressLine1: '1 Main St', addressLine2: '  ', city: 'Redmond ', region: 'wa', postalCode: '98052', country: 'US' }),
      '1 Main St, Redmond, wa 98052, US',
    );
    // Billing addresses carry `state`, company addresses `region`: state wins when both exist.
    assert.equal(formatAddress({ city: 'Paris', state: 'IDF', region: 'Île-de-France', postalCode: '75008', country: 'FR' }), 'Paris, IDF 75008, FR');
    assert.equal(formatAddress({ country: 'US', region: null, city: null, addressLine1: null, postalCode: null }), 'US');
    assert.equal(formatAddress({ country: null, city: '' }), undefined);
    assert.equal(formatAddress(null), undefined);
  });

  it('names a customer by company name, else domain, else id', () => {
    const base = { id: 'c-1' };
    assert.equal(customerDisplayName({ ...base, companyProfile: { companyName: ' Contoso ', domain: 'contoso.com' } }), 'Contoso');
    assert.equal(customerDisplayName({ ...base, companyProfile: { companyName: '', domain: 'contoso.com' } }), 'contoso.com');
    assert.equal(customerDisplayName({ ...base, companyProfile: null }), 'c-1');
  });

  it('keeps custom domains as received, one row each, counted in the group label', () => {
    const german = customerDetails(seeded('default', NOTABLE.default.german));
    const domains = german.find((d) => d.kind === 'domains');
    assert.ok(domains?.kind === 'domains');
    assert.deepEqual(domains.domains, ['mueller-soehne.de', 'müller-söhne.de']);
    assert.equal(domains.label, 'Custom domains (2)');
  });
});
