// The gate on a clock the test moves: a 429 pause that waiters would not wait out, a withdrawn waiter, a lowered
// number of requests, and strict pacing's spacing. Nothing waits on a real timer here: a grant is synchronous
// within the gate and shows after one turn of the event loop.
import assert from 'node:assert/strict';
import { isCancellation } from '../../../src/api/errors';
import { type LongPauseRule, type Pacing, RollingWindowGate } from '../../../src/api/rollingWindow';
import { settle } from './support';

const eventLoopTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('rolling-window gate on a moved clock', () => {
  const gates: RollingWindowGate[] = [];
  afterEach(() => gates.splice(0).forEach((gate) => gate.dispose()));

  function gateAt(limits: { requests: number; windowMs: number }, pacing: Pacing = 'windowed') {
    const clock = { now: 0 };
    const gate = new RollingWindowGate(limits, () => clock.now, pacing);
    gates.push(gate);
    return { gate, clock };
  }
  const rule = (maxWaitMs: number): LongPauseRule => ({ maxWaitMs, error: (remainingMs) => new Error(`paused ${remainingMs} ms`) });

  it('a pause longer than a waiter allows fails that waiter now, saying how long; the others keep their place', async () => {
    const { gate } = gateAt({ requests: 1, windowMs: 60_000 });
    (await gate.acquire()).answered();
    const strict = settle(gate.acquire(undefined, rule(1000)));
    const patient = settle(gate.acquire(undefined, rule(100_000)));
    const plain = settle(gate.acquire());
    assert.equal(gate.waiting, 3);
    gate.pause(10_000);
    const outcome = await strict;
    assert.ok(!outcome.ok && (outcome.error as Error).message === 'paused 10000 ms', String(!outcome.ok && outcome.error));
    assert.equal(gate.waiting, 2, 'the patient waiter and the one without a rule still wait');
    gate.dispose();
    for (const other of [await patient, await plain]) assert.ok(!other.ok && isCancellation(other.error));
  });

  it('a call arriving during a pause longer than it allows fails at once, without queueing', async () => {
    const { gate } = gateAt({ requests: 10, windowMs: 60_000 });
    gate.pause(5000);
    const outcome = await settle(gate.acquire(undefined, rule(1000)));
    assert.ok(!outcome.ok && (outcome.error as Error).message === 'paused 5000 ms');
    assert.equal(gate.waiting, 0);
  });

  it('is no longer paused once the pause has ended', () => {
    const { gate, clock } = gateAt({ requests: 10, windowMs: 60_000 });
    gate.pause(100);
    clock.now = 50;
    assert.equal(gate.pausedUntil, 100);
    clock.now = 100;
    assert.equal(gate.pausedUntil, 0);
  });

  it('withdraws a queued call whose caller aborts: rejected with a cancellation, out of the queue', async () => {
    const { gate } = gateAt({ requests: 1, windowMs: 60_000 });
    (await gate.acquire()).answered();
    const controller = new AbortController();
    const queued = settle(gate.acquire(controller.signal));
    assert.equal(gate.waiting, 1);
    controller.abort();
    const outcome = await queued;
    assert.ok(!outcome.ok && isCancellation(outcome.error));
    assert.equal(gate.waiting, 0);
  });

  it('keeps the sends of the window when the number of requests is lowered', async () => {
    const { gate } = gateAt({ requests: 3, windowMs: 60_000 });
    for (let i = 0; i < 3; i++) (await gate.acquire()).answered();
    gate.setLimits({ requests: 1, windowMs: 60_000 });
    void settle(gate.acquire());
    await eventLoopTurn();
    assert.equal(gate.waiting, 1, 'three went within the window: a fourth waits for it to roll');
  });

  for (const pacing of ['strict', 'windowed'] as Pacing[]) {
    it(`${pacing} pacing: once a burst is spent, ${pacing === 'strict' ? 'spaces the next send window/requests after the last' : 'sends as soon as the window has room'}`, async () => {
      const windowMs = 1000;
      const { gate, clock } = gateAt({ requests: 2, windowMs }, pacing);
      (await gate.acquire()).answered();
      clock.now = 900;
      (await gate.acquire()).answered();
      // The first send has left the window: room for one more; the burst of two is spent, its last 102 ms ago.
      clock.now = 1002;
      void settle(gate.acquire());
      await eventLoopTurn();
      if (pacing === 'strict') {
        assert.equal(gate.waiting, 1, 'strict: held until window/requests after the last send');
        assert.equal(gate.estimateWaitMs(0), 900 + windowMs / 2 - clock.now);
      } else {
        assert.equal(gate.waiting, 0, 'windowed: sent at once');
      }
    });
  }

  it('strict pacing: a quiet window starts a new burst, whose sends go at once', async () => {
    const { gate, clock } = gateAt({ requests: 2, windowMs: 1000 }, 'strict');
    (await gate.acquire()).answered();
    (await gate.acquire()).answered();
    clock.now = 5000;
    (await gate.acquire()).answered();
    void settle(gate.acquire());
    await eventLoopTurn();
    assert.equal(gate.waiting, 0, 'the second send of the new burst went at once');
  });
});
