import assert from 'node:assert/strict';
import { MAX_CACHE_SECONDS, ResponseCache } from '../../../src/api/cache';
import { PartnerCenterError } from '../../../src/api/errors';
import { waitFor } from '../../integration/helpers/waitFor';
import { settle } from './support';

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
    const cache = new ResponseCache({ now: () => now });
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

  describe('bounded memory', () => {
    const keyOf = (n: number) => ({ tenant: 't', id: `customer ${n}`, customerId: `c${n}` });
    const fill = async (cache: ResponseCache, from: number, to: number, ttlMs = 60_000) => {
      for (let n = from; n < to; n++) await cache.load(keyOf(n), ttlMs, {}, () => Promise.resolve(n));
    };
    const caches: ResponseCache[] = [];
    const make = (options: ConstructorParameters<typeof ResponseCache>[0]) => {
      const cache = new ResponseCache(options);
      caches.push(cache);
      return cache;
    };
    afterEach(() => {
      for (const cache of caches.splice(0)) cache.dispose();
    });

    it('drops expired entries on a timer, without anyone asking for them, and keeps the fresh ones', async () => {
      let now = 1000;
      const cache = make({ now: () => now, sweepEveryMs: 5 });
      await fill(cache, 0, 1000, 100);
      await fill(cache, 1000, 1001, 60_000);
      assert.equal(cache.size, 1001);
      now += 100;
      // Nothing reads the cache from here on: only the sweep can shrink it (without it, the wait times out).
      await waitFor('the sweep', () => (cache.size === 1 ? true : undefined), 5_000);
      assert.equal(cache.peek(keyOf(1000)), 1000, 'the fresh entry stays');
    });

    it('keeps at most maxWeight (one per result by default), dropping the least recently used', async () => {
      const cache = make({ maxWeight: 3 });
      await fill(cache, 0, 5);
      assert.equal(cache.size, 3);
      assert.deepEqual([0, 1, 2, 3, 4].map((n) => cache.peek(keyOf(n))), [undefined, undefined, 2, 3, 4]);
    });

    it('keeps what was used recently when the bound is reached', async () => {
      const cache = make({ maxWeight: 3 });
      await fill(cache, 0, 3);
      assert.equal(cache.peek(keyOf(0)), 0, 'read: now the most recently used');
      assert.equal(await cache.load(keyOf(1), 60_000, {}, () => Promise.resolve(-1)), 1, 'served from the cache: used too');
      await fill(cache, 3, 4);
      assert.equal(cache.size, 3);
      assert.deepEqual([0, 1, 2, 3].map((n) => cache.peek(keyOf(n))), [0, 1, undefined, 3]);
    });

    it('keeps nothing longer than MAX_CACHE_SECONDS, whatever it is asked', async () => {
      let now = 0;
      const cache = make({ now: () => now });
      await cache.load(key, 1e15, {}, () => Promise.resolve('kept'));
      now += MAX_CACHE_SECONDS * 1000 - 1;
      assert.equal(cache.peek(key), 'kept');
      now += 1;
      assert.equal(cache.peek(key), undefined);
    });

    it('counts each result by its weight: a few heavy pages push out as much as many light results', async () => {
      const cache = make({ maxWeight: 300, weigh: (value) => (Array.isArray(value) ? value.length : 1) });
      const page = (n: number) => Array.from({ length: 100 }, (_, i) => n * 100 + i);
      for (let n = 0; n < 3; n++) await cache.load(keyOf(n), 60_000, {}, () => Promise.resolve(page(n)));
      assert.equal(cache.weight, 300);
      await cache.load(keyOf(3), 60_000, {}, () => Promise.resolve('one customer'));
      assert.equal(cache.peek(keyOf(0)), undefined, 'the oldest page went to make room for one more result');
      assert.deepEqual([cache.size, cache.weight], [3, 201]);
      cache.invalidate('t');
      assert.deepEqual([cache.size, cache.weight], [0, 0], 'what goes is no longer counted');
    });

    it('keeps a result heavier than the whole bound until the next one comes (its caller reads it now)', async () => {
      const cache = make({ maxWeight: 10, weigh: (value) => (Array.isArray(value) ? value.length : 1) });
      await cache.load(keyOf(0), 60_000, {}, () => Promise.resolve(Array.from({ length: 50 }, () => 0)));
      assert.equal(cache.size, 1);
      await cache.load(keyOf(1), 60_000, {}, () => Promise.resolve('light'));
      assert.deepEqual([cache.peek(keyOf(0)), cache.peek(keyOf(1))], [undefined, 'light']);
      assert.equal(cache.weight, 1);
    });

    it('holds 5,000 entries by default', async () => {
      const cache = make({});
      await fill(cache, 0, 5_100);
      assert.equal(cache.size, 5_000);
    });

    it('forgets everything and stops its timer when disposed', async () => {
      const cache = make({ sweepEveryMs: 5 });
      await fill(cache, 0, 10);
      cache.dispose();
      assert.equal(cache.size, 0);
    });
  });

  describe('a tenant or customer id in another case is the same one', () => {
    const guid = '0f3c5e2a-9b1d-4c7e-8a6f-2d4b6c8e0a1b';
    const lower = { tenant: 'contoso.onmicrosoft.com', id: 'customer', customerId: guid };
    const upper = { tenant: 'Contoso.OnMicrosoft.com', id: 'customer', customerId: guid.toUpperCase() };

    it('serves the result cached under one case to the other, without loading again', async () => {
      const cache = new ResponseCache();
      let loads = 0;
      await cache.load(lower, 60_000, {}, () => Promise.resolve(++loads));
      assert.equal(await cache.load(upper, 60_000, {}, () => Promise.resolve(++loads)), 1);
      assert.equal(cache.peek(upper), 1);
      assert.equal(loads, 1);
    });

    it('shares one request in flight between the two cases', async () => {
      const cache = new ResponseCache();
      const pending = deferred<string>();
      let loads = 0;
      const start = () => (loads++, pending.promise);
      const calls = [cache.load(lower, 60_000, {}, start), cache.load(upper, 60_000, {}, start)];
      pending.resolve('one');
      assert.deepEqual(await Promise.all(calls), ['one', 'one']);
      assert.equal(loads, 1);
    });

    it('invalidates a customer, or a tenant, named in another case', async () => {
      const cache = new ResponseCache();
      const list = { tenant: 'contoso.onmicrosoft.com', id: 'customers page 1' };
      for (const k of [lower, list]) await cache.load(k, 60_000, {}, () => Promise.resolve(k.id));
      cache.invalidate(upper.tenant, upper.customerId);
      assert.deepEqual([cache.peek(lower), cache.peek(list)], [undefined, list.id]);
      cache.invalidate('CONTOSO.onmicrosoft.com');
      assert.equal(cache.peek(list), undefined);
    });

    it('cancels the flights of a tenant named in another case', async () => {
      const cache = new ResponseCache();
      // As a real request does: it starts after the call returns, and fails once its signal is aborted.
      const untilAborted = (signal: AbortSignal) =>
        new Promise((_, reject) => (signal.aborted ? reject(signal.reason) : signal.addEventListener('abort', () => reject(signal.reason))));
      const call = cache.load(lower, 60_000, {}, untilAborted);
      cache.cancelFlights(upper.tenant);
      await assert.rejects(call, (error: unknown) => error instanceof PartnerCenterError && error.kind === 'cancelled');
    });

    it('keeps a result about the tenant apart from one about a customer with the same id', async () => {
      const cache = new ResponseCache();
      const tenantWide = { tenant: lower.tenant, id: 'customer' };
      await cache.load(lower, 60_000, {}, () => Promise.resolve('the customer'));
      await cache.load(tenantWide, 60_000, {}, () => Promise.resolve('the tenant'));
      assert.deepEqual([cache.peek(lower), cache.peek(tenantWide)], ['the customer', 'the tenant']);
    });
  });
});

describe('response cache: callers who give up, writes, and requests overtaken', () => {
  const key = { tenant: 't', id: 'customer c', customerId: 'c' };
  const caches: ResponseCache[] = [];
  const make = (options: ConstructorParameters<typeof ResponseCache>[0] = {}) => {
    const cache = new ResponseCache(options);
    caches.push(cache);
    return cache;
  };
  afterEach(() => {
    for (const cache of caches.splice(0)) cache.dispose();
  });

  /** A request the test answers by hand, which records whether its signal was aborted (and does not stop then). */
  function request<T>() {
    let resolve!: (value: T) => void;
    let reject!: (error: unknown) => void;
    const answer = new Promise<T>((ok, fail) => ((resolve = ok), (reject = fail)));
    const state = { started: 0, aborted: false };
    const start = (signal: AbortSignal) => {
      state.started++;
      signal.addEventListener('abort', () => (state.aborted = true));
      return answer;
    };
    return { start, state, resolve, reject };
  }
  /**
   * Once a request's answer is in, the cache settles it in promise callbacks only (no timer): they have all run
   * when an immediate fires. The barrier for checking that something was not stored.
   */
  const settled = () => new Promise((resolve) => setImmediate(resolve));
  const isCancelled = (error: unknown) => error instanceof PartnerCenterError && error.kind === 'cancelled';

  /** After the old request has gone, a later caller joins the refresh still in flight instead of sending its own. */
  async function laterCallerJoins(
    cache: ResponseCache,
    refresh: ReturnType<typeof request<string>>,
    refreshing: Promise<string>,
    ttlMs = 60_000,
  ): Promise<void> {
    const joined = request<string>();
    const later = cache.load(key, ttlMs, {}, joined.start);
    refresh.resolve('refreshed');
    assert.deepEqual(await Promise.all([refreshing, later]), ['refreshed', 'refreshed']);
    assert.equal(joined.state.started, 0, 'the later call joined the refresh');
  }

  it('refuses at once a load whose signal is already aborted, sending nothing', async () => {
    const cache = make();
    const controller = new AbortController();
    controller.abort();
    const pending = request<string>();
    await assert.rejects(cache.load(key, 60_000, { signal: controller.signal }, pending.start), isCancelled);
    assert.equal(pending.state.started, 0);
  });

  it('aborts a shared request only when every caller has given up', async () => {
    const cache = make();
    const pending = request<string>();
    const [a, b] = [new AbortController(), new AbortController()];
    const first = settle(cache.load(key, 60_000, { signal: a.signal }, pending.start));
    const second = settle(cache.load(key, 60_000, { signal: b.signal }, pending.start));
    await waitFor('the request', () => (pending.state.started === 1 ? true : undefined), 5_000);
    a.abort();
    const firstOutcome = await first;
    assert.ok(!firstOutcome.ok && isCancelled(firstOutcome.error), 'the caller who left is cancelled at once');
    assert.equal(pending.state.aborted, false, 'the other caller still wants it');
    b.abort();
    const secondOutcome = await second;
    assert.ok(!secondOutcome.ok && isCancelled(secondOutcome.error));
    assert.equal(pending.state.aborted, true, 'nobody wants it: stopped');
    assert.equal(pending.state.started, 1);
  });

  it('gives the answer to the callers who stayed, and keeps it', async () => {
    const cache = make();
    const pending = request<string>();
    const leaving = new AbortController();
    const left = settle(cache.load(key, 60_000, { signal: leaving.signal }, pending.start));
    const stayed = cache.load(key, 60_000, { signal: new AbortController().signal }, pending.start);
    leaving.abort();
    await left;
    pending.resolve('answer');
    assert.equal(await stayed, 'answer');
    assert.equal(cache.peek(key), 'answer');
    assert.equal(pending.state.aborted, false);
  });

  it('does not let a new caller join a request everyone gave up on', async () => {
    const cache = make();
    const abandoned = request<string>();
    const controller = new AbortController();
    const gaveUp = settle(cache.load(key, 60_000, { signal: controller.signal }, abandoned.start));
    await waitFor('the request', () => (abandoned.state.started === 1 ? true : undefined), 5_000);
    controller.abort();
    await gaveUp;
    const next = request<string>();
    const later = cache.load(key, 60_000, {}, next.start);
    next.resolve('fresh');
    assert.equal(await later, 'fresh', 'a new request');
    assert.equal(abandoned.state.started, 1);
  });

  it('does not keep the late answer of a request everyone gave up on', async () => {
    const cache = make();
    const abandoned = request<string>();
    const controller = new AbortController();
    const gaveUp = settle(cache.load(key, 60_000, { signal: controller.signal }, abandoned.start));
    await waitFor('the request', () => (abandoned.state.started === 1 ? true : undefined), 5_000);
    controller.abort();
    await gaveUp;
    abandoned.resolve('late'); // as a server may, when the abort came too late
    await settled();
    assert.equal(cache.size, 0, 'not stored');
    // Positive control in the same run: the same answer to a caller who stayed is stored.
    const kept = request<string>();
    const stayed = cache.load(key, 60_000, {}, kept.start);
    kept.resolve('kept');
    assert.equal(await stayed, 'kept');
    await settled();
    assert.equal(cache.size, 1);
  });

  it('lets a caller who gives up on an old request leave without cutting a newer one off from later callers', async () => {
    const cache = make();
    const old = request<string>();
    const refresh = request<string>();
    const controller = new AbortController();
    const oldCall = settle(cache.load(key, 60_000, { signal: controller.signal }, old.start));
    const refreshing = cache.load(key, 60_000, { bypassCache: true }, refresh.start);
    controller.abort();
    await oldCall;
    await laterCallerJoins(cache, refresh, refreshing);
  });

  it('lets an old request that finishes leave a newer one in flight for later callers', async () => {
    const cache = make();
    const old = request<string>();
    const refresh = request<string>();
    const first = cache.load(key, 60_000, {}, old.start);
    const refreshing = cache.load(key, 60_000, { bypassCache: true }, refresh.start);
    old.resolve('old');
    assert.equal(await first, 'old');
    await laterCallerJoins(cache, refresh, refreshing, 0);
  });

  it('lets an old request that fails leave a newer one in flight for later callers', async () => {
    const cache = make();
    const old = request<string>();
    const refresh = request<string>();
    const first = settle(cache.load(key, 60_000, {}, old.start));
    const refreshing = cache.load(key, 60_000, { bypassCache: true }, refresh.start);
    old.reject(new Error('503'));
    assert.equal((await first).ok, false);
    await laterCallerJoins(cache, refresh, refreshing);
  });

  it('keeps a written result over the answer of a request that started before the write', async () => {
    const cache = make();
    const older = request<string>();
    const loading = cache.load(key, 60_000, {}, older.start);
    cache.set(key, 'written', 60_000);
    assert.equal(cache.peek(key), 'written');
    older.resolve('stale read');
    assert.equal(await loading, 'stale read', 'its caller still gets it');
    assert.equal(cache.peek(key), 'written');
  });

  it('does not store a write when caching is off, nor let it push out what is cached', async () => {
    const cache = make({ maxWeight: 1 });
    const other = { tenant: 't', id: 'customers page 1' };
    await cache.load(other, 60_000, {}, () => Promise.resolve('page'));
    cache.set(key, 'written', 0);
    await cache.load(key, 0, {}, () => Promise.resolve('not kept'));
    assert.equal(cache.size, 1);
    assert.equal(cache.peek(other), 'page');
    assert.equal(cache.peek(key), undefined);
  });

  it('does not store the answer of a request invalidated in flight', async () => {
    const cache = make();
    const pending = request<string>();
    const loading = cache.load(key, 60_000, {}, pending.start);
    cache.invalidate('t', 'c');
    pending.resolve('before');
    assert.equal(await loading, 'before');
    await settled();
    assert.equal(cache.peek(key), undefined);
    assert.equal(cache.size, 0);
  });

  it('cancels the requests in flight of one tenant, or of all, and keeps what is cached', async () => {
    const cache = make();
    const cached = { tenant: 't', id: 'customers page 1' };
    await cache.load(cached, 60_000, {}, () => Promise.resolve('page'));
    const untilAborted = (signal: AbortSignal) => new Promise<string>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
    const tCall = settle(cache.load(key, 60_000, {}, untilAborted));
    const other = request<string>();
    const uCall = settle(cache.load({ tenant: 'u', id: 'customer c', customerId: 'c' }, 60_000, {}, (signal) => (other.start(signal), untilAborted(signal))));
    await waitFor('the request of u', () => (other.state.started === 1 ? true : undefined), 5_000);
    cache.cancelFlights('t');
    const tOutcome = await tCall;
    assert.ok(!tOutcome.ok && isCancelled(tOutcome.error));
    assert.equal(other.state.aborted, false, 'another tenant’s request goes on');
    assert.equal(cache.peek(cached), 'page', 'cached results stay');
    cache.cancelFlights();
    assert.equal(other.state.aborted, true, 'all tenants');
    const uOutcome = await uCall;
    assert.ok(!uOutcome.ok && isCancelled(uOutcome.error));
    // A new call starts a new request rather than joining the cancelled one.
    const again = request<string>();
    const next = cache.load(key, 60_000, {}, again.start);
    again.resolve('again');
    assert.equal(await next, 'again');
  });

  it('forgets what is cached and does not store what was in flight when cleared', async () => {
    const cache = make();
    await cache.load({ tenant: 't', id: 'customers page 1' }, 60_000, {}, () => Promise.resolve('page'));
    const pending = request<string>();
    const loading = cache.load(key, 60_000, {}, pending.start);
    cache.clear();
    assert.equal(cache.size, 0);
    const fresh = request<string>();
    const after = cache.load(key, 60_000, {}, fresh.start);
    pending.resolve('before');
    assert.equal(await loading, 'before');
    await settled();
    assert.equal(cache.size, 0, 'not stored');
    fresh.resolve('after');
    assert.equal(await after, 'after', 'a new request, not the cleared one');
    assert.equal(cache.peek(key), 'after');
  });

  it('keeps sweeping while fresh entries remain, until they expire too', async () => {
    let now = 1000;
    const cache = make({ now: () => now, sweepEveryMs: 5 });
    await cache.load({ tenant: 't', id: 'short' }, 100, {}, () => Promise.resolve(1));
    await cache.load({ tenant: 't', id: 'long' }, 1000, {}, () => Promise.resolve(2));
    now += 100;
    await waitFor('the first sweep', () => (cache.size === 1 ? true : undefined), 5_000);
    now += 900;
    await waitFor('the second sweep', () => (cache.size === 0 ? true : undefined), 5_000);
  });

  it('gives a caller who can cancel the error of a request that failed', async () => {
    const cache = make();
    const failing = request<string>();
    const call = cache.load(key, 60_000, { signal: new AbortController().signal }, failing.start);
    failing.reject(new Error('503'));
    await assert.rejects(call, /503/);
  });

  it('keeps a write over the answer of an older read that was not to be kept (cacheSeconds 0)', async () => {
    const cache = make();
    const older = request<string>();
    const reading = cache.load(key, 0, {}, older.start);
    cache.set(key, 'written', 60_000);
    older.resolve('stale read');
    assert.equal(await reading, 'stale read');
    await settled();
    assert.equal(cache.peek(key), 'written');
  });

  it('invalidating one customer leaves the requests of others in flight, and keeps their answers', async () => {
    const cache = make();
    const otherKey = { tenant: 'u', id: 'customer c', customerId: 'c' };
    const mine = request<string>();
    const theirs = request<string>();
    const mineCall = cache.load(key, 60_000, {}, mine.start);
    const theirsCall = cache.load(otherKey, 60_000, {}, theirs.start);
    cache.invalidate('t', 'c');
    // A second call for the other customer still joins its request.
    const joined = request<string>();
    const joining = cache.load(otherKey, 60_000, {}, joined.start);
    mine.resolve('mine');
    theirs.resolve('theirs');
    assert.deepEqual(await Promise.all([mineCall, theirsCall, joining]), ['mine', 'theirs', 'theirs']);
    assert.equal(joined.state.started, 0);
    await settled();
    assert.deepEqual([cache.peek(key), cache.peek(otherKey)], [undefined, 'theirs']);
  });

  it('does not keep an answer that still comes for a request whose flights were cancelled', async () => {
    const cache = make();
    const late = request<string>();
    const call = cache.load(key, 60_000, {}, late.start);
    await waitFor('the request', () => (late.state.started === 1 ? true : undefined), 5_000);
    cache.cancelFlights('t');
    assert.equal(late.state.aborted, true);
    late.resolve('read just before the abort');
    await call;
    await settled();
    assert.equal(cache.size, 0, 'not stored');
  });
});

