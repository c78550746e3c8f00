// The vscode://…/customer links a PSA tool puts next to a customer: built, and read back against the configured
// tenants, with a sentence for every link that cannot be opened.
import assert from 'node:assert/strict';
import { customerLink, parseCustomerLink } from '../../../src/links/customerLink';

const ID = 'd5df8e86-3523-4daf-a201-019d9f03294c';
const EXTENSION = 'partner-center-customers.partner-center-customers';

/** Reads a link as VS Code hands it to the URI handler: its path and its query. */
function parse(link: string, tenants: readonly string[]) {
  const url = new URL(link);
  return parseCustomerLink(url.pathname, url.search.slice(1), tenants);
}

describe('customer links', () => {
  it('builds the documented link, with show only when it is not the default', () => {
    assert.equal(
      customerLink('vscode', EXTENSION, { tenantId: 'contoso.onmicrosoft.com', customerId: ID }),
      `vscode://${EXTENSION}/customer?tenant=contoso.onmicrosoft.com&id=${ID}`,
    );
    assert.equal(
      customerLink('vscode-insiders', EXTENSION, { tenantId: 'a&b', customerId: ID }, 'json'),
      `vscode-insiders://${EXTENSION}/customer?tenant=a%26b&id=${ID}&show=json`,
    );
  });

  it('reads back what it builds, in each show mode', () => {
    for (const show of ['tree', 'billing', 'json'] as const) {
      const link = customerLink('vscode', EXTENSION, { tenantId: 'fabrikam', customerId: ID }, show);
      assert.deepEqual(parse(link, ['default', 'fabrikam']), { ok: true, target: { tenantId: 'fabrikam', customerId: ID }, show });
    }
  });

  it('spells the tenant as configured and accepts an upper-case id and show', () => {
    const parsed = parseCustomerLink('/customer', `tenant=CONTOSO.onmicrosoft.com&id=${ID.toUpperCase()}&show=BILLING`, ['contoso.onmicrosoft.com']);
    assert.deepEqual(parsed, { ok: true, target: { tenantId: 'contoso.onmicrosoft.com', customerId: ID.toUpperCase() }, show: 'billing' });
  });

  it('may leave the tenant out with one tenant configured, not with several', () => {
    assert.deepEqual(parseCustomerLink('/customer', `id=${ID}`, ['default']), { ok: true, target: { tenantId: 'default', customerId: ID }, show: 'tree' });
    const several = parseCustomerLink('/customer', `id=${ID}`, ['default', 'fabrikam']);
    assert.deepEqual(several, { ok: false, problem: 'The link does not say which partner tenant the customer is in (default, fabrikam): add tenant=.' });
  });

  it('refuses a tenant that is not configured, naming it and the configured ones', () => {
    assert.deepEqual(parseCustomerLink('/customer', `tenant=northwind&id=${ID}`, ['default', 'fabrikam']), {
      ok: false,
      problem: 'The link is for partner tenant "northwind", which is not configured (default, fabrikam).',
    });
  });

  it('refuses a malformed or missing id, an unknown show mode and another path', () => {
    const problem = (path: string, query: string) => {
      const parsed = parseCustomerLink(path, query, ['default']);
      assert.equal(parsed.ok, false);
      return parsed.ok ? '' : parsed.problem;
    };
    assert.equal(problem('/customer', 'id=../../partner'), 'The link\'s customer id "../../partner" is not a customer id (a GUID).');
    assert.equal(problem('/customer', `id=${ID}x`), `The link's customer id "${ID}x" is not a customer id (a GUID).`);
    assert.equal(problem('/customer', 'tenant=default'), 'The link names no customer: its id is missing.');
    assert.equal(problem('/customer', `id=${ID}&show=html`), 'The link asks to show "html"; expected one of tree, billing, json.');
    assert.equal(problem('/invoices', `id=${ID}`), 'This link is not one Partner Center Customers opens (/invoices); expected /customer?tenant=…&id=….');
  });
});
