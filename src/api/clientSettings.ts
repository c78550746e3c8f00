import type { ApiTarget } from './auth';
import type { WindowLimits } from './rollingWindow';

/**
 * What the client reads of the validated `partnerCenter.*` settings, at every call. The extension's settings
 * satisfy it as they are; the api layer does not depend on how they are read or validated.
 */
export interface ClientSettings extends ApiTarget {
  /** Customers per list or search page. */
  readonly pageSize: number;
  /** The per-tenant request budget: `requests` in any rolling window of `windowSeconds`. */
  readonly rateLimit: { readonly requests: number; readonly windowSeconds: number };
  /** How long results are served from memory; 0 keeps nothing. */
  readonly cacheSeconds: number;
}

export function windowLimits(settings: ClientSettings): WindowLimits {
  return { requests: settings.rateLimit.requests, windowMs: settings.rateLimit.windowSeconds * 1000 };
}

export function cacheTtlMs(settings: ClientSettings): number {
  return settings.cacheSeconds * 1000;
}
