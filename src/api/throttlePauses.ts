import { PartnerCenterError, type PartnerCenterErrorDetails } from './errors';
import { failureText, formatDuration } from './failureText';
import type { Logger } from './logger';
import type { Failure } from './outcome';
import type { LongPauseRule, RateLimiter } from './rateLimiter';
import { type RequestContext, requestError } from './request';
import { backoffDelay, monotonicNow } from './timing';
import type { TenantId } from './types';

// A 429 pauses the whole tenant, not one request. A pause longer than a request should wait fails requests at
// once, saying so, instead of hanging them (the pause still holds: nothing goes to the tenant until it ends).

export interface ThrottlePauseOptions {
  readonly limiter: RateLimiter;
  readonly logger: Logger;
  /** The first backoff step for a 429 without Retry-After. */
  readonly backoffBaseMs: number;
  /** Retries after 429s. */
  readonly maxRetries: number;
  /** The longest pause a request waits out. */
  readonly maxWaitMs: number;
}

export class ThrottlePauses {
  readonly maxRetries: number;

  constructor(private readonly options: ThrottlePauseOptions) {
    this.maxRetries = options.maxRetries;
  }

  /** A tenant paused for longer than a request should wait: fail now, sending nothing. */
  failIfPausedLong(tenant: TenantId): void {
    const remainingMs = this.options.limiter.pausedUntil(tenant) - monotonicNow();
    if (remainingMs > this.options.maxWaitMs) throw pausedError(tenant, remainingMs);
  }

  /** For the limiter: a call reaching the gate while such a pause stands (or is set) fails at once, the same way. */
  longPauseRule(tenant: TenantId): LongPauseRule {
    return { maxWaitMs: this.options.maxWaitMs, error: (remainingMs) => pausedError(tenant, remainingMs) };
  }

  /**
   * A 429 to be retried (`retry` of maxRetries, from 1): pauses the tenant for its Retry-After or a backoff, so the
   * retry queues behind the pause. Throws when the pause is too long; what is queued for the tenant fails then too.
   */
  pause(context: RequestContext, throttled: Failure, retry: number): void {
    const { limiter, logger } = this.options;
    const waitMs = throttled.retryAfterMs ?? backoffDelay(retry - 1, this.options.backoffBaseMs * 2, { fixedShare: 0.5 });
    limiter.pause(context.tenant, monotonicNow() + waitMs);
    if (waitMs > this.options.maxWaitMs) {
      logger.warn(
        `${context.label}: throttled (429), tenant ${context.tenant} paused for ${formatDuration(waitMs)} (Retry-After); failing instead of waiting`,
      );
      const { description, code } = throttled.error;
      const error = pausedError(context.tenant, waitMs, { description, code, context });
      // What is queued would wait as long: it fails now, with the same explanation.
      limiter.failQueued(context.tenant, pausedError(context.tenant, waitMs));
      throw error;
    }
    logger.info(
      `${context.label}: throttled (429), tenant ${context.tenant} paused for ${formatDuration(waitMs)}` +
        `${throttled.retryAfterMs === undefined ? ' (no Retry-After: backoff)' : ''}; retry ${retry} of ${this.maxRetries}`,
    );
  }
}

function pausedError(
  tenant: TenantId,
  waitMs: number,
  throttled?: { description?: string; code?: string; context: RequestContext },
): PartnerCenterError {
  const details: PartnerCenterErrorDetails = {
    kind: 'throttled',
    status: 429,
    code: throttled?.code,
    description: throttled?.description,
    summary: failureText({ kind: 'paused', tenant, waitMs, description: throttled?.description }),
  };
  return throttled ? requestError(throttled.context, details) : new PartnerCenterError(details);
}
