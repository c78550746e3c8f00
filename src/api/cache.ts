import { customerKey, customerRef, sameCustomer, sameTenant, tenantKey } from '../customerRef';
import { PartnerCenterError } from './errors';
import type { TenantId } from './types';

// Results served for `cacheSeconds`, and identical requests in flight shared: N callers asking for the same
// thing at once cause ONE request, which is aborted only when every one of them has given up.

/**
 * What a cached result is about, so invalidation can find it. The tenant and the customer compare as
 * customerRef.ts says (case-insensitively); `id` exactly, and must be unique per request of that tenant or customer.
 */
export interface CacheKey {
  readonly tenant: TenantId;
  readonly id: string;
  /** Set for results about one customer (the customer, its profiles). */
  readonly customerId?: string;
}

export interface LoadOptions {
  readonly signal?: AbortSignal;
  /** Skip the cache and any request already in flight; the new result replaces the cached one. */
  readonly bypassCache?: boolean;
}

interface Entry {
  readonly key: CacheKey;
  readonly value: unknown;
  readonly expiresAt: number;
  /** When it was stored: a load asking for a shorter lifetime (cacheSeconds lowered) does not take it. */
  readonly storedAt: number;
  /** Start order of the request that produced it: an older request finishing late never overwrites newer data. */
  readonly sequence: number;
  /** What it counts against the bound (`weigh`). */
  readonly weight: number;
}

interface Flight {
  readonly key: CacheKey;
  readonly promise: Promise<unknown>;
  readonly controller: AbortController;
  readonly sequence: number;
  callers: number;
  /** Invalidated while in flight: its callers still get the result, nobody new joins it, it is not stored. */
  stale: boolean;
}

/** The longest a result is kept, whatever it is asked (`partnerCenter.cacheSeconds` has this maximum): a day. */
export const MAX_CACHE_SECONDS = 86_400;
/**
 * What is kept at most, in `weigh` units (the client counts the customers or records a result holds, so a page of
 * 100 weighs 100): 5,000 customers' results measured 20 MiB; 100,000 unbounded were 327 MiB.
 */
export const DEFAULT_MAX_WEIGHT = 5_000;
const DEFAULT_SWEEP_EVERY_MS = 60_000;

export interface CacheOptions {
  /** The clock (ms); tests pass a fake one. */
  readonly now?: () => number;
  /** Beyond this total weight the least recently used results go. */
  readonly maxWeight?: number;
  /** A result's weight against `maxWeight` (at least 1); 1 each by default. */
  readonly weigh?: (value: unknown) => number;
  /** How often expired results are dropped even if nobody asks for them. */
  readonly sweepEveryMs?: number;
}

export class ResponseCache {
  /** In order of use, least recent first (a Map iterates in insertion order; a use re-inserts). */
  private readonly entries = new Map<string, Entry>();
  private readonly flights = new Map<string, Flight>();
  private sequence = 0;
  private readonly now: () => number;
  private readonly maxWeight: number;
  private readonly weigh: (value: unknown) => number;
  private totalWeight = 0;
  private readonly sweepEveryMs: number;
  /** Armed while anything is cached; unref'd, so it never keeps a process alive. */
  private sweeper: ReturnType<typeof setInterval> | undefined;

  constructor(options: CacheOptions = {}) {
    this.now = options.now ?? Date.now;
    this.maxWeight = options.maxWeight ?? DEFAULT_MAX_WEIGHT;
    this.weigh = options.weigh ?? (() => 1);
    this.sweepEveryMs = options.sweepEveryMs ?? DEFAULT_SWEEP_EVERY_MS;
  }

  /** Results held, fresh or not yet swept. */
  get size(): number {
    return this.entries.size;
  }

  /** Their total weight (what `maxWeight` bounds). */
  get weight(): number {
    return this.totalWeight;
  }

  /** The fresh cached value, if any. Never sends anything. */
  peek<T>(key: CacheKey): T | undefined {
    const entry = this.entries.get(mapKey(key));
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.remove(mapKey(key));
      return undefined;
    }
    this.entries.delete(mapKey(key));
    this.entries.set(mapKey(key), entry); // now the most recently used
    return entry.value as T;
  }

  /**
   * A fresh cached value, else the identical request in flight, else `start(signal)` shared with everyone
   * who asks for `key` until it settles. Successful results are kept for `ttlMs` (0: not kept); errors never.
   */
  load<T>(key: CacheKey, ttlMs: number, options: LoadOptions, start: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (options.signal?.aborted) return Promise.reject(PartnerCenterError.cancelled());
    const id = mapKey(key);
    if (!options.bypassCache) {
      const stored = this.entries.get(id);
      const cached = stored && this.now() - stored.storedAt < ttlMs ? this.peek<T>(key) : undefined;
      if (cached !== undefined) return Promise.resolve(cached);
      const flight = this.flights.get(id);
      if (flight && !flight.stale) return this.join(flight, options.signal) as Promise<T>;
    }
    return this.join(this.startFlight(key, ttlMs, start), options.signal) as Promise<T>;
  }

  /**
   * Stores a result that no load produced (the answer of a write): it replaces what is cached, and a request
   * for it already in flight (started earlier, so older) will not overwrite it.
   */
  set(key: CacheKey, value: unknown, ttlMs: number): void {
    if (ttlMs > 0) this.store(key, value, ttlMs, ++this.sequence);
  }

  /** Forgets one customer's results, or all of a tenant's; requests in flight for them will not be stored. */
  invalidate(tenant: TenantId, customerId?: string): void {
    const matches = (key: CacheKey) =>
      customerId === undefined
        ? sameTenant(key.tenant, tenant)
        : key.customerId !== undefined && sameCustomer(customerRef(key.tenant, key.customerId), customerRef(tenant, customerId));
    for (const [id, entry] of this.entries) if (matches(entry.key)) this.remove(id);
    for (const [id, flight] of this.flights) {
      if (matches(flight.key)) {
        flight.stale = true;
        this.flights.delete(id);
      }
    }
  }

  /** Aborts the requests in flight of one tenant (or all): their callers get a cancellation. Cached results stay. */
  cancelFlights(tenant?: TenantId): void {
    for (const [id, flight] of this.flights) {
      if (tenant !== undefined && !sameTenant(flight.key.tenant, tenant)) continue;
      flight.stale = true;
      this.flights.delete(id);
      flight.controller.abort(PartnerCenterError.cancelled());
    }
  }

  /** Forgets everything (the API endpoint changed). */
  clear(): void {
    this.entries.clear();
    this.totalWeight = 0;
    for (const flight of this.flights.values()) flight.stale = true;
    this.flights.clear();
    this.stopSweeping();
  }

  /** Forgets everything and stops the sweep timer. */
  dispose(): void {
    this.clear();
  }

  private startFlight<T>(key: CacheKey, ttlMs: number, start: (signal: AbortSignal) => Promise<T>): Flight {
    const id = mapKey(key);
    const controller = new AbortController();
    const sequence = ++this.sequence;
    const flight: Flight = {
      key,
      controller,
      sequence,
      callers: 0,
      stale: false,
      promise: Promise.resolve()
        .then(() => start(controller.signal))
        .then(
          (value) => {
            if (this.flights.get(id) === flight) this.flights.delete(id);
            if (!flight.stale && ttlMs > 0) this.store(key, value, ttlMs, sequence);
            // Not kept, and what an earlier, longer lifetime kept is older than this: it goes too.
            else if (!flight.stale && (this.entries.get(id)?.sequence ?? Infinity) < sequence) this.remove(id);
            return value;
          },
          (error: unknown) => {
            if (this.flights.get(id) === flight) this.flights.delete(id);
            throw error;
          },
        ),
    };
    // Callers observe the promise through join(); this keeps an unobserved rejection from being reported.
    flight.promise.catch(() => undefined);
    this.flights.set(id, flight);
    return flight;
  }

  private store(key: CacheKey, value: unknown, ttlMs: number, sequence: number): void {
    const id = mapKey(key);
    const existing = this.entries.get(id);
    if (existing && existing.sequence > sequence) return;
    this.remove(id); // re-inserted last: the most recently used
    const now = this.now();
    const weight = Math.max(1, this.weigh(value));
    this.entries.set(id, { key, value, expiresAt: now + Math.min(ttlMs, MAX_CACHE_SECONDS * 1000), storedAt: now, sequence, weight });
    this.totalWeight += weight;
    // The newest stays even when it alone is over the bound: its caller is about to read it again.
    for (const oldest of this.entries.keys()) {
      if (this.totalWeight <= this.maxWeight || oldest === id) break;
      this.remove(oldest);
    }
    this.sweeper ??= unref(setInterval(() => this.sweep(), this.sweepEveryMs));
  }

  /** Drops every expired result: otherwise one is only dropped when asked for, and memory would stay taken. */
  private sweep(): void {
    const now = this.now();
    for (const [id, entry] of this.entries) if (entry.expiresAt <= now) this.remove(id);
    if (this.entries.size === 0) this.stopSweeping();
  }

  private remove(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    this.totalWeight -= entry.weight;
  }

  private stopSweeping(): void {
    clearInterval(this.sweeper);
    this.sweeper = undefined;
  }

  /** One caller's view of a shared request: its own abort rejects only its promise. */
  private join(flight: Flight, signal: AbortSignal | undefined): Promise<unknown> {
    flight.callers++;
    if (!signal) return flight.promise;
    return new Promise((resolve, reject) => {
      const leave = () => {
        reject(PartnerCenterError.cancelled());
        flight.callers--;
        if (flight.callers === 0) {
          // Nobody wants it any more: stop the request and make sure nobody new joins it.
          flight.stale = true;
          if (this.flights.get(mapKey(flight.key)) === flight) this.flights.delete(mapKey(flight.key));
          flight.controller.abort(PartnerCenterError.cancelled());
        }
      };
      signal.addEventListener('abort', leave, { once: true });
      flight.promise.then(
        (value) => {
          signal.removeEventListener('abort', leave);
          resolve(value);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', leave);
          reject(error);
        },
      );
    });
  }
}

function unref(timer: ReturnType<typeof setInterval>): ReturnType<typeof setInterval> {
  timer.unref?.();
  return timer;
}

function mapKey(key: CacheKey): string {
  // The prefix keeps a tenant's results and a customer's apart; ids contain no NUL.
  const owner = key.customerId === undefined ? `t\u0000${tenantKey(key.tenant)}` : `c\u0000${customerKey(customerRef(key.tenant, key.customerId))}`;
  return `${owner}\u0000${key.id}`;
}
