import type * as vscode from 'vscode';
import type { Services } from '../services';
import { loadedOnFirstRun, registerCommand } from './command';

/** `partnerCenter.exportCustomers`: the CSV of every customer of a partner tenant; returns the number of rows. */
export function registerExportCommands(services: Services): vscode.Disposable[] {
  return [
    registerCommand(
      services,
      'partnerCenter.exportCustomers',
      loadedOnFirstRun(async () => (await import('./exportCustomers')).exportCustomersHandler(services)),
    ),
  ];
}
