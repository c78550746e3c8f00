import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import type { Services } from '../services';
import { searchFetchers } from '../tree/model/customerSources';
import { PagedCustomerList } from '../tree/model/pagedCustomerList';
import { debouncedSearch } from './debouncedSearch';
import { type CustomerSearchChoice, type SearchItem, SearchItems, type TenantMatches } from './searchItems';

export type { CustomerSearchChoice } from './searchItems';

/** Typing pauses this long before the server is asked: one search per pause, not one per key. */
export const SEARCH_DEBOUNCE_MS = 300;

export interface CustomerSearchOptions {
  readonly title: string;
  /** Offer "Filter the view to customers starting with …" as the first item (the search command). */
  readonly offerFilter: boolean;
  readonly correlationId?: string;
}

/**
 * A quick pick that searches the server as the user types: company-name and domain prefixes, every
 * configured tenant, through the shared (throttled, cached) client. Each new text cancels the previous
 * search's requests. Resolves to the choice, or undefined when dismissed.
 */
export async function showCustomerSearch(services: Services, options: CustomerSearchOptions): Promise<CustomerSearchChoice | undefined> {
  const settings = services.config.require();
  const correlationId = options.correlationId ?? randomUUID();
  const items = new SearchItems(settings.tenants.length > 1, options.offerFilter);
  const quickPick = vscode.window.createQuickPick<SearchItem>();
  quickPick.title = options.title;
  quickPick.placeholder = vscode.l10n.t('Type the beginning of a company name or domain, or a customer id');
  quickPick.matchOnDescription = true;
  quickPick.matchOnDetail = true;

  const show = (text: string, rows: SearchItem[], busy: boolean) => {
    quickPick.busy = busy;
    quickPick.items = [...items.filter(text), ...rows];
  };

  /** The first page of matches of every tenant, through the shared client (throttled, cached). */
  const searchTenants = (text: string, signal: AbortSignal): Promise<TenantMatches[]> =>
    Promise.all(
      settings.tenants.map(async (tenantId) => {
        const list = new PagedCustomerList(searchFetchers(services.client, tenantId, text, (request) => ({ ...request, signal })));
        const outcome = await list.loadNext({ correlationId });
        return { tenantId, list, error: outcome.error };
      }),
    );

  const search = debouncedSearch({
    delayMs: SEARCH_DEBOUNCE_MS,
    search: searchTenants,
    onPending: (text) => show(text, [], true),
    onCleared: () => show('', [], false),
    onError: (text, error) => show(text, [items.failure(error)], false),
    onResult: (text, outcomes) => show(text, items.results(text, outcomes), false),
  });

  const listeners: vscode.Disposable[] = [];
  try {
    return await new Promise<CustomerSearchChoice | undefined>((resolve) => {
      listeners.push(quickPick.onDidChangeValue((value) => search.update(value)));
      listeners.push(quickPick.onDidAccept(() => {
        const text = quickPick.value.trim();
        const picked = quickPick.selectedItems[0] ?? quickPick.activeItems[0];
        // Message rows (errors, "no match") are not choices: the quick pick stays open.
        const choice = picked ? picked.choice : options.offerFilter && text ? ({ kind: 'filter', text } as const) : undefined;
        if (!choice) return;
        resolve(choice);
        quickPick.hide();
      }));
      listeners.push(quickPick.onDidHide(() => resolve(undefined)));
      quickPick.show();
    });
  } finally {
    search.dispose();
    for (const listener of listeners) listener.dispose();
    quickPick.dispose();
  }
}
