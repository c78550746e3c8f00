import type { Settings } from '../settings';

// The connection as a value, and what changed between two of them.

/**
 * Where the connection stands, in the order it is decided:
 * - `invalidSettings`: nothing can be sent until the settings are fixed;
 * - `local`: the sandbox (or another loopback server) — no sign-in, no Microsoft token, ever;
 * - `needsClientId`: a real cloud, but no app registration to sign in with;
 * - `signedOut` / `signedIn`: a real cloud without or with a session (for at least one configured tenant).
 */
export type ConnectionState = 'invalidSettings' | 'local' | 'needsClientId' | 'signedOut' | 'signedIn';

/** The state and, on a real cloud, the id of the session each configured tenant would use (none: not signed in). */
export interface Connection {
  readonly state: ConnectionState;
  readonly sessions: ReadonlyMap<string, string>;
}

export const NO_SESSIONS: ReadonlyMap<string, string> = new Map();

/** What keeps this extension from the sessions VS Code holds, although the settings name a real cloud. */
export interface SessionBarriers {
  /** Signed out in this extension (VS Code keeps the account). */
  readonly signedOut: boolean;
  /** The sovereign provider is set to another environment: its sessions would be another cloud's. */
  readonly sovereignMismatch: boolean;
}

/**
 * The state valid settings decide without reading a session, in the order of ConnectionState; undefined when
 * the tenants' sessions decide it (and only then may a session be used).
 */
export function stateWithoutSessions(
  settings: Pick<Settings, 'cloud' | 'clientId'>,
  barriers: SessionBarriers,
): 'local' | 'needsClientId' | 'signedOut' | undefined {
  if (settings.cloud === 'local') return 'local';
  if (!settings.clientId) return 'needsClientId';
  if (barriers.signedOut || barriers.sovereignMismatch) return 'signedOut';
  return undefined;
}

/** The state that a set of per-tenant sessions amounts to: signed in when any tenant has a session. */
export function signedInState(sessions: ReadonlyMap<string, string>): 'signedIn' | 'signedOut' {
  return sessions.size > 0 ? 'signedIn' : 'signedOut';
}

/**
 * Tenants whose session is not the one it was (signed in, signed out, or another account): what was fetched for
 * them was fetched as someone else. A refreshed token keeps its session id, so it changes nothing here.
 */
export function tenantsWithChangedSession(previous: Connection, next: Connection): string[] {
  const tenants = new Set([...previous.sessions.keys(), ...next.sessions.keys()]);
  return [...tenants].filter((tenant) => previous.sessions.get(tenant) !== next.sessions.get(tenant)).sort();
}
