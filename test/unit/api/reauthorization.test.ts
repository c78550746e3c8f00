// A 401 is what an expired token gets: the request reads its token again and goes once more (VS Code's
// authentication renews an expired token); a second 401 is final and says to sign in again.
import assert from 'node:assert/strict';
import type { TokenSource } from '../../../src/api/auth';
import { PartnerCenterError } from '../../../src/api/errors';
import { seedTenant } from '../../sandbox/seed';
import { clientFor, settle, useSandbox } from './support';

const CUSTOMER = seedTenant('default')!.customers[0]!.id;

/** Counts the tokens read: each attempt must read its own. */
class CountingTokens implements TokenSource {
  reads = 0;
  authorization(tenant: string): Promise<string> {
    this.reads++;
    return Promise.resolve(`Bearer sandbox:${tenant}`);
  }
}

describe('a refused token (401)', function () {
  this.timeout(10_000);
  const sandbox = useSandbox();
  beforeEach(() => sandbox.admin.reset());

  it('is read again and the request sent once more: one 401, then the customer', async () => {
    const tokens = new CountingTokens();
    const { client } = clientFor(sandbox.url, { tokens, settings: { cacheSeconds: 0 } });
    await sandbox.admin.fault({ path: `/v1/customers/${CUSTOMER}`, status: 401, times: 1 });
    const fetched = await client.getCustomer('default', CUSTOMER);
    assert.equal(fetched.value.id, CUSTOMER);
    const statuses = (await sandbox.admin.requests()).map((r) => r.status);
    assert.deepEqual(statuses, [401, 200]);
    assert.ok(tokens.reads >= 2, `the second attempt read a token again (${tokens.reads} reads)`);
  });

  it('fails after the second 401, saying to sign in again, with no further attempt', async () => {
    const { client, logger } = clientFor(sandbox.url, { settings: { cacheSeconds: 0 } });
    await sandbox.admin.fault({ path: `/v1/customers/${CUSTOMER}`, status: 401, times: 0 });
    const outcome = await settle(client.getCustomer('default', CUSTOMER));
    assert.ok(!outcome.ok && outcome.error instanceof PartnerCenterError);
    assert.match(outcome.error.message, /401.*Sign in again/s);
    assert.equal((await sandbox.admin.requests()).length, 2);
    assert.ok(!logger.text.includes('sandbox:default'), 'no token in the log');
  });
});
