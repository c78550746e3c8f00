// Records the notifications the extension shows (information, warning, error) while a test runs. The tests
// run in the extension's own host and share its `vscode` API object, so wrapping its `show…Message`
// functions sees every call; the real functions still run, so the workbench shows them as usual. A test can
// press one of a notification's buttons: the extension's promise then resolves with that button, as it does
// when the user clicks it (the notification stays in the workbench's list, as a clicked one would not).
import * as vscode from 'vscode';

export interface Notification {
  readonly severity: 'information' | 'warning' | 'error';
  readonly message: string;
  /** The buttons' labels, in order. */
  readonly buttons: readonly string[];
  /** Answers the extension as a click on that button would; throws when the notification has no such button. */
  press(button: string): void;
}

type ShowMessage = (message: string, ...rest: unknown[]) => Thenable<unknown>;

const severities = {
  information: 'showInformationMessage',
  warning: 'showWarningMessage',
  error: 'showErrorMessage',
} as const;

/** A button is a string or a `MessageItem`; a leading `MessageOptions` object (no `title`) is not a button. */
function buttonsOf(rest: readonly unknown[]): { item: unknown; label: string }[] {
  const items = rest.length && typeof rest[0] === 'object' && rest[0] !== null && !('title' in rest[0]) ? rest.slice(1) : rest;
  return items.map((item) => ({ item, label: typeof item === 'string' ? item : String((item as { title?: unknown }).title) }));
}

/** Starts recording; `stop()` restores the originals. Use in before/after or try/finally. */
export function recordNotifications(): { readonly shown: Notification[]; stop(): void } {
  const shown: Notification[] = [];
  const window = vscode.window as unknown as Record<string, ShowMessage>;
  const originals = new Map<string, ShowMessage>();
  for (const [severity, name] of Object.entries(severities) as [Notification['severity'], string][]) {
    const original = window[name]!;
    originals.set(name, original);
    window[name] = (message: string, ...rest: unknown[]) => {
      const buttons = buttonsOf(rest);
      let answer: (item: unknown) => void = () => undefined;
      const pressed = new Promise<unknown>((resolve) => (answer = resolve));
      shown.push({
        severity,
        message,
        buttons: buttons.map((button) => button.label),
        press: (label) => {
          const button = buttons.find((candidate) => candidate.label === label);
          if (!button) throw new Error(`the notification ${JSON.stringify(message)} has no button ${JSON.stringify(label)}`);
          answer(button.item);
        },
      });
      return Promise.race([original.call(vscode.window, message, ...rest), pressed]);
    };
  }
  return {
    shown,
    stop: () => {
      for (const [name, original] of originals) window[name] = original;
    },
  };
}
