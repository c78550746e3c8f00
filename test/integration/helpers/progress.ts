// Records the progress notifications the extension runs (`window.withProgress`) while a test runs: each one's
// title and every message it reports, in order. Same approach as notifications.ts: the tests share the
// extension's `vscode` API object; the real progress is still shown.
import * as vscode from 'vscode';

export interface RecordedProgress {
  readonly title: string | undefined;
  readonly cancellable: boolean;
  readonly messages: string[];
}

export function recordProgress(): { readonly runs: RecordedProgress[]; stop(): void } {
  const runs: RecordedProgress[] = [];
  const window = vscode.window as { withProgress: typeof vscode.window.withProgress };
  const original = window.withProgress;
  window.withProgress = <R>(options: vscode.ProgressOptions, task: Parameters<typeof original<R>>[1]): Thenable<R> => {
    const run: RecordedProgress = { title: options.title, cancellable: options.cancellable === true, messages: [] };
    runs.push(run);
    return original.call<typeof vscode.window, [vscode.ProgressOptions, typeof task], Thenable<R>>(vscode.window, options, (progress, token) =>
      task(
        {
          report: (value) => {
            if (value.message !== undefined) run.messages.push(value.message);
            progress.report(value);
          },
        },
        token,
      ),
    );
  };
  return { runs, stop: () => (window.withProgress = original) };
}
