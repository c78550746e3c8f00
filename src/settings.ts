import * as l10n from '@vscode/l10n';
import { MAX_CACHE_SECONDS } from './api/cache';
import { CLOUD_IDS, type CloudId, apiBaseFor } from './api/clouds';
import { errorMessage } from './api/errors';
import * as z from './api/zod';

/** The `partnerCenter.*` settings after validation: typed, with defaults applied. */
export interface Settings {
  readonly cloud: CloudId;
  /** Partner tenants to browse; `[DEFAULT_TENANT]` when the setting is empty. */
  readonly tenants: readonly string[];
  /** True when `partnerCenter.tenants` was empty (the signed-in account's own tenant). */
  readonly usesDefaultTenant: boolean;
  readonly clientId: string;
  /** Base URL of the API: the cloud's host, or the validated loopback endpoint in local mode. */
  readonly apiBase: string;
  readonly pageSize: number;
  readonly rateLimit: { readonly requests: number; readonly windowSeconds: number };
  readonly cacheSeconds: number;
  /** `partnerCenter.allowEdits`: false hides Edit and refuses every write. */
  readonly allowEdits: boolean;
}

/** Tenant key used when `partnerCenter.tenants` is empty: the sandbox's first tenant, or the account's home tenant. */
export const DEFAULT_TENANT = 'default';

/** The longest `rateLimit.windowSeconds` (also the manifest's `maximum`). */
export const MAX_WINDOW_SECONDS = 3600;

export const SETTING_KEYS = [
  'cloud',
  'tenants',
  'clientId',
  'localEndpoint',
  'pageSize',
  'rateLimit.requests',
  'rateLimit.windowSeconds',
  'cacheSeconds',
  'allowEdits',
] as const;

export type RawSettings = Partial<Record<(typeof SETTING_KEYS)[number], unknown>>;

const tenantId = z.string().check(
  z.trim(),
  z.minLength(1),
  z.maxLength(256),
  // `error` as a function: the message is looked up when a value fails, after l10n is configured (the
  // schema itself is built at import time, before activation).
  z.regex(/^[A-Za-z0-9][A-Za-z0-9.\-_]*$/, { error: () => l10n.t('expected a tenant id (GUID) or domain') }),
);

/** A whole number in [min, max]. */
const wholeNumber = (min: number, max: number) => z.int().check(z.minimum(min), z.maximum(max));

const schema = z.object({
  cloud: z._default(z.enum(CLOUD_IDS as [CloudId, ...CloudId[]]), 'global'),
  tenants: z._default(z.array(tenantId), []),
  clientId: z._default(
    z.string().check(
      z.trim(),
      z.regex(/^$|^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, {
        error: () => l10n.t('expected an application (client) id: a GUID'),
      }),
    ),
    '',
  ),
  localEndpoint: z._default(z.string(), 'http://127.0.0.1:7071'),
  pageSize: z._default(wholeNumber(1, 500), 100),
  'rateLimit.requests': z._default(wholeNumber(1, 500), 500),
  // Bounded: a longer window is no rate limit, and an unbounded one overflows timers (or is not finite in ms).
  'rateLimit.windowSeconds': z._default(
    z.number().check(
      z.gt(0),
      z.maximum(MAX_WINDOW_SECONDS, { error: () => l10n.t('at most {0} seconds (one hour)', MAX_WINDOW_SECONDS) }),
    ),
    60,
  ),
  // Bounded: a result kept for ages is stale data shown as fresh (the cache keeps no longer anyway).
  cacheSeconds: z._default(wholeNumber(0, MAX_CACHE_SECONDS), 300),
  allowEdits: z._default(z.boolean(), true),
});

export type SettingsResult = { ok: true; settings: Settings } | { ok: false; problems: string[] };

/**
 * Validates raw setting values (undefined = default). Every problem is reported with the setting's full id,
 * so the user knows exactly what to fix; nothing is silently clamped.
 */
export function parseSettings(raw: RawSettings): SettingsResult {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const [key, ...rest] = issue.path.map(String);
      const where = rest.length ? `${key}[${rest.join('.')}]` : key;
      return l10n.t('partnerCenter.{0}: {1}', where ?? '?', issue.message);
    });
    return { ok: false, problems };
  }
  const value = parsed.data;
  let apiBase: string;
  try {
    apiBase = apiBaseFor(value.cloud, value.localEndpoint);
  } catch (e) {
    return { ok: false, problems: [l10n.t('partnerCenter.localEndpoint: {0}', errorMessage(e))] };
  }
  const tenants = [...new Set(value.tenants)];
  return {
    ok: true,
    settings: {
      cloud: value.cloud,
      tenants: tenants.length ? tenants : [DEFAULT_TENANT],
      usesDefaultTenant: tenants.length === 0,
      clientId: value.clientId,
      apiBase,
      pageSize: value.pageSize,
      rateLimit: { requests: value['rateLimit.requests'], windowSeconds: value['rateLimit.windowSeconds'] },
      cacheSeconds: value.cacheSeconds,
      allowEdits: value.allowEdits,
    },
  };
}
