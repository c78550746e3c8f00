// Records the notifications the extension shows (information, warning, error) while a test runs. The tests
// run in the extension's own host and share its `vscode` API object, so wrapping its `show…Message`
// functions sees every call; the real functions still run, so the workbench shows them as usual.
import * as vscode from 'vscode';

export interface Notification {
  readonly severity: 'information' | 'warning' | 'error';
  readonly message: string;
}

type ShowMessage = (message: string, ...items: unknown[]) => Thenable<unknown>;

const severities = {
  information: 'showInformationMessage',
  warning: 'showWarningMessage',
  error: 'showErrorMessage',
} as const;

/** Starts recording; `stop()` restores the originals. Use in before/after or try/finally. */
export function recordNotifications(): { readonly shown: Notification[]; stop(): void } {
  const shown: Notification[] = [];
  const window = vscode.window as unknown as Record<string, ShowMessage>;
  const originals = new Map<string, ShowMessage>();
  for (const [severity, name] of Object.entries(severities) as [Notification['severity'], string][]) {
    const original = window[name]!;
    originals.set(name, original);
    window[name] = (message: string, ...items: unknown[]) => {
      shown.push({ severity, message });
      return original.call(vscode.window, message, ...items);
    };
  }
  return {
    shown,
    stop: () => {
      for (const [name, original] of originals) window[name] = original;
    },
  };
}
