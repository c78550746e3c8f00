import * as vscode from 'vscode';
import { literalText } from '../presentation/literalText';

/**
 * Every copy command's one way to copy: the clipboard, then a notification saying what was copied (a
 * notification, unlike a status bar text, reaches screen readers). The text is often customer data, shown as
 * typed. Returns what was copied, for programmatic callers.
 */
export async function copyToClipboard(text: string, confirmation: string): Promise<string> {
  await vscode.env.clipboard.writeText(text);
  void vscode.window.showInformationMessage(literalText(confirmation));
  return text;
}
