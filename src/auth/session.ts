import * as vscode from 'vscode';
import type { ApiTarget, TokenSource } from '../api/auth';
import { CLOUDS, type CloudId, cloudLabel } from '../api/clouds';
import { PartnerCenterError } from '../api/errors';
import type { Logger } from '../api/logger';
import type { ConfigStore } from '../config';
import type { Settings } from '../settings';
import { type Connection, type ConnectionState, NO_SESSIONS, signedInState, tenantsWithChangedSession } from './connection';
import { Rerunner } from './rerunner';
import {
  type AuthProviderIds,
  SOVEREIGN_ENVIRONMENT_SETTING,
  authProviderFor,
  scopesFor,
  sovereignEnvironmentProblem,
} from './scopes';
import { literalText } from '../presentation/literalText';
import { TargetedTokenSource } from './tokens';

export type { ConnectionState } from './connection';

/** What a change of connection means for the data: the new state, and whose data is no longer the user's. */
export interface ConnectionChange {
  readonly state: ConnectionState;
  /** Tenants now signed in as someone else or no one: what was fetched or queued for them must go. */
  readonly tenantsWithChangedSession: readonly string[];
}

/** Set by Sign Out, cleared by Sign In: the extension stays signed out across reloads though VS Code keeps the account. */
const SIGNED_OUT_KEY = 'partnerCenter.signedOut';

/** Session events come in bursts (token refreshes, several accounts): re-evaluate once they settle. */
const SESSION_EVENT_DEBOUNCE_MS = 250;

/**
 * Owns the answer to "who are we talking to Partner Center as": the connection state (mirrored in the
 * `partnerCenter.state` / `partnerCenter.ready` context keys that drive the welcome views and menus), sign-in,
 * sign-out, and the Authorization header of every request (it is the client's TokenSource).
 * Only Sign In may prompt; every other session read is silent.
 */
export class SessionManager implements TokenSource, vscode.Disposable {
  private connection: Connection = { state: 'signedOut', sessions: NO_SESSIONS };
  private readonly changed = new vscode.EventEmitter<ConnectionChange>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly evaluation = new Rerunner(() => this.readConnection().then((next) => this.publish(next)));
  private readonly tokens: TargetedTokenSource<Settings>;
  private debounce: ReturnType<typeof setTimeout> | undefined;
  private providers: AuthProviderIds = {};
  /** Sign In evaluates when it is done: the session events it causes on the way are not acted on. */
  private signingIn = false;

  /** Fires when the state changes or a tenant's session does (signed in, out, or another account). */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly config: ConfigStore,
    private readonly memento: vscode.Memento,
    private readonly log: Logger,
  ) {
    this.tokens = new TargetedTokenSource({
      current: () => this.config.require(),
      microsoftToken: (tenant, settings) => this.accessToken(tenant, settings),
      logger: log,
    });
    this.disposables.push(
      this.changed,
      config.onDidChange(() => void this.evaluate()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(SOVEREIGN_ENVIRONMENT_SETTING)) void this.evaluate();
      }),
      vscode.authentication.onDidChangeSessions((event) => {
        const settings = this.settings();
        if (settings && settings.cloud !== 'local' && event.provider.id === this.providerFor(settings.cloud)) {
          this.scheduleEvaluate();
        }
      }),
    );
  }

  get state(): ConnectionState {
    return this.connection.state;
  }

  /** True when requests can be sent: local mode, or signed in to a real cloud. */
  get ready(): boolean {
    return this.state === 'local' || this.state === 'signedIn';
  }

  /** Tests register their own authentication provider and point a cloud's sign-in at it. */
  useAuthenticationProviders(providers: AuthProviderIds): Promise<ConnectionState> {
    this.providers = { ...providers };
    return this.evaluate();
  }

  /** Recomputes the state (silently: never prompts) and publishes it; resolves with a state read after the call. */
  evaluate(): Promise<ConnectionState> {
    return this.evaluation.run();
  }

  /**
   * Interactive sign-in, one session per configured tenant (VS Code prompts only for tenants without one).
   * Returns false when the user cancelled or it failed; the state then says what was achieved.
   */
  async signIn(): Promise<boolean> {
    const settings = this.config.require();
    if (settings.cloud === 'local') {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Local mode needs no sign-in: the view talks to {0} directly.', settings.apiBase),
      );
      return true;
    }
    if (!settings.clientId) {
      // The setting's own description says what to register; the welcome view says it too.
      await vscode.commands.executeCommand('workbench.action.openSettings', 'partnerCenter.clientId');
      await this.evaluate();
      return false;
    }
    if (!(await this.ensureSovereignEnvironment(settings.cloud))) return false;
    await this.memento.update(SIGNED_OUT_KEY, undefined);
    const provider = this.providerFor(settings.cloud);
    let failure: { tenant: string; error: unknown } | undefined;
    this.signingIn = true;
    try {
      for (const tenant of settings.tenants) {
        try {
          const session = await vscode.authentication.getSession(provider, scopesFor(settings, tenant), { createIfNone: true });
          this.log.info(`Signed in to ${cloudLabel(settings.cloud)} for tenant ${tenant} as ${session.account.label}`);
        } catch (error) {
          // The user said no (or it failed): do not ask again for the next tenant.
          failure = { tenant, error };
          break;
        }
      }
    } finally {
      this.signingIn = false;
    }
    await this.evaluate();
    if (!failure) return true;
    const reason = messageOf(failure.error);
    this.log.warn(`Sign-in for tenant ${failure.tenant} did not complete: ${reason}`);
    // The provider's reason can quote a server: shown as text, never as a link.
    void vscode.window.showWarningMessage(vscode.l10n.t('Sign-in to Partner Center did not complete: {0}', literalText(reason)));
    return false;
  }

  /**
   * Stops using the account in this extension: nothing more is sent with its tokens and what was fetched with
   * them is dropped (listeners of onDidChange do that). VS Code offers no API to remove another provider's
   * account, so the account stays signed in to VS Code (the Accounts menu removes it everywhere); we say so.
   */
  async signOut(): Promise<void> {
    const settings = this.config.require();
    if (settings.cloud === 'local') {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Local mode needs no sign-in: the view talks to {0} directly.', settings.apiBase),
      );
      return;
    }
    await this.memento.update(SIGNED_OUT_KEY, true);
    await this.evaluate();
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'Signed out of Partner Center in this extension. Your Microsoft account stays signed in to VS Code; remove it from the Accounts menu to sign out everywhere.',
      ),
    );
  }

  /**
   * TokenSource: the Authorization header for a tenant's request to `target`. Local mode never touches a
   * Microsoft session; a request whose target is no longer the configured one is cancelled (see tokens.ts).
   */
  authorization(tenant: string, target: ApiTarget): Promise<string> {
    return this.tokens.authorization(tenant, target);
  }

  dispose(): void {
    clearTimeout(this.debounce);
    for (const disposable of this.disposables) disposable.dispose();
  }

  private settings(): Settings | undefined {
    const result = this.config.current;
    return result.ok ? result.settings : undefined;
  }

  private providerFor(cloud: CloudId): string {
    return authProviderFor(cloud, this.providers);
  }

  private scheduleEvaluate(): void {
    if (this.signingIn) return;
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => void this.evaluate(), SESSION_EVENT_DEBOUNCE_MS);
  }

  /**
   * False when no session may be used although the settings name a real cloud: no app registration, signed out
   * here, or the sovereign provider set to another environment (its sessions would be another cloud's).
   */
  private mayUseSessions(settings: Settings): boolean {
    return !!settings.clientId && !this.memento.get<boolean>(SIGNED_OUT_KEY) && !this.sovereignProblem(settings.cloud);
  }

  /** The tenant's Microsoft access token on a real cloud, or an `auth` error that says to sign in. */
  private async accessToken(tenant: string, settings: Settings): Promise<string> {
    const session = this.mayUseSessions(settings) ? await this.findSession(settings, tenant) : undefined;
    if (!session) {
      throw new PartnerCenterError({
        kind: 'auth',
        summary: vscode.l10n.t('Not signed in to Partner Center for tenant {0}. Use Sign In in the Partner Center view.', tenant),
      });
    }
    return session.accessToken;
  }

  /** The tenant's session if VS Code has one this extension may use. Silent: never prompts, never badges. */
  private async findSession(settings: Settings, tenant: string): Promise<vscode.AuthenticationSession | undefined> {
    try {
      return await vscode.authentication.getSession(this.providerFor(settings.cloud), scopesFor(settings, tenant), {
        silent: true,
      });
    } catch (error) {
      throw new PartnerCenterError({
        kind: 'auth',
        summary: vscode.l10n.t('Could not get a Partner Center token for tenant {0}: {1}', tenant, messageOf(error)),
        cause: error,
      });
    }
  }

  private async readConnection(): Promise<Connection> {
    const settings = this.settings();
    if (!settings) return { state: 'invalidSettings', sessions: NO_SESSIONS };
    if (settings.cloud === 'local') return { state: 'local', sessions: NO_SESSIONS };
    if (!settings.clientId) return { state: 'needsClientId', sessions: NO_SESSIONS };
    if (!this.mayUseSessions(settings)) return { state: 'signedOut', sessions: NO_SESSIONS };
    const sessions = new Map<string, string>();
    await Promise.all(
      settings.tenants.map(async (tenant) => {
        try {
          const session = await this.findSession(settings, tenant);
          if (session) sessions.set(tenant, session.id);
        } catch (error) {
          this.log.warn(messageOf(error));
        }
      }),
    );
    return { state: signedInState(sessions), sessions };
  }

  private async publish(next: Connection): Promise<ConnectionState> {
    const previous = this.connection;
    this.connection = next;
    await vscode.commands.executeCommand('setContext', 'partnerCenter.state', next.state);
    await vscode.commands.executeCommand('setContext', 'partnerCenter.ready', this.ready);
    const changedTenants = tenantsWithChangedSession(previous, next);
    if (next.state !== previous.state) this.log.info(`Connection state: ${next.state}`);
    if (next.state !== previous.state || changedTenants.length > 0) {
      if (changedTenants.length > 0) this.log.info(`Session changed for tenant(s) ${changedTenants.join(', ')}`);
      this.changed.fire({ state: next.state, tenantsWithChangedSession: changedTenants });
    }
    return next.state;
  }

  private sovereignProblem(cloud: CloudId): { expected: string } | undefined {
    const configured = vscode.workspace.getConfiguration().get<unknown>(SOVEREIGN_ENVIRONMENT_SETTING);
    return sovereignEnvironmentProblem(CLOUDS[cloud], this.providers, configured);
  }

  /** 21Vianet and US Government sign in through VS Code's sovereign-cloud provider, which needs its environment set. */
  private async ensureSovereignEnvironment(cloud: CloudId): Promise<boolean> {
    const problem = this.sovereignProblem(cloud);
    if (!problem) return true;
    const set = vscode.l10n.t('Set and Sign In');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t(
        '{0} signs in with the "{1}" environment of VS Code\'s Microsoft Sovereign Cloud authentication. Set microsoft-sovereign-cloud.environment to "{1}"?',
        cloudLabel(cloud),
        problem.expected,
      ),
      { modal: true },
      set,
    );
    if (answer !== set) return false;
    await vscode.workspace
      .getConfiguration()
      .update(SOVEREIGN_ENVIRONMENT_SETTING, problem.expected, vscode.ConfigurationTarget.Global);
    return true;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
