// The client's billing-profile PUT over real HTTP against the sandbox: the etag in If-Match and the body, the
// cache and the customer announcement after a save, a conflict, a refused field, and answers lost before or
// after Partner Center applied the write (the PUT sent once, then read back).
import assert from 'node:assert/strict';
import { billingFormOf, putBody } from '../../../src/api/billingChanges';
import { fieldOfError } from '../../../src/api/billingUpdate';
import type { CustomerFetched } from '../../../src/api/types';
import { NOTABLE } from '../../sandbox/seed';
import { clientFor, settle, useSandbox } from './support';

const TENANT = 'default';
const CUSTOMER = NOTABLE.default.french;

describe('PartnerCenterClient.updateBillingProfile (real HTTP against the sandbox)', function () {
  this.timeout(15_000);
  const sandbox = useSandbox();
  beforeEach(() => sandbox.admin.reset());

  const puts = () => sandbox.admin.requests((r) => r.method === 'PUT');
  const gets = () => sandbox.admin.requests((r) => r.method === 'GET');

  /** A client that has read the customer (as the panel has), and the profile's body and etag as read. */
  async function started(timeoutMs?: number) {
    const { client, logger } = clientFor(sandbox.url, { timeoutMs });
    const customer = await client.getCustomer(TENANT, CUSTOMER);
    const raw = (customer.raw as { billingProfile: Record<string, unknown> }).billingProfile;
    const etag = customer.value.billingProfile!.attributes!.etag!;
    await sandbox.admin.clearRequests();
    return { client, logger, customer, raw, etag };
  }

  it('sends the etag quoted in If-Match and in the body, and announces the saved profile: cache and views, no extra request', async () => {
    const { client, logger, raw, etag } = await started();
    const events: CustomerFetched[] = [];
    client.onDidFetchCustomer((event) => events.push(event));
    const result = await client.updateBillingProfile(TENANT, CUSTOMER, putBody(raw, { firstName: 'Zoë', city: '京都' }, etag), etag);

    assert.equal(result.outcome, 'saved');
    const [put] = await puts();
    assert.equal(put!.headers['if-match'], `"${etag}"`);
    assert.match(put!.headers['content-type'] ?? '', /^application\/json/);
    assert.equal(events.length, 1);
    assert.equal(events[0]!.fetched.value.billingProfile?.firstName, 'Zoë');
    const cached = client.peekCustomer(TENANT, CUSTOMER)!;
    assert.equal(cached.value.billingProfile?.defaultAddress?.city, '京都');
    assert.notEqual(cached.value.billingProfile?.attributes?.etag, etag, 'the new etag replaces the old one');
    assert.equal((await client.getBillingProfile(TENANT, CUSTOMER)).value.firstName, 'Zoë');
    assert.equal((await gets()).length, 0, 'nothing was read again');
    assert.ok(!logger.text.includes('Zoë'), 'a value was logged');
  });

  it('uses the new etag for the next save', async () => {
    const { client, raw, etag } = await started();
    const first = await client.updateBillingProfile(TENANT, CUSTOMER, putBody(raw, { firstName: 'One' }, etag), etag);
    assert.equal(first.outcome, 'saved');
    const profile = client.peekCustomer(TENANT, CUSTOMER)!;
    const nextEtag = profile.value.billingProfile!.attributes!.etag!;
    const rawNow = (profile.raw as { billingProfile: Record<string, unknown> }).billingProfile;
    const second = await client.updateBillingProfile(TENANT, CUSTOMER, putBody(rawNow, { firstName: 'Two' }, nextEtag), nextEtag);
    assert.equal(second.outcome, 'saved');
  });

  it('a stale etag is a conflict: one GET reads the latest, nothing is written', async () => {
    const { client, raw, etag } = await started();
    await sandbox.admin.changeBillingProfile(TENANT, CUSTOMER, { lastName: 'Someone else' });
    const result = await client.updateBillingProfile(TENANT, CUSTOMER, putBody(raw, { firstName: 'Mine' }, etag), etag);
    assert.equal(result.outcome, 'conflict');
    assert.equal(result.outcome === 'conflict' && result.latest.value.lastName, 'Someone else');
    assert.equal((await puts()).length, 1);
    assert.equal((await gets()).length, 1);
    assert.notEqual(client.peekCustomer(TENANT, CUSTOMER)!.value.billingProfile?.firstName, 'Mine');
  });

  it('a field Partner Center refuses is thrown naming that field', async () => {
    const { client, raw, etag } = await started();
    const outcome = await settle(client.updateBillingProfile(TENANT, CUSTOMER, putBody(raw, { country: 'ZZZ' }, etag), etag));
    assert.equal(outcome.ok, false);
    assert.equal(fieldOfError(!outcome.ok && outcome.error), 'country');
  });

  for (const [when, writeApplied, expected] of [
    ['after', true, 'saved'],
    ['before', false, 'notSaved'],
  ] as const) {
    it(`a timeout ${when} the write was applied is read back (${expected}) and the PUT is sent once`, async () => {
      const { client, raw, etag } = await started(300);
      await sandbox.admin.fault({ method: 'PUT', path: `/v1/customers/${CUSTOMER}/profiles/billing`, kind: 'hang', writeApplied });
      const body = putBody(raw, { email: 'new.billing@example.fr' }, etag);
      const result = await client.updateBillingProfile(TENANT, CUSTOMER, body, etag);
      assert.equal(result.outcome, expected);
      assert.equal((await puts()).length, 1);
      assert.equal((await gets()).length, 1);
      if (result.outcome === 'saved') assert.equal(result.readBack, true);
      if (result.outcome === 'notSaved') assert.equal(result.error.kind, 'timeout');
      assert.equal(billingFormOf(client.peekCustomer(TENANT, CUSTOMER)!.value.billingProfile).email === 'new.billing@example.fr', expected === 'saved');
    });
  }

  it('a reset after the write and someone else\'s write in between is a conflict', async () => {
    const { client, raw, etag } = await started();
    await sandbox.admin.fault({ method: 'PUT', path: `/v1/customers/${CUSTOMER}/profiles/billing`, kind: 'drop', writeApplied: false });
    await sandbox.admin.changeBillingProfile(TENANT, CUSTOMER, { city: 'Marseille' });
    const result = await client.updateBillingProfile(TENANT, CUSTOMER, putBody(raw, { city: 'Lille' }, etag), etag);
    assert.equal(result.outcome, 'conflict');
    assert.equal((await puts()).length, 1);
  });
});
