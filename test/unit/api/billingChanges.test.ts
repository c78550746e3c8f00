// The edit of a billing profile as plain data: validation of the form, the changes, the PUT body, the three-way
// merge and what a PUT whose answer was lost came to.
import assert from 'node:assert/strict';
import {
  billingFormOf, changedFields, changesOf, decideAfterLostAnswer, mergeThreeWay, putBody,
} from '../../../src/api/billingChanges';
import { type BillingForm, validateBillingForm } from '../../../src/api/billingForm';
import { fieldOfError } from '../../../src/api/billingUpdate';
import { PartnerCenterError } from '../../../src/api/errors';
import { billingProfileSchema } from '../../../src/api/schemas';
import sample from '../../fixtures/partner-center/customer-billing-profile.response.json';

const profile = billingProfileSchema.parse(sample);
const base = billingFormOf(profile);

describe('billing form validation', () => {
  it('accepts the sample profile as it is', () => {
    assert.deepEqual(validateBillingForm(base), {});
  });

  it('names one problem per field: required, e-mail, country, phone, length', () => {
    const form: BillingForm = {
      ...base, firstName: '  ', email: 'no-at-sign', country: 'USA', phoneNumber: '425<script>', city: 'x'.repeat(129),
    };
    assert.deepEqual(validateBillingForm(form), { firstName: 'required', email: 'email', country: 'country', phoneNumber: 'phone', city: 'tooLong' });
  });

  it('takes accents, CJK, RTL and markup as text, and an optional field left empty', () => {
    const form: BillingForm = { ...base, firstName: 'Zoë', lastName: '山田', companyName: 'شركة <b>x</b>', addressLine2: '', country: 'JP' };
    assert.deepEqual(validateBillingForm(form), {});
  });

  it('accepts only assigned ISO 3166-1 alpha-2 codes, in capitals', () => {
    assert.equal(validateBillingForm({ ...base, country: 'FR' }).country, undefined);
    assert.equal(validateBillingForm({ ...base, country: 'XX' }).country, 'country');
    assert.equal(validateBillingForm({ ...base, country: 'fr' }).country, 'country');
  });
});

describe('billing changes', () => {
  it('reads a profile (null and absent are empty) and finds the changed fields, ignoring surrounding spaces', () => {
    assert.equal(base.firstName, profile.firstName);
    assert.equal(base.addressLine3, '');
    const form = { ...base, firstName: ` ${base.firstName} `, city: 'Lyon' };
    assert.deepEqual(changedFields(base, form), ['city']);
    assert.deepEqual(changesOf(base, { ...form, email: ' new@example.com ' }), { city: 'Lyon', email: 'new@example.com' });
  });

  it('makes the PUT body from the profile as read: only the changes set, a cleared field null, the etag in attributes', () => {
    const body = putBody(sample, { city: 'Lyon', addressLine2: '', lastName: 'Ó Briain' }, 'etag-2');
    const address = body.defaultAddress as Record<string, unknown>;
    assert.equal(address.city, 'Lyon');
    assert.equal(address.addressLine2, null);
    assert.equal(address.addressLine1, sample.defaultAddress.addressLine1);
    assert.equal(body.lastName, 'Ó Briain');
    assert.equal(body.firstName, sample.firstName);
    assert.deepEqual(body.links, sample.links);
    assert.deepEqual(body.attributes, { ...sample.attributes, etag: 'etag-2' });
    assert.equal(sample.defaultAddress.city, 'Redmond', 'the profile as read is not changed');
  });

  it('merges three ways: only the fields I changed come from me; theirs stay; a field changed on both sides is mine', () => {
    const mine = { ...base, firstName: 'Mine', email: 'both.mine@example.com' };
    const theirs = { ...base, lastName: 'Theirs', email: 'both.theirs@example.com' };
    const merge = mergeThreeWay(base, mine, theirs);
    assert.equal(merge.form.firstName, 'Mine');
    assert.equal(merge.form.lastName, 'Theirs');
    assert.equal(merge.form.email, 'both.mine@example.com');
    assert.deepEqual(merge.changes, { firstName: 'Mine', email: 'both.mine@example.com' });
    assert.deepEqual(merge.changedOnBothSides, ['email']);
  });

  it('after a lost answer: saved when the profile holds what was sent, unchanged at the same etag, else a conflict', () => {
    const intended = { ...base, city: 'Lyon' };
    const etag = profile.attributes!.etag!;
    const readBack = (form: Partial<BillingForm>, newEtag: string) =>
      billingProfileSchema.parse({ ...sample, defaultAddress: { ...sample.defaultAddress, ...form }, attributes: { ...sample.attributes, etag: newEtag } });
    assert.equal(decideAfterLostAnswer(intended, etag, readBack({ city: 'Lyon' }, 'new')), 'saved');
    assert.equal(decideAfterLostAnswer(intended, etag, readBack({}, etag)), 'unchanged');
    assert.equal(decideAfterLostAnswer(intended, etag, readBack({ city: 'Paris' }, 'other')), 'conflict');
  });

  it('finds the field a 400 names, in any casing', () => {
    const refusal = (description: string) => new PartnerCenterError({ kind: 'http', status: 400, code: '2000', description, summary: description });
    assert.equal(fieldOfError(refusal("Invalid value for field 'email': x")), 'email');
    assert.equal(fieldOfError(refusal('DefaultAddress.Country is invalid')), 'country');
    assert.equal(fieldOfError(refusal("missing (field 'defaultAddress.phoneNumber')")), 'phoneNumber');
    assert.equal(fieldOfError(refusal('Something else went wrong')), undefined);
  });
});

describe('billing edits: spaces, absent addresses and agreeing sides', () => {
  it('accepts an e-mail and a country typed with spaces around them (what is saved is trimmed)', () => {
    assert.deepEqual(validateBillingForm({ ...base, email: ' new@example.com ', country: ' FR ' }), {});
  });

  it('names the first problem of a field: an over-long value that is not an e-mail is too long', () => {
    assert.equal(validateBillingForm({ ...base, email: 'x'.repeat(300) }).email, 'tooLong');
  });

  it('sees no change in a field read with spaces around it and saved trimmed', () => {
    const spaced = { ...base, city: ` ${base.city} ` };
    assert.deepEqual(changedFields(spaced, base), []);
  });

  it('adds a default address only when an address field changed', () => {
    assert.equal('defaultAddress' in putBody({ firstName: 'A' }, { firstName: 'B' }, 'e'), false);
    assert.deepEqual(putBody({ firstName: 'A' }, { city: 'Lyon' }, 'e').defaultAddress, { city: 'Lyon' });
  });

  it('does not report a field both sides changed to the same value (spaces aside)', () => {
    const mine = { ...base, email: 'same@example.com' };
    const theirs = { ...base, email: 'same@example.com ' };
    assert.deepEqual(mergeThreeWay(base, mine, theirs).changedOnBothSides, []);
  });
});
