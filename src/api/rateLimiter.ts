import pThrottle from 'p-throttle';
import { tenantKey } from '../customerRef';
import { PartnerCenterError } from './errors';
import type { Logger } from './logger';
import { RollingWindowGate, type WindowLimits } from './rollingWindow';
import { monotonicNow } from './timing';
import type { TenantId } from './types';

export type { WindowLimits } from './rollingWindow';

/**
 * How p-throttle paces calls before the gate: `windowed` (its default mode) releases up to `requests` per fixed
 * window; `strict` spreads calls `window/requests` apart after the first burst. Either way the rolling-window
 * gate decides the actual send times, so both are safe; `windowed` finishes long queues sooner because it does
 * not smear the second window (measured by `npm run bench`).
 */
export type Pacing = 'windowed' | 'strict';

export interface RateLimiterOptions {
  readonly limits: WindowLimits;
  readonly logger?: Logger;
  readonly pacing?: Pacing;
  /** Waits shorter than this are not logged. */
  readonly logWaitsFromMs?: number;
}

type Runner = (job: () => Promise<void>) => Promise<void>;

/** One tenant's queue: p-throttle paces, the gate guarantees, an AbortController cancels what is queued. */
class TenantLane {
  readonly gate: RollingWindowGate;
  private controller = new AbortController();
  private runner: Runner;
  private queued = 0;

  constructor(
    private readonly tenant: TenantId,
    private limits: WindowLimits,
    private readonly options: RateLimiterOptions,
  ) {
    this.gate = new RollingWindowGate(limits);
    this.runner = this.createRunner();
  }

  get depth(): number {
    return this.queued;
  }

  setLimits(limits: WindowLimits): void {
    this.limits = limits;
    this.gate.setLimits(limits);
    // A new p-throttle for new calls; calls the old one still holds keep their place and pass the same gate.
    this.runner = this.createRunner();
  }

  /** Rejects every queued call of this tenant and starts a fresh throttle (an aborted p-throttle no longer throttles). */
  cancel(reason: PartnerCenterError = PartnerCenterError.cancelled()): void {
    this.controller.abort(reason);
    this.gate.rejectAll(reason);
    this.controller = new AbortController();
    this.runner = this.createRunner();
  }

  schedule<T>(send: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(PartnerCenterError.cancelled());
    const queuedAt = monotonicNow();
    this.queued++;
    return new Promise<T>((resolve, reject) => {
      // queued → (sending | withdrawn): exactly one transition leaves the queue.
      let state: 'queued' | 'sending' | 'withdrawn' = 'queued';
      // The lane's reason when it rejects everything (a cancellation, or a long 429 pause); else a cancellation.
      const withdraw = (reason?: unknown) => {
        if (state !== 'queued') return;
        state = 'withdrawn';
        this.queued--;
        signal?.removeEventListener('abort', onAbort);
        reject(reason instanceof PartnerCenterError ? reason : PartnerCenterError.cancelled());
      };
      const onAbort = () => withdraw();
      signal?.addEventListener('abort', onAbort, { once: true });

      const job = async (): Promise<void> => {
        // Released by p-throttle after its caller left: no send, no gate slot.
        if (state !== 'queued') return;
        let slot;
        try {
          slot = await this.gate.acquire(signal);
        } catch (error) {
          withdraw(error);
          return;
        }
        if (state !== 'queued') {
          slot.failed();
          return;
        }
        state = 'sending';
        this.queued--;
        signal?.removeEventListener('abort', onAbort);
        this.logWait(monotonicNow() - queuedAt);
        try {
          const result = await send();
          slot.answered();
          resolve(result);
        } catch (error) {
          slot.failed();
          reject(error);
        }
      };
      // p-throttle rejects only when this lane is cancelled (its signal); the job itself never throws.
      this.runner(job).catch(withdraw);
    });
  }

  dispose(): void {
    this.controller.abort(PartnerCenterError.cancelled());
    this.gate.dispose();
  }

  private createRunner(): Runner {
    const throttle = pThrottle({
      limit: this.limits.requests,
      interval: this.limits.windowMs,
      strict: this.options.pacing === 'strict',
      signal: this.controller.signal,
    });
    return throttle((job: () => Promise<void>) => job());
  }

  private logWait(waitedMs: number): void {
    if (waitedMs < (this.options.logWaitsFromMs ?? 50)) return;
    this.options.logger?.debug(
      `throttle wait ${(waitedMs / 1000).toFixed(1)} s for tenant ${this.tenant}, ${this.queued} queued`,
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
   */
  schedule<T>(tenant: TenantId, send: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    return this.lane(tenant).schedule(send, signal);
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
    if (!lane) return new RollingWindowGate(this.limits).estimateWaitMs(count);
    // Calls still inside p-throttle are not yet at the gate: count them in.
    return lane.gate.estimateWaitMs(lane.depth - lane.gate.waiting + count);
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
