import * as vscode from 'vscode';
import { CLOUDS, type CloudDefinition, type CloudId } from '../api/clouds';
import type { Settings } from '../settings';

/** Authentication provider ids per built-in provider; tests point them at a provider of their own. */
export type AuthProviderIds = Partial<Record<'microsoft' | 'microsoft-sovereign-cloud', string>>;

export function authProviderFor(cloud: CloudId, overrides: AuthProviderIds): string {
  const builtIn = CLOUDS[cloud].authProviderId ?? 'microsoft';
  return overrides[builtIn] ?? builtIn;
}

/**
 * The scopes asked of VS Code's Microsoft authentication for one partner tenant: the Partner Center API's
 * delegated scope, the app registration to sign in with, and the tenant (absent for the account's own tenant).
 * Always in the same order: sessions are keyed on the scope set.
 */
export function scopesFor(settings: Settings, tenant: string): string[] {
  const scopes: string[] = [];
  if (settings.clientId) scopes.push(`VSCODE_CLIENT_ID:${settings.clientId}`);
  if (!settings.usesDefaultTenant) scopes.push(`VSCODE_TENANT:${tenant}`);
  scopes.push(CLOUDS[settings.cloud].scope as string);
  return scopes;
}

/** For china/usgov: the sovereign provider's environment setting when it is not the one this cloud needs. */
export function sovereignEnvironmentProblem(
  cloud: CloudDefinition,
  overrides: AuthProviderIds,
): { expected: string } | undefined {
  if (!cloud.sovereignEnvironment || overrides['microsoft-sovereign-cloud']) return undefined;
  const configured = vscode.workspace.getConfiguration('microsoft-sovereign-cloud').get<string>('environment');
  return configured === cloud.sovereignEnvironment ? undefined : { expected: cloud.sovereignEnvironment };
}
