import * as vscode from 'vscode';
import { CLOUDS, type CloudDefinition, cloudLabel } from '../api/clouds';
import { PartnerCenterError } from '../api/errors';
import type { Logger } from '../api/logger';
import type { ConfigStore } from '../config';
import type { Settings } from '../settings';
import { type AuthProviderIds, authProviderFor, scopesFor, sovereignEnvironmentProblem } from './scopes';

/**
 * Where the connection stands, in the order it is decided:
 * - `invalidSettings`: nothing can be sent until the settings are fixed;
 * - `local`: the sandbox (or another loopback server) — no sign-in, no Microsoft token, ever;
 * - `needsClientId`: a real cloud, but no app registration to sign in with;
 * - `signedOut` / `signedIn`: a real cloud with or without a usable session.
 */
export type ConnectionState = 'invalidSettings' | 'local' | 'needsClientId' | 'signedOut' | 'signedIn';

const SIGNED_OUT_KEY = 'partnerCenter.signedOut';

/**
 * Owns the answer to "who are we talking to Partner Center as": the connection state (mirrored in the
 * `partnerCenter.state` / `partnerCenter.ready` context keys that drive the welcome views and menus), sign-in,
 * sign-out, and the Authorization header of every request (it is the client's TokenSource).
 */
export class SessionManager implements vscode.Disposable {
  private current: ConnectionState = 'signedOut';
  private readonly changed = new vscode.EventEmitter<ConnectionState>();
  private readonly disposables: vscode.Disposable[] = [];
  private evaluation: Promise<ConnectionState> | undefined;
  private debounce: ReturnType<typeof setTimeout> | undefined;
  private providers: AuthProviderIds = {};

  /** Fires when the state changes, and after every sign-in/sign-out (sessions may differ with the same state). */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly config: ConfigStore,
    private readonly memento: vscode.Memento,
    private readonly log: Logger,
  ) {
    this.disposables.push(
      this.changed,
      config.onDidChange(() => void this.evaluate()),
      // Session events come in bursts (token refreshes, several accounts): re-evaluate once they settle.
      vscode.authentication.onDidChangeSessions((event) => {
        const settings = this.settings();
        if (settings && event.provider.id === authProviderFor(settings.cloud, this.providers)) this.scheduleEvaluate();
      }),
    );
  }

  get state(): ConnectionState {
    return this.current;
  }

  /** True when requests can be sent: local mode, or signed in to a real cloud. */
  get ready(): boolean {
    return this.current === 'local' || this.current === 'signedIn';
  }

  /** Tests register their own authentication provider and point a cloud's sign-in at it. */
  useAuthenticationProviders(providers: AuthProviderIds): Promise<ConnectionState> {
    this.providers = providers;
    return this.evaluate();
  }

  /** Recomputes the state (silently: never prompts) and publishes it. Concurrent calls share one evaluation. */
  evaluate(): Promise<ConnectionState> {
    this.evaluation ??= this.computeState()
      .then((state) => this.publish(state))
      .finally(() => (this.evaluation = undefined));
    return this.evaluation;
  }

  /** Interactive sign-in to every configured tenant; returns false when the user cancelled or it failed. */
  async signIn(): Promise<boolean> {
    const settings = this.config.require();
    const cloud = CLOUDS[settings.cloud];
    if (settings.cloud === 'local') {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Local mode needs no sign-in: the view talks to {0} directly.', settings.apiBase),
      );
      return true;
    }
    if (!settings.clientId) {
      await this.publish('needsClientId');
      return false;
    }
    if (!(await this.ensureSovereignEnvironment(cloud))) return false;
    await this.memento.update(SIGNED_OUT_KEY, undefined);
    const provider = authProviderFor(settings.cloud, this.providers);
    try {
      for (const tenant of settings.tenants) {
        const session = await vscode.authentication.getSession(provider, scopesFor(settings, tenant), {
          createIfNone: true,
        });
        this.log.info(`Signed in to ${cloudLabel(settings.cloud)} for tenant ${tenant} as ${session.account.label}`);
      }
    } catch (error) {
      this.log.warn(`Sign-in did not complete: ${(error as Error).message}`);
      void vscode.window.showWarningMessage(
        vscode.l10n.t('Sign-in to Partner Center did not complete: {0}', (error as Error).message),
      );
      await this.evaluate();
      return false;
    }
    await this.evaluate();
    this.changed.fire(this.current);
    return true;
  }

  /**
   * Stops using the account in this extension. VS Code offers no API to remove another provider's account,
   * so the account stays signed in to VS Code (the Accounts menu removes it everywhere); we say so.
   */
  async signOut(): Promise<void> {
    await this.memento.update(SIGNED_OUT_KEY, true);
    await this.publish('signedOut');
    this.changed.fire(this.current);
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'Signed out of Partner Center in this extension. Your Microsoft account stays signed in to VS Code; remove it from the Accounts menu to sign out everywhere.',
      ),
    );
  }

  /** TokenSource: the Authorization header for a tenant. Local mode never touches a Microsoft session. */
  async authorization(tenant: string): Promise<string> {
    const settings = this.config.require();
    if (settings.cloud === 'local') return `Bearer sandbox:${tenant}`;
    const notSignedIn = () =>
      new PartnerCenterError({
        kind: 'auth',
        summary: vscode.l10n.t('Not signed in to Partner Center for tenant {0}. Use Sign In in the Partner Center view.', tenant),
      });
    if (!settings.clientId || this.memento.get<boolean>(SIGNED_OUT_KEY)) throw notSignedIn();
    let session: vscode.AuthenticationSession | undefined;
    try {
      session = await vscode.authentication.getSession(
        authProviderFor(settings.cloud, this.providers),
        scopesFor(settings, tenant),
        { silent: true },
      );
    } catch (error) {
      throw new PartnerCenterError({
        kind: 'auth',
        summary: vscode.l10n.t('Could not get a Partner Center token for tenant {0}: {1}', tenant, (error as Error).message),
        cause: error,
      });
    }
    if (!session) throw notSignedIn();
    return `Bearer ${session.accessToken}`;
  }

  dispose(): void {
    clearTimeout(this.debounce);
    for (const disposable of this.disposables) disposable.dispose();
  }

  private settings(): Settings | undefined {
    const result = this.config.current;
    return result.ok ? result.settings : undefined;
  }

  private scheduleEvaluate(): void {
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => void this.evaluate(), 250);
  }

  private async computeState(): Promise<ConnectionState> {
    const settings = this.settings();
    if (!settings) return 'invalidSettings';
    if (settings.cloud === 'local') return 'local';
    if (!settings.clientId) return 'needsClientId';
    if (this.memento.get<boolean>(SIGNED_OUT_KEY)) return 'signedOut';
    if (sovereignEnvironmentProblem(CLOUDS[settings.cloud], this.providers)) return 'signedOut';
    try {
      const session = await vscode.authentication.getSession(
        authProviderFor(settings.cloud, this.providers),
        scopesFor(settings, settings.tenants[0]!),
        { silent: true },
      );
      return session ? 'signedIn' : 'signedOut';
    } catch (error) {
      this.log.warn(`Could not read the Partner Center session: ${(error as Error).message}`);
      return 'signedOut';
    }
  }

  private async publish(state: ConnectionState): Promise<ConnectionState> {
    const changed = state !== this.current;
    this.current = state;
    await vscode.commands.executeCommand('setContext', 'partnerCenter.state', state);
    await vscode.commands.executeCommand('setContext', 'partnerCenter.ready', this.ready);
    if (changed) {
      this.log.info(`Connection state: ${state}`);
      this.changed.fire(state);
    }
    return state;
  }

  /** 21Vianet and US Government sign in through VS Code's sovereign-cloud provider, which needs its environment set. */
  private async ensureSovereignEnvironment(cloud: CloudDefinition): Promise<boolean> {
    const problem = sovereignEnvironmentProblem(cloud, this.providers);
    if (!problem) return true;
    const set = vscode.l10n.t('Set and Sign In');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t(
        '{0} signs in with the "{1}" environment of VS Code\'s Microsoft Sovereign Cloud authentication. Set microsoft-sovereign-cloud.environment to "{1}"?',
        cloudLabel(cloud.id),
        problem.expected,
      ),
      { modal: true },
      set,
    );
    if (answer !== set) return false;
    await vscode.workspace
      .getConfiguration('microsoft-sovereign-cloud')
      .update('environment', problem.expected, vscode.ConfigurationTarget.Global);
    return true;
  }
}
