import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { errorMessage, isCancellation } from '../api/errors';
import type { Services } from '../services';
import { literalText } from '../presentation/literalText';

/** What every command handler receives besides its arguments. */
export interface CommandContext {
  /** `MS-CorrelationId` for every request this command makes: one per user action. */
  readonly correlationId: string;
}

/**
 * Registers a command with the project's one error policy: the handler's result is returned to programmatic
 * callers; a failure is logged and shown once as an error notification (with "Show Log") and the command
 * returns `undefined` (re-throwing would make VS Code show a second, generic notification); a cancellation is
 * silent.
 */
export function registerCommand<Args extends unknown[], Result>(
  services: Services,
  id: string,
  handler: CommandHandler<Args, Result>,
  /** `rejects`: for commands meant for automation (no UI): a failure is logged and rejects the call, no notification. */
  options: { readonly rejects?: boolean } = {},
): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    const context: CommandContext = { correlationId: randomUUID() };
    try {
      return await handler(context, ...(args as Args));
    } catch (error) {
      if (isCancellation(error)) {
        services.log.info(`${id} cancelled`);
        return undefined;
      }
      const message = errorMessage(error);
      services.log.error(`${id} failed (correlation id ${context.correlationId}): ${message}`);
      if (options.rejects) throw error;
      void showError(services, message);
      return undefined;
    }
  });
}

/** A command handler as registerCommand takes it. */
export type CommandHandler<Args extends unknown[], Result> = (context: CommandContext, ...args: Args) => Result | Promise<Result>;

/**
 * A handler whose code is loaded on the command's first run: activation does not need it, so it sits in its own
 * chunk of the bundle (a dynamic import()), and VS Code starts without reading it.
 */
export function loadedOnFirstRun<Args extends unknown[], Result>(
  load: () => Promise<CommandHandler<Args, Result>>,
): CommandHandler<Args, Result> {
  let loading: Promise<CommandHandler<Args, Result>> | undefined;
  return async (context, ...args) => (await (loading ??= load()))(context, ...args);
}

/** An error notification with a "Show Log" action. The message often quotes the server or a customer's data. */
export async function showError(services: Services, message: string): Promise<void> {
  const showLog = vscode.l10n.t('Show Log');
  if ((await vscode.window.showErrorMessage(literalText(message), showLog)) === showLog) services.log.show();
}
