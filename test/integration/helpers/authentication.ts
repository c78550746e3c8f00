// Signing in inside the real extension host without a Microsoft account: an authentication provider the test
// registers with VS Code (sessions it controls, what VS Code asked it recorded), and the user's answer to VS Code's
// sign-in consent prompt, which a test extension host refuses to show.
import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';

/** The sandbox tenant a session's token names: `Bearer sandbox:<tenant>` is what the sandbox accepts. */
export type TokenFor = (tenantScope: string | undefined) => string;

const TENANT_SCOPE = 'VSCODE_TENANT:';
const sameScopes = (a: readonly string[], b: readonly string[]) =>
  JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());

/**
 * A real `vscode.AuthenticationProvider` registered under a unique id, with one session per scope set, as
 * VS Code's Microsoft provider keys them. Its tokens are sandbox tokens (`tokenFor` maps the session's
 * `VSCODE_TENANT:` to one), so a real cloud pointed at the sandbox works end to end. Dispose it after the test.
 */
export class TestAuthenticationProvider implements vscode.AuthenticationProvider, vscode.Disposable {
  readonly id = `pc-test-auth-${randomUUID()}`;
  readonly account = { id: 'tester', label: 'tester@contoso.example' };
  /** Every scope list VS Code asked sessions for (VS Code's own account listing, without scopes, left out). */
  readonly asked: string[][] = [];
  /** Every scope list `createSession` (an interactive sign-in) was called with. */
  readonly created: string[][] = [];
  private sessions: vscode.AuthenticationSession[] = [];
  private readonly changed = new vscode.EventEmitter<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>();
  readonly onDidChangeSessions = this.changed.event;
  private readonly registration: vscode.Disposable;
  private sessionCount = 0;

  constructor(
    label: string,
    /** The token of the sessions created from now on. */
    public tokenFor: TokenFor = (tenant) => `sandbox:${tenant ?? 'default'}`,
  ) {
    this.registration = vscode.authentication.registerAuthenticationProvider(this.id, label, this, {
      supportsMultipleAccounts: false,
    });
  }

  getSessions(scopes: readonly string[] | undefined): Promise<vscode.AuthenticationSession[]> {
    if (!scopes) return Promise.resolve([...this.sessions]);
    this.asked.push([...scopes]);
    return Promise.resolve(this.sessions.filter((session) => sameScopes(session.scopes, scopes)));
  }

  createSession(scopes: readonly string[]): Promise<vscode.AuthenticationSession> {
    this.created.push([...scopes]);
    return Promise.resolve(this.add(scopes));
  }

  removeSession(sessionId: string): Promise<void> {
    this.remove((session) => session.id === sessionId);
    return Promise.resolve();
  }

  /** The sessions VS Code can get now. */
  get current(): readonly vscode.AuthenticationSession[] {
    return this.sessions;
  }

  /** The session of a tenant scope (`undefined`: the scope lists without VSCODE_TENANT). */
  sessionOf(tenant: string | undefined): vscode.AuthenticationSession | undefined {
    return this.sessions.find((session) => tenantOf(session.scopes) === tenant);
  }

  /** A session appears for these scopes (as when the account signs in somewhere in VS Code) and VS Code is told. */
  add(scopes: readonly string[]): vscode.AuthenticationSession {
    const session: vscode.AuthenticationSession = {
      id: `${this.id}-session-${++this.sessionCount}`,
      accessToken: this.tokenFor(tenantOf(scopes)),
      account: this.account,
      scopes: [...scopes],
    };
    this.sessions = [...this.sessions.filter((s) => !sameScopes(s.scopes, scopes)), session];
    this.changed.fire({ added: [session], removed: [], changed: [] });
    return session;
  }

  /** Removes sessions (all by default), as signing the account out of VS Code does, and tells VS Code. */
  remove(which: (session: vscode.AuthenticationSession) => boolean = () => true): vscode.AuthenticationSession[] {
    const removed = this.sessions.filter(which);
    this.sessions = this.sessions.filter((session) => !which(session));
    if (removed.length) this.changed.fire({ added: [], removed, changed: [] });
    return removed;
  }

  /** Puts sessions back as they were (same ids and tokens), and tells VS Code. */
  restore(sessions: readonly vscode.AuthenticationSession[]): void {
    this.sessions = [...this.sessions, ...sessions];
    this.changed.fire({ added: [...sessions], removed: [], changed: [] });
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }
}

function tenantOf(scopes: readonly string[]): string | undefined {
  return scopes.find((scope) => scope.startsWith(TENANT_SCOPE))?.slice(TENANT_SCOPE.length);
}

export interface GetSessionCall {
  readonly providerId: string;
  readonly scopes: readonly string[];
  readonly options: vscode.AuthenticationGetSessionOptions;
}

export interface SignInPrompts {
  /** Every `vscode.authentication.getSession` call the extension made while recording, in order. */
  readonly calls: GetSessionCall[];
  /** What the user answers the next prompts. */
  answer: 'allow' | 'cancel';
  stop(): void;
}

type GetSession = (
  providerId: string,
  scopes: readonly string[],
  options?: vscode.AuthenticationGetSessionOptions,
) => Thenable<vscode.AuthenticationSession | undefined>;

/**
 * Records the extension's `getSession` calls and answers VS Code's sign-in prompt for the given providers.
 *
 * An interactive `getSession` (`createIfNone`) without a usable session makes VS Code ask in a modal dialog
 * whether the extension may sign in, and a test extension host refuses every modal dialog ("DialogService:
 * refused to show dialog in tests"). So for those calls this does what the user's answer leads to: `allow`
 * takes the route VS Code offers for the same request in the Accounts menu ("Sign in with … to use …"), where
 * VS Code itself calls the provider's createSession with the requested scopes and grants the extension the
 * account; `cancel` fails the way VS Code does when the user declines. Every other call is passed on as is.
 * The tests run in the extension's own host and share its `vscode` API object, so the extension's calls come
 * through here; `stop()` restores the original.
 */
export function answerSignInPrompts(
  providerIds: readonly string[],
  /**
   * What VS Code does once the user agrees to sign in again (`forceNewSession`): asks the provider for a new
   * session. The modal that asks is refused in a test host, so this stands in for the user's "Sign in".
   */
  newSession?: (providerId: string, scopes: readonly string[]) => Thenable<vscode.AuthenticationSession>,
): SignInPrompts {
  const authentication = vscode.authentication as unknown as { getSession: GetSession };
  const unwrapped = authentication.getSession;
  const original: GetSession = unwrapped.bind(vscode.authentication);
  const prompts: SignInPrompts = {
    calls: [],
    answer: 'allow',
    stop: () => {
      authentication.getSession = unwrapped;
    },
  };
  authentication.getSession = async (providerId, scopes, options = {}) => {
    prompts.calls.push({ providerId, scopes: [...scopes], options: { ...options } });
    if (providerIds.includes(providerId) && options.forceNewSession) {
      if (prompts.answer === 'cancel') throw new Error('User did not consent to login.');
      assert.ok(newSession, `a sign-in again for ${providerId}, and the test gave no way to create its new session`);
      return newSession(providerId, scopes);
    }
    if (!providerIds.includes(providerId) || !options.createIfNone) return original(providerId, scopes, options);
    const usable = await original(providerId, scopes, { silent: true });
    if (usable) return usable; // VS Code would not prompt either
    if (prompts.answer === 'cancel') throw new Error('User did not consent to login.');
    const before = new Set(await vscode.commands.getCommands());
    // Neither silent nor createIfNone: VS Code adds the request to the Accounts menu (a command) and returns nothing.
    await original(providerId, scopes, {});
    const requests = (await vscode.commands.getCommands()).filter(
      (id) => id.startsWith(`${providerId}:`) && /:signIn\d+$/.test(id),
    );
    const request = requests.find((id) => !before.has(id)) ?? requests.at(-1);
    assert.ok(request, `VS Code offered no "Sign in … to use …" for ${providerId}`);
    await vscode.commands.executeCommand(request);
    const session = await original(providerId, scopes, { silent: true });
    assert.ok(session, `no session for ${scopes.join(' ')} after signing in through ${request}`);
    return session;
  };
  return prompts;
}
