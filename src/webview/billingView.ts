// What the billing page shows, computed on the host from the client's data: the page only inserts these
// strings as text. Localized through @vscode/l10n, which the extension configures with VS Code's bundle.
import * as l10n from '@vscode/l10n';
import type { Customer } from '../api/schemas';
import type { Fetched } from '../api/types';
import { customerDisplayName, formatAddress, personName, shown } from '../presentation/customerFacts';
import type { BillingView, PageStrings } from './protocol';

/** The page's own words, in VS Code's display language. */
export function billingPageStrings(): PageStrings {
  return {
    loading: l10n.t('Loading billing details…'),
    errorTitle: l10n.t('The billing details could not be loaded.'),
    retry: l10n.t('Retry'),
    refresh: l10n.t('Refresh'),
    copyEmail: l10n.t('Copy email'),
    openJson: l10n.t('Open JSON'),
    actions: l10n.t('Billing actions'),
    details: l10n.t('Billing contact'),
    contactName: l10n.t('Contact name'),
    email: l10n.t('Email'),
    company: l10n.t('Company'),
    culture: l10n.t('Culture'),
    language: l10n.t('Language'),
    address: l10n.t('Default address'),
    fetched: l10n.t('Fetched'),
    notProvided: l10n.t('Not provided'),
  };
}

/** The panel's title (and the page's heading): "Billing — <company>". */
export function billingTitle(companyName: string): string {
  return l10n.t('Billing — {0}', companyName);
}

/** The complete `data` view of a fetched customer; `locale` is VS Code's display language (e.g. `fr`). */
export function billingDataView(fetched: Fetched<Customer>, locale: string, busy = false): BillingView {
  const customer = fetched.value;
  const billing = customer.billingProfile;
  return {
    kind: 'data',
    heading: billingTitle(customerDisplayName(customer)),
    busy,
    contactName: personName(billing?.firstName, billing?.lastName) ?? null,
    email: shown(billing?.email) ?? null,
    company: shown(billing?.companyName) ?? shown(customer.companyProfile?.companyName) ?? null,
    culture: shown(billing?.culture) ?? null,
    language: shown(billing?.language) ?? null,
    // One line, formatted exactly as the tree's Billing profile node shows it.
    address: formatAddress(billing?.defaultAddress) ?? null,
    fetched: { display: formatDateTime(fetched.fetchedAt, locale), iso: fetched.fetchedAt.toISOString() },
  };
}

function formatDateTime(date: Date, locale: string): string {
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'medium' };
  try {
    return new Intl.DateTimeFormat([locale, 'en'], options).format(date);
  } catch {
    return new Intl.DateTimeFormat('en', options).format(date); // VS Code's language tag unknown to Intl
  }
}
