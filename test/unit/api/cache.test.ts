import assert from 'node:assert/strict';
import { ResponseCache } from '../../../src/api/cache';

// The cache alone with a fake clock: expiry and the races between refreshes, invalidation and late answers.

/** A request the test answers by hand. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('response cache', () => {
  const key = { tenant: 't', id: 'customer c', customerId: 'c' };

  it('serves a result until its time is up, then asks again', async () => {
    let now = 1000;
    const cache = new ResponseCache(() => now);
    let loads = 0;
    const load = () => cache.load(key, 300, {}, () => Promise.resolve(++loads));
    assert.equal(await load(), 1);
    now += 299;
    assert.equal(await load(), 1);
    assert.equal(cache.peek(key), 1);
    now += 1;
    assert.equal(cache.peek(key), undefined);
    assert.equal(await load(), 2);
  });

  it('never lets an older request that answers late overwrite a newer refresh', async () => {
    const cache = new ResponseCache();
    const old = deferred<string>();
    const first = cache.load(key, 60_000, {}, () => old.promise);
    const refreshed = await cache.load(key, 60_000, { bypassCache: true }, () => Promise.resolve('new'));
    old.resolve('old');
    assert.equal(await first, 'old', 'its own caller still gets it');
    assert.equal(refreshed, 'new');
    assert.equal(cache.peek(key), 'new');
  });

  it('does not store, nor let anyone join, a request that was invalidated in flight', async () => {
    const cache = new ResponseCache();
    const pending = deferred<string>();
    const first = cache.load(key, 60_000, {}, () => pending.promise);
    cache.invalidate('t', 'c');
    const second = cache.load(key, 60_000, {}, () => Promise.resolve('after'));
    pending.resolve('before');
    assert.equal(await first, 'before');
    assert.equal(await second, 'after', 'a new request, not the invalidated one');
    assert.equal(cache.peek(key), 'after');
  });

  it('invalidates one customer or a whole tenant, and nothing of other tenants', async () => {
    const cache = new ResponseCache();
    const other = { tenant: 'u', id: 'customer c', customerId: 'c' };
    const list = { tenant: 't', id: 'customers page 1' };
    for (const k of [key, other, list]) await cache.load(k, 60_000, {}, () => Promise.resolve(k.id));
    cache.invalidate('t', 'c');
    assert.deepEqual([cache.peek(key), cache.peek(list), cache.peek(other)], [undefined, list.id, other.id]);
    cache.invalidate('t');
    assert.deepEqual([cache.peek(list), cache.peek(other)], [undefined, other.id]);
  });

  it('does not keep errors', async () => {
    const cache = new ResponseCache();
    await assert.rejects(cache.load(key, 60_000, {}, () => Promise.reject(new Error('503'))), /503/);
    assert.equal(await cache.load(key, 60_000, {}, () => Promise.resolve('ok')), 'ok');
  });
});
