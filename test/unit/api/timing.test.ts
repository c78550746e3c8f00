import assert from 'node:assert/strict';
import { isCancellation } from '../../../src/api/errors';
import { backoffDelay, parseRetryAfter, sleep } from '../../../src/api/timing';

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

  it('backs off exponentially, capped, with full or partial jitter', () => {
    assert.equal(backoffDelay(0, 100, { random: () => 1 }), 100);
    assert.equal(backoffDelay(3, 100, { random: () => 1 }), 800);
    assert.equal(backoffDelay(3, 100, { random: () => 0 }), 0, 'full jitter can retry at once');
    assert.equal(backoffDelay(3, 100, { random: () => 0, fixedShare: 0.5 }), 400, 'half is kept');
    assert.equal(backoffDelay(20, 100, { random: () => 1, capMs: 5000 }), 5000);
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
});
