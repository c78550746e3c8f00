import assert from 'node:assert/strict';
import * as z from '../../../src/api/zod';
import {
  addressSchema,
  billingProfileSchema,
  companyProfileSchema,
  customerCollectionSchema,
  customerSchema,
  decodeHtmlEntities,
  describeIssues,
  linksSchema,
  readErrorBody,
} from '../../../src/api/schemas';

// REFERENCE.md §11.9: accept nulls anywhere. Each body below is what a tolerant reader must still take.

function parses<S extends z.ZodMiniType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body);
  assert.ok(parsed.success, parsed.success ? '' : z.prettifyError(parsed.error));
  return parsed.data;
}

/** Every field of a shape set to null, as a server that serializes nulls would send it. */
function allNull(schema: z.ZodMiniObject): Record<string, null> {
  return Object.fromEntries(Object.keys(schema.shape).map((key) => [key, null]));
}

describe('tolerant schemas (nulls anywhere)', () => {
  it('takes null in every optional field of Customer, CompanyProfile, BillingProfile and Address', () => {
    for (const schema of [addressSchema, companyProfileSchema, billingProfileSchema]) parses(schema, allNull(schema));
    const customer = parses(customerSchema, { ...allNull(customerSchema), id: 'c1' });
    assert.equal(customer.id, 'c1');
    parses(customerSchema, {
      id: 'c2',
      companyProfile: { ...allNull(companyProfileSchema), address: allNull(addressSchema) },
      billingProfile: { ...allNull(billingProfileSchema), defaultAddress: allNull(addressSchema), attributes: { etag: null, objectType: null } },
      userCredentials: { userName: null },
      links: { self: null, next: null, previous: null },
    });
  });

  it('drops null entries of customDomains from the value', () => {
    const customer = parses(customerSchema, { id: 'c1', customDomains: [null, 'contoso.example', null] });
    assert.deepEqual(customer.customDomains, ['contoso.example']);
    assert.deepEqual(parses(customerSchema, { id: 'c1', customDomains: [null] }).customDomains, []);
  });

  it('reads a link with a null uri as no link, and drops paging headers with a null key or value', () => {
    const links = parses(linksSchema, {
      self: { uri: null, method: 'GET', headers: [] },
      next: {
        uri: '/v1/customers?seekOperation=Next',
        headers: [null, { key: 'MS-ContinuationToken', value: null }, { key: null, value: 'x' }, { key: 'MS-ContinuationToken', value: 't1' }],
        body: null,
      },
      previous: { method: 'GET' },
    });
    assert.equal(links.self, null);
    assert.equal(links.previous, null);
    assert.deepEqual(links.next?.headers, [{ key: 'MS-ContinuationToken', value: 't1' }]);
    assert.equal(links.next?.body, null, 'unknown fields are kept');
  });

  it('takes a collection envelope of nulls as an empty page, dropping null items, but not a body without items', () => {
    const empty = parses(customerCollectionSchema, { totalCount: null, items: null, links: null, continuationToken: null, attributes: null });
    assert.deepEqual(empty.items, []);
    assert.deepEqual(parses(customerCollectionSchema, { items: [null, { id: 'c1' }] }).items.map((c) => c.id), ['c1']);
    assert.ok(!customerCollectionSchema.safeParse({ totalCount: 0 }).success);
  });

  it('still names a field of the wrong type, at its place in the body', () => {
    const page = parses(customerCollectionSchema, { items: [null, { id: 'c1', customDomains: [null, 42] }] });
    const [entry] = page.entries;
    assert.ok(entry && !entry.ok);
    assert.deepEqual(entry.issues[0]?.path, ['items', 1, 'customDomains', 1]);
  });
});

describe('collection items, validated one by one', () => {
  const items = [{ id: 'c0' }, { id: 'c1' }, { id: 'c2' }, { id: 'c3', companyProfile: 42 }, { id: 'c4' }, { companyProfile: {} }];

  it('keeps the valid siblings of invalid items, and puts each invalid one in its place naming its path', () => {
    const page = parses(customerCollectionSchema, { items });
    assert.deepEqual(page.items.map((c) => c.id), ['c0', 'c1', 'c2', 'c4']);
    assert.deepEqual(page.entries.map((e) => (e.ok ? e.value.id : `invalid ${e.index}`)), ['c0', 'c1', 'c2', 'invalid 3', 'c4', 'invalid 5']);
    const invalid = page.entries.filter((e) => !e.ok);
    assert.match(describeIssues(invalid[0]!.issues), /^items\[3\]\.companyProfile: .*expected object/);
    assert.match(describeIssues(invalid[1]!.issues), /^items\[5\]\.id: /);
    assert.deepEqual(invalid[0]!.raw, items[3], 'the item as received');
  });

  it('still fails the whole page when the envelope is wrong', () => {
    for (const body of [42, 'text', [{ id: 'c1' }], { items: 'c1' }, { items: { id: 'c1' } }, { totalCount: 1 }]) {
      assert.ok(!customerCollectionSchema.safeParse(body).success, JSON.stringify(body));
    }
  });
});

describe('error bodies with nulls', () => {
  it('keeps the code of an ApiFault whose description is null or missing, and reads no message from it', () => {
    assert.deepEqual(readErrorBody({ code: 1000, description: null, data: [], source: 'PartnerFD' }), { code: '1000' });
    assert.deepEqual(readErrorBody({ code: '60003', source: 'PartnerFD' }), { code: '60003' });
  });
});

describe('HTML entities in error texts and old links', () => {
  it('decodes decimal and hexadecimal character references, in either case of x', () => {
    assert.equal(decodeHtmlEntities('&#65;&#x42;&#X43;&#x1F600;'), 'ABC\u{1F600}');
    assert.equal(decodeHtmlEntities('&#x10FFFF;'), '\u{10FFFF}', 'the last code point is one');
  });

  it('leaves a reference to no character as received', () => {
    for (const text of ['&#0;', '&#x0;', '&#x110000;', '&#99999999999999999999;', '&nosuch;']) {
      assert.equal(decodeHtmlEntities(text), text);
    }
  });
});

describe('schema problems in words', () => {
  it('names each problem at its path, separated, and at most five', () => {
    const result = z.array(z.object({ id: z.string() })).safeParse(Array.from({ length: 7 }, (_, i) => ({ id: i })));
    assert.ok(!result.success);
    const text = describeIssues(result.error.issues);
    assert.equal(text.split('; ').length, 5, text);
    assert.match(text, /^\[0\]\.id: .+; \[1\]\.id: /);
    assert.ok(!text.includes('[5]'), text);
  });
});
