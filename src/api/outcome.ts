import type * as z from './zod';
import { PartnerCenterError } from './errors';
import { failureText } from './failureText';
import { parseJson, parseJsonQuietly } from './json';
import { type RequestContext, requestError } from './request';
import { describeSchemaError, formatPath, readErrorBody } from './schemas';
import { parseRetryAfter } from './timing';

// What one attempt came to: a validated result, or a failure that says whether a retry may help.

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

export interface Failure {
  readonly ok: false;
  readonly error: PartnerCenterError;
  /** `reauth`: a 401, which a token read again (VS Code renews an expired one) may cure, once. */
  readonly retry?: 'transient' | 'throttled' | 'reauth';
  readonly retryAfterMs?: number;
}

export type Outcome<T> = { readonly ok: true; readonly result: GetResult<T> } | Failure;

const TRANSIENT_STATUSES = new Set([408, 500, 502, 503, 504]);

/** An answer whose body was read: a 2xx body parsed and validated, any other status a failure. */
export function answerOutcome<S extends z.ZodMiniType>(
  schema: S,
  response: Response,
  text: string,
  context: RequestContext,
): Outcome<z.output<S>> {
  if (response.status >= 200 && response.status < 300) return bodyOutcome(schema, response.status, text, context);
  return statusFailure(response, text, context);
}

/**
 * A send or body read that threw: cancelled (thrown: never retried), timed out (`timedOutAfterMs` set) or a
 * network failure.
 */
export function sendFailure(error: unknown, context: RequestContext, timedOutAfterMs: number | undefined): Failure {
  if (context.signal?.aborted) throw PartnerCenterError.cancelled();
  if (error instanceof PartnerCenterError) throw error; // the limiter's cancellation
  if (timedOutAfterMs !== undefined) {
    return {
      ok: false,
      retry: 'transient',
      error: requestError(context, { kind: 'timeout', summary: failureText({ kind: 'timeout', timeoutMs: timedOutAfterMs }), cause: error }),
    };
  }
  return {
    ok: false,
    // A response the client refuses to parse (headers over its limit) comes back the same way every time.
    retry: isMalformedResponse(error) ? undefined : 'transient',
    error: requestError(context, {
      kind: 'network',
      summary: failureText({ kind: 'network', origin: context.url.origin, error }),
      cause: error,
    }),
  };
}

/** undici's codes for an answer it cannot parse as HTTP (not a dropped or refused connection). */
const MALFORMED_RESPONSE_CODES = new Set(['UND_ERR_HEADERS_OVERFLOW', 'HPE_HEADER_OVERFLOW']);

function isMalformedResponse(error: unknown): boolean {
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  return typeof cause?.code === 'string' && MALFORMED_RESPONSE_CODES.has(cause.code);
}

function bodyOutcome<S extends z.ZodMiniType>(schema: S, status: number, text: string, context: RequestContext): Outcome<z.output<S>> {
  let raw: unknown;
  try {
    raw = parseJson(text);
  } catch (error) {
    return {
      ok: false,
      error: requestError(context, { kind: 'invalidResponse', status, summary: failureText({ kind: 'notJson', error }), cause: error }),
    };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      error: requestError(context, {
        kind: 'invalidResponse',
        status,
        summary: failureText({ kind: 'unexpectedBody', problem: describeSchemaError(parsed.error) }),
        fieldPath: formatPath(parsed.error.issues[0]?.path ?? []),
      }),
    };
  }
  return {
    ok: true,
    result: { value: parsed.data, raw, receivedAt: new Date(), requestId: context.requestId, request: context.label },
  };
}

function statusFailure(response: Response, text: string, context: RequestContext): Failure {
  const status = response.status;
  const body = readErrorBody(parseJsonQuietly(text));
  const summary = failureText({
    kind: 'status',
    answer: { tenant: context.tenant, status, statusText: response.statusText, location: response.headers.get('location'), body },
  });
  const details = { status, code: body.code, description: body.message, summary };
  if (status >= 300 && status < 400) return { ok: false, error: requestError(context, { ...details, kind: 'http' }) };
  if (status === 429) {
    return {
      ok: false,
      retry: 'throttled',
      retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
      error: requestError(context, { ...details, kind: 'throttled' }),
    };
  }
  return {
    ok: false,
    retry: status === 401 ? 'reauth' : TRANSIENT_STATUSES.has(status) ? 'transient' : undefined,
    error: requestError(context, { ...details, kind: 'http' }),
  };
}
