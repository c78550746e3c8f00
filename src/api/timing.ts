import { PartnerCenterError } from './errors';

// Waiting: the clock the limiter and the HTTP layer share, abortable sleeps, backoff delays and Retry-After.

/**
 * Milliseconds since the epoch, monotonic and sub-millisecond (performance.now based), so intervals
 * never jump with the wall clock and compare directly with a server's arrival times on the same machine.
 */
export function monotonicNow(): number {
  return performance.timeOrigin + performance.now();
}

/** The longest delay a timer holds: Node fires a longer one after 1 ms (with a TimeoutOverflowWarning). */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * `setTimeout` with the delay rounded up and capped at MAX_TIMER_MS: every timer in src/api goes through it.
 * A capped timer fires early, so a caller waiting longer re-checks and re-arms (the gate does).
 */
export function setTimer(callback: () => void, ms: number): ReturnType<typeof setTimeout> {
  return setTimeout(callback, Math.min(MAX_TIMER_MS, Math.max(0, Math.ceil(ms))));
}

/** Resolves after `ms` (at most MAX_TIMER_MS: sleeps here are backoffs of seconds), or rejects with a cancellation as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(PartnerCenterError.cancelled());
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(PartnerCenterError.cancelled());
    };
    const timer = setTimer(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Exponential backoff with jitter: `baseMs · 2^retry` (capped), of which a random part is drawn.
 * `fixedShare` 0 is "full jitter" (spreads retries of many clients best); 0.5 keeps at least half the
 * delay, for 429s without Retry-After where an immediate retry is pointless.
 */
export function backoffDelay(
  retry: number,
  baseMs: number,
  options: { capMs?: number; fixedShare?: number; random?: () => number } = {},
): number {
  const ceiling = Math.min(options.capMs ?? 30_000, baseMs * 2 ** retry);
  const fixed = ceiling * (options.fixedShare ?? 0);
  return fixed + (ceiling - fixed) * (options.random ?? Math.random)();
}

/**
 * `Retry-After` as a delay in ms: delta-seconds (`57`, tolerated with a fraction) or an HTTP date.
 * `undefined` when absent or unreadable; never negative.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number = Date.now()): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
  // An HTTP date names its day and month; a bare "-5" is not one, whatever Date.parse thinks.
  const date = /[a-z]{3}/i.test(text) ? Date.parse(text) : NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
