// The rate limiter without a server: what cancel, failQueued and dispose do to queued calls, a changed window,
// and what the log says about waits.
import assert from 'node:assert/strict';
import { PartnerCenterError, isCancellation } from '../../../src/api/errors';
import { RateLimiter } from '../../../src/api/rateLimiter';
import { monotonicNow } from '../../../src/api/timing';
import { RecordingLogger, settle } from './support';

describe('per-tenant rate limit: the limiter on its own', () => {
  const WINDOW_MS = 60_000;
  const sent = () => Promise.resolve('sent');

  /** A limiter that has used the one send its window allows for `tenant`: the next call queues. */
  async function spent(tenants: string[], logger?: RecordingLogger) {
    const limiter = new RateLimiter({ limits: { requests: 1, windowMs: WINDOW_MS }, logger });
    for (const tenant of tenants) await limiter.schedule(tenant, sent);
    return limiter;
  }

  it('cancel(tenant) and cancel() reject what is queued with a cancellation; failQueued with the error given', async () => {
    const limiter = await spent(['a', 'b', 'c']);
    const [a, b, c] = ['a', 'b', 'c'].map((tenant) => settle(limiter.schedule(tenant, sent)));
    limiter.cancel('a');
    const outcomeA = await a!;
    assert.ok(!outcomeA.ok && isCancellation(outcomeA.error));
    assert.equal(limiter.queueDepth('b'), 1, 'b is still queued');
    const why = new PartnerCenterError({ kind: 'throttled', status: 429, summary: 'paused for long' });
    limiter.failQueued('b', why);
    const outcomeB = await b!;
    assert.ok(!outcomeB.ok && outcomeB.error === why);
    limiter.cancel();
    const outcomeC = await c!;
    assert.ok(!outcomeC.ok && isCancellation(outcomeC.error));
    limiter.dispose();
  });

  it('dispose rejects what is queued, and forgets every tenant', async () => {
    const limiter = await spent(['a']);
    const queued = settle(limiter.schedule('a', sent));
    limiter.dispose();
    const outcome = await queued;
    assert.ok(!outcome.ok && isCancellation(outcome.error));
    assert.equal(limiter.queueDepth('a'), 0);
  });

  it('applies a new window length with the same number of requests', async () => {
    const limiter = await spent(['a']);
    const before = limiter.estimateWaitMs('a');
    assert.ok(before > WINDOW_MS / 2, `estimate ${before} ms`);
    limiter.configure({ requests: 1, windowMs: WINDOW_MS / 100 });
    const after = limiter.estimateWaitMs('a');
    assert.ok(after < before / 10, `estimate ${after} ms after the window shrank (was ${before} ms)`);
    limiter.dispose();
  });

  it('logs a wait for the budget in seconds, and no wait for a call that went at once', async () => {
    const logger = new RecordingLogger();
    const limiter = new RateLimiter({ limits: { requests: 1, windowMs: 300 }, logger });
    await limiter.schedule('a', sent);
    assert.equal(logger.lines.length, 0, logger.text);
    const queuedAt = monotonicNow();
    await limiter.schedule('a', sent);
    const waitedS = (monotonicNow() - queuedAt) / 1000;
    const logged = Number(/throttle wait (\d+\.\d) s for tenant a, 0 queued/.exec(logger.text)?.[1]);
    assert.ok(logged > 0 && logged <= waitedS + 0.05, `logged ${logged} s, waited ${waitedS} s`);
    limiter.dispose();
  });
});
