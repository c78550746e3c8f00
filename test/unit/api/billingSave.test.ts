// Saving an edit of a billing profile (the panel's Save and the no-UI command): an invalid form sends nothing
// and says which fields; a valid one is one PUT of the profile as read plus the changed fields, logged by field
// name only. Real HTTP against the sandbox.
import assert from 'node:assert/strict';
import { billingFormOf } from '../../../src/api/billingChanges';
import { InvalidBillingEditError, saveBillingEdit } from '../../../src/api/billingSave';
import { NOTABLE } from '../../sandbox/seed';
import { clientFor, settle, useSandbox } from './support';

const TENANT = 'default';
const CUSTOMER = NOTABLE.default.french;

describe('saveBillingEdit (real HTTP against the sandbox)', function () {
  this.timeout(15_000);
  const sandbox = useSandbox();
  beforeEach(() => sandbox.admin.reset());

  const puts = () => sandbox.admin.requests((r) => r.method === 'PUT');

  /** A client that has read the customer, and the edit as the panel starts it. */
  async function started() {
    const { client, logger } = clientFor(sandbox.url);
    const customer = await client.getCustomer(TENANT, CUSTOMER);
    const profileAsRead = (customer.raw as { billingProfile: Record<string, unknown> }).billingProfile;
    const base = billingFormOf(customer.value.billingProfile);
    const etag = customer.value.billingProfile!.attributes!.etag!;
    await sandbox.admin.clearRequests();
    return { client, logger, customer, edit: { tenant: TENANT, customerId: CUSTOMER, profileAsRead, base, etag, customer } };
  }

  it('refuses an invalid form before anything is sent, naming every invalid field and the first one', async () => {
    const { client, logger, edit } = await started();
    const mine = { ...edit.base, email: 'not-an-address', country: 'XX' };
    const outcome = await settle(saveBillingEdit(client, logger, { ...edit, mine }));
    assert.ok(!outcome.ok);
    assert.ok(outcome.error instanceof InvalidBillingEditError, String(outcome.error));
    assert.deepEqual(outcome.error.problems, { email: 'email', country: 'country' });
    assert.equal(outcome.error.field, 'email');
    assert.equal(outcome.error.name, 'InvalidBillingEditError');
    assert.match(outcome.error.message, /email, country/);
    assert.deepEqual(await puts(), []);
    assert.ok(!logger.text.includes('Saving'), `nothing was logged as saving:\n${logger.text}`);
  });

  it('PUTs the profile as read with the changed fields and the etag, and logs the field names, not the values', async () => {
    const { client, logger, edit } = await started();
    const mine = { ...edit.base, firstName: 'Zoë', city: ' Lyon ' };
    const result = await saveBillingEdit(client, logger, { ...edit, mine, correlationId: 'save-1' });
    assert.equal(result.outcome, 'saved');

    const [put, ...more] = await puts();
    assert.equal(more.length, 0, 'one PUT');
    assert.equal(put!.headers['if-match'], `"${edit.etag}"`);
    assert.equal(put!.headers['ms-correlationid'], 'save-1');
    const saved = client.peekCustomer(TENANT, CUSTOMER)!.value.billingProfile!;
    assert.equal(saved.firstName, 'Zoë');
    assert.equal(saved.defaultAddress?.city, 'Lyon', 'what is saved is trimmed');
    assert.equal(saved.lastName, edit.customer.value.billingProfile!.lastName, 'an unchanged field keeps its value');

    assert.match(logger.text, new RegExp(`changed fields: firstName, city`));
    assert.match(logger.text, new RegExp(`Billing profile of customer ${CUSTOMER} \\(tenant ${TENANT}\\): saved`));
    for (const value of ['Zoë', 'Lyon']) assert.ok(!logger.text.includes(value), `${value} was logged`);
  });

  it('says no field changed when the form is as it started', async () => {
    const { client, logger, edit } = await started();
    const result = await saveBillingEdit(client, logger, { ...edit, mine: edit.base });
    assert.equal(result.outcome, 'saved');
    assert.match(logger.text, /changed fields: none/);
  });
});
