// What the client tells besides its answers: a listener that fails is logged and costs the caller nothing, an
// endpoint change is logged, invalid settings hide what is cached, and a profile the customer came without is
// read from its own endpoint (the company one as well as the billing one). Real HTTP against the sandbox.
import assert from 'node:assert/strict';
import { seedCustomer, seedTenant } from '../../sandbox/seed';
import { clientFor, settingsFor, useSandbox } from './support';

const seedIds = (tenant: string) => seedTenant(tenant)!.customers.map((c) => c.id);

describe('PartnerCenterClient: notices and fallbacks (real HTTP against the sandbox)', function () {
  this.timeout(15_000);
  const sandbox = useSandbox();
  beforeEach(() => sandbox.admin.reset());

  it('logs a customer listener that throws, and still answers the caller and the other listeners', async () => {
    const { client, logger } = clientFor(sandbox.url);
    const id = seedIds('default')[3]!;
    const told: string[] = [];
    client.onDidFetchCustomer(() => {
      throw new Error('listener broke');
    });
    client.onDidFetchCustomer((event) => told.push(event.customerId));
    const customer = await client.getCustomer('default', id);
    assert.equal(customer.value.id, id);
    assert.deepEqual(told, [id]);
    assert.match(logger.text, /\[error\] A customer listener failed: listener broke/);
  });

  it('logs an endpoint change once it is applied', async () => {
    const { client, logger, state } = clientFor(sandbox.url);
    await client.getCustomer('default', seedIds('default')[0]!);
    const other = sandbox.url.replace('127.0.0.1', 'localhost');
    assert.notEqual(other, sandbox.url);
    state.settings = settingsFor(other);
    client.settingsChanged();
    assert.match(logger.text, new RegExp(`\\[info\\] Partner Center endpoint changed to ${other.replace(/[.]/g, '\\.')}/?: cache cleared`));
  });

  it('shows nothing cached while the settings are invalid', async () => {
    const { client, state } = clientFor(sandbox.url);
    const id = seedIds('default')[5]!;
    await client.getCustomer('default', id);
    assert.equal(client.peekCustomer('default', id)?.value.id, id);
    state.problem = new Error('partnerCenter.pageSize is out of range');
    assert.equal(client.peekCustomer('default', id), undefined);
  });

  it('asks the company profile endpoint when the customer came without its company profile', async () => {
    const { client } = clientFor(sandbox.url);
    const id = seedIds('default')[6]!;
    await sandbox.admin.fault({ path: `/v1/customers/${id}`, kind: 'schema', field: 'companyProfile', value: null });
    const company = await client.getCompanyProfile('default', id);
    assert.equal(company.value.companyName, seedCustomer('default', id).companyProfile.companyName);
    assert.deepEqual((await sandbox.admin.requests()).map((r) => r.path), [`/v1/customers/${id}`, `/v1/customers/${id}/profiles/company`]);
  });
});
