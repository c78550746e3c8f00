import assert from 'node:assert/strict';
import type { Customer } from '../../../src/api/schemas';
import { billingDataView, billingPageStrings, billingTitle } from '../../../src/webview/billingView';
import { pageStringsSchema } from '../../../src/webview/protocol';

const fetchedAt = new Date('2025-11-22T14:05:09Z');

function fetched(customer: Customer) {
  return { value: customer, raw: customer, fetchedAt };
}

const markup: Customer = {
  id: '8d496ced-0bc1-481d-8df8-192e7ee557b0',
  companyProfile: { companyName: '<img src=x onerror="alert(1)">Fourth Coffee', domain: 'fourthcoffee.onmicrosoft.com' },
  billingProfile: {
    firstName: "<script>alert('pwned')</script>",
    lastName: '<b>bold</b>',
    email: `"<script>alert('pwned')</script>"@fourthcoffee.com`,
    culture: 'en-US',
    language: 'en',
    companyName: 'Fourth Coffee Billing',
    defaultAddress: { addressLine1: '<b>bold</b> 1 Microsoft Way', city: 'Redmond', state: 'WA', postalCode: '98052', country: 'US' },
  },
};

describe('billing view (what the page shows)', () => {
  it('offers the writable fields to edit, with the etag, only when edits are allowed and the profile has an etag', () => {
    const withEtag: Customer = { ...markup, billingProfile: { ...markup.billingProfile, attributes: { etag: '-42' } } };
    const allowed = billingDataView(fetched(withEtag), 'en', false, true);
    assert.ok(allowed.kind === 'data' && allowed.editable);
    assert.equal(allowed.editable.etag, '-42');
    assert.equal(allowed.editable.form.firstName, "<script>alert('pwned')</script>");
    assert.equal(allowed.editable.form.addressLine3, '');
    const off = billingDataView(fetched(withEtag), 'en', false, false);
    assert.ok(off.kind === 'data' && off.editable === null);
    const noEtag = billingDataView(fetched(markup), 'en', false, true);
    assert.ok(noEtag.kind === 'data' && noEtag.editable === null);
  });

  it('shows every billing field as received, markup included (the page inserts it as text)', () => {
    const view = billingDataView(fetched(markup), 'en');
    assert.equal(view.kind, 'data');
    if (view.kind !== 'data') return;
    assert.equal(view.heading, billingTitle(markup.companyProfile!.companyName!));
    assert.equal(view.contactName, "<script>alert('pwned')</script> <b>bold</b>");
    assert.equal(view.email, markup.billingProfile!.email);
    assert.equal(view.company, 'Fourth Coffee Billing');
    assert.equal(view.culture, 'en-US');
    assert.equal(view.language, 'en');
    assert.match(view.address!, /^<b>bold<\/b> 1 Microsoft Way, .*Redmond.*98052.*US$/);
    assert.equal(view.busy, false);
  });

  it('says when the data was fetched, localized, with the exact instant for <time datetime>', () => {
    const en = billingDataView(fetched(markup), 'en');
    const fr = billingDataView(fetched(markup), 'fr');
    assert.ok(en.kind === 'data' && fr.kind === 'data');
    assert.equal(en.fetched.iso, '2025-11-22T14:05:09.000Z');
    assert.match(en.fetched.display, /2025/);
    assert.match(fr.fetched.display, /nov\.? 2025/);
    assert.notEqual(en.fetched.display, fr.fetched.display);
  });

  it('leaves missing fields empty (null) rather than inventing values, and names the customer by id as a last resort', () => {
    const view = billingDataView(fetched({ id: 'afd85e98', billingProfile: { firstName: null, lastName: '  ', email: null } }), 'en');
    assert.ok(view.kind === 'data');
    assert.deepEqual(
      [view.contactName, view.email, view.company, view.culture, view.language, view.address],
      [null, null, null, null, null, null],
    );
    assert.equal(view.heading, billingTitle('afd85e98'));
  });

  it('marks a refresh in progress', () => {
    const view = billingDataView(fetched(markup), 'en', true);
    assert.ok(view.kind === 'data' && view.busy);
  });

  it('gives the page every string it needs, valid for the protocol', () => {
    assert.ok(pageStringsSchema.safeParse(billingPageStrings()).success);
  });
});
