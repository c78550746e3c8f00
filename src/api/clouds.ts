import * as l10n from '@vscode/l10n';

/** The Partner Center instances the extension can talk to: global, China (21Vianet), US Government, and the local sandbox. */
export type CloudId = 'global' | 'china' | 'usgov' | 'local';

export const CLOUD_IDS: readonly CloudId[] = ['global', 'china', 'usgov', 'local'];

export interface CloudDefinition {
  readonly id: CloudId;
  /** Partner Center's API host; `undefined` for `local`, whose base comes from `partnerCenter.localEndpoint`. */
  readonly apiBase: string | undefined;
  /** VS Code authentication provider; `undefined` for `local`, which never sends a Microsoft token. */
  readonly authProviderId: 'microsoft' | 'microsoft-sovereign-cloud' | undefined;
  /** Value the built-in `microsoft-sovereign-cloud.environment` setting must have for this cloud. */
  readonly sovereignEnvironment: 'ChinaCloud' | 'USGovernment' | undefined;
  /** Delegated (App+User) scope of the Partner Center API. */
  readonly scope: string | undefined;
}

const GLOBAL_API = 'https://api.partnercenter.microsoft.com';
const CHINA_API = 'https://partner.partnercenterapi.microsoftonline.cn';

export const CLOUDS: Readonly<Record<CloudId, CloudDefinition>> = {
  global: {
    id: 'global',
    apiBase: GLOBAL_API,
    authProviderId: 'microsoft',
    sovereignEnvironment: undefined,
    scope: `${GLOBAL_API}/user_impersonation`,
  },
  china: {
    id: 'china',
    apiBase: CHINA_API,
    authProviderId: 'microsoft-sovereign-cloud',
    sovereignEnvironment: 'ChinaCloud',
    scope: `${CHINA_API}/user_impersonation`,
  },
  // US Government uses the global API host with the US Government sign-in authority.
  usgov: {
    id: 'usgov',
    apiBase: GLOBAL_API,
    authProviderId: 'microsoft-sovereign-cloud',
    sovereignEnvironment: 'USGovernment',
    scope: `${GLOBAL_API}/user_impersonation`,
  },
  local: {
    id: 'local',
    apiBase: undefined,
    authProviderId: undefined,
    sovereignEnvironment: undefined,
    scope: undefined,
  },
};

/** Display name of a cloud (tenant nodes' description, messages). */
export function cloudLabel(cloud: CloudId): string {
  switch (cloud) {
    case 'global':
      return l10n.t('Partner Center');
    case 'china':
      return l10n.t('Partner Center operated by 21Vianet');
    case 'usgov':
      return l10n.t('Partner Center for Microsoft Cloud for US Government');
    case 'local':
      return l10n.t('Local sandbox');
  }
}

/** True for 127.0.0.0/8, ::1 and localhost: the only hosts `local` mode may talk to. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host === '::1' || host === '0:0:0:0:0:0:0:1') return true;
  const v4 = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return v4 !== null && v4.slice(1).every((octet) => Number(octet) <= 255);
}

/**
 * Checks a `partnerCenter.localEndpoint` value and returns its normalised base URL (no trailing slash),
 * or throws an Error whose message says what is wrong and what is allowed.
 */
export function parseLocalEndpoint(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(l10n.t('"{0}" is not a valid URL. Use for example http://127.0.0.1:7071.', value));
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(l10n.t('"{0}" must use http or https.', value));
  }
  if (!isLoopbackHost(url.hostname)) {
    throw new Error(
      l10n.t('"{0}" is not a loopback address. Local mode only talks to 127.0.0.0/8, ::1 or localhost.', value),
    );
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new Error(l10n.t('"{0}" must not contain credentials, a query or a fragment.', value));
  }
  return url.origin + url.pathname.replace(/\/+$/, '');
}

const apiBaseOverrides = new Map<CloudId, string>();

/**
 * Integration tests point a real cloud at the sandbox (a loopback URL only), so its sign-in paths can be
 * exercised end to end without any traffic leaving the machine. `undefined` restores the real host.
 */
export function overrideCloudApiBase(cloud: Exclude<CloudId, 'local'>, base: string | undefined): void {
  if (base === undefined) apiBaseOverrides.delete(cloud);
  else apiBaseOverrides.set(cloud, parseLocalEndpoint(base));
}

/** The API base URL for a cloud (local: the validated loopback endpoint). */
export function apiBaseFor(cloud: CloudId, localEndpoint: string): string {
  if (cloud === 'local') return parseLocalEndpoint(localEndpoint);
  return apiBaseOverrides.get(cloud) ?? (CLOUDS[cloud].apiBase as string);
}
