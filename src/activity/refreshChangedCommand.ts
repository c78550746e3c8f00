import * as vscode from 'vscode';
import { type CommandContext, registerCommand } from '../commands/command';
import type { Services } from '../services';
import type { CustomersView } from '../tree/customersView';
import { parseActivitySettings } from './model/activitySettings';
import { ChangeRefresher, type RefreshChangedResult } from './model/changeRefresher';

// `partnerCenter.refreshChanged` and its poll (`partnerCenter.activity.pollMinutes`): the command says what it
// did; the poll only logs it (a notification every few minutes would be noise).

export const REFRESH_CHANGED_COMMAND = 'partnerCenter.refreshChanged';

export function registerRefreshChanged(services: Services, customers: CustomersView): vscode.Disposable[] {
  const refresher = new ChangeRefresher(services.client, customers, services.log);
  const run = async (context: CommandContext): Promise<RefreshChangedResult> => {
    const settings = services.config.require();
    const activity = readActivitySettings();
    if (!activity.ok) throw new Error(activity.problems.join(' '));
    return refresher.run(settings.tenants, activity.settings, context.correlationId);
  };
  const poll = new Poll(services, (correlationId) => run({ correlationId }));
  return [
    registerCommand(services, REFRESH_CHANGED_COMMAND, async (context) => {
      const result = await run(context);
      void vscode.window.showInformationMessage(resultMessage(result));
      return result;
    }),
    poll,
    services.config.onDidChange(() => refresher.reset()),
    services.session.onDidChange(() => refresher.reset()),
  ];
}

export function resultMessage(result: RefreshChangedResult): string {
  const parts = [
    result.updated === 1
      ? vscode.l10n.t('Refresh what changed: 1 customer updated.')
      : vscode.l10n.t('Refresh what changed: {0} customers updated.', result.updated),
  ];
  if (result.added > 0) parts.push(vscode.l10n.t('New customers: {0}.', result.added));
  if (result.relationshipsRemoved > 0) parts.push(vscode.l10n.t('Relationships removed: {0}.', result.relationshipsRemoved));
  if (result.failed > 0) parts.push(vscode.l10n.t('{0} could not be fetched (see the log).', result.failed));
  if (result.wholeRefreshTenants.length > 0) {
    parts.push(vscode.l10n.t('Not loaded recently, so refreshed whole: {0}.', result.wholeRefreshTenants.join(', ')));
  }
  return parts.join(' ');
}

/** Runs Refresh what changed every `pollMinutes` (0 = never), following the setting as it changes. */
class Poll implements vscode.Disposable {
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly listener: vscode.Disposable;

  constructor(
    private readonly services: Services,
    private readonly tick: (correlationId: string) => Promise<RefreshChangedResult>,
  ) {
    this.listener = vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('partnerCenter.activity.pollMinutes')) this.schedule();
    });
    this.schedule();
  }

  dispose(): void {
    if (this.timer) clearInterval(this.timer);
    this.listener.dispose();
  }

  private schedule(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    const activity = readActivitySettings();
    const minutes = activity.ok ? activity.settings.pollMinutes : 0;
    if (minutes === 0) return;
    this.timer = setInterval(() => {
      if (!this.services.session.ready || !this.services.config.current.ok) return;
      this.tick(crypto.randomUUID()).then(
        (result) => this.services.log.info(`Poll: ${resultMessage(result)}`),
        (error: unknown) => this.services.log.warn(`Poll: Refresh what changed failed: ${String(error)}`),
      );
    }, minutes * 60_000);
  }
}

/** The `partnerCenter.activity.*` settings as VS Code has them now. */
export function readActivitySettings(): ReturnType<typeof parseActivitySettings> {
  const section = vscode.workspace.getConfiguration('partnerCenter.activity');
  return parseActivitySettings({ days: section.get('days'), pollMinutes: section.get('pollMinutes'), fullRefreshDays: section.get('fullRefreshDays') });
}
