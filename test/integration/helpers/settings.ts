// The extension's live pieces and its settings, for integration tests. Generic: any suite can use these.
import * as vscode from 'vscode';
import type { PartnerCenterExports } from '../../../src/extension';
import { activatedExtension } from '../extension';

/** What `activate` returned: the client, the session, the customers view, the panels… */
export async function extensionExports(): Promise<PartnerCenterExports> {
  return (await activatedExtension()).exports as PartnerCenterExports;
}

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

/** Polls `probe` until it returns something other than undefined; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
