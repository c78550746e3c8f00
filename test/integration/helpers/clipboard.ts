// Records what the extension writes to the clipboard while a test runs. The tests share the extension's `vscode`
// API object, and VS Code leaves `env` unfrozen in an extension test host, so replacing its `clipboard` getter
// sees every write, in the order made; the real clipboard is still written.
import * as vscode from 'vscode';

export function recordClipboardWrites(): { readonly written: string[]; stop(): void } {
  const written: string[] = [];
  const descriptor = Object.getOwnPropertyDescriptor(vscode.env, 'clipboard');
  if (!descriptor?.configurable) throw new Error('vscode.env.clipboard cannot be wrapped in this host');
  const real = vscode.env.clipboard;
  const recording: vscode.Clipboard = {
    readText: () => real.readText(),
    writeText: (text: string) => {
      written.push(text);
      return real.writeText(text);
    },
  };
  Object.defineProperty(vscode.env, 'clipboard', { configurable: true, get: () => recording });
  return { written, stop: () => Object.defineProperty(vscode.env, 'clipboard', descriptor) };
}
