import * as l10n from '@vscode/l10n';

/**
 * What went wrong, in terms a user can act on:
 * - `http`: Partner Center answered with an error status (not retried, or retries exhausted);
 * - `throttled`: 429s persisted past the retry budget;
 * - `network`: the connection failed or was reset;
 * - `timeout`: no answer in time;
 * - `invalidResponse`: the body is not JSON or does not match the schema (names the field path);
 * - `auth`: no token could be obtained (not signed in, consent missing, sign-in cancelled);
 * - `settings`: the `partnerCenter.*` settings are invalid, so nothing was sent;
 * - `cancelled`: a refresh, sign-out or the user cancelled it.
 */
export type PartnerCenterErrorKind =
  | 'http'
  | 'throttled'
  | 'network'
  | 'timeout'
  | 'invalidResponse'
  | 'auth'
  | 'settings'
  | 'cancelled';

export interface PartnerCenterErrorDetails {
  kind: PartnerCenterErrorKind;
  /** The one-line explanation (already localized), without the request id. */
  summary: string;
  status?: number;
  /** Partner Center's error code (ApiFault `code`, e.g. "1000"). */
  code?: string;
  /** Partner Center's own description of the error. */
  description?: string;
  requestId?: string;
  correlationId?: string;
  /** For `invalidResponse`: the failing field path(s), e.g. `items[3].id`. */
  fieldPath?: string;
  /** HTTP method and path (no host, no query secrets) of the failing request, for the log. */
  request?: string;
  cause?: unknown;
}

/** The only error type that leaves the api/ layer. The UI shows `message`; the log shows `details`. */
export class PartnerCenterError extends Error {
  readonly kind: PartnerCenterErrorKind;
  readonly status?: number;
  readonly code?: string;
  readonly description?: string;
  readonly requestId?: string;
  readonly correlationId?: string;
  readonly fieldPath?: string;
  readonly request?: string;

  constructor(details: PartnerCenterErrorDetails) {
    const suffix = details.requestId ? ' ' + l10n.t('(Request ID {0})', details.requestId) : '';
    super(details.summary + suffix, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'PartnerCenterError';
    this.kind = details.kind;
    this.status = details.status;
    this.code = details.code;
    this.description = details.description;
    this.requestId = details.requestId;
    this.correlationId = details.correlationId;
    this.fieldPath = details.fieldPath;
    this.request = details.request;
  }

  static cancelled(): PartnerCenterError {
    return new PartnerCenterError({ kind: 'cancelled', summary: l10n.t('The request was cancelled.') });
  }
}

export function isPartnerCenterError(error: unknown): error is PartnerCenterError {
  return error instanceof PartnerCenterError;
}

export function isCancellation(error: unknown): boolean {
  return (
    (error instanceof PartnerCenterError && error.kind === 'cancelled') ||
    (error instanceof Error && error.name === 'AbortError')
  );
}

/** A message for any thrown value, for places that must show something (the client only throws PartnerCenterError). */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
