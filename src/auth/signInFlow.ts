import * as vscode from 'vscode';
import { type CloudId, cloudLabel } from '../api/clouds';
import { errorMessage } from '../api/errors';
import type { Logger } from '../api/logger';
import type { ConfigStore } from '../config';
import { sameTenant } from '../customerRef';
import { literalText } from '../presentation/literalText';
import type { ConnectionState } from './connection';
import { SOVEREIGN_ENVIRONMENT_SETTING, scopesFor } from './scopes';
import type { SessionAccess } from './sessionAccess';

export interface SignInFlowOptions {
  readonly config: ConfigStore;
  readonly access: SessionAccess;
  readonly log: Logger;
  /** Recomputes and publishes the connection state once a sign-in or sign-out is done. */
  readonly evaluate: () => Promise<ConnectionState>;
}

/** Sign In and Sign Out as the user sees them: the prompts, and what they are told. */
export class SignInFlow {
  private signingIn = false;

  constructor(private readonly options: SignInFlowOptions) {}

  /** True while Sign In runs: it evaluates when done, so the session events it causes need not be acted on. */
  get inProgress(): boolean {
    return this.signingIn;
  }

  /**
   * Interactive sign-in, one session per configured tenant (VS Code prompts only for tenants without one).
   * `again`: Partner Center refused this tenant's token (a final 401), so its session is replaced by a new one
   * (VS Code asks the user to sign in again) and no other tenant is asked. Returns false when the user cancelled
   * or it failed; the state then says what was achieved.
   */
  async signIn(again?: string): Promise<boolean> {
    const { config, access, log, evaluate } = this.options;
    const settings = config.require();
    if (settings.cloud === 'local') {
      showLocalModeNeedsNoSignIn(settings.apiBase);
      return true;
    }
    if (!settings.clientId) {
      // The setting's own description says what to register; the welcome view says it too.
      await vscode.commands.executeCommand('workbench.action.openSettings', 'partnerCenter.clientId');
      await evaluate();
      return false;
    }
    const tenants = again === undefined ? settings.tenants : settings.tenants.filter((tenant) => sameTenant(tenant, again));
    // A row of a tenant configured no more: nothing to sign in to.
    if (!tenants.length) return false;
    if (!(await this.ensureSovereignEnvironment(settings.cloud))) return false;
    await access.setSignedOut(false);
    const provider = access.providerFor(settings.cloud);
    let failure: { tenant: string; error: unknown } | undefined;
    this.signingIn = true;
    try {
      for (const tenant of tenants) {
        try {
          const scopes = scopesFor(settings, tenant);
          const session =
            again === undefined
              ? await vscode.authentication.getSession(provider, scopes, { createIfNone: true })
              : await vscode.authentication.getSession(provider, scopes, { forceNewSession: { detail: signInAgainDetail(tenant) } });
          log.info(`Signed in to ${cloudLabel(settings.cloud)} for tenant ${tenant} as ${session.account.label}`);
        } catch (error) {
          // The user said no (or it failed): do not ask again for the next tenant.
          failure = { tenant, error };
          break;
        }
      }
    } finally {
      this.signingIn = false;
    }
    await evaluate();
    if (!failure) return true;
    const reason = errorMessage(failure.error);
    log.warn(`Sign-in for tenant ${failure.tenant} did not complete: ${reason}`);
    // The provider's reason can quote a server: shown as text, never as a link.
    void vscode.window.showWarningMessage(vscode.l10n.t('Sign-in to Partner Center did not complete: {0}', literalText(reason)));
    return false;
  }

  /**
   * Stops using the account in this extension: nothing more is sent with its tokens and what was fetched with
   * them is dropped (listeners of the session's onDidChange do that). VS Code offers no API to remove another
   * provider's account, so the account stays signed in to VS Code (the Accounts menu removes it everywhere); we say so.
   */
  async signOut(): Promise<void> {
    const { config, access, evaluate } = this.options;
    const settings = config.require();
    if (settings.cloud === 'local') {
      showLocalModeNeedsNoSignIn(settings.apiBase);
      return;
    }
    await access.setSignedOut(true);
    await evaluate();
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'Signed out of Partner Center in this extension. Your Microsoft account stays signed in to VS Code; remove it from the Accounts menu to sign out everywhere.',
      ),
    );
  }

  /** Offers to set the sovereign provider's environment the cloud needs; false when it is not set. */
  private async ensureSovereignEnvironment(cloud: CloudId): Promise<boolean> {
    const problem = this.options.access.sovereignProblem(cloud);
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

function signInAgainDetail(tenant: string): string {
  return vscode.l10n.t('Partner Center did not accept the sign-in for tenant {0}. Sign in again to go on.', tenant);
}

function showLocalModeNeedsNoSignIn(apiBase: string): void {
  void vscode.window.showInformationMessage(vscode.l10n.t('Local mode needs no sign-in: the view talks to {0} directly.', apiBase));
}
