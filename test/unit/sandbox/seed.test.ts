import * as assert from 'node:assert/strict';
import { customerSchema, describeSchemaError } from '../../../src/api/schemas';
import {
  DEFAULT_CUSTOMER_COUNT, FABRIKAM_CUSTOMER_COUNT, MARKUP, NOTABLE, PARTNER_TENANT_IDS, SEARCH_PREFIXES, TENANT_IDS,
  buildSeedTenants, seedCustomer, seedTenant, seedTenants, type SandboxCustomer, type SandboxTenant,
} from '../../sandbox/seed';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const FIRST_PAGE = 25;

function tenant(id: string): SandboxTenant {
  const found = seedTenant(id);
  assert.ok(found, `tenant ${id} exists`);
  return found;
}

const firstPage = (id: string): readonly SandboxCustomer[] => tenant(id).customers.slice(0, FIRST_PAGE);
const names = (customers: readonly SandboxCustomer[]): string[] => customers.map((c) => c.companyProfile.companyName);

/** Every string anywhere in a customer document. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value === null || typeof value !== 'object') return [];
  return Object.values(value).flatMap(strings);
}

describe('sandbox seed data', () => {
  it('has the three tenants, default first, with 1,250, 24 and 0 customers', () => {
    const tenants = seedTenants();
    assert.deepEqual(tenants.map((t) => t.id), [TENANT_IDS.default, TENANT_IDS.fabrikam, TENANT_IDS.empty]);
    assert.deepEqual(tenants.map((t) => t.customers.length), [DEFAULT_CUSTOMER_COUNT, FABRIKAM_CUSTOMER_COUNT, 0]);
    assert.equal(DEFAULT_CUSTOMER_COUNT, 1250);
    assert.equal(FABRIKAM_CUSTOMER_COUNT, 24);
    for (const t of tenants) assert.match(t.partnerTenantId, GUID);
  });

  it('is deterministic and never uses Math.random or the clock', () => {
    const realRandom = Math.random;
    const realNow = Date.now;
    Math.random = () => {
      throw new Error('Math.random used by the seed');
    };
    Date.now = () => {
      throw new Error('Date.now used by the seed');
    };
    let rebuilt;
    try {
      rebuilt = buildSeedTenants();
    } finally {
      Math.random = realRandom;
      Date.now = realNow;
    }
    assert.deepEqual(rebuilt, seedTenants());
  });

  it('is frozen, so no test or server code can change what others expect', () => {
    const customer = tenant('default').customers[0];
    assert.ok(Object.isFrozen(customer) && Object.isFrozen(customer.companyProfile) && Object.isFrozen(customer.billingProfile));
    assert.throws(() => (tenant('default').customers as SandboxCustomer[]).push(customer));
  });

  it('gives every customer a unique GUID id equal to its tenant id, a GUID commerce id, unique names and domains', () => {
    for (const t of seedTenants()) {
      const ids = t.customers.map((c) => c.id);
      assert.equal(new Set(ids).size, ids.length, `${t.id}: ids unique`);
      assert.equal(new Set(names(t.customers)).size, ids.length, `${t.id}: names unique`);
      const domains = t.customers.flatMap((c) => c.companyProfile.domain ?? []);
      assert.equal(new Set(domains).size, domains.length, `${t.id}: domains unique`);
      for (const c of t.customers) {
        assert.match(c.id, GUID);
        assert.match(c.commerceId, GUID);
        assert.equal(c.companyProfile.tenantId, c.id);
        if (c.companyProfile.domain !== undefined) assert.match(c.companyProfile.domain, /^[a-z0-9]+\.onmicrosoft\.com$/);
      }
    }
  });

  it('validates every customer against the extension\'s schema', () => {
    for (const t of seedTenants()) {
      for (const c of t.customers) {
        const result = customerSchema.safeParse(c);
        assert.ok(result.success, `${t.id}/${c.id}: ${result.success ? '' : describeSchemaError(result.error)}`);
      }
    }
  });

  for (const id of [TENANT_IDS.default, TENANT_IDS.fabrikam]) {
    describe(`the first page of ${id}`, () => {
      it('has names in several scripts: Latin with accents, CJK, Arabic, Cyrillic', () => {
        const all = names(firstPage(id)).join('\n');
        assert.match(all, /[éèêàçôÉ]/, 'French accents');
        assert.match(all, /[\u3040-\u30ff\u4e00-\u9fff]/, 'CJK');
        assert.match(all, /[\u0600-\u06ff]/, 'Arabic');
        assert.match(all, /[\u0400-\u04ff]/, 'Cyrillic');
      });

      it('has a name longer than 200 characters', () => {
        assert.ok(names(firstPage(id)).some((n) => n.length > 200));
      });

      it('has markup in names and in billing names, addresses and e-mails', () => {
        const pageNames = names(firstPage(id));
        assert.ok(pageNames.some((n) => n.includes(MARKUP.img) || n.includes(MARKUP.script)), 'a name with an active tag');
        assert.ok(pageNames.some((n) => n.includes(MARKUP.bold)), 'a name with <b>');
        const billing = firstPage(id).map((c) => c.billingProfile);
        assert.ok(billing.some((b) => /<[a-z]/.test(b.firstName ?? '')), 'billing first name');
        assert.ok(billing.some((b) => /<[a-z]/.test(b.defaultAddress?.addressLine1 ?? '')), 'address line');
        assert.ok(billing.some((b) => /<[a-z]/.test(b.email ?? '')), 'e-mail');
      });

      it('has a name with quotes, commas and a newline (CSV quoting)', () => {
        assert.ok(names(firstPage(id)).some((n) => n.includes(MARKUP.csv)));
      });

      it('has sparse records: no company e-mail/address, billing nulls, null custom domains, no allowDelegatedAccess', () => {
        const page = firstPage(id);
        assert.ok(page.some((c) => c.companyProfile.email === undefined && c.companyProfile.address === undefined));
        assert.ok(page.some((c) => c.billingProfile.firstName === null && c.billingProfile.defaultAddress === null));
        assert.ok(page.some((c) => c.customDomains === null));
        assert.ok(page.some((c) => !('allowDelegatedAccess' in c)));
        assert.ok(page.some((c) => c.allowDelegatedAccess === true));
        assert.ok(page.some((c) => c.allowDelegatedAccess === false));
        assert.ok(page.some((c) => Array.isArray(c.customDomains) && c.customDomains.length > 0));
      });

      it('has every relationship value, the undocumented "unknown" included', () => {
        const values = new Set(firstPage(id).map((c) => c.relationshipToPartner));
        for (const v of ['none', 'reseller', 'advisor', 'syndication', 'microsoft_support', 'unknown']) assert.ok(values.has(v), v);
      });
    });
  }

  it('puts a customer without a domain and indirect-reseller customers on the first page of default', () => {
    const page = firstPage('default');
    assert.ok(page.some((c) => c.companyProfile.domain === undefined));
    assert.ok(page.some((c) => c.associatedPartnerId === PARTNER_TENANT_IDS.fabrikam));
  });

  it('has the billing culture/language combinations the UI shows', () => {
    const combos = new Set(seedTenants().flatMap((t) => t.customers.map((c) => `${c.billingProfile.culture}/${c.billingProfile.language}`)));
    for (const combo of ['en-US/en', 'fr-FR/fr', 'fr-CA/fr', 'de-DE/de', 'ja-JP/ja', 'zh-CN/zh-hans', 'ar-SA/ar']) {
      assert.ok(combos.has(combo), combo);
    }
  });

  it('has company-name prefixes and a domain prefix whose searches span several pages', () => {
    const customers = tenant('default').customers;
    const byName = (p: string) => customers.filter((c) => c.companyProfile.companyName.toLowerCase().startsWith(p.toLowerCase()));
    const byDomain = (p: string) => customers.filter((c) => (c.companyProfile.domain ?? '').startsWith(p));
    assert.ok(byName(SEARCH_PREFIXES.company).length > 20);
    const narrow = byName(SEARCH_PREFIXES.companyNarrow);
    assert.ok(narrow.length > 5 && narrow.length < byName(SEARCH_PREFIXES.company).length);
    assert.ok(byDomain(SEARCH_PREFIXES.domain).length > 20);
    assert.equal(byName(SEARCH_PREFIXES.domain).length, 0, 'no company name starts with the domain prefix');
    // Spread through the list, not bunched on the first page.
    assert.ok(customers.indexOf(byName(SEARCH_PREFIXES.company).at(-1) as SandboxCustomer) > 1000);
  });

  it('knows its notable customers by id, the last one last', () => {
    for (const [tenantId, table] of Object.entries(NOTABLE)) {
      for (const customerId of Object.values(table)) assert.equal(seedCustomer(tenantId, customerId).id, customerId);
    }
    assert.equal(tenant('default').customers.at(-1)?.id, NOTABLE.default.last);
    assert.ok(strings(seedCustomer('default', NOTABLE.default.markup)).some((s) => s.includes(MARKUP.script)));
    assert.deepEqual(seedCustomer('fabrikam', NOTABLE.fabrikam.shared).companyProfile, seedCustomer('default', NOTABLE.default.contoso).companyProfile);
    assert.throws(() => seedCustomer('default', NOTABLE.fabrikam.french), /no customer/);
  });

  it('gives each partner its relationship-request URL: current form for default and empty, legacy 2020 form for fabrikam', () => {
    assert.equal(
      tenant('default').relationshipRequestUrl,
      `https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=${PARTNER_TENANT_IDS.default}&msppId=0&DAP=false#/BillingAccounts/partner-invitation`,
    );
    assert.ok(tenant('empty').relationshipRequestUrl.includes(`partnerId=${PARTNER_TENANT_IDS.empty}&`));
    assert.equal(
      tenant('fabrikam').relationshipRequestUrl,
      `https://portal.office.com/partner/partnersignup.aspx?type=ResellerRelationship&amp;id=${PARTNER_TENANT_IDS.fabrikam}&amp;csp=1&amp;msppid=0`,
    );
  });
});
