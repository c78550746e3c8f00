import * as l10n from '@vscode/l10n';
import { STATUS_CODES } from 'node:http';
import { errorMessage } from './errors';
import type { ErrorBodyInfo } from './schemas';
import type { TenantId } from './types';

// The sentence a user reads for each way a request fails: facts in, localized text out, nothing else.

/** What is known about a failure, per kind; `failureText` words it. */
export type FailureFacts =
  | { readonly kind: 'token'; readonly tenant: TenantId; readonly error: unknown }
  /** A header from a paging link that HTTP refuses; `header` is its name (the value is never told). */
  | { readonly kind: 'pagingHeader'; readonly header: string }
  /** One of the request's own headers that HTTP refuses (e.g. CR/LF in it); its value may be a token. */
  | { readonly kind: 'header'; readonly header: string }
  | { readonly kind: 'notJson'; readonly error: unknown }
  /** `problem`: the schema issues as describeSchemaError renders them. */
  | { readonly kind: 'unexpectedBody'; readonly problem: string }
  | { readonly kind: 'status'; readonly answer: StatusAnswer }
  | { readonly kind: 'timeout'; readonly timeoutMs: number }
  | { readonly kind: 'network'; readonly origin: string; readonly error: unknown }
  /** A 429 pause too long to wait out; `description` is Partner Center's own words when it gave some. */
  | { readonly kind: 'paused'; readonly tenant: TenantId; readonly waitMs: number; readonly description?: string };

/** An error status as received. */
export interface StatusAnswer {
  readonly tenant: TenantId;
  readonly status: number;
  /** The reason phrase sent, often empty over HTTP/2: the standard one is used then. */
  readonly statusText: string;
  /** The `Location` header, for redirects. */
  readonly location: string | null;
  readonly body: ErrorBodyInfo;
}

export function failureText(facts: FailureFacts): string {
  switch (facts.kind) {
    case 'token':
      return l10n.t('Could not get a Partner Center token for tenant {0}: {1}', facts.tenant, errorMessage(facts.error));
    case 'pagingHeader':
      return l10n.t('Partner Center gave a paging header that cannot be sent: {0}', headerName(facts.header));
    case 'header':
      return l10n.t(
        'The request header {0} cannot be sent: its value contains characters HTTP does not allow (such as a line break). Nothing was sent.',
        headerName(facts.header),
      );
    case 'notJson':
      return l10n.t('Partner Center sent a response that is not valid JSON ({0}).', errorMessage(facts.error));
    case 'unexpectedBody':
      return l10n.t('Partner Center sent an unexpected response: {0}', facts.problem);
    case 'status':
      return statusText(facts.answer);
    case 'timeout':
      return l10n.t('Partner Center did not answer within {0} seconds.', formatSeconds(facts.timeoutMs));
    case 'network':
      return l10n.t('Could not reach Partner Center at {0}: {1}', facts.origin, networkReason(facts.error));
    case 'paused':
      return l10n.t(
        'Partner Center asked to pause the requests for tenant {0} for {1} minutes (429){2}. Nothing is sent to this tenant until then; try again afterwards.',
        facts.tenant,
        Math.ceil(facts.waitMs / 60_000),
        facts.description ? `: ${withoutFinalPeriod(facts.description)}` : '',
      );
  }
}

function statusText({ tenant, status, statusText, location, body }: StatusAnswer): string {
  if (status >= 300 && status < 400) {
    return l10n.t(
      'Partner Center answered with a redirect ({0}) to {1}. Redirects are not followed, so the token never leaves Partner Center.',
      status,
      location ?? '?',
    );
  }
  if (status === 429) {
    return l10n.t(
      'Partner Center kept throttling requests for tenant {0} (429){1}. Wait a minute and try again.',
      tenant,
      body.message ? `: ${body.message.trim()}` : '',
    );
  }
  const reason = statusText || STATUS_CODES[status] || '';
  // "…: <Partner Center's description> (code 3000)." — its own final period dropped so the sentence reads once.
  const detail = body.message ? `: ${withoutFinalPeriod(body.message)}` : '';
  const code = body.code ? ' ' + l10n.t('(code {0})', body.code) : '';
  if (status === 401) {
    return l10n.t('Partner Center did not accept the sign-in (401 {0}){1}{2}. Sign in again.', reason, detail, code);
  }
  if (status === 403) {
    return l10n.t(
      "Partner Center denied access (403 {0}){1}{2}. Check that your account may use tenant {3} and that the app registration has the Partner Center API permission (user_impersonation).",
      reason,
      detail,
      code,
      tenant,
    );
  }
  return l10n.t('Partner Center answered {0} {1}{2}{3}.', status, reason, detail, code);
}

/** undici reports "fetch failed" and puts the useful part (ECONNRESET, "other side closed") in `cause`. */
function networkReason(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  const message = typeof cause?.message === 'string' ? cause.message : errorMessage(error);
  return code && !message.includes(code) ? `${message} (${code})` : message;
}

/** A header name as text, quoted and short: a paging link's name comes from the server. */
function headerName(name: string): string {
  const quoted = JSON.stringify(name);
  return quoted.length > 80 ? `${quoted.slice(0, 79)}…` : quoted;
}

function withoutFinalPeriod(text: string): string {
  return text.trim().replace(/\.+$/, '');
}

/** `1.5`, `30`: seconds with at most one decimal. */
export function formatSeconds(ms: number): string {
  return (ms / 1000).toFixed(1).replace(/\.0$/, '');
}

/** For the log: `250 ms`, `1.5 s`. */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${formatSeconds(ms)} s`;
}
