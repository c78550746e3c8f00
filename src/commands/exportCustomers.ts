import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { PartnerCenterError, errorMessage, isCancellation } from '../api/errors';
import { isRecord } from '../api/json';
import { type AtomicWriteFs, temporaryNameFor, writeAtomically } from '../export/atomicWrite';
import { type ExportProgress, type ExportResult, exportCustomers } from '../export/customerExport';
import type { Services } from '../services';
import type { CommandHandler } from './command';
import { literalText } from '../presentation/literalText';
import { InvalidTargetError, resolveTenant } from './targets';

// The body of partnerCenter.exportCustomers, loaded on its first run (exportCommands.ts registers it).

/** The programmatic arguments of `partnerCenter.exportCustomers` (a tenant node also fits: it has `tenantId`). */
interface ExportArgs {
  readonly includeBilling?: boolean;
  /** Where to write; no dialog is shown when given. */
  readonly uri?: vscode.Uri;
  /** Lets a programmatic caller (and the tests) cancel, as the notification's Cancel button does. */
  readonly signal?: AbortSignal;
}

/** `partnerCenter.exportCustomers`: the CSV of every customer of a partner tenant; returns the number of rows. */
export function exportCustomersHandler(services: Services): CommandHandler<[arg?: unknown], number | undefined> {
  return async ({ correlationId }, arg?: unknown) => {
    const settings = services.config.require();
    const args = exportArgsOf(arg);
    const tenantId = await resolveTenant(arg, settings, vscode.l10n.t('Export Customers'));
    if (!tenantId) return undefined;
    const includeBilling = args.includeBilling ?? (args.uri ? false : await askIncludeBilling());
    if (includeBilling === undefined) return undefined;
    const target = args.uri ?? (await askTarget(tenantId));
    if (!target) return undefined;
    await refuseFolder(target); // before any request: an export can take minutes

    let result: ExportResult;
    try {
      result = await withExportProgress(tenantId, args.signal, (signal, onProgress) =>
        exportAndWrite(services, { tenantId, includeBilling, correlationId, signal, onProgress }, target),
      );
    } catch (error) {
      if (!isCancellation(error)) throw error;
      services.log.info(`Export of tenant ${tenantId} cancelled; nothing was written to ${target.toString(true)}.`);
      void vscode.window.showInformationMessage(vscode.l10n.t('The export was cancelled. Nothing was written.'));
      return undefined;
    }
    reportResult(services, tenantId, target, result);
    return result.rows;
  };
}

function exportArgsOf(arg: unknown): ExportArgs {
  if (arg === undefined || arg === null) return {};
  if (!isRecord(arg)) throw new InvalidTargetError(vscode.l10n.t('Expected {0}.', '{ tenantId?, includeBilling?, uri? }'));
  const { includeBilling, uri, signal } = arg;
  if (includeBilling !== undefined && typeof includeBilling !== 'boolean') {
    throw new InvalidTargetError(vscode.l10n.t('"includeBilling" must be true or false.'));
  }
  return {
    includeBilling,
    uri: uri === undefined ? undefined : targetUriOf(uri),
    signal: signal instanceof AbortSignal ? signal : undefined,
  };
}

/** A `vscode.Uri` (or its JSON form, when it crossed a process boundary) or an absolute file path. */
function targetUriOf(value: unknown): vscode.Uri {
  if (value instanceof vscode.Uri) return value;
  if (typeof value === 'string' && path.isAbsolute(value)) return vscode.Uri.file(value);
  if (isRecord(value) && typeof value.scheme === 'string') {
    return vscode.Uri.from(value as { scheme: string; path?: string; authority?: string });
  }
  throw new InvalidTargetError(vscode.l10n.t('"uri" must be a file URI or an absolute file path.'));
}

async function askIncludeBilling(): Promise<boolean | undefined> {
  const withoutBilling = {
    label: vscode.l10n.t('Customers only'),
    detail: vscode.l10n.t('Customer ID, company name, primary domain and relationship. Quick: one request per page.'),
    includeBilling: false,
  };
  const withBilling = {
    label: vscode.l10n.t('Customers with billing contacts'),
    detail: vscode.l10n.t('Adds the billing contact, culture, language and country: one request per customer, paced by the rate limit.'),
    includeBilling: true,
  };
  const picked = await vscode.window.showQuickPick([withoutBilling, withBilling], {
    title: vscode.l10n.t('Export Customers'),
    placeHolder: vscode.l10n.t('What should the CSV file contain?'),
  });
  return picked?.includeBilling;
}

async function askTarget(tenantId: string): Promise<vscode.Uri | undefined> {
  const date = new Date().toISOString().slice(0, 10);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(os.homedir());
  return vscode.window.showSaveDialog({
    title: vscode.l10n.t('Export Customers'),
    saveLabel: vscode.l10n.t('Export'),
    defaultUri: vscode.Uri.joinPath(folder, `partner-center-customers-${tenantId}-${date}.csv`),
    filters: { [vscode.l10n.t('CSV files')]: ['csv'] },
  });
}

/** Runs the export in a cancellable notification showing the count and, for billing, the time left. */
async function withExportProgress<T>(
  tenantId: string,
  callerSignal: AbortSignal | undefined,
  run: (signal: AbortSignal, onProgress: (progress: ExportProgress) => void) => Promise<T>,
): Promise<T> {
  return vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Exporting the customers of {0}', tenantId),
      cancellable: true,
    },
    async (progress, token) => {
      const cancel = new AbortController();
      const cancellation = token.onCancellationRequested(() => cancel.abort());
      const signal = callerSignal ? AbortSignal.any([cancel.signal, callerSignal]) : cancel.signal;
      let percent = 0;
      try {
        return await run(signal, (update) => {
          const next = update.phase === 'billing' && update.total > 0 ? (100 * update.done) / update.total : 0;
          progress.report({ message: progressMessage(update), increment: Math.max(0, next - percent) });
          percent = Math.max(percent, next);
        });
      } finally {
        cancellation.dispose();
      }
    },
  );
}

function progressMessage(progress: ExportProgress): string {
  if (progress.phase === 'listing') return vscode.l10n.t('Customers listed: {0}…', progress.loaded);
  if (progress.remainingSeconds === undefined) return vscode.l10n.t('Billing contacts: {0} of {1}', progress.done, progress.total);
  return vscode.l10n.t('Billing contacts: {0} of {1}, about {2} left', progress.done, progress.total, formatDuration(progress.remainingSeconds));
}

function formatDuration(seconds: number): string {
  if (seconds < 60) return vscode.l10n.t('{0} s', seconds);
  return vscode.l10n.t('{0} min {1} s', Math.floor(seconds / 60), seconds % 60);
}

async function exportAndWrite(
  services: Services,
  request: Parameters<typeof exportCustomers>[1],
  target: vscode.Uri,
): Promise<ExportResult> {
  const result = await exportCustomers(services.client, request);
  if (request.signal.aborted) throw PartnerCenterError.cancelled();
  await writeWhole(target, result.csv);
  return result;
}

/** Through a temporary sibling renamed over the target (export/atomicWrite.ts), with VS Code's file system. */
async function writeWhole(target: vscode.Uri, content: string): Promise<void> {
  await refuseFolder(target); // one may have been made there while the export ran
  const temporary = vscode.Uri.joinPath(target, '..', temporaryNameFor(path.posix.basename(target.path)));
  try {
    await writeAtomically(workspaceFs, target, temporary, Buffer.from(content, 'utf8'));
  } catch (error) {
    // The file system's own message (ENOSPC, EACCES…) alone does not say that the target is as it was.
    const where = displayPath(target);
    throw new Error(vscode.l10n.t('The export could not be written to {0}: {1} The file there, if any, was left as it was.', where, errorMessage(error)), {
      cause: error,
    });
  }
}

/**
 * The rename that puts the file in place replaces whatever has the target's name, and VS Code's file service
 * deletes a folder there, contents and all, to do so: a folder is refused instead, and nothing in it is touched.
 */
async function refuseFolder(target: vscode.Uri): Promise<void> {
  const type = await vscode.workspace.fs.stat(target).then(
    (stat) => stat.type,
    () => vscode.FileType.Unknown, // nothing there yet (or unreadable: the write will say so)
  );
  if (type & vscode.FileType.Directory) {
    throw new InvalidTargetError(vscode.l10n.t('The export could not be written to {0}: it is a folder. Nothing in it was changed.', displayPath(target)));
  }
}

function displayPath(target: vscode.Uri): string {
  return target.scheme === 'file' ? target.fsPath : target.toString(true);
}

const workspaceFs: AtomicWriteFs<vscode.Uri> = {
  writeFile: (file, content) => vscode.workspace.fs.writeFile(file, content),
  rename: (from, to) => vscode.workspace.fs.rename(from, to, { overwrite: true }),
  delete: (file) => vscode.workspace.fs.delete(file),
};

function reportResult(services: Services, tenantId: string, target: vscode.Uri, result: ExportResult): void {
  const where = displayPath(target);
  services.log.info(`Exported ${result.rows} customers of tenant ${tenantId} to ${where}.`);
  const open = vscode.l10n.t('Open File');
  const openIfAsked = (choice: string | undefined) => {
    if (choice === open) void vscode.commands.executeCommand('vscode.open', target);
  };
  // A file name can contain `$(…)` or `[…](…)` too: the notification must show it as typed.
  const file = literalText(where);
  const exported =
    result.rows === 1
      ? vscode.l10n.t('Exported 1 customer of {0} to {1}.', tenantId, file)
      : vscode.l10n.t('Exported {0} customers of {1} to {2}.', result.rows, tenantId, file);
  const failures = result.billingFailures.length;
  if (failures === 0) {
    void vscode.window.showInformationMessage(exported, open).then(openIfAsked);
    return;
  }
  for (const failure of result.billingFailures) {
    services.log.warn(`Export of tenant ${tenantId}: the billing profile of ${failure.customerId} (${failure.companyName}) could not be read: ${failure.message}`);
  }
  // Never a silently incomplete file: the warning says how many rows lack their billing contact.
  const incomplete =
    failures === 1
      ? vscode.l10n.t('The billing contact of 1 customer could not be read: its billing cells are empty. The log names it.')
      : vscode.l10n.t('The billing contacts of {0} customers could not be read: their billing cells are empty. The log lists them.', failures);
  const showLog = vscode.l10n.t('Show Log');
  void vscode.window.showWarningMessage(`${exported} ${incomplete}`, open, showLog).then((choice) => {
    if (choice === showLog) services.log.show();
    openIfAsked(choice);
  });
}
