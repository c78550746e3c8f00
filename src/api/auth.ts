import * as l10n from '@vscode/l10n';
import { type CloudId, isLoopbackHost } from './clouds';
import { PartnerCenterError } from './errors';
import type { TenantId } from './types';

/**
 * Where the `Authorization` header of a request comes from. The VS Code implementation (src/auth/) asks
 * VS Code's Microsoft authentication; tests and tools use SandboxTokenSource. Throw a PartnerCenterError
 * of kind `auth` when no token can be had.
 */
export interface TokenSource {
  /**
   * The whole header value, e.g. `Bearer eyJ…`, for a request built for `target`. Never logged. The kind of
   * token follows `target`, not the settings at send time (a queued request can outlive a cloud switch).
   */
  authorization(tenant: TenantId, target: ApiTarget, signal?: AbortSignal): Promise<string>;
}

/** The API a request is meant for: the configured base URL and the cloud it belongs to. */
export interface ApiTarget {
  readonly apiBase: string;
  readonly cloud: CloudId;
}

export function sameTarget(a: ApiTarget, b: ApiTarget): boolean {
  return a.cloud === b.cloud && a.apiBase === b.apiBase;
}

/**
 * The bundled sandbox's scheme: `Bearer sandbox:<tenant>`. The tenant is the settings' tenant id, so an
 * empty `partnerCenter.tenants` (tenant `default`) gives `sandbox:default`, the sandbox's first tenant.
 * No Microsoft token is involved.
 */
export function sandboxAuthorization(tenant: TenantId): string {
  return `Bearer sandbox:${tenant}`;
}

/** Tests and tools: the sandbox scheme, for local targets only. */
export class SandboxTokenSource implements TokenSource {
  authorization(tenant: TenantId, target: ApiTarget): Promise<string> {
    // Only tests and tools use this class (plain English is enough); http.ts turns it into an `auth` error.
    if (target.cloud !== 'local') return Promise.reject(new Error(`the sandbox token is for local mode, not ${target.cloud}`));
    return Promise.resolve(sandboxAuthorization(tenant));
  }
}

/**
 * A token goes only to the configured API origin, and only over https unless that origin is on this machine
 * (local mode, or tests that point a cloud at the sandbox). Anything else — a `links.next` naming another host,
 * a downgrade to http, credentials in the URL — is refused before a request is built.
 */
export function assertTokenDestination(url: URL, target: ApiTarget): void {
  const allowed = new URL(target.apiBase);
  const refuse = (why: string) =>
    new PartnerCenterError({
      kind: 'invalidResponse',
      summary: l10n.t('Refused to send the Partner Center token to {0}: {1}', url.origin, why),
      request: `GET ${url.pathname}`,
    });
  if (url.origin !== allowed.origin) {
    throw refuse(l10n.t('only {0} is allowed.', allowed.origin));
  }
  if (url.username || url.password) {
    throw refuse(l10n.t('the address contains credentials.'));
  }
  const local = target.cloud === 'local' || isLoopbackHost(url.hostname);
  if (url.protocol !== 'https:' && !local) {
    throw refuse(l10n.t('Partner Center is only reached over https.'));
  }
}

/**
 * Resolves a Partner Center URI against the API base. `links.*.uri` come with or without the `/v1` prefix
 * and with or without a leading `/`, so `customers?x`, `/customers?x` and
 * `/v1/customers?x` all mean `<base>/v1/customers?x`. Absolute URIs are kept as they are (and then
 * checked by assertTokenDestination).
 */
export function resolveApiUrl(apiBase: string, uri: string): URL {
  if (/^[a-z][a-z\d+.-]*:/i.test(uri) || uri.startsWith('//')) return new URL(uri, apiBase);
  const path = uri.replace(/^\/+/, '').replace(/^v1(?=[/?#]|$)/i, '').replace(/^\/+/, '');
  return new URL(`${apiBase.replace(/\/+$/, '')}/v1/${path}`);
}
