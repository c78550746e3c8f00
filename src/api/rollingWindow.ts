import { PartnerCenterError } from './errors';
import { monotonicNow, setTimer } from './timing';

// The hard guarantee behind the rate limiter: never more than `requests` requests ARRIVE at the server
// in any rolling window of `windowMs`. It is also the queue: a call withdrawn while waiting leaves no trace
// (no reservation, no slot), so it costs the budget nothing and the estimate stays true.
//
// When request k arrived is unknown, but it is bounded: not before it was sent, and not after its response
// came back. So request k+N may go once `answeredAt(k) + window` has passed: then even a request k that
// arrived at the last possible moment has left the server's window. Timer jitter, event-loop stalls and
// slow connection set-up only make that bound later, never wrong (measured: a fixed margin on SEND times
// still let 52 of 50 through on a burst that opened 50 connections; see test/bench).

export interface WindowLimits {
  readonly requests: number;
  readonly windowMs: number;
}

/** One send's place in the window. Call `answered()` when its response headers arrive, `failed()` otherwise. */
export interface SendSlot {
  answered(): void;
  failed(): void;
}

interface Slot {
  readonly sentAt: number;
  /** Latest moment the server can have received the request; undefined while in flight. */
  arrivedBy: number | undefined;
}

/**
 * `windowed` sends as soon as the window allows; `strict` also spreads sends `window/requests` apart once a
 * burst of `requests` has gone (a new burst after a quiet window).
 */
export type Pacing = 'windowed' | 'strict';

/** A 429 pause longer than `maxWaitMs` is not waited out: the call fails with `error(remainingMs)` instead. */
export interface LongPauseRule {
  readonly maxWaitMs: number;
  readonly error: (remainingMs: number) => Error;
}

interface Waiter {
  readonly longPause?: LongPauseRule;
  readonly grant: (slot: SendSlot) => void;
  readonly reject: (reason: unknown) => void;
}

/**
 * At most this many of one tenant's requests in flight at once. Without it a whole window's allowance (up to
 * 500) left in one burst, and every other tenant's request then waited behind them at the server and in
 * response parsing (measured by `npm run bench`, tenant isolation: 2.6 s behind 200). 16 in flight still
 * carry 500 per minute with round trips of up to 1.9 s.
 */
export const MAX_IN_FLIGHT = 16;

/** Added to `answeredAt`: the server's window edge may be inclusive, and clocks tick in whole milliseconds. */
const ANSWERED_MARGIN_MS = 1;

/**
 * A request that got no response (aborted in flight, timed out, connection reset) may still reach the server
 * up to one network trip after we gave up on it: 1 % of the window, at least 15 ms, at most 1 s.
 */
export function unansweredMarginMs(windowMs: number): number {
  return Math.min(1000, Math.max(15, windowMs * 0.01));
}

/**
 * One tenant's send log and FIFO gate. Serialized: waiters are granted strictly in order, one at a time,
 * and each grant records the send before anything else can be granted.
 */
export class RollingWindowGate {
  private readonly slots: Slot[] = [];
  private readonly waiters: Waiter[] = [];
  private heldUntil = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Sends of the current burst (strict pacing). */
  private burst = 0;

  constructor(
    private limits: WindowLimits,
    private readonly now: () => number = monotonicNow,
    private readonly pacing: Pacing = 'windowed',
    private readonly maxInFlight = MAX_IN_FLIGHT,
  ) {}

  /** Number of calls waiting at the gate. */
  get waiting(): number {
    return this.waiters.length;
  }

  /** Until when a 429 holds every send (ms, same clock as `now`); 0 when not paused. */
  get pausedUntil(): number {
    return this.heldUntil > this.now() ? this.heldUntil : 0;
  }

  setLimits(limits: WindowLimits): void {
    this.limits = limits;
    this.pump();
  }

  /** Holds every send until `untilMs` (a 429's Retry-After). Only ever extends an existing pause. */
  pause(untilMs: number): void {
    if (untilMs <= this.heldUntil) return;
    this.heldUntil = untilMs;
    // Waiters that would not wait this long fail now, saying why.
    for (const waiter of [...this.waiters]) {
      const error = this.tooLong(waiter.longPause);
      if (error) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.reject(error);
      }
    }
    this.pump();
  }

  /**
   * Resolves when a send may start now, with the slot it occupies. `signal` withdraws the call while it waits
   * (rejects with a cancellation and takes no slot). With `longPause`, a pause longer than it allows fails the
   * call at once, whether it stands when the call arrives or comes while it waits.
   */
  acquire(signal?: AbortSignal, longPause?: LongPauseRule): Promise<SendSlot> {
    return new Promise<SendSlot>((resolve, reject) => {
      if (signal?.aborted) {
        reject(PartnerCenterError.cancelled());
        return;
      }
      const tooLong = this.tooLong(longPause);
      if (tooLong) {
        reject(tooLong);
        return;
      }
      const onAbort = () => {
        this.remove(waiter);
        reject(PartnerCenterError.cancelled());
      };
      const waiter: Waiter = {
        longPause,
        grant: (slot) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(slot);
        },
        reject: (reason) => {
          signal?.removeEventListener('abort', onAbort);
          reject(reason);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
      this.pump();
    });
  }

  /** Rejects every waiter (sign-out, tenant cancelled). Sends already made stay in the log: the server counted them. */
  rejectAll(reason: unknown): void {
    for (const waiter of this.waiters.splice(0)) waiter.reject(reason);
    this.pump();
  }

  /**
   * When the `count`-th call from now (beyond those already waiting) could start if nothing else happened:
   * milliseconds from now. In-flight sends are assumed answered now. Used for queue ETAs.
   */
  estimateWaitMs(count: number): number {
    const now = this.now();
    const { requests, windowMs } = this.limits;
    const bounds = this.slots.slice(-requests).map((slot) => (slot.arrivedBy ?? now) + ANSWERED_MARGIN_MS);
    let start = now;
    let last = this.slots.at(-1)?.sentAt;
    let burst = this.burst;
    for (let i = 0; i < this.waiters.length + count; i++) {
      const oldest = bounds.length >= requests ? bounds[bounds.length - requests]! + windowMs : now;
      start = Math.max(start, now, this.heldUntil, oldest);
      const spaced = this.spacedFrom(last, burst, start);
      burst = spaced === undefined ? 1 : burst + 1;
      start = Math.max(start, spaced ?? start);
      last = start;
      bounds.push(start + ANSWERED_MARGIN_MS);
    }
    return start - now;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.rejectAll(PartnerCenterError.cancelled());
  }

  private remove(waiter: Waiter): void {
    const index = this.waiters.indexOf(waiter);
    if (index >= 0) this.waiters.splice(index, 1);
    this.pump();
  }

  /** Grants the head waiter(s) whose time has come; otherwise arms one timer (or waits for a settle). */
  private pump(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    while (this.waiters.length > 0) {
      const readyAt = this.readyAt();
      if (readyAt === undefined) return; // waits on a send in flight (the oldest counted, or the in-flight cap): its settle pumps again
      const wait = readyAt - this.now();
      if (wait > 0) {
        // A timer may fire a fraction early, or early because capped (setTimer): pump re-checks and re-arms.
        this.timer = setTimer(() => this.pump(), wait);
        return;
      }
      this.waiters.shift()!.grant(this.record());
    }
  }

  /** Earliest start for the next send, or undefined while that depends on a request still in flight. */
  private readyAt(): number | undefined {
    const { requests, windowMs } = this.limits;
    if (this.slots.length > requests) this.slots.splice(0, this.slots.length - requests);
    // Every in-flight send is among the last `requests` slots: a slot leaves only once it has settled.
    if (this.slots.filter((slot) => slot.arrivedBy === undefined).length >= this.maxInFlight) return undefined;
    const spaced = this.spacedFrom(this.slots.at(-1)?.sentAt, this.burst, this.now()) ?? 0;
    if (this.slots.length < requests) return Math.max(this.heldUntil, spaced);
    const oldest = this.slots[0]!;
    if (oldest.arrivedBy === undefined) return undefined;
    return Math.max(this.heldUntil, oldest.arrivedBy + windowMs, spaced);
  }

  /**
   * Strict pacing: the earliest start `window/requests` after the last send once a burst is spent; undefined
   * when not spacing (windowed pacing, a burst not spent, or a quiet window since `lastSentAt` starts a new one).
   */
  private spacedFrom(lastSentAt: number | undefined, burst: number, at: number): number | undefined {
    const { requests, windowMs } = this.limits;
    if (this.pacing !== 'strict' || lastSentAt === undefined || at - lastSentAt > windowMs) return undefined;
    return burst < requests ? lastSentAt : lastSentAt + windowMs / requests;
  }

  private tooLong(rule: LongPauseRule | undefined): Error | undefined {
    const remainingMs = this.heldUntil - this.now();
    return rule && remainingMs > rule.maxWaitMs ? rule.error(remainingMs) : undefined;
  }

  private record(): SendSlot {
    const last = this.slots.at(-1)?.sentAt;
    this.burst = last === undefined || this.now() - last > this.limits.windowMs ? 1 : this.burst + 1;
    const slot: Slot = { sentAt: this.now(), arrivedBy: undefined };
    if (this.slots.length >= this.limits.requests) this.slots.shift();
    this.slots.push(slot);
    const settle = (margin: number) => {
      if (slot.arrivedBy !== undefined) return;
      slot.arrivedBy = Math.max(slot.sentAt, this.now()) + margin;
      this.pump();
    };
    return {
      answered: () => settle(ANSWERED_MARGIN_MS),
      failed: () => settle(unansweredMarginMs(this.limits.windowMs)),
    };
  }
}
