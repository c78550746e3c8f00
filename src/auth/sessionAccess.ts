import * as vscode from 'vscode';
import { CLOUDS, type CloudId } from '../api/clouds';
import { PartnerCenterError, errorMessage } from '../api/errors';
import type { Logger } from '../api/logger';
import type { Settings } from '../settings';
import { type Connection, NO_SESSIONS, signedInState, stateWithoutSessions } from './connection';
import {
  type AuthProviderIds,
  SOVEREIGN_ENVIRONMENT_SETTING,
  authProviderFor,
  scopesFor,
  sovereignEnvironmentProblem,
} from './scopes';

/** Set by Sign Out, cleared by Sign In: the extension stays signed out across reloads though VS Code keeps the account. */
const SIGNED_OUT_KEY = 'partnerCenter.signedOut';

/**
 * Which of VS Code's authentication sessions this extension may use, and reading them. Every read here is
 * silent (never prompts, never badges): only Sign In may prompt.
 */
export class SessionAccess {
  private providers: AuthProviderIds = {};

  constructor(
    private readonly memento: vscode.Memento,
    private readonly log: Logger,
  ) {}

  /** Tests register their own authentication provider and point a cloud's sign-in at it. */
  useProviders(providers: AuthProviderIds): void {
    this.providers = { ...providers };
  }

  providerFor(cloud: CloudId): string {
    return authProviderFor(cloud, this.providers);
  }

  setSignedOut(signedOut: boolean): Thenable<void> {
    return this.memento.update(SIGNED_OUT_KEY, signedOut ? true : undefined);
  }

  /** 21Vianet and US Government sign in through VS Code's sovereign-cloud provider, which needs its environment set. */
  sovereignProblem(cloud: CloudId): { expected: string } | undefined {
    const configured = vscode.workspace.getConfiguration().get<unknown>(SOVEREIGN_ENVIRONMENT_SETTING);
    return sovereignEnvironmentProblem(CLOUDS[cloud], this.providers, configured);
  }

  /** The connection the settings and VS Code's sessions amount to now. */
  async connection(settings: Settings | undefined): Promise<Connection> {
    if (!settings) return { state: 'invalidSettings', sessions: NO_SESSIONS };
    const decided = this.stateWithoutSessions(settings);
    if (decided) return { state: decided, sessions: NO_SESSIONS };
    const sessions = new Map<string, string>();
    await Promise.all(
      settings.tenants.map(async (tenant) => {
        try {
          const session = await this.find(settings, tenant);
          if (session) sessions.set(tenant, session.id);
        } catch (error) {
          this.log.warn(errorMessage(error));
        }
      }),
    );
    return { state: signedInState(sessions), sessions };
  }

  /** The tenant's Microsoft access token on a real cloud, or an `auth` error that says to sign in. */
  async accessToken(tenant: string, settings: Settings): Promise<string> {
    const session = this.stateWithoutSessions(settings) ? undefined : await this.find(settings, tenant);
    if (!session) {
      throw new PartnerCenterError({
        kind: 'auth',
        summary: vscode.l10n.t('Not signed in to Partner Center for tenant {0}. Use Sign In in the Partner Center view.', tenant),
      });
    }
    return session.accessToken;
  }

  private stateWithoutSessions(settings: Settings): ReturnType<typeof stateWithoutSessions> {
    return stateWithoutSessions(settings, {
      signedOut: !!this.memento.get<boolean>(SIGNED_OUT_KEY),
      sovereignMismatch: !!this.sovereignProblem(settings.cloud),
    });
  }

  /** The tenant's session if VS Code has one for the scopes this extension asks. */
  private async find(settings: Settings, tenant: string): Promise<vscode.AuthenticationSession | undefined> {
    try {
      return await vscode.authentication.getSession(this.providerFor(settings.cloud), scopesFor(settings, tenant), {
        silent: true,
      });
    } catch (error) {
      throw new PartnerCenterError({
        kind: 'auth',
        summary: vscode.l10n.t('Could not get a Partner Center token for tenant {0}: {1}', tenant, errorMessage(error)),
        cause: error,
      });
    }
  }
}
