// The view's "queued" message: said while a load is still pending behind its tenant's queue, gone when it settles,
// never for an answer from the cache or a load that waits on nothing queued.
import assert from 'node:assert/strict';
import { QueuedLoads, type TenantQueueGauge } from '../../../../src/tree/model/queuedLoads';

/** A queue per tenant with a depth and a wait estimate the test sets. */
function gauge(queues: Record<string, { depth: number; waitMs: number }>): TenantQueueGauge {
  return {
    queueDepth: (tenantId) => queues[tenantId]?.depth ?? 0,
    estimatedWaitMs: (tenantId) => queues[tenantId]?.waitMs ?? 0,
  };
}

function deferred(): { promise: Promise<string>; resolve: (value: string) => void; reject: (error: Error) => void } {
  let resolve!: (value: string) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<string>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

/** Notices are checked by a timer of 0 ms here; a timer armed after them fires after them (Node keeps their order). */
const afterTheCheck = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('QueuedLoads', () => {
  it('says which tenant, how many requests wait and about how long while the load is pending, and nothing once answered', async () => {
    let changes = 0;
    const loads = new QueuedLoads(gauge({ default: { depth: 7, waitMs: 9_400 } }), () => changes++, 0);
    const answer = deferred();
    const pending = loads.track('default', () => answer.promise);
    assert.equal(loads.text(), undefined, 'not before the load had a chance to be answered');
    await afterTheCheck();
    assert.equal(loads.text(), 'Queued for the request quota of default: 7 requests waiting, about 10 s.');
    assert.equal(changes, 1);
    answer.resolve('rows');
    assert.equal(await pending, 'rows');
    assert.equal(loads.text(), undefined);
    assert.equal(changes, 2);
  });

  it('clears the message when the load fails too, and passes the failure on', async () => {
    const loads = new QueuedLoads(gauge({ default: { depth: 3, waitMs: 5_000 } }), () => undefined, 0);
    const answer = deferred();
    const pending = loads.track('default', () => answer.promise);
    await afterTheCheck();
    assert.ok(loads.text());
    answer.reject(new Error('503'));
    await assert.rejects(pending, /503/);
    assert.equal(loads.text(), undefined);
  });

  it('never speaks for an answer from the cache, even with a long queue', async () => {
    let changes = 0;
    const loads = new QueuedLoads(gauge({ default: { depth: 6, waitMs: 10_000 } }), () => changes++, 0);
    assert.equal(await loads.track('default', () => Promise.resolve('cached')), 'cached');
    await afterTheCheck();
    assert.equal(loads.text(), undefined);
    assert.equal(changes, 0);
  });

  it('says nothing for a slow load whose tenant has nothing queued', async () => {
    let changes = 0;
    const loads = new QueuedLoads(gauge({ busy: { depth: 500, waitMs: 60_000 } }), () => changes++, 0);
    const answer = deferred();
    const pending = loads.track('fabrikam', () => answer.promise);
    await afterTheCheck();
    assert.equal(loads.text(), undefined);
    answer.resolve('ok');
    await pending;
    assert.equal(changes, 0);
  });

  it('names each tenant with a queued load once, with its longest wait', async () => {
    const queues = { default: { depth: 100, waitMs: 4_000 }, fabrikam: { depth: 50, waitMs: 2_000 } };
    const loads = new QueuedLoads(gauge(queues), () => undefined, 0);
    const answers = [deferred(), deferred(), deferred()];
    const pending = [loads.track('default', () => answers[0]!.promise)];
    await afterTheCheck();
    queues.default = { depth: 180, waitMs: 7_200 };
    pending.push(loads.track('default', () => answers[1]!.promise), loads.track('fabrikam', () => answers[2]!.promise));
    await afterTheCheck();
    assert.equal(
      loads.text(),
      'Queued for the request quota of default: 180 requests waiting, about 8 s. Queued for the request quota of fabrikam: 50 requests waiting, about 2 s.',
    );
    answers[1]!.resolve('ok');
    await pending[1];
    assert.match(loads.text()!, /default: 100 requests waiting, about 4 s/, 'the other load of default still waits');
    answers.forEach((answer) => answer.resolve('ok'));
    await Promise.all(pending);
    assert.equal(loads.text(), undefined);
  });
});
