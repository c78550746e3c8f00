import assert from 'node:assert/strict';
import { isCancellation } from '../../../src/api/errors';
import { type Pacing, RateLimiter } from '../../../src/api/rateLimiter';
import { monotonicNow } from '../../../src/api/timing';
import { seedTenant } from '../../sandbox/seed';
import { shareOfQuota } from '../../sandbox/adminClient';
import { waitFor } from '../../integration/helpers/waitFor';
import { clientFor, maxInAnyWindow, settle, useSandbox } from './support';

// The sandbox enforces the same scaled limit as the client: any overshoot shows up as a 429 in its log.
const LIMIT = { requests: 20, windowMs: 1000 };
const SETTINGS = { 'rateLimit.requests': LIMIT.requests, 'rateLimit.windowSeconds': LIMIT.windowMs / 1000, cacheSeconds: 0 };

const customerIds = (tenant: string) => seedTenant(tenant)!.customers.map((c) => c.id);

describe('per-tenant rate limit (real HTTP, sandbox limited to 20 per second)', function () {
  this.timeout(20_000);
  // A server per test: the backlog tests abort requests that can still arrive late and fill the next window.
  const sandbox = useSandbox({ rateLimit: LIMIT, eachTest: true });

  it('never lets more than 20 requests arrive in any rolling second, and keeps close to the quota (120 requests)', async () => {
    const { client, logger } = clientFor(sandbox.url, { settings: SETTINGS });
    const ids = customerIds('default').slice(0, 120);
    const results = await Promise.all(ids.map((id) => client.getCustomer('default', id)));
    assert.deepEqual(results.map((r) => r.value.id), ids);

    const log = await sandbox.admin.requests((r) => r.tenant === 'default');
    assert.equal(log.length, 120, 'one request per customer, no retries');
    assert.deepEqual(log.filter((r) => r.status !== 200).map((r) => r.status), [], 'the server throttled nothing');
    const arrivals = log.map((r) => r.at);
    assert.ok(maxInAnyWindow(arrivals, LIMIT.windowMs) <= LIMIT.requests, `max ${maxInAnyWindow(arrivals, LIMIT.windowMs)} in a window`);
    const achieved = shareOfQuota(arrivals, LIMIT.requests, LIMIT.windowMs);
    // The bench measures the share exactly; here it only has to tell a pace the limit allows from a slower one
    // (a window counted twice gives 0.5) on a busy machine, under mutation testing's instrumentation too.
    assert.ok(achieved >= 0.65, `achieved ${achieved.toFixed(3)} of the quota`);
    assert.match(logger.text, /throttle wait \d+\.\d s for tenant default, \d+ queued/);
    client.dispose();
  });

  it("never delays a tenant behind another tenant's backlog", async () => {
    const { client } = clientFor(sandbox.url, { settings: SETTINGS });
    const backlog = customerIds('default').slice(0, 80).map((id) => settle(client.getCustomer('default', id)));
    await waitFor('a backlog', () => (client.queueDepth('default') >= 50 ? true : undefined), 5_000);
    const backlogMs = client.estimatedWaitMs('default');
    assert.ok(backlogMs >= 2000, `its estimated wait is seconds (${backlogMs} ms)`);

    const started = Date.now();
    const other = await client.getCustomer('fabrikam', customerIds('fabrikam')[0]!);
    const elapsed = Date.now() - started;
    assert.equal(other.value.id, customerIds('fabrikam')[0]);
    // Behind the backlog it would have waited all of it; a quarter allows for a busy machine.
    assert.ok(elapsed < backlogMs / 4, `fabrikam answered in ${elapsed} ms (backlog ${backlogMs} ms)`);
    assert.ok(client.queueDepth('default') > 0, 'default was still queued meanwhile');

    client.cancel('default');
    const outcomes = await Promise.all(backlog);
    assert.ok(outcomes.every((o) => o.ok || isCancellation(o.error)));
    client.dispose();
  });

  it('rejects a queued call at once when its caller aborts, and never sends it', async () => {
    const { client } = clientFor(sandbox.url, { settings: SETTINGS });
    const ids = customerIds('default');
    const first = ids.slice(0, 20).map((id) => client.getCustomer('default', id));
    const controller = new AbortController();
    const abandoned = ids.slice(20, 25).map((id) => settle(client.getCustomer('default', id, { signal: controller.signal })));
    const kept = client.getCustomer('default', ids[25]!);
    // Queued behind the first 20: the five to abort and the one kept.
    await waitFor('the queue', () => (client.queueDepth('default') >= 6 ? true : undefined), 5_000);
    const abortedAt = Date.now();
    controller.abort();
    const outcomes = await Promise.all(abandoned);
    // Not released by the limit: that comes a window after the first 20; half a window allows for a busy machine.
    assert.ok(Date.now() - abortedAt < LIMIT.windowMs / 2, `rejected ${Date.now() - abortedAt} ms after the abort`);
    assert.ok(outcomes.every((o) => !o.ok && isCancellation(o.error)), 'each rejected with a cancellation');

    await Promise.all([...first, kept]);
    const paths = (await sandbox.admin.requests()).map((r) => r.path);
    assert.equal(paths.length, 21);
    for (const id of ids.slice(20, 25)) assert.ok(!paths.includes(`/v1/customers/${id}`), `${id} was never sent`);
    assert.ok(paths.includes(`/v1/customers/${ids[25]}`), 'the call queued behind them went out');
    client.dispose();
  });

  it("cancel(tenant) rejects that tenant's queued calls only", async () => {
    const { client } = clientFor(sandbox.url, { settings: SETTINGS });
    const load = (tenant: string) => customerIds(tenant).slice(0, 24).map((id) => settle(client.getCustomer(tenant, id)));
    const defaults = load('default');
    const fabrikams = load('fabrikam');
    // Once the first 20 are answered (not after a fixed delay: a busy machine may still have them in flight).
    await Promise.all(defaults.slice(0, LIMIT.requests));
    client.cancel('default');
    const [defaultOutcomes, fabrikamOutcomes] = await Promise.all([Promise.all(defaults), Promise.all(fabrikams)]);

    const cancelled = defaultOutcomes.filter((o) => !o.ok);
    assert.equal(cancelled.length, 4, 'the 4 calls beyond the first 20 were queued and are rejected');
    assert.ok(cancelled.every((o) => !o.ok && isCancellation(o.error)));
    assert.ok(fabrikamOutcomes.every((o) => o.ok), 'fabrikam lost nothing');
    assert.equal((await sandbox.admin.requests((r) => r.tenant === 'default')).length, 20);

    // A fresh queue after the cancel: later calls are throttled and answered as usual.
    const again = await client.getCustomer('default', customerIds('default')[30]!);
    assert.equal(again.value.id, customerIds('default')[30]);
    client.dispose();
  });

  it('applies a changed limit on the next call without losing queued calls', async () => {
    const { client, state } = clientFor(sandbox.url, { settings: SETTINGS });
    const ids = customerIds('default');
    const before = ids.slice(0, 30).map((id) => client.getCustomer('default', id));
    // The server's new limit must not count the first 20: wait for their answers, not a fixed delay.
    await Promise.all(before.slice(0, LIMIT.requests));
    state.settings = { ...state.settings, rateLimit: { requests: 10, windowSeconds: 1 } };
    await sandbox.admin.configure({ rateLimit: { requests: 10, windowMs: 1000 } });
    const after = ids.slice(30, 45).map((id) => client.getCustomer('default', id));
    const results = await Promise.all([...before, ...after]);
    assert.equal(results.length, 45);
    const log = await sandbox.admin.requests((r) => r.tenant === 'default');
    assert.deepEqual(log.filter((r) => r.status !== 200).map((r) => r.status), []);
    // Every arrival after the change respects the new limit of 10 per rolling second.
    assert.ok(maxInAnyWindow(log.slice(20).map((r) => r.at), 1000) <= 10);
    client.dispose();
  });
});

describe('per-tenant rate limit: withdrawn calls', function () {
  this.timeout(10_000);
  const WINDOW_MS = 250;

  for (const pacing of ['windowed', 'strict'] as Pacing[]) {
    it(`costs the budget nothing for calls their callers aborted while queued, and estimates truly (${pacing} pacing)`, async () => {
      const limiter = new RateLimiter({ limits: { requests: 1, windowMs: WINDOW_MS }, pacing });
      const send = () => Promise.resolve(monotonicNow());
      await limiter.schedule('default', send);
      const controller = new AbortController();
      const withdrawn = Array.from({ length: 8 }, () => settle(limiter.schedule('default', send, controller.signal)));
      controller.abort();
      assert.ok((await Promise.all(withdrawn)).every((o) => !o.ok && isCancellation(o.error)));
      assert.equal(limiter.queueDepth('default'), 0);

      const estimate = limiter.estimateWaitMs('default');
      const queuedAt = monotonicNow();
      const sentAt = await limiter.schedule('default', send);
      const waited = sentAt - queuedAt;
      // Had the 8 withdrawn calls kept their places, the call would wait 8 more windows: half of that tells.
      assert.ok(waited < (8 * WINDOW_MS) / 2, `the next call waited ${Math.round(waited)} ms`);
      assert.ok(estimate <= WINDOW_MS + 5, `estimate ${estimate} ms`);
      assert.ok(waited <= estimate + WINDOW_MS / 2, `waited ${Math.round(waited)} ms, estimated ${estimate} ms`);
      limiter.dispose();
    });
  }
});
