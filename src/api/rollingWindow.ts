import { PartnerCenterError } from './errors';
import { monotonicNow } from './timing';

// The hard guarantee behind the rate limiter: never more than `requests` requests ARRIVE at the server
// in any rolling window of `windowMs`. p-throttle (in rateLimiter.ts) only paces; this decides.
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

interface Waiter {
  readonly grant: (slot: SendSlot) => void;
  readonly reject: (reason: unknown) => void;
}

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

  constructor(
    private limits: WindowLimits,
    private readonly now: () => number = monotonicNow,
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
    this.pump();
  }

  /**
   * Resolves when a send may start now, with the slot it occupies. `signal` withdraws the call while it waits
   * (rejects with a cancellation and takes no slot).
   */
  acquire(signal?: AbortSignal): Promise<SendSlot> {
    return new Promise<SendSlot>((resolve, reject) => {
      if (signal?.aborted) {
        reject(PartnerCenterError.cancelled());
        return;
      }
      const onAbort = () => {
        this.remove(waiter);
        reject(PartnerCenterError.cancelled());
      };
      const waiter: Waiter = {
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
    for (let i = 0; i < this.waiters.length + count; i++) {
      const oldest = bounds.length >= requests ? bounds[bounds.length - requests]! + windowMs : now;
      start = Math.max(start, now, this.heldUntil, oldest);
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
      if (readyAt === undefined) return; // the oldest counted send is still in flight: its settle pumps again
      const wait = readyAt - this.now();
      if (wait > 0) {
        // setTimeout may fire a fraction early; pump re-checks and re-arms.
        this.timer = setTimeout(() => this.pump(), Math.ceil(wait));
        return;
      }
      this.waiters.shift()!.grant(this.record());
    }
  }

  /** Earliest start for the next send, or undefined while that depends on a request still in flight. */
  private readyAt(): number | undefined {
    const { requests, windowMs } = this.limits;
    if (this.slots.length > requests) this.slots.splice(0, this.slots.length - requests);
    if (this.slots.length < requests) return this.heldUntil;
    const oldest = this.slots[0]!;
    if (oldest.arrivedBy === undefined) return undefined;
    return Math.max(this.heldUntil, oldest.arrivedBy + windowMs);
  }

  private record(): SendSlot {
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
