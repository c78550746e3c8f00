// The extension's `partnerCenter.*` user settings, set for a test and put back after it. Generic: any suite can use it.
import * as vscode from 'vscode';
import { waitFor } from './waitFor';

/**
 * Sets `partnerCenter.*` user settings (e.g. `{ tenants: ['default', 'fabrikam'], pageSize: 500 }`) and returns
 * a function that puts back what was there before. Both resolve once the extension host sees the new values
 * (its change listeners have run). Call the restore function in `after`/`finally`.
 */
export async function useSettings(values: Readonly<Record<string, unknown>>): Promise<() => Promise<void>> {
  const configuration = vscode.workspace.getConfiguration('partnerCenter');
  const previous = Object.fromEntries(Object.keys(values).map((key) => [key, configuration.inspect(key)?.globalValue]));
  await applySettings(values);
  return () => applySettings(previous);
}

async function applySettings(values: Readonly<Record<string, unknown>>): Promise<void> {
  const configuration = vscode.workspace.getConfiguration('partnerCenter');
  for (const [key, value] of Object.entries(values)) {
    await configuration.update(key, value, vscode.ConfigurationTarget.Global);
  }
  // `update` can resolve before the extension host has received the change: wait until it reads the values.
  await waitFor('the extension host to see the new settings', () => {
    const current = vscode.workspace.getConfiguration('partnerCenter');
    const seen = Object.entries(values).every(([key, value]) => {
      const global = current.inspect(key)?.globalValue;
      return JSON.stringify(global) === JSON.stringify(value);
    });
    return seen ? true : undefined;
  });
}
