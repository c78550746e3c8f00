import assert from 'node:assert/strict';
import { isCancellation } from '../../../src/api/errors';
import { MAX_IN_FLIGHT, RollingWindowGate, type SendSlot, unansweredMarginMs } from '../../../src/api/rollingWindow';
import { monotonicNow } from '../../../src/api/timing';
import { settle } from './support';

// The gate alone, with real timers and short windows: when a send may start relative to earlier ones.

/** Resolves with the time the gate granted the call. */
const grantTime = (gate: RollingWindowGate, signal?: AbortSignal) => gate.acquire(signal).then((slot) => ({ slot, at: monotonicNow() }));

/** Lets every grant already due resolve (grants happen synchronously in the gate, then in promise callbacks). */
const eventLoopTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('rolling-window gate', () => {
  it('lets N sends go at once, then the next one a window after the oldest was answered', async () => {
    const gate = new RollingWindowGate({ requests: 2, windowMs: 100 });
    const first = await grantTime(gate);
    const second = await grantTime(gate);
    assert.ok(second.at - first.at < 50, 'the first two go at once (within half a window)');
    const third = grantTime(gate);
    await new Promise((resolve) => setTimeout(resolve, 30));
    first.slot.answered();
    const answeredAt = monotonicNow();
    second.slot.answered();
    // Within the next window: before a timer for the end of that window, set now under the same load, fires.
    const nextWindowOver = new Promise<'timer'>((resolve) => setTimeout(() => resolve('timer'), 200));
    assert.equal(await Promise.race([third.then(() => 'grant' as const), nextWindowOver]), 'grant', 'not granted within the next window');
    const granted = await third;
    assert.ok(granted.at - answeredAt >= 100, `third waited ${granted.at - answeredAt} ms after the oldest answer`);
    gate.dispose();
  });

  it('waits for the oldest request while it is in flight: its arrival time is not known yet', async () => {
    const gate = new RollingWindowGate({ requests: 1, windowMs: 50 });
    const first = await grantTime(gate);
    const second = grantTime(gate);
    await new Promise((resolve) => setTimeout(resolve, 120));
    assert.equal(gate.waiting, 1, 'still held after more than a window');
    first.slot.answered();
    const answeredAt = monotonicNow();
    assert.ok((await second).at - answeredAt >= 50);
    gate.dispose();
  });

  it('keeps at most MAX_IN_FLIGHT sends in flight, the next going when one settles, however large the window', async () => {
    const gate = new RollingWindowGate({ requests: 500, windowMs: 60_000 });
    const granted: SendSlot[] = [];
    const calls = Array.from({ length: MAX_IN_FLIGHT + 2 }, () => gate.acquire().then((slot) => granted.push(slot)));
    await eventLoopTurn();
    assert.equal(granted.length, MAX_IN_FLIGHT, 'the rest wait although the window allows them');
    assert.equal(gate.waiting, 2);
    granted[0]!.answered();
    await eventLoopTurn();
    assert.equal(granted.length, MAX_IN_FLIGHT + 1, 'an answer lets exactly one more go');
    granted[1]!.failed();
    await Promise.all(calls);
    assert.equal(gate.waiting, 0);
    gate.dispose();
  });

  it('counts a request that got no response with an extra margin: it may still arrive', async () => {
    assert.equal(unansweredMarginMs(1000), 15);
    assert.equal(unansweredMarginMs(60_000), 600);
    assert.equal(unansweredMarginMs(3_600_000), 1000);
    const gate = new RollingWindowGate({ requests: 1, windowMs: 100 });
    const first = await grantTime(gate);
    const second = grantTime(gate);
    first.slot.failed();
    const failedAt = monotonicNow();
    assert.ok((await second).at - failedAt >= 115);
    gate.dispose();
  });

  it('holds every send during a pause, which only ever extends', async () => {
    const gate = new RollingWindowGate({ requests: 10, windowMs: 1000 });
    const pausedAt = monotonicNow();
    gate.pause(pausedAt + 100);
    gate.pause(pausedAt + 10);
    assert.ok(gate.pausedUntil >= pausedAt + 100);
    const granted = await grantTime(gate);
    assert.ok(granted.at - pausedAt >= 100);
    assert.equal(gate.pausedUntil, 0, 'the pause is over');
    gate.dispose();
  });

  it('withdraws an aborted waiter without taking a slot, and rejects all waiters on demand', async () => {
    const gate = new RollingWindowGate({ requests: 1, windowMs: 60_000 });
    const first = await grantTime(gate);
    const controller = new AbortController();
    const aborted = settle(gate.acquire(controller.signal));
    const dropped = settle(gate.acquire());
    controller.abort();
    assert.ok(isCancellation(((await aborted) as { error: unknown }).error));
    assert.equal(gate.waiting, 1);
    gate.rejectAll(new Error('signed out'));
    assert.match(String(((await dropped) as { error: unknown }).error), /signed out/);
    first.slot.answered();
    gate.dispose();
  });

  it('estimates when queued sends will go', async () => {
    const gate = new RollingWindowGate({ requests: 2, windowMs: 1000 });
    assert.equal(gate.estimateWaitMs(2), 0, 'two fit in an empty window');
    const slots = [await gate.acquire(), await gate.acquire()];
    const answeredAt = monotonicNow();
    for (const slot of slots) slot.answered();
    const third = gate.estimateWaitMs(1);
    const fifth = gate.estimateWaitMs(3);
    // A window after the answers, plus the gate's 1 ms margin taken twice (when the answer counts, and the bound
    // on it), per window: exact but for the time this test itself took since the answers (measured, not assumed).
    const since = monotonicNow() - answeredAt;
    assert.ok(third <= 1002 && third >= 1002 - since - 1, `${third} ms for the third (${since} ms since the answers)`);
    assert.ok(fifth <= 2004 && fifth >= 2004 - since - 1, `${fifth} ms for the fifth (${since} ms since the answers)`);
    gate.dispose();
  });

  it('estimates the wait of a queued send during a 429 pause from the pause’s end', async () => {
    let now = 0;
    const gate = new RollingWindowGate({ requests: 10, windowMs: 1000 }, () => now);
    gate.pause(500);
    assert.deepEqual([gate.estimateWaitMs(1), gate.estimateWaitMs(3)], [500, 500], 'all of them go when it ends');
    now = 200;
    assert.equal(gate.estimateWaitMs(1), 300);
    now = 500;
    assert.equal(gate.estimateWaitMs(1), 0, 'over');
    gate.dispose();
  });

  it('strict pacing spaces the sends after a spent burst window/requests apart; windowed sends them as the window allows', async () => {
    // A fake clock: the estimate is computed from the send log alone, so both pacings are compared exactly.
    const estimates: Record<string, number[]> = {};
    for (const pacing of ['windowed', 'strict'] as const) {
      let now = 0;
      const gate = new RollingWindowGate({ requests: 2, windowMs: 200 }, () => now, pacing);
      (await gate.acquire()).answered();
      now = 150;
      (await gate.acquire()).answered(); // the burst of 2 is spent, its last send 150 ms in
      estimates[pacing] = [gate.estimateWaitMs(1), gate.estimateWaitMs(2)];
      gate.dispose();
    }
    // Windowed: the third goes when the first send leaves the window (200 ms + two 1 ms margins), the fourth when the second does.
    assert.deepEqual(estimates['windowed'], [52, 202]);
    // Strict: the third waits 100 ms (200 / 2) after the second send; the fourth is then held by the window.
    assert.deepEqual(estimates['strict'], [100, 202]);
  });

  it('waits out a pause longer than a timer can hold without re-arming in a loop or warning', async () => {
    // Node fires a timer of more than 2^31-1 ms after 1 ms (with a TimeoutOverflowWarning).
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    const realSetTimeout = globalThis.setTimeout;
    let armed = 0;
    globalThis.setTimeout = ((...args: Parameters<typeof setTimeout>) => {
      armed++;
      return realSetTimeout(...args);
    }) as typeof setTimeout;
    const gate = new RollingWindowGate({ requests: 1, windowMs: 1000 });
    try {
      gate.pause(monotonicNow() + 99_999_999_000); // Retry-After: 99999999
      const waiting = settle(gate.acquire());
      await new Promise((resolve) => realSetTimeout(resolve, 100));
      assert.equal(gate.waiting, 1, 'still held by the pause');
      assert.ok(armed <= 2, `the gate armed ${armed} timers in 100 ms`);
      assert.deepEqual(warnings, []);
      gate.dispose();
      assert.ok(isCancellation(((await waiting) as { error: unknown }).error));
    } finally {
      globalThis.setTimeout = realSetTimeout;
      process.off('warning', onWarning);
      gate.dispose();
    }
  });
});
