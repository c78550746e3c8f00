// A result stored under a long lifetime is not served to a load that asks for a shorter one: lowering
// partnerCenter.cacheSeconds (to 0: no cache) takes effect at the next load, not when the old entries expire.
import assert from 'node:assert/strict';
import { ResponseCache } from '../../../src/api/cache';

describe('cache: a lowered lifetime applies at once', () => {
  it('does not serve a result stored for 300 s to a load asking for 0 s or for less than its age', async () => {
    let now = 1_000_000;
    const cache = new ResponseCache({ now: () => now });
    const key = { tenant: 'default', id: 'customers' };
    let fetches = 0;
    const start = () => Promise.resolve(`fetch ${++fetches}`);
    try {
      assert.equal(await cache.load(key, 300_000, {}, start), 'fetch 1');
      assert.equal(await cache.load(key, 300_000, {}, start), 'fetch 1', 'served from the cache under the same lifetime');
      assert.equal(await cache.load(key, 0, {}, start), 'fetch 2', 'cacheSeconds 0: fetched again');
      // Not kept (0 s), and the older result it replaced is gone too: never served after the newer one was shown.
      assert.equal(await cache.load(key, 300_000, {}, start), 'fetch 3');
      now += 10_000;
      assert.equal(await cache.load(key, 5_000, {}, start), 'fetch 4', 'older than the new lifetime: fetched again');
      assert.equal(await cache.load(key, 5_000, {}, start), 'fetch 4');
    } finally {
      cache.dispose();
    }
  });
});
