import * as vscode from 'vscode';
import type { Customer } from '../api/schemas';
import { type CustomerRef, isCustomerGuid } from '../customerRef';
import { errorMessage } from '../api/errors';
import { customerDisplayName, customerDomain } from '../presentation/customerFacts';
import { literalText } from '../presentation/literalText';
import type { PagedCustomerList } from '../tree/model/pagedCustomerList';

/** What the user chose: a customer, or (search command) to filter the view to the typed text. */
export type CustomerSearchChoice =
  | { readonly kind: 'customer'; readonly target: CustomerRef; readonly text: string }
  | { readonly kind: 'filter'; readonly text: string };

/** A row of the search quick pick; rows without a choice only inform. */
export interface SearchItem extends vscode.QuickPickItem {
  readonly choice?: CustomerSearchChoice;
}

/** One tenant's first page of matches, or why there is none. */
export interface TenantMatches {
  readonly tenantId: string;
  readonly list: PagedCustomerList;
  readonly error: unknown;
}

/** Builds the quick pick's rows. Every text from a customer or the server is shown as typed. */
export class SearchItems {
  constructor(
    /** Several tenants: rows say which tenant they belong to. */
    private readonly several: boolean,
    /** Offer "Filter the view to customers starting with …" as the first row (the search command). */
    private readonly offerFilter: boolean,
  ) {}

  /**
   * The quick pick ranks rows by how well their label matches the typed text, so the filter row's label is that
   * text itself: an exact match, it stays on top of the (server-matched) customers instead of sinking below them.
   */
  filter(text: string): SearchItem[] {
    if (!this.offerFilter || !text) return [];
    return [
      {
        label: literalText(text),
        iconPath: new vscode.ThemeIcon('filter'),
        description: vscode.l10n.t('Filter the view to customers starting with "{0}"', literalText(text)),
        alwaysShow: true,
        choice: { kind: 'filter', text },
      },
    ];
  }

  /** A row that only informs (an error, "no match"): it is not a choice. */
  message(text: string, icon?: string, tenantId?: string): SearchItem {
    return {
      label: icon ? `$(${icon}) ${literalText(text)}` : literalText(text),
      detail: this.several ? tenantId : undefined,
      alwaysShow: true,
    };
  }

  failure(error: unknown): SearchItem {
    return this.message(errorMessage(error), 'error');
  }

  customer(tenantId: string, customer: Customer, text: string): SearchItem {
    const companyName = customerDisplayName(customer);
    return {
      label: literalText(companyName),
      description: literalText(customerDomain(customer) ?? ''),
      detail: literalText(this.several ? vscode.l10n.t('{0} · tenant {1}', customer.id, tenantId) : customer.id),
      // The server already matched it (name or domain); the quick pick's own filter must not hide it.
      alwaysShow: true,
      choice: { kind: 'customer', text, target: { tenantId, customerId: customer.id, companyName } },
    };
  }

  /** The rows of every tenant's matches: customers, then per tenant an error or "more start with…". */
  results(text: string, outcomes: readonly TenantMatches[]): SearchItem[] {
    const items: SearchItem[] = [];
    for (const { tenantId, list, error } of outcomes) {
      for (const customer of list.items) items.push(this.customer(tenantId, customer, text));
      // A match Partner Center sent in a shape that cannot be read is said, never dropped (no false "no match").
      if (list.invalidCount > 0) {
        items.push(this.message(vscode.l10n.t('{0} matching customer(s) could not be read: Partner Center sent them in a shape that cannot be shown', list.invalidCount), 'error', tenantId));
      }
      if (error !== undefined) items.push(this.message(errorMessage(error), 'error', tenantId));
      else if (list.hasMore) {
        const more = vscode.l10n.t('More customers start with "{0}": type more letters to narrow the search', text);
        items.push(this.message(more, 'info', tenantId));
      }
    }
    if (!items.length) {
      const none = isCustomerGuid(text)
        ? vscode.l10n.t('No customer with id {0} in the configured partner tenants', text)
        : vscode.l10n.t('No customer name or domain starts with "{0}"', text);
      items.push(this.message(none));
    }
    return items;
  }
}
