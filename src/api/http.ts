import type * as z from './zod';
import type { TokenSource } from './auth';
import { PartnerCenterError } from './errors';
import { failureText, formatDuration } from './failureText';
import type { Logger } from './logger';
import { type GetResult, type Outcome, answerOutcome, sendFailure } from './outcome';
import type { RateLimiter } from './rateLimiter';
import { type GetRequest, type RequestContext, requestContext, requestHeaders } from './request';
import { BodyTooLarge, bodyTooLargeFailure, readBody } from './responseBody';
import { ThrottlePauses } from './throttlePauses';
import { backoffDelay, monotonicNow, setTimer, sleep } from './timing';

// One logical Partner Center request: attempts under the tenant's rate limit, each with its own timeout, and
// bounded retries. Building the request (request.ts), reading the answer (outcome.ts), 429 pauses
// (throttlePauses.ts) and the failure texts (failureText.ts) are their own modules.

export interface HttpClientOptions {
  readonly tokens: TokenSource;
  readonly limiter: RateLimiter;
  readonly logger: Logger;
  /** Goes into `MS-PartnerCenter-Client`. */
  readonly clientVersion: string;
  /** `X-Locale`, e.g. `fr-FR`; read at each request. */
  readonly locale: () => string;
  /** Per attempt, from send to the end of the body. Default 30 s. */
  readonly timeoutMs?: number;
  /** First backoff step for 5xx/network/timeout retries (and 429s without Retry-After). Default 500 ms. */
  readonly retryBaseMs?: number;
  /** Retries after 408/500/502/503/504, resets, network errors and timeouts. Default 3. */
  readonly maxRetries?: number;
  /** Retries after 429s. Default 5. */
  readonly maxThrottledRetries?: number;
  /**
   * The longest 429 pause a request waits out. A longer Retry-After is still honoured (nothing goes to the
   * tenant until it ends), but requests fail at once saying so, instead of hanging. Default 2 minutes.
   */
  readonly maxThrottleWaitMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
/** Two of Partner Center's one-minute windows: a longer pause is not ordinary throttling. */
export const DEFAULT_MAX_THROTTLE_WAIT_MS = 120_000;

export class PartnerCenterHttp {
  private readonly timeoutMs: number;
  private readonly retryBaseMs: number;
  private readonly maxRetries: number;
  private readonly pauses: ThrottlePauses;

  constructor(private readonly options: HttpClientOptions) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.retryBaseMs = options.retryBaseMs ?? 500;
    this.maxRetries = options.maxRetries ?? 3;
    this.pauses = new ThrottlePauses({
      limiter: options.limiter,
      logger: options.logger,
      backoffBaseMs: this.retryBaseMs,
      maxRetries: options.maxThrottledRetries ?? 5,
      maxWaitMs: options.maxThrottleWaitMs ?? DEFAULT_MAX_THROTTLE_WAIT_MS,
    });
  }

  async get<S extends z.ZodMiniType>(request: GetRequest<S>): Promise<GetResult<z.output<S>>> {
    return this.send({ ...request, method: 'GET' }, true);
  }

  /**
   * A write: sent once. Only a 429 is sent again (the gateway refused it, so nothing was written); a timeout, a
   * reset or a 5xx may have been applied, so it fails and the caller reads the resource back to find out.
   */
  async put<S extends z.ZodMiniType>(request: GetRequest<S> & { readonly body: string }): Promise<GetResult<z.output<S>>> {
    return this.send({ ...request, method: 'PUT' }, false);
  }

  private async send<S extends z.ZodMiniType>(request: GetRequest<S>, retryTransient: boolean): Promise<GetResult<z.output<S>>> {
    const context = requestContext(request);
    let retries = 0;
    let throttledRetries = 0;
    let reauthorized = false;
    for (let attempt = 1; ; attempt++) {
      this.pauses.failIfPausedLong(context.tenant);
      const outcome = await this.attempt(request, context, attempt);
      if (outcome.ok) return outcome.result;
      if (outcome.retry === 'throttled' && throttledRetries < this.pauses.maxRetries) {
        // The pause holds every request of this tenant (not just this one); the retry queues behind it.
        this.pauses.pause(context, outcome, ++throttledRetries);
        continue;
      }
      if (outcome.retry === 'reauth' && !reauthorized) {
        // An expired token: the next attempt reads the token again (a renewed one), once; a second 401 is final.
        reauthorized = true;
        // (Partner Center's 401 text can quote the header it refused: not logged here.)
        this.options.logger.info(`${context.label} → 401: the token is read again and the request sent once more`);
        continue;
      }
      if (outcome.retry === 'transient' && retryTransient && retries < this.maxRetries) {
        const waitMs = backoffDelay(retries, this.retryBaseMs);
        retries++;
        this.options.logger.info(
          `${context.label}: ${outcome.error.message}; retry ${retries} of ${this.maxRetries} in ${formatDuration(waitMs)}`,
        );
        await sleep(waitMs, request.signal);
        continue;
      }
      throw outcome.error;
    }
  }

  private async attempt<S extends z.ZodMiniType>(
    request: GetRequest<S>,
    context: RequestContext,
    attempt: number,
  ): Promise<Outcome<z.output<S>>> {
    if (context.signal?.aborted) throw PartnerCenterError.cancelled();
    // Not signed in fails now, not after a wait for the rate limit; the token sent is read again below.
    await this.authorization(request);
    // The timeout starts when the request is sent, not while it waits for the rate limit, and covers the body.
    const timeout = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let sentAt = monotonicNow();
    const elapsed = () => Math.round(monotonicNow() - sentAt);
    let response: Response;
    let text: string;
    try {
      response = await this.options.limiter.schedule(
        context.tenant,
        async () => {
          // The token is read when the request may go, not when it was queued: a long queue can outlive a token
          // (or the settings: the token source checks that the request's target is still the configured one).
          const headers = requestHeaders(request, context, await this.authorization(request), this.options);
          timer = setTimer(() => timeout.abort(), this.timeoutMs);
          const signal = context.signal ? AbortSignal.any([context.signal, timeout.signal]) : timeout.signal;
          sentAt = monotonicNow();
          return fetch(context.url, { method: context.method, headers, body: request.body, redirect: 'manual', signal });
        },
        context.signal,
        this.pauses.longPauseRule(context.tenant),
      );
      // The body is read outside the limiter (the headers already proved arrival), under the same signal.
      text = await readBody(response);
    } catch (error) {
      if (error instanceof BodyTooLarge && !context.signal?.aborted) return bodyTooLargeFailure(context, error);
      const failure = sendFailure(error, context, timeout.signal.aborted ? this.timeoutMs : undefined);
      this.options.logger.debug(
        `${context.label} → ${failure.error.kind === 'timeout' ? 'timeout' : 'network error'} after ${elapsed()} ms (request id ${context.requestId}, attempt ${attempt})`,
      );
      return failure;
    } finally {
      clearTimeout(timer);
    }
    this.options.logger.debug(
      `${context.label} → ${response.status} in ${elapsed()} ms (request id ${context.requestId}, attempt ${attempt})`,
    );
    return answerOutcome(request.schema, response, text, context);
  }

  private async authorization(request: GetRequest<z.ZodMiniType>): Promise<string> {
    try {
      return await this.options.tokens.authorization(request.tenant, request.target, request.signal);
    } catch (error) {
      if (error instanceof PartnerCenterError) throw error;
      if (request.signal?.aborted) throw PartnerCenterError.cancelled();
      throw new PartnerCenterError({ kind: 'auth', summary: failureText({ kind: 'token', tenant: request.tenant, error }), cause: error });
    }
  }
}
