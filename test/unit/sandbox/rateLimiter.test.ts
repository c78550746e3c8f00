// The sandbox's rolling-window limiter at its edges, with exact times (the HTTP tests cover it end to end).
import * as assert from 'node:assert/strict';
import { RollingWindowLimiter } from '../../sandbox/rateLimiter';

describe('sandbox rolling-window limiter', () => {
  it('admits `requests` per window and refuses the next until the oldest is a full window old', () => {
    const limiter = new RollingWindowLimiter({ requests: 3, windowMs: 1000 });
    assert.deepEqual([0, 400, 800].map((t) => limiter.admit('a', t).admitted), [true, true, true]);
    assert.deepEqual(limiter.admit('a', 999.9), { admitted: false, retryAfterSeconds: 1 });
    // At exactly t = 1000 the request admitted at 0 is a full window old and no longer counts.
    assert.deepEqual(limiter.admit('a', 1000), { admitted: true });
    assert.equal(limiter.admit('a', 1300).admitted, false, 'still 3 in (300, 1300]: 400, 800, 1000');
    assert.equal(limiter.admit('a', 1400).admitted, true);
  });

  it('does not count refused requests', () => {
    const limiter = new RollingWindowLimiter({ requests: 1, windowMs: 1000 });
    assert.equal(limiter.admit('a', 0).admitted, true);
    for (let t = 100; t < 1000; t += 100) assert.equal(limiter.admit('a', t).admitted, false);
    assert.equal(limiter.admit('a', 1000).admitted, true, 'the refusals did not extend the window');
  });

  it('rounds Retry-After up to whole seconds, at least 1', () => {
    const limiter = new RollingWindowLimiter({ requests: 1, windowMs: 60_000 });
    limiter.admit('a', 0);
    assert.deepEqual(limiter.admit('a', 1), { admitted: false, retryAfterSeconds: 60 });
    assert.deepEqual(limiter.admit('a', 58_500), { admitted: false, retryAfterSeconds: 2 });
    assert.deepEqual(limiter.admit('a', 59_999.5), { admitted: false, retryAfterSeconds: 1 });
  });

  it('keeps tenants apart, and starts empty after configure()', () => {
    const limiter = new RollingWindowLimiter({ requests: 1, windowMs: 1000 });
    assert.equal(limiter.admit('a', 0).admitted, true);
    assert.equal(limiter.admit('b', 1).admitted, true);
    assert.equal(limiter.admit('a', 2).admitted, false);
    limiter.configure({ requests: 2, windowMs: 1000 });
    assert.deepEqual(limiter.current, { requests: 2, windowMs: 1000 });
    assert.equal(limiter.admit('a', 3).admitted, true);
    assert.equal(limiter.admit('a', 4).admitted, true);
    assert.equal(limiter.admit('a', 5).admitted, false);
  });
});
