import { CLOUDS, type CloudDefinition, type CloudId } from '../api/clouds';
import { DEFAULT_TENANT, type Settings } from '../settings';

// What the sign-in asks VS Code's Microsoft authentication for.

/** The built-in authentication providers; tests point each at a provider of their own. */
export type BuiltInAuthProvider = 'microsoft' | 'microsoft-sovereign-cloud';

/** Authentication provider ids per built-in provider; tests point them at a provider of their own. */
export type AuthProviderIds = Partial<Record<BuiltInAuthProvider, string>>;

/** The setting of VS Code's sovereign-cloud provider that selects 21Vianet or US Government. */
export const SOVEREIGN_ENVIRONMENT_SETTING = 'microsoft-sovereign-cloud.environment';

/** The provider a real cloud signs in with (`local` never signs in; it is given `microsoft` only for completeness). */
export function authProviderFor(cloud: CloudId, overrides: AuthProviderIds): string {
  const builtIn = CLOUDS[cloud].authProviderId ?? 'microsoft';
  return overrides[builtIn] ?? builtIn;
}

/**
 * The scopes asked for one partner tenant: the app registration to sign in with, the tenant (absent for the
 * account's own tenant, i.e. when `partnerCenter.tenants` is empty), and the Partner Center API's delegated scope.
 * Always in this order and without duplicates: VS Code keys sessions on the scope set, so the same tenant must
 * always ask for the same list.
 */
export function scopesFor(settings: Pick<Settings, 'cloud' | 'clientId' | 'usesDefaultTenant'>, tenant: string): string[] {
  const apiScope = CLOUDS[settings.cloud].scope;
  if (!apiScope) throw new Error(`The ${settings.cloud} cloud does not sign in.`);
  const scopes: string[] = [];
  if (settings.clientId) scopes.push(`VSCODE_CLIENT_ID:${settings.clientId}`);
  if (!(settings.usesDefaultTenant && tenant === DEFAULT_TENANT)) scopes.push(`VSCODE_TENANT:${tenant}`);
  scopes.push(apiScope);
  return [...new Set(scopes)];
}

/**
 * For china/usgov, which sign in through VS Code's sovereign-cloud provider: the environment that provider must
 * be set to, when `configured` is not it. Undefined when nothing is wrong, for the other clouds, and when tests
 * replaced the sovereign provider (theirs has no environment).
 */
export function sovereignEnvironmentProblem(
  cloud: CloudDefinition,
  overrides: AuthProviderIds,
  configured: unknown,
): { expected: string } | undefined {
  if (!cloud.sovereignEnvironment || overrides['microsoft-sovereign-cloud']) return undefined;
  return configured === cloud.sovereignEnvironment ? undefined : { expected: cloud.sovereignEnvironment };
}
