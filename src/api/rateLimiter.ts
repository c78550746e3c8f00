import { tenantKey } from '../customerRef';
import { PartnerCenterError } from './errors';
import type { Logger } from './logger';
import { type LongPauseRule, type Pacing, RollingWindowGate, type WindowLimits } from './rollingWindow';
import { monotonicNow } from './timing';
import type { TenantId } from './types';

export type { LongPauseRule, Pacing, WindowLimits } from './rollingWindow';

// The queue is the gate's own (not p-throttle's): p-throttle reserves a send time when a call is queued and
// cannot give it back, so each withdrawn call delayed every later one by a slot. The gate paces at grant time.

export interface RateLimiterOptions {
  readonly limits: WindowLimits;
  readonly logger?: Logger;
  /** How sends are spread within the limit (see rollingWindow.ts); `windowed` by default (measured by `npm run bench`). */
  readonly pacing?: Pacing;
  /** Waits shorter than this are not logged. */
  readonly logWaitsFromMs?: number;
}

/** One tenant's queue: the rolling-window gate, in FIFO order. */
class TenantLane {
  readonly gate: RollingWindowGate;

  constructor(
    private readonly tenant: TenantId,
    limits: WindowLimits,
    private readonly options: RateLimiterOptions,
  ) {
    this.gate = new RollingWindowGate(limits, monotonicNow, options.pacing);
  }

  get depth(): number {
    return this.gate.waiting;
  }

  setLimits(limits: WindowLimits): void {
    this.gate.setLimits(limits);
  }

  /** Rejects every queued call of this tenant (a cancellation, or a long 429 pause's explanation). */
  cancel(reason: PartnerCenterError = PartnerCenterError.cancelled()): void {
    this.gate.rejectAll(reason);
  }

  async schedule<T>(send: () => Promise<T>, signal?: AbortSignal, longPause?: LongPauseRule): Promise<T> {
    const queuedAt = monotonicNow();
    const slot = await this.gate.acquire(signal, longPause);
    this.logWait(monotonicNow() - queuedAt);
    try {
      const result = await send();
      slot.answered();
      return result;
    } catch (error) {
      slot.failed();
      throw error;
    }
  }

  dispose(): void {
    this.gate.dispose();
  }

  private logWait(waitedMs: number): void {
    if (waitedMs < (this.options.logWaitsFromMs ?? 50)) return;
    this.options.logger?.debug(
      `throttle wait ${(waitedMs / 1000).toFixed(1)} s for tenant ${this.tenant}, ${this.depth} queued`,
    );
  }
}

/**
 * The per-tenant request budget: never more than `requests` requests start in ANY rolling window of
 * `windowMs` as the server counts arrivals, while keeping close to that rate. Tenants never wait on
 * each other (one lane per tenant, created on first use).
 */
export class RateLimiter {
  /** By `tenantKey`: the quota is the partner tenant's, however its id is spelled. */
  private readonly lanes = new Map<string, TenantLane>();
  private limits: WindowLimits;

  constructor(private readonly options: RateLimiterOptions) {
    this.limits = options.limits;
  }

  /** Applies new limits (settings changed); a no-op when they are the same. Queued calls are kept. */
  configure(limits: WindowLimits): void {
    if (limits.requests === this.limits.requests && limits.windowMs === this.limits.windowMs) return;
    this.limits = limits;
    for (const lane of this.lanes.values()) lane.setLimits(limits);
  }

  /**
   * Runs `send` when the tenant's budget allows. `send` should settle when the response headers arrive
   * (resolve) or the attempt fails (reject): that moment bounds when the server saw the request.
   * `signal` rejects the call at once while it is queued; once sent, aborting is `send`'s business.
   * `longPause`: a 429 pause too long to wait out fails the call at once (when it arrives or while queued).
   */
  schedule<T>(tenant: TenantId, send: () => Promise<T>, signal?: AbortSignal, longPause?: LongPauseRule): Promise<T> {
    return this.lane(tenant).schedule(send, signal, longPause);
  }

  /** A 429 said to wait: hold every send of this tenant until `untilMs` (monotonicNow clock). Others are unaffected. */
  pause(tenant: TenantId, untilMs: number): void {
    this.lane(tenant).gate.pause(untilMs);
  }

  /** Until when the tenant is paused by a 429 (monotonicNow clock), or 0. */
  pausedUntil(tenant: TenantId): number {
    return this.lanes.get(tenantKey(tenant))?.gate.pausedUntil ?? 0;
  }

  /** Rejects everything queued for one tenant, or for all (sign-out, settings change, whole-view refresh). */
  cancel(tenant?: TenantId): void {
    if (tenant === undefined) for (const lane of this.lanes.values()) lane.cancel();
    else this.lanes.get(tenantKey(tenant))?.cancel();
  }

  /** Rejects everything queued for one tenant with `error` (a pause too long to wait out): they fail, saying why. */
  failQueued(tenant: TenantId, error: PartnerCenterError): void {
    this.lanes.get(tenantKey(tenant))?.cancel(error);
  }

  /** Calls of this tenant accepted and not yet sent. */
  queueDepth(tenant: TenantId): number {
    return this.lanes.get(tenantKey(tenant))?.depth ?? 0;
  }

  /** Roughly how long until `count` more calls of this tenant (behind those queued) will have been sent, in ms. */
  estimateWaitMs(tenant: TenantId, count = 1): number {
    const lane = this.lanes.get(tenantKey(tenant));
    if (!lane) return new RollingWindowGate(this.limits, monotonicNow, this.options.pacing).estimateWaitMs(count);
    return lane.gate.estimateWaitMs(count);
  }

  dispose(): void {
    for (const lane of this.lanes.values()) lane.dispose();
    this.lanes.clear();
  }

  private lane(tenant: TenantId): TenantLane {
    let lane = this.lanes.get(tenantKey(tenant));
    if (!lane) {
      lane = new TenantLane(tenant, this.limits, this.options);
      this.lanes.set(tenantKey(tenant), lane);
    }
    return lane;
  }
}
