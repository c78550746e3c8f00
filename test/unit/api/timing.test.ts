import assert from 'node:assert/strict';
import { isCancellation } from '../../../src/api/errors';
import { settle } from './support';
import { MAX_TIMER_MS, backoffDelay, monotonicNow, parseRetryAfter, setTimer, sleep } from '../../../src/api/timing';

describe('retry timing', () => {
  it('reads Retry-After as seconds or as an HTTP date, and ignores what it cannot read', () => {
    assert.equal(parseRetryAfter('57'), 57_000);
    assert.equal(parseRetryAfter(' 2 '), 2000);
    assert.equal(parseRetryAfter('0.5'), 500);
    const now = Date.parse('Wed, 21 Oct 2026 07:28:00 GMT');
    assert.equal(parseRetryAfter('Wed, 21 Oct 2026 07:28:03 GMT', now), 3000);
    assert.equal(parseRetryAfter('Wed, 21 Oct 2026 07:27:00 GMT', now), 0, 'a date in the past means now');
    for (const value of [undefined, null, '', 'soon', '-5']) assert.equal(parseRetryAfter(value), undefined, String(value));
  });

  it('reads only whole delta-seconds or a decimal fraction of them, not a number with anything around it', () => {
    assert.equal(parseRetryAfter('0.25'), 250);
    assert.equal(parseRetryAfter('120'), 120_000);
    // A comma, a sign or a unit is not a delay Partner Center sends: better the client's own backoff than NaN or a guess.
    for (const value of ['1,5', '1x5', '+5', '5s', '5 seconds', '1.', '.5', '1e3']) {
      assert.equal(parseRetryAfter(value), undefined, value);
    }
    // An ISO timestamp is not an HTTP date (RFC 9110 names the day and the month).
    assert.equal(parseRetryAfter('2026-10-21T07:28:03Z', Date.parse('2026-10-21T07:28:00Z')), undefined);
    // An HTTP date in upper case is still one.
    const now = Date.parse('Wed, 21 Oct 2026 07:28:00 GMT');
    assert.equal(parseRetryAfter('WED, 21 OCT 2026 07:28:05 GMT', now), 5000);
    assert.ok(Math.abs(parseRetryAfter(new Date(Date.now() + 60_000).toUTCString())! - 60_000) <= 1000, 'measured from now by default');
  });

  it('backs off exponentially, capped, with full or partial jitter', () => {
    assert.equal(backoffDelay(0, 100, { random: () => 1 }), 100);
    assert.equal(backoffDelay(3, 100, { random: () => 1 }), 800);
    assert.equal(backoffDelay(3, 100, { random: () => 0 }), 0, 'full jitter can retry at once');
    assert.equal(backoffDelay(3, 100, { random: () => 0, fixedShare: 0.5 }), 400, 'half is kept');
    assert.equal(backoffDelay(20, 100, { random: () => 1, capMs: 5000 }), 5000);
    assert.equal(backoffDelay(20, 100, { random: () => 1 }), 30_000, 'capped at 30 s by default');
    assert.equal(backoffDelay(3, 100, { random: () => 0.5, fixedShare: 0.5 }), 600, 'the jitter spreads over the rest');
    for (let i = 0; i < 50; i++) {
      const delay = backoffDelay(2, 100);
      assert.ok(delay >= 0 && delay <= 400, String(delay));
    }
  });

  it('sleeps until aborted, then rejects with a cancellation at once', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const sleeping = sleep(10_000, controller.signal);
    setTimeout(() => controller.abort(), 20);
    await assert.rejects(sleeping, (error: unknown) => isCancellation(error));
    assert.ok(Date.now() - started < 1000);
  });

  it('sleeps for the time asked, without a signal too', async () => {
    for (const signal of [undefined, new AbortController().signal]) {
      const started = monotonicNow();
      await sleep(30, signal);
      assert.ok(monotonicNow() - started >= 29, 'not before its time');
    }
  });

  it('rejects at once, without starting a timer, when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    let outcome: Awaited<ReturnType<typeof settle>> | undefined;
    void settle(sleep(10_000, controller.signal)).then((settled) => (outcome = settled));
    // A timer of 0 ms fires after the pending rejection is handled, but long before any 10 s timer.
    await new Promise((resolve) => setTimeout(resolve, 0));
    assert.ok(outcome && !outcome.ok && isCancellation(outcome.error), 'rejected with a cancellation before a 0 ms timer fired');
  });

  it('keeps a timer longer than Node can hold pending (not fired early after 1 ms), and fires a negative one at once', async () => {
    const fired: string[] = [];
    const long = setTimer(() => fired.push('long'), MAX_TIMER_MS * 4);
    const overdue = setTimer(() => fired.push('negative'), -1000);
    try {
      // Timers fire in deadline order: a 20 ms timer is the barrier after which a 1 ms one would have fired.
      await new Promise((resolve) => setTimeout(resolve, 20));
      assert.deepEqual(fired, ['negative']);
    } finally {
      clearTimeout(long);
      clearTimeout(overdue);
    }
  });

  it('tells the time on the wall clock’s scale, so it compares with a server’s arrival times', () => {
    const before = Date.now();
    const now = monotonicNow();
    assert.ok(Math.abs(now - before) < 1000, `${now} vs ${before}`);
    assert.ok(monotonicNow() >= now);
  });
});
