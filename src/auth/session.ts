import * as vscode from 'vscode';
import type { TokenSource } from '../api/auth';
import type { Logger } from '../api/logger';
import type { ConfigStore } from '../config';
import type { Settings } from '../settings';
import { type Connection, type ConnectionState, NO_SESSIONS, tenantsWithChangedSession } from './connection';
import { Rerunner } from './rerunner';
import { type AuthProviderIds, SOVEREIGN_ENVIRONMENT_SETTING } from './scopes';
import { SessionAccess } from './sessionAccess';
import { SignInFlow } from './signInFlow';
import { TargetedTokenSource } from './tokens';

export type { ConnectionState } from './connection';

/** What a change of connection means for the data: the new state, and whose data is no longer the user's. */
export interface ConnectionChange {
  readonly state: ConnectionState;
  /** Tenants now signed in as someone else or no one: what was fetched or queued for them must go. */
  readonly tenantsWithChangedSession: readonly string[];
}

/** Session events come in bursts (token refreshes, several accounts): re-evaluate once they settle. */
const SESSION_EVENT_DEBOUNCE_MS = 250;

/**
 * Owns the answer to "who are we talking to Partner Center as": the connection state, kept current as settings
 * and VS Code's sessions change, and mirrored in the `partnerCenter.state` / `partnerCenter.ready` context keys
 * that drive the welcome views and menus. Sign In / Sign Out are the SignInFlow's; `tokens` is the client's.
 */
export class SessionManager implements vscode.Disposable {
  private connection: Connection = { state: 'signedOut', sessions: NO_SESSIONS };
  private readonly changed = new vscode.EventEmitter<ConnectionChange>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly access: SessionAccess;
  private readonly flow: SignInFlow;
  private readonly evaluation = new Rerunner(() => this.access.connection(this.settings()).then((next) => this.publish(next)));
  private debounce: ReturnType<typeof setTimeout> | undefined;

  /** Fires when the state changes or a tenant's session does (signed in, out, or another account). */
  readonly onDidChange = this.changed.event;

  /**
   * The client's TokenSource: the Authorization header of a tenant's request. Local mode never touches a
   * Microsoft session; a request whose target is no longer the configured one is cancelled.
   */
  readonly tokens: TokenSource;

  constructor(
    private readonly config: ConfigStore,
    memento: vscode.Memento,
    private readonly log: Logger,
  ) {
    this.access = new SessionAccess(memento, log);
    this.flow = new SignInFlow({ config, access: this.access, log, evaluate: () => this.evaluate() });
    this.tokens = new TargetedTokenSource({
      current: () => config.require(),
      microsoftToken: (tenant, settings) => this.access.accessToken(tenant, settings),
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
        if (settings && settings.cloud !== 'local' && event.provider.id === this.access.providerFor(settings.cloud)) {
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
    this.access.useProviders(providers);
    return this.evaluate();
  }

  /** Recomputes the state (silently: never prompts) and publishes it; resolves with a state read after the call. */
  evaluate(): Promise<ConnectionState> {
    return this.evaluation.run();
  }

  /**
   * The only path that may prompt; false when the user cancelled or it failed. `again`: a tenant whose token
   * Partner Center refused gets a new session; what was fetched for it goes even if VS Code kept the session's id.
   */
  async signIn(again?: string): Promise<boolean> {
    const before = again === undefined ? undefined : this.connection.sessions.get(again);
    const signedIn = await this.flow.signIn(again);
    if (signedIn && again !== undefined && this.connection.sessions.get(again) === before) {
      this.changed.fire({ state: this.connection.state, tenantsWithChangedSession: [again] });
    }
    return signedIn;
  }

  signOut(): Promise<void> {
    return this.flow.signOut();
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
    if (this.flow.inProgress) return;
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => void this.evaluate(), SESSION_EVENT_DEBOUNCE_MS);
  }

  private async publish(next: Connection): Promise<ConnectionState> {
    const previous = this.connection;
    this.connection = next;
    const changedTenants = tenantsWithChangedSession(previous, next);
    if (next.state !== previous.state) this.log.info(`Connection state: ${next.state}`);
    // Told at once, before the context keys are awaited: a view that started loading under the new state in
    // between would then be reset by this very change and load its first page twice.
    if (next.state !== previous.state || changedTenants.length > 0) {
      if (changedTenants.length > 0) this.log.info(`Session changed for tenant(s) ${changedTenants.join(', ')}`);
      this.changed.fire({ state: next.state, tenantsWithChangedSession: changedTenants });
    }
    await vscode.commands.executeCommand('setContext', 'partnerCenter.state', next.state);
    await vscode.commands.executeCommand('setContext', 'partnerCenter.ready', this.ready);
    return next.state;
  }
}
