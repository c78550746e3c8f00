// Partner Center's per-tenant limit ("500 requests per minute per tenant identifier"), counted the strict way:
// over ANY rolling window, by arrival time, so a client that bursts at a fixed-bucket boundary is caught.

export interface RateLimit {
  readonly requests: number;
  readonly windowMs: number;
}

export type Admission = { admitted: true } | { admitted: false; retryAfterSeconds: number };

export class RollingWindowLimiter {
  /** Arrival times of admitted requests per tenant, oldest first. */
  private readonly admittedAt = new Map<string, number[]>();

  constructor(private limit: RateLimit) {}

  get current(): RateLimit {
    return this.limit;
  }

  /** New limits start from empty windows. */
  configure(limit: RateLimit): void {
    this.limit = limit;
    this.admittedAt.clear();
  }

  /**
   * Admits a request arriving at `now` (ms) unless `requests` were already admitted in the window ending at
   * `now`. A refused request is not counted: only admitted ones fill the window.
   */
  admit(tenant: string, now: number): Admission {
    const { requests, windowMs } = this.limit;
    let times = this.admittedAt.get(tenant);
    if (!times) {
      times = [];
      this.admittedAt.set(tenant, times);
    }
    // A request admitted at t counts for arrivals in [t, t + windowMs).
    let expired = 0;
    while (expired < times.length && times[expired] <= now - windowMs) expired++;
    if (expired > 0) times.splice(0, expired);
    if (times.length >= requests) {
      const waitMs = times[0] + windowMs - now;
      return { admitted: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
    }
    times.push(now);
    return { admitted: true };
  }
}
