// What a billing-profile PUT came to, from the steps alone (no server): which failures are a conflict, which may
// have been applied (read back), which are final; and what the form is told when a refusal names a field.
import assert from 'node:assert/strict';
import { billingFormOf } from '../../../src/api/billingChanges';
import { answerMayBeLost, fieldOfError, isEtagConflict, writeBillingProfile } from '../../../src/api/billingUpdate';
import { PartnerCenterError } from '../../../src/api/errors';
import { billingProfileSchema } from '../../../src/api/schemas';
import type { Fetched } from '../../../src/api/types';
import sample from '../../fixtures/partner-center/customer-billing-profile.response.json';
import { settle } from './support';

const profile = billingProfileSchema.parse(sample);
const fetched = (value = profile): Fetched<typeof profile> => ({ value, raw: sample, fetchedAt: new Date() });
const httpError = (status: number, code?: string, description?: string) =>
  new PartnerCenterError({ kind: 'http', status, code, description, summary: `HTTP ${status}` });

describe('billing profile PUT outcomes', () => {
  it('a stale etag is a 400 with code 2055 or a 412, over HTTP only', () => {
    assert.equal(isEtagConflict(httpError(412)), true);
    assert.equal(isEtagConflict(httpError(400, '2055')), true);
    assert.equal(isEtagConflict(httpError(400, '2000')), false);
    assert.equal(isEtagConflict(httpError(409, '2055')), false);
    assert.equal(isEtagConflict(new PartnerCenterError({ kind: 'network', status: 412, summary: 'x' })), false);
    assert.equal(isEtagConflict(new Error('412')), false);
  });

  it('a timeout, a reset or a gateway 5xx may have been applied; a refusal and anything else was not', () => {
    assert.equal(answerMayBeLost(new PartnerCenterError({ kind: 'timeout', summary: 'x' })), true);
    assert.equal(answerMayBeLost(new PartnerCenterError({ kind: 'network', summary: 'x' })), true);
    for (const status of [408, 500, 502, 503, 504]) assert.equal(answerMayBeLost(httpError(status)), true, String(status));
    assert.equal(answerMayBeLost(httpError(400)), false);
    assert.equal(answerMayBeLost(new PartnerCenterError({ kind: 'invalidResponse', status: 500, summary: 'x' })), false);
    assert.equal(answerMayBeLost(new Error('socket hang up')), false);
  });

  it('a PUT answered is saved without a read back', async () => {
    let readBacks = 0;
    const result = await writeBillingProfile({ put: async () => fetched(), readBack: async () => (readBacks++, fetched()) }, billingFormOf(profile), 'e');
    assert.deepEqual({ outcome: result.outcome, readBack: result.outcome === 'saved' && result.readBack, readBacks }, { outcome: 'saved', readBack: false, readBacks: 0 });
  });

  it('a lost answer whose read back fails says both, and that the user should refresh', async () => {
    const outcome = await settle(
      writeBillingProfile(
        {
          put: () => Promise.reject(new PartnerCenterError({ kind: 'timeout', summary: 'no answer within 30 s' })),
          readBack: () => Promise.reject(new PartnerCenterError({ kind: 'network', summary: 'connection refused' })),
        },
        billingFormOf(profile),
        'e',
      ),
    );
    assert.ok(!outcome.ok && outcome.error instanceof PartnerCenterError);
    assert.equal(outcome.error.kind, 'network');
    assert.match(outcome.error.message, /may or may not have been saved: the answer was lost \(no answer within 30 s\) and reading it back failed \(connection refused\)\. Refresh/);
  });

  it('names a field only for a 400 over HTTP', () => {
    assert.equal(fieldOfError(httpError(400, '2000', "Invalid value for field 'city'")), 'city');
    assert.equal(fieldOfError(httpError(500, '2000', "Invalid value for field 'city'")), undefined);
    assert.equal(fieldOfError(new PartnerCenterError({ kind: 'invalidResponse', status: 400, description: "field 'city'", summary: 'x' })), undefined);
    assert.equal(fieldOfError(httpError(400)), undefined, 'no description, no field');
  });
});
