// The portals offered for a customer in each cloud, built from the per-cloud tables and the partner's own
// templates (partnerCenter.portalLinks): exact URLs for a seeded customer, and the refusals naming the entry.
import assert from 'node:assert/strict';
import type { CloudId } from '../../../src/api/clouds';
import { type Customer, customerSchema } from '../../../src/api/schemas';
import { portalLinksFor } from '../../../src/links/customerPortals';
import { expandTemplate } from '../../../src/links/linkTemplate';
import { parsePortalLinks } from '../../../src/links/portalLinkSettings';
import { PORTALS } from '../../../src/links/portals';
import { NOTABLE, seedCustomer } from '../../sandbox/seed';

const TENANT = 'default';
// Read through the client's own schema, as a customer reaches the portal builder.
const contoso = customerSchema.parse(seedCustomer(TENANT, NOTABLE.default.contoso));
const ID = NOTABLE.default.contoso;
const DOMAIN = contoso.companyProfile!.domain!;

const urls = (cloud: CloudId, customer: Customer = contoso) =>
  Object.fromEntries(portalLinksFor(cloud, [], TENANT, customer).map((link) => [link.id, link.url]));

const GLOBAL_URLS = {
  partnerCenter: `https://partner.microsoft.com/dashboard/v2/customers/${ID}/account`,
  m365Admin: `https://admin.cloud.microsoft/?delegatedOrg=${DOMAIN}`,
  exchange: `https://admin.cloud.microsoft/exchange?landingpage=homepage&form=mac_sidebar&delegatedOrg=${DOMAIN}`,
  teams: `https://admin.teams.microsoft.com/?delegatedOrg=${DOMAIN}`,
  entra: `https://entra.microsoft.com/${DOMAIN}`,
  azure: `https://portal.azure.com/#@${DOMAIN}`,
  intune: `https://intune.microsoft.com/${DOMAIN}`,
  defender: `https://security.microsoft.com/?tid=${ID}`,
  purview: `https://purview.microsoft.com/?tid=${ID}`,
  powerPlatform: `https://admin.powerplatform.microsoft.com/account/login/${ID}`,
};

describe('portal links', () => {
  it('the seeded customer has the initial domain the links need', () => {
    assert.equal(DOMAIN, 'contosoltd.onmicrosoft.com');
  });

  it('global: every portal, in table order, with its exact URL', () => {
    assert.deepEqual(urls('global'), GLOBAL_URLS);
    assert.deepEqual(Object.keys(urls('global')), Object.keys(GLOBAL_URLS));
  });

  it('local builds the global URLs', () => {
    assert.deepEqual(urls('local'), GLOBAL_URLS);
  });

  it('china: only the Azure portal, on portal.azure.cn; no global URL is offered', () => {
    assert.deepEqual(urls('china'), { azure: `https://portal.azure.cn/#@${DOMAIN}` });
  });

  it('usgov: only the Azure portal, on portal.azure.us; no global URL is offered', () => {
    assert.deepEqual(urls('usgov'), { azure: `https://portal.azure.us/#@${DOMAIN}` });
  });

  it('every portal has a name, and an id used once per cloud', () => {
    for (const [cloud, rows] of Object.entries(PORTALS)) {
      assert.equal(new Set(rows.map((row) => row.id)).size, rows.length, cloud);
      for (const row of rows) assert.ok(row.name().length > 0, `${cloud}/${row.id}`);
    }
  });

  it('a portal needing the domain is not offered for a customer without one', () => {
    const noDomain = customerSchema.parse(seedCustomer(TENANT, NOTABLE.default.noDomain));
    assert.deepEqual(Object.keys(urls('global', noDomain)), ['partnerCenter', 'defender', 'purview', 'powerPlatform']);
    assert.deepEqual(urls('china', noDomain), {});
  });

  describe('partnerCenter.portalLinks', () => {
    const hostile = { ...contoso, companyProfile: { ...contoso.companyProfile, companyName: 'A&B #1? Ltd 北京 Müller' } } as Customer;

    it('offers a valid template after the built-in portals, each variable URL-encoded', () => {
      const { portals, problems } = parsePortalLinks([
        { name: 'PSA', url: 'https://psa.example.com/c/{customerId}?d={domain}&p={partnerTenantId}&n={companyName}#x' },
      ]);
      assert.deepEqual(problems, []);
      const links = portalLinksFor('global', portals, 'Partner Tenant/1', hostile);
      assert.deepEqual(links.at(-1), {
        id: 'custom:PSA',
        name: 'PSA',
        url:
          `https://psa.example.com/c/${ID}?d=${DOMAIN}&p=Partner%20Tenant%2F1` +
          '&n=A%26B%20%231%3F%20Ltd%20%E5%8C%97%E4%BA%AC%20M%C3%BCller#x',
      });
      assert.equal(links.length, Object.keys(GLOBAL_URLS).length + 1);
      // The hostile name added no query parameter and no fragment.
      const url = new URL(links.at(-1)!.url);
      assert.deepEqual([...url.searchParams.keys()], ['d', 'p', 'n']);
      assert.equal(url.searchParams.get('n'), 'A&B #1? Ltd 北京 Müller');
      assert.equal(url.hash, '#x');
    });

    it('is offered in every cloud, china and usgov too', () => {
      const { portals } = parsePortalLinks([{ name: 'Docs', url: 'https://docs.example.com/{customerId}' }]);
      for (const cloud of ['china', 'usgov'] as const) {
        assert.equal(portalLinksFor(cloud, portals, TENANT, contoso).at(-1)?.url, `https://docs.example.com/${ID}`);
      }
    });

    it('refuses http: and javascript: templates, naming the entry; the valid entries stay', () => {
      const { portals, problems } = parsePortalLinks([
        { name: 'Plain', url: 'http://psa.example.com/{customerId}' },
        { name: 'Script', url: 'javascript:alert({customerId})' },
        { name: 'Good', url: 'https://psa.example.com/{customerId}' },
      ]);
      assert.deepEqual(portals.map((portal) => portal.id), ['custom:Good']);
      assert.deepEqual(problems, [
        'partnerCenter.portalLinks[0] "Plain": only https links are allowed.',
        'partnerCenter.portalLinks[1] "Script": only https links are allowed.',
      ]);
    });

    it('refuses an unknown variable, a host made of a variable, a duplicate name and a malformed entry', () => {
      const { portals, problems } = parsePortalLinks([
        { name: 'Typo', url: 'https://psa.example.com/{customerID}' },
        { name: 'Host', url: 'https://{companyName}.example.com/' },
        { name: 'A', url: 'https://a.example.com/' },
        { name: 'A', url: 'https://b.example.com/' },
        { url: 'https://nameless.example.com/' },
        'https://string.example.com/',
      ]);
      assert.deepEqual(portals.map((portal) => portal.template), ['https://a.example.com/']);
      assert.equal(problems.length, 5);
      assert.match(problems[0]!, /^partnerCenter\.portalLinks\[0\] "Typo": unknown variable \{customerID\} \(known: \{customerId\}, \{domain\}, \{partnerTenantId\}, \{companyName\}\)\.$/);
      assert.match(problems[1]!, /^partnerCenter\.portalLinks\[1\] "Host": expected an https URL with its host written out/);
      assert.equal(problems[2], 'partnerCenter.portalLinks[3] "A": another entry has this name.');
      assert.match(problems[3]!, /^partnerCenter\.portalLinks\[4\]: expected/);
      assert.match(problems[4]!, /^partnerCenter\.portalLinks\[5\]: expected/);
    });

    it('a setting that is not a list is one problem; none set is no problem', () => {
      assert.equal(parsePortalLinks({ name: 'x' }).problems.length, 1);
      assert.deepEqual(parsePortalLinks(undefined), { portals: [], problems: [] });
    });
  });

  it('a template is unavailable when a value it uses is missing or empty', () => {
    assert.equal(expandTemplate('https://x.example/{domain}', { customerId: 'c' }), undefined);
    assert.equal(expandTemplate('https://x.example/{domain}', { domain: '' }), undefined);
    assert.equal(expandTemplate('https://x.example/{customerId}', { customerId: 'a b' }), 'https://x.example/a%20b');
  });
});
