import * as vscode from 'vscode';
import { isCustomerGuid } from '../customerRef';
import type { SettingsResult } from '../settings';
import type { SearchSummary } from './model/customerLists';

/**
 * The customers view's `TreeView.message`: what is wrong with the settings, else what a search shows
 * (undefined: no message).
 */
export function customersViewMessage(settings: SettingsResult, search: SearchSummary | undefined): string | undefined {
  if (!settings.ok) return vscode.l10n.t('Partner Center settings need attention: {0}', settings.problems.join(' '));
  if (!search) return undefined;
  if (isCustomerGuid(search.text)) {
    return search.failed
      ? vscode.l10n.t('Customer with id {0}: the lookup failed', search.text)
      : vscode.l10n.t('Customer with id {0}: {1} found', search.text, search.count);
  }
  if (search.failed) {
    return vscode.l10n.t('Customers whose name or domain starts with "{0}": the search failed ({1} loaded)', search.text, search.count);
  }
  return search.more
    ? vscode.l10n.t('Customers whose name or domain starts with "{0}": {1} loaded, more available', search.text, search.count)
    : vscode.l10n.t('Customers whose name or domain starts with "{0}": {1}', search.text, search.count);
}
