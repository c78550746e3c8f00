// What the log tells support about each attempt of a request that failed: a timeout or a network error, after
// how long, and a 401 read again with a new token. Real HTTP against the sandbox, faults injected.
import assert from 'node:assert/strict';
import { seedTenant } from '../../sandbox/seed';
import { clientFor, settle, useSandbox } from './support';

const ids = (tenant: string) => seedTenant(tenant)!.customers.map((c) => c.id);

describe('one Partner Center request: the log of its attempts (real HTTP against the sandbox)', function () {
  this.timeout(10_000);
  const sandbox = useSandbox();
  beforeEach(() => sandbox.admin.reset());

  const fresh = (timeoutMs?: number) => clientFor(sandbox.url, { timeoutMs, settings: { cacheSeconds: 0 } });

  it('logs a hung attempt as a timeout, after at least the timeout', async () => {
    const timeoutMs = 200;
    const { client, logger } = fresh(timeoutMs);
    const id = ids('default')[11]!;
    await sandbox.admin.fault({ path: `/v1/customers/${id}`, times: 1, kind: 'hang' });
    await client.getCustomer('default', id);
    const after = /GET \/v1\/customers\/\S+ → timeout after (\d+) ms \(request id [0-9a-f-]+, attempt 1\)/.exec(logger.text);
    assert.ok(after, logger.text);
    const ms = Number(after[1]);
    // Not before the timeout (less a timer's rounding), and of its order: not a clock reading.
    assert.ok(ms >= 0.9 * timeoutMs && ms < 25 * timeoutMs, `timed out after ${ms} ms`);
    assert.ok(!logger.text.includes('network error'), logger.text);
  });

  it('logs a dropped connection as a network error, not a timeout', async () => {
    const { client, logger } = fresh(2000);
    const id = ids('default')[12]!;
    await sandbox.admin.fault({ path: `/v1/customers/${id}`, times: 1, kind: 'drop' });
    await client.getCustomer('default', id);
    assert.match(logger.text, /GET \/v1\/customers\/\S+ → network error after \d+ ms \(request id [0-9a-f-]+, attempt 1\)/);
    assert.ok(!/→ timeout/.test(logger.text), logger.text);
  });

  it('logs that a 401 is sent once more with the token read again', async () => {
    const { client, logger } = fresh();
    const id = ids('default')[13]!;
    await sandbox.admin.fault({ path: `/v1/customers/${id}`, times: 1, status: 401 });
    const outcome = await settle(client.getCustomer('default', id));
    assert.ok(outcome.ok, String(!outcome.ok && outcome.error));
    assert.match(logger.text, /GET \/v1\/customers\/\S+ → 401: the token is read again and the request sent once more/);
  });
});
