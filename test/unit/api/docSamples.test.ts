import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from '../../../src/api/zod';
import { PartnerCenterError } from '../../../src/api/errors';
import {
  billingProfileSchema,
  collectionSchema,
  companyProfileSchema,
  customerCollectionSchema,
  customerSchema,
  decodeHtmlEntities,
  linksSchema,
  readErrorBody,
  relationshipRequestSchema,
} from '../../../src/api/schemas';
import { clientFor, settle, useSandbox } from './support';

// Verbatim copies of the Partner Center documentation's payloads (REFERENCE.md §13).
const FIXTURES = join(__dirname, '../../../../test/fixtures/partner-center');
const text = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');
const json = (name: string): unknown => JSON.parse(text(name));

describe('Partner Center documentation samples', () => {
  for (const [file, schema] of [
    ['customers-list.response.json', customerCollectionSchema],
    ['customers-filter-companyname.response.json', customerCollectionSchema],
    ['customer-by-id.response.json', customerSchema],
    ['customer-company-profile.response.json', companyProfileSchema],
    ['customer-billing-profile.response.json', billingProfileSchema],
    ['customer-billing-profile-put.response.json', billingProfileSchema],
    ['relationship-request.response.json', relationshipRequestSchema],
    ['relationship-request.response.legacy-2020.json', relationshipRequestSchema],
  ] as const) {
    it(`${file} parses, keeping every field`, () => {
      const body = json(file);
      const parsed = (schema as z.ZodMiniType).safeParse(body);
      assert.ok(parsed.success, parsed.success ? '' : z.prettifyError(parsed.error));
      // A collection's value also has `entries` (its items one by one, valid or not): all must be valid.
      const { entries, ...value } = parsed.data as { entries?: { ok: boolean }[] };
      assert.ok(entries?.every((entry) => entry.ok) ?? true, 'an item is invalid');
      assert.deepEqual(value, body, 'loose schemas keep unknown fields');
    });
  }

  it('the by-id sample embeds both profiles and the billing etag', () => {
    const customer = customerSchema.parse(json('customer-by-id.response.json'));
    assert.equal(customer.id, 'eebd1b55-5360-4438-a11d-5c06918c3014');
    assert.ok(customer.companyProfile?.address);
    assert.ok(customer.billingProfile?.attributes?.etag);
  });

  it('the seek-collection sample gives a next link whose headers carry the continuation token', () => {
    const page = collectionSchema(z.unknown()).parse(json('seek-collection-invoice-lineitems-page1.response.json'));
    const next = linksSchema.parse(page.links).next;
    assert.ok(next?.uri);
    assert.deepEqual(next.headers, [{ key: 'MS-ContinuationToken', value: 'AQAAAA==' }]);
  });

  it('the error samples give their message in each of the three formats', () => {
    assert.deepEqual(readErrorBody(json('error-404-apifault-mpn.response.json')), {
      code: '3000',
      message: 'Partner Organization with partner_id 9999999 could not be found',
    });
    assert.match(readErrorBody(json('error-400-apifault-licenses.response.json')).message!, /^We're sorry, it looks like you've run out/);
    assert.deepEqual(readErrorBody(json('error-400-newformat-600061.response.json')), {
      code: '600061',
      message: 'A partner confirmed agreement already exists for the customer.',
      errorName: 'PartnerConfirmedAgreementAlreadyExists',
    });
    assert.deepEqual(readErrorBody(json('error-429-throttled.response.json')), {
      message: 'Rate limit is exceeded. Try again in 57 seconds.',
    });
    assert.equal(decodeHtmlEntities('a&amp;b&#39;c&#x27;d'), "a&b'c'd");
  });

  describe('served by the sandbox', () => {
    const sandbox = useSandbox();
    beforeEach(() => sandbox.admin.reset());

    it('the indirect-reseller sample, invalid JSON as published, is a clear error and not a crash', async () => {
      const published = text('customers-filter-indirectreseller.response.json');
      assert.throws(() => JSON.parse(published), SyntaxError, 'the sample really is invalid');
      await sandbox.admin.fault({ path: '/v1/customers', kind: 'malformed', status: 200, body: published });
      const { client } = clientFor(sandbox.url);
      const outcome = await settle(client.searchCustomers('default', 'CompanyName', 'Fourth'));
      assert.ok(!outcome.ok && outcome.error instanceof PartnerCenterError);
      assert.equal(outcome.error.kind, 'invalidResponse');
      assert.match(outcome.error.message, /Partner Center sent a response that is not valid JSON/);
    });

    it('the list sample, served as a page, gives its two customers', async () => {
      await sandbox.admin.fault({ path: '/v1/customers', status: 200, body: json('customers-list.response.json') });
      const { client } = clientFor(sandbox.url);
      const page = await client.listCustomers('default');
      assert.deepEqual(
        page.customers.map((c) => c.companyProfile?.companyName),
        (json('customers-list.response.json') as { items: { companyProfile: { companyName: string } }[] }).items.map(
          (item) => item.companyProfile.companyName,
        ),
      );
      assert.equal(page.next, undefined);
    });
  });
});
