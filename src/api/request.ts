import * as l10n from '@vscode/l10n';
import { randomUUID } from 'node:crypto';
import type * as z from './zod';
import { type ApiTarget, assertTokenDestination, resolveApiUrl } from './auth';
import { PartnerCenterError, type PartnerCenterErrorDetails } from './errors';
import { failureText } from './failureText';
import type { TenantId } from './types';

// Building one logical request: its URL (checked before a token goes anywhere), its ids and its headers.

export interface GetRequest<S extends z.ZodMiniType> {
  readonly tenant: TenantId;
  readonly target: ApiTarget;
  /** `/v1/…`, a `links.*.uri` (with or without `/v1`), or an absolute URL on the API origin. */
  readonly uri: string;
  /** Extra headers, e.g. a cursor's `MS-ContinuationToken`. They cannot replace the headers set here. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly schema: S;
  /**
   * The path (below the API base) the resolved URL must stay under, e.g. `/v1/customers/<id>` for a customer's
   * requests: a URL parser resolves dot segments, so an id must not be able to name another resource.
   */
  readonly within?: string;
  /** `MS-CorrelationId`: one per user action. */
  readonly correlationId: string;
  readonly signal?: AbortSignal;
  /** Default GET. A PUT carries `body` (JSON text) and is never retried after it may have arrived (http.ts). */
  readonly method?: 'GET' | 'PUT';
  readonly body?: string;
}

/** What every attempt and every error of one logical request shares. */
export interface RequestContext {
  readonly tenant: TenantId;
  readonly url: URL;
  /** `GET <path and query>`, as the log and errors name it. */
  readonly label: string;
  readonly method: 'GET' | 'PUT';
  readonly requestId: string;
  readonly correlationId: string;
  readonly signal?: AbortSignal;
}

/** Who is asking, for `MS-PartnerCenter-Client` and `X-Locale`. */
export interface ClientIdentity {
  readonly clientVersion: string;
  /** Read at each request. */
  readonly locale: () => string;
}

/** Throws (sending nothing) when the URL is not one a token may go to. */
export function requestContext(request: GetRequest<z.ZodMiniType>): RequestContext {
  const url = resolveApiUrl(request.target.apiBase, request.uri);
  assertTokenDestination(url, request.target);
  if (request.within !== undefined) assertWithin(url, request.target.apiBase, request.within);
  return {
    tenant: request.tenant,
    url,
    label: `${request.method ?? 'GET'} ${url.pathname}${url.search}`,
    method: request.method ?? 'GET',
    // The same id on every retry: Partner Center uses it to recognise a repeated call.
    requestId: randomUUID(),
    correlationId: request.correlationId,
    signal: request.signal,
  };
}

export function requestHeaders(
  request: GetRequest<z.ZodMiniType>,
  context: RequestContext,
  authorization: string,
  client: ClientIdentity,
): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(request.headers ?? {})) {
    if (!trySetHeader(headers, key, value)) {
      throw requestError(context, { kind: 'invalidResponse', summary: failureText({ kind: 'pagingHeader', header: key }) });
    }
  }
  // Set last: nothing from a cursor can replace them.
  const own: Record<string, string> = {
    Accept: 'application/json',
    Authorization: authorization,
    'MS-RequestId': context.requestId,
    'MS-CorrelationId': context.correlationId,
    'MS-PartnerCenter-Client': `Partner Center Customers for VS Code/${client.clientVersion}`,
    'X-Locale': client.locale(),
    ...(request.body !== undefined ? { 'Content-Type': 'application/json; charset=utf-8' } : {}),
  };
  for (const [name, value] of Object.entries(own)) {
    // Not a network error: sending again cannot help. The value may be a token, so only the name is told.
    if (!trySetHeader(headers, name, value)) throw requestError(context, { kind: 'http', summary: failureText({ kind: 'header', header: name }) });
  }
  return headers;
}

/** An error of this request: it names the request and its ids. */
export function requestError(
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

/**
 * Sets a header unless HTTP refuses it (CR, LF, NUL in the value, a bad name). The refusal is not passed on:
 * its message quotes the value, which may be a token.
 */
function trySetHeader(headers: Headers, name: string, value: string): boolean {
  try {
    headers.set(name, value);
    return true;
  } catch {
    return false;
  }
}

/** Throws (sending nothing) unless the URL's path is `within` (below the API base's path) or under it. */
function assertWithin(url: URL, apiBase: string, within: string): void {
  const expected = new URL(apiBase).pathname.replace(/\/+$/, '') + within;
  if (url.pathname === expected || url.pathname.startsWith(`${expected}/`)) return;
  throw new PartnerCenterError({
    kind: 'http',
    summary: l10n.t('Refused to request {0}: it is not under {1}.', url.pathname, within),
    request: `GET ${url.pathname}`,
  });
}
