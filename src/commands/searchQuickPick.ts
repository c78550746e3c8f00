import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { errorMessage } from '../api/errors';
import type { Customer } from '../api/schemas';
import type { Services } from '../services';
import { customerDisplayName, customerDomain } from '../presentation/customerFacts';
import { searchFetchers } from '../tree/model/customerSources';
import { PagedCustomerList } from '../tree/model/pagedCustomerList';
import { debouncedSearch } from './debouncedSearch';
import { literalText } from '../presentation/literalText';
import type { CustomerTarget } from './targets';

/** Typing pauses this long before the server is asked: one search per pause, not one per key. */
export const SEARCH_DEBOUNCE_MS = 300;

export interface CustomerSearchOptions {
  readonly title: string;
  /** Offer "Filter the view to customers starting with …" as the first item (the search command). */
  readonly offerFilter: boolean;
  readonly correlationId?: string;
}

/** What the user chose: a customer, or (search command) to filter the view to the typed text. */
export type CustomerSearchChoice =
  | { readonly kind: 'customer'; readonly target: CustomerTarget; readonly text: string }
  | { readonly kind: 'filter'; readonly text: string };

interface SearchItem extends vscode.QuickPickItem {
  readonly choice?: CustomerSearchChoice;
}

/**
 * A quick pick that searches the server as the user types: company-name and domain prefixes, every
 * configured tenant, through the shared (throttled, cached) client. Each new text cancels the previous
 * search's requests. Resolves to the choice, or undefined when dismissed.
 */
export async function showCustomerSearch(services: Services, options: CustomerSearchOptions): Promise<CustomerSearchChoice | undefined> {
  const settings = services.config.require();
  const correlationId = options.correlationId ?? randomUUID();
  const several = settings.tenants.length > 1;
  const quickPick = vscode.window.createQuickPick<SearchItem>();
  quickPick.title = options.title;
  quickPick.placeholder = vscode.l10n.t('Type the beginning of a company name or domain');
  quickPick.matchOnDescription = true;
  quickPick.matchOnDetail = true;

  // The quick pick ranks rows by how well their label matches the typed text, so the filter row's label is that
  // text itself: an exact match, it stays on top of the (server-matched) customers instead of sinking below them.
  const filterItem = (text: string): SearchItem[] =>
    options.offerFilter && text
      ? [
          {
            label: literalText(text),
            iconPath: new vscode.ThemeIcon('filter'),
            description: vscode.l10n.t('Filter the view to customers starting with "{0}"', literalText(text)),
            alwaysShow: true,
            choice: { kind: 'filter', text },
          },
        ]
      : [];
  const show = (text: string, items: SearchItem[], busy: boolean) => {
    quickPick.busy = busy;
    quickPick.items = [...filterItem(text), ...items];
  };
  /** A row that only informs (an error, "no match"): data in it is escaped, it is not a choice. */
  const message = (text: string, icon?: string, tenantId?: string): SearchItem => ({
    label: icon ? `$(${icon}) ${literalText(text)}` : literalText(text),
    detail: several ? tenantId : undefined,
    alwaysShow: true,
  });

  const customerItem = (tenantId: string, customer: Customer, text: string): SearchItem => ({
    label: literalText(customerDisplayName(customer)),
    description: literalText(customerDomain(customer) ?? ''),
    detail: literalText(several ? vscode.l10n.t('{0} · tenant {1}', customer.id, tenantId) : customer.id),
    // The server already matched it (name or domain); the quick pick's own filter must not hide it.
    alwaysShow: true,
    choice: { kind: 'customer', text, target: { tenantId, customerId: customer.id, companyName: customerDisplayName(customer) } },
  });

  /** The first page of matches of every tenant, through the shared client (throttled, cached). */
  const searchTenants = (text: string, signal: AbortSignal) =>
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
    onError: (text, error) => show(text, [message(errorMessage(error), 'error')], false),
    onResult: (text, outcomes) => {
      const items: SearchItem[] = [];
      for (const { tenantId, list, error } of outcomes) {
        for (const customer of list.items) items.push(customerItem(tenantId, customer, text));
        if (error !== undefined) items.push(message(errorMessage(error), 'error', tenantId));
        else if (list.hasMore) {
          const more = vscode.l10n.t('More customers start with "{0}": type more letters to narrow the search', text);
          items.push(message(more, 'info', tenantId));
        }
      }
      if (!items.length) items.push(message(vscode.l10n.t('No customer name or domain starts with "{0}"', text)));
      show(text, items, false);
    },
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
