// A 429 pauses the whole tenant: for its Retry-After, or a backoff when it sent none; a pause too long to wait
// out fails the request at once (and what is queued for that tenant), saying why. What the log tells support.
import assert from 'node:assert/strict';
import * as z from '../../../src/api/zod';
import { PartnerCenterError } from '../../../src/api/errors';
import type { Failure } from '../../../src/api/outcome';
import { RateLimiter } from '../../../src/api/rateLimiter';
import { requestContext } from '../../../src/api/request';
import { ThrottlePauses } from '../../../src/api/throttlePauses';
import { monotonicNow } from '../../../src/api/timing';
import { RecordingLogger, settle } from './support';

const target = { cloud: 'local' as const, apiBase: 'http://127.0.0.1:7071' };
const contextFor = (tenant: string) =>
  requestContext({ tenant, target, uri: '/v1/customers', schema: z.unknown(), correlationId: 'c-1' });
const throttled = (retryAfterMs?: number): Failure => ({
  ok: false,
  retry: 'throttled',
  retryAfterMs,
  error: new PartnerCenterError({ kind: 'throttled', status: 429, code: '429', description: 'Rate limit is exceeded', summary: 'throttled' }),
});

describe('429 pauses', () => {
  const limiters: RateLimiter[] = [];
  afterEach(() => limiters.splice(0).forEach((limiter) => limiter.dispose()));

  function setUp(options: { backoffBaseMs?: number; maxWaitMs?: number } = {}) {
    const limiter = new RateLimiter({ limits: { requests: 100, windowMs: 60_000 } });
    limiters.push(limiter);
    const logger = new RecordingLogger();
    const pauses = new ThrottlePauses({ limiter, logger, backoffBaseMs: options.backoffBaseMs ?? 1000, maxRetries: 5, maxWaitMs: options.maxWaitMs ?? 120_000 });
    return { limiter, logger, pauses };
  }

  /** How long the tenant is paused from now, bounded by the clock before and after the pause was set. */
  function pausedFor(limiter: RateLimiter, tenant: string, pause: () => void): { min: number; max: number } {
    const before = monotonicNow();
    pause();
    const after = monotonicNow();
    const until = limiter.pausedUntil(tenant);
    return { min: until - after, max: until - before };
  }

  it("pauses the tenant for the Retry-After asked, and says so in the log with the retry's number", () => {
    const { limiter, logger, pauses } = setUp();
    const { min, max } = pausedFor(limiter, 'default', () => pauses.pause(contextFor('default'), throttled(30_000), 2));
    assert.ok(min <= 30_000 && max >= 30_000, `paused for ${min}..${max} ms`);
    assert.equal(limiter.pausedUntil('other'), 0, 'another tenant is not paused');
    assert.match(logger.text, /GET \/v1\/customers: throttled \(429\), tenant default paused for 30 s; retry 2 of 5/);
    assert.ok(!logger.text.includes('no Retry-After'), logger.text);
  });

  it('without a Retry-After backs off: at least the first step and at most twice it for the first retry, growing after', () => {
    // Twenty tenants, one draw each: a jitter that could go below the first step shows in some of them.
    const base = 1000;
    const { limiter, logger, pauses } = setUp({ backoffBaseMs: base });
    for (let i = 0; i < 20; i++) {
      const { min, max } = pausedFor(limiter, `t${i}`, () => pauses.pause(contextFor(`t${i}`), throttled(undefined), 1));
      assert.ok(max >= base && min <= 2 * base, `first retry of t${i}: paused ${min}..${max} ms`);
    }
    for (let i = 0; i < 20; i++) {
      const { min, max } = pausedFor(limiter, `u${i}`, () => pauses.pause(contextFor(`u${i}`), throttled(undefined), 3));
      assert.ok(max >= 4 * base && min <= 8 * base, `third retry of u${i}: paused ${min}..${max} ms`);
    }
    assert.match(logger.text, /tenant t0 paused for \d+(\.\d+)? s \(no Retry-After: backoff\); retry 1 of 5/);
  });

  it('waits out a pause exactly as long as the longest allowed, and fails at once on a longer one, failing what is queued too', async () => {
    const { limiter, logger, pauses } = setUp({ maxWaitMs: 60_000 });
    pauses.pause(contextFor('default'), throttled(60_000), 1);
    assert.ok(!logger.text.includes('failing instead of waiting'), logger.text);

    // Something queued for the tenant behind the pause.
    const queued = settle(limiter.schedule('default', () => Promise.resolve('sent')));
    assert.equal(limiter.queueDepth('default'), 1);

    const context = contextFor('default');
    assert.throws(
      () => pauses.pause(context, throttled(10 * 60_000), 2),
      (error: unknown) => {
        assert.ok(error instanceof PartnerCenterError);
        assert.equal(error.kind, 'throttled');
        assert.equal(error.status, 429);
        assert.equal(error.code, '429');
        assert.equal(error.requestId, context.requestId, 'the error names the request');
        assert.match(error.message, /tenant default for 10 minutes \(429\): Rate limit is exceeded/);
        return true;
      },
    );
    assert.match(logger.text, /\[warn\] GET \/v1\/customers: throttled \(429\), tenant default paused for 600 s \(Retry-After\); failing instead of waiting/);
    const outcome = await queued;
    assert.ok(!outcome.ok && outcome.error instanceof PartnerCenterError && outcome.error.kind === 'throttled', 'the queued call fails saying why');
    assert.match(String(!outcome.ok && (outcome.error as Error).message), /for 10 minutes/);

    // A request that comes now fails before sending anything.
    assert.throws(() => pauses.failIfPausedLong('default'), (error: unknown) => error instanceof PartnerCenterError && error.kind === 'throttled');
    pauses.failIfPausedLong('other');
  });
});
