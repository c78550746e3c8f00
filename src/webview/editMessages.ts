import * as vscode from 'vscode';

// What the panel and the edit commands say when an edit is refused or not saved: one wording for both.

export function editsOffMessage(): string {
  return vscode.l10n.t('Editing billing profiles is turned off (setting partnerCenter.allowEdits).');
}

export function notSavedMessage(reason: string): string {
  return vscode.l10n.t('Not saved: {0} Partner Center has the profile as it was, so nothing was written. You can save again.', reason);
}
