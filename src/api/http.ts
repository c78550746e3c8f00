import * as l10n from '@vscode/l10n';
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { z } from 'zod';
import { type ApiTarget, type TokenSource, assertTokenDestination, resolveApiUrl } from './auth';
import { PartnerCenterError, type PartnerCenterErrorDetails } from './errors';
import type { Logger } from './logger';
import type { RateLimiter } from './rateLimiter';
import { describeSchemaError, formatPath, readErrorBody } from './schemas';
import { backoffDelay, monotonicNow, parseRetryAfter, sleep } from './timing';
import type { TenantId } from './types';

// One logical Partner Center request: headers, the tenant's rate limit, a timeout per attempt, bounded
// retries, BOM stripping, JSON + schema validation, and errors a user can act on.

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

export interface GetRequest<S extends z.ZodType> {
  readonly tenant: TenantId;
  readonly target: ApiTarget;
  /** `/v1/…`, a `links.*.uri` (with or without `/v1`), or an absolute URL on the API origin. */
  readonly uri: string;
  /** Extra headers, e.g. a cursor's `MS-ContinuationToken`. They cannot replace the headers set here. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly schema: S;
  /** `MS-CorrelationId`: one per user action. */
  readonly correlationId: string;
  readonly signal?: AbortSignal;
}

export interface GetResult<T> {
  /** The body as validated. */
  readonly value: T;
  /** The body exactly as received (parsed JSON: key order and unknown fields kept). */
  readonly raw: unknown;
  readonly receivedAt: Date;
  readonly requestId: string;
  /** What was asked, as the log and errors name it: `GET <path and query>`. */
  readonly request: string;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
const TRANSIENT_STATUSES = new Set([408, 500, 502, 503, 504]);
/** Two of Partner Center's one-minute windows: a longer pause is not ordinary throttling. */
export const DEFAULT_MAX_THROTTLE_WAIT_MS = 120_000;

interface Failure {
  readonly ok: false;
  readonly error: PartnerCenterError;
  readonly retry?: 'transient' | 'throttled';
  readonly retryAfterMs?: number;
}

type Outcome<T> = { readonly ok: true; readonly result: GetResult<T> } | Failure;

/** What every error of one logical request shares. */
interface RequestContext {
  readonly tenant: TenantId;
  readonly url: URL;
  readonly label: string;
  readonly requestId: string;
  readonly correlationId: string;
  readonly signal?: AbortSignal;
}

export class PartnerCenterHttp {
  private readonly timeoutMs: number;
  private readonly retryBaseMs: number;
  private readonly maxRetries: number;
  private readonly maxThrottledRetries: number;
  private readonly maxThrottleWaitMs: number;

  constructor(private readonly options: HttpClientOptions) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.retryBaseMs = options.retryBaseMs ?? 500;
    this.maxRetries = options.maxRetries ?? 3;
    this.maxThrottledRetries = options.maxThrottledRetries ?? 5;
    this.maxThrottleWaitMs = options.maxThrottleWaitMs ?? DEFAULT_MAX_THROTTLE_WAIT_MS;
  }

  async get<S extends z.ZodType>(request: GetRequest<S>): Promise<GetResult<z.output<S>>> {
    const url = resolveApiUrl(request.target.apiBase, request.uri);
    assertTokenDestination(url, request.target);
    const context: RequestContext = {
      tenant: request.tenant,
      url,
      label: `GET ${url.pathname}${url.search}`,
      // The same id on every retry: Partner Center uses it to recognise a repeated call.
      requestId: randomUUID(),
      correlationId: request.correlationId,
      signal: request.signal,
    };
    let retries = 0;
    let throttledRetries = 0;
    for (let attempt = 1; ; attempt++) {
      this.failIfPausedLong(context.tenant);
      const outcome = await this.attempt(request, context, attempt);
      if (outcome.ok) return outcome.result;
      if (outcome.retry === 'throttled' && throttledRetries < this.maxThrottledRetries) {
        const waitMs =
          outcome.retryAfterMs ?? backoffDelay(throttledRetries, this.retryBaseMs * 2, { fixedShare: 0.5 });
        throttledRetries++;
        // The pause holds every request of this tenant (not just this one); the retry queues behind it.
        this.options.limiter.pause(context.tenant, monotonicNow() + waitMs);
        if (waitMs > this.maxThrottleWaitMs) {
          this.options.logger.warn(
            `${context.label}: throttled (429), tenant ${context.tenant} paused for ${duration(waitMs)} (Retry-After); failing instead of waiting`,
          );
          const error = this.pausedError(context.tenant, waitMs, {
            description: outcome.error.description,
            code: outcome.error.code,
            context,
          });
          // What is queued for this tenant would wait as long: it fails now too, with the same explanation.
          this.options.limiter.failQueued(context.tenant, this.pausedError(context.tenant, waitMs));
          throw error;
        }
        this.options.logger.info(
          `${context.label}: throttled (429), tenant ${context.tenant} paused for ${duration(waitMs)}` +
            `${outcome.retryAfterMs === undefined ? ' (no Retry-After: backoff)' : ''}; retry ${throttledRetries} of ${this.maxThrottledRetries}`,
        );
        continue;
      }
      if (outcome.retry === 'transient' && retries < this.maxRetries) {
        const waitMs = backoffDelay(retries, this.retryBaseMs);
        retries++;
        this.options.logger.info(
          `${context.label}: ${outcome.error.message}; retry ${retries} of ${this.maxRetries} in ${duration(waitMs)}`,
        );
        await sleep(waitMs, request.signal);
        continue;
      }
      throw outcome.error;
    }
  }

  /** A tenant paused for longer than a request should wait: fail now, sending nothing (the pause stands). */
  private failIfPausedLong(tenant: TenantId): void {
    const remainingMs = this.options.limiter.pausedUntil(tenant) - monotonicNow();
    if (remainingMs > this.maxThrottleWaitMs) throw this.pausedError(tenant, remainingMs);
  }

  private pausedError(
    tenant: TenantId,
    waitMs: number,
    throttled?: { description?: string; code?: string; context: RequestContext },
  ): PartnerCenterError {
    const details = {
      kind: 'throttled' as const,
      status: 429,
      code: throttled?.code,
      description: throttled?.description,
      summary: l10n.t(
        'Partner Center asked to pause the requests for tenant {0} for {1} minutes (429){2}. Nothing is sent to this tenant until then; try again afterwards.',
        tenant,
        Math.ceil(waitMs / 60_000),
        throttled?.description ? `: ${throttled.description.trim().replace(/\.+$/, '')}` : '',
      ),
    };
    return throttled ? this.error(throttled.context, details) : new PartnerCenterError(details);
  }

  private async attempt<S extends z.ZodType>(
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
          const headers = this.headers(request, context, await this.authorization(request));
          timer = setTimeout(() => timeout.abort(), this.timeoutMs);
          const signal = context.signal ? AbortSignal.any([context.signal, timeout.signal]) : timeout.signal;
          sentAt = monotonicNow();
          return fetch(context.url, { method: 'GET', headers, redirect: 'manual', signal });
        },
        context.signal,
      );
      // The body is read outside the limiter (the headers already proved arrival), under the same signal.
      text = await response.text();
    } catch (error) {
      const failure = this.sendFailure(error, context, timeout.signal);
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
    if (response.status >= 200 && response.status < 300) return this.parse(request.schema, text, response, context);
    return this.statusFailure(response, text, context);
  }

  private async authorization(request: GetRequest<z.ZodType>): Promise<string> {
    try {
      return await this.options.tokens.authorization(request.tenant, request.target, request.signal);
    } catch (error) {
      if (error instanceof PartnerCenterError) throw error;
      if (request.signal?.aborted) throw PartnerCenterError.cancelled();
      throw new PartnerCenterError({
        kind: 'auth',
        summary: l10n.t('Could not get a Partner Center token for tenant {0}: {1}', request.tenant, messageOf(error)),
        cause: error,
      });
    }
  }

  private headers(request: GetRequest<z.ZodType>, context: RequestContext, authorization: string): Headers {
    const headers = new Headers();
    try {
      for (const [key, value] of Object.entries(request.headers ?? {})) headers.set(key, value);
    } catch (error) {
      throw this.error(context, {
        kind: 'invalidResponse',
        summary: l10n.t('Partner Center gave a paging header that cannot be sent: {0}', messageOf(error)),
        cause: error,
      });
    }
    // Set last: nothing from a cursor can replace them.
    headers.set('Accept', 'application/json');
    headers.set('Authorization', authorization);
    headers.set('MS-RequestId', context.requestId);
    headers.set('MS-CorrelationId', context.correlationId);
    headers.set('MS-PartnerCenter-Client', `Partner Center Customers for VS Code/${this.options.clientVersion}`);
    headers.set('X-Locale', this.options.locale());
    return headers;
  }

  private parse<S extends z.ZodType>(
    schema: S,
    text: string,
    response: Response,
    context: RequestContext,
  ): Outcome<z.output<S>> {
    let raw: unknown;
    try {
      // Partner Center bodies may start with a UTF-8 byte-order mark (REFERENCE.md §3.2).
      raw = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
      return {
        ok: false,
        error: this.error(context, {
          kind: 'invalidResponse',
          status: response.status,
          summary: l10n.t('Partner Center sent a response that is not valid JSON ({0}).', messageOf(error)),
          cause: error,
        }),
      };
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      return {
        ok: false,
        error: this.error(context, {
          kind: 'invalidResponse',
          status: response.status,
          summary: l10n.t('Partner Center sent an unexpected response: {0}', describeSchemaError(parsed.error)),
          fieldPath: formatPath(parsed.error.issues[0]?.path ?? []),
        }),
      };
    }
    return {
      ok: true,
      result: { value: parsed.data, raw, receivedAt: new Date(), requestId: context.requestId, request: context.label },
    };
  }

  private statusFailure(response: Response, text: string, context: RequestContext): Failure {
    const status = response.status;
    const reason = response.statusText || STATUS_CODES[status] || '';
    const body = readErrorBody(parseQuietly(text));
    // "…: <Partner Center's description> (code 3000)." — its own final period dropped so the sentence reads once.
    const detail = body.message ? `: ${body.message.trim().replace(/\.+$/, '')}` : '';
    const code = body.code ? ' ' + l10n.t('(code {0})', body.code) : '';
    const base = { status, code: body.code, description: body.message };
    if (status >= 300 && status < 400) {
      return {
        ok: false,
        error: this.error(context, {
          ...base,
          kind: 'http',
          summary: l10n.t(
            'Partner Center answered with a redirect ({0}) to {1}. Redirects are not followed, so the token never leaves Partner Center.',
            status,
            response.headers.get('location') ?? '?',
          ),
        }),
      };
    }
    if (status === 429) {
      return {
        ok: false,
        retry: 'throttled',
        retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
        error: this.error(context, {
          ...base,
          kind: 'throttled',
          summary: l10n.t(
            'Partner Center kept throttling requests for tenant {0} (429){1}. Wait a minute and try again.',
            context.tenant,
            body.message ? `: ${body.message.trim()}` : '',
          ),
        }),
      };
    }
    let summary: string;
    if (status === 401) {
      summary = l10n.t('Partner Center did not accept the sign-in (401 {0}){1}{2}. Sign in again.', reason, detail, code);
    } else if (status === 403) {
      summary = l10n.t(
        "Partner Center denied access (403 {0}){1}{2}. Check that your account may use tenant {3} and that the app registration has the Partner Center API permission (user_impersonation).",
        reason,
        detail,
        code,
        context.tenant,
      );
    } else {
      summary = l10n.t('Partner Center answered {0} {1}{2}{3}.', status, reason, detail, code);
    }
    return {
      ok: false,
      retry: TRANSIENT_STATUSES.has(status) ? 'transient' : undefined,
      error: this.error(context, { ...base, kind: 'http', summary }),
    };
  }

  /** A send or body read that threw: cancelled (thrown: never retried), timed out or a network failure. */
  private sendFailure(error: unknown, context: RequestContext, timeout: AbortSignal): Failure {
    if (context.signal?.aborted) throw PartnerCenterError.cancelled();
    if (error instanceof PartnerCenterError) throw error; // the limiter's cancellation
    if (timeout.aborted) {
      return {
        ok: false,
        retry: 'transient',
        error: this.error(context, {
          kind: 'timeout',
          summary: l10n.t('Partner Center did not answer within {0} seconds.', seconds(this.timeoutMs)),
          cause: error,
        }),
      };
    }
    return {
      ok: false,
      retry: 'transient',
      error: this.error(context, {
        kind: 'network',
        summary: l10n.t('Could not reach Partner Center at {0}: {1}', context.url.origin, networkReason(error)),
        cause: error,
      }),
    };
  }

  private error(
    context: RequestContext,
    details: Omit<PartnerCenterErrorDetails, 'requestId' | 'correlationId' | 'request'>,
  ): PartnerCenterError {
    return new PartnerCenterError({
      ...details,
      requestId: context.requestId,
      correlationId: context.correlationId,
      request: context.label,
    });
  }
}

function parseQuietly(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
}

/** undici reports "fetch failed" and puts the useful part (ECONNRESET, "other side closed") in `cause`. */
function networkReason(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  const message = typeof cause?.message === 'string' ? cause.message : messageOf(error);
  return code && !message.includes(code) ? `${message} (${code})` : message;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(1).replace(/\.0$/, '');
}

function duration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${seconds(ms)} s`;
}
