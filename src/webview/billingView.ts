// What the billing page shows, computed on the host from the client's data: the page only inserts these
// strings as text. Localized through @vscode/l10n, which the extension configures with VS Code's bundle.
import * as l10n from '@vscode/l10n';
import { billingFormOf } from '../api/billingChanges';
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
    edit: l10n.t('Edit'),
    editHeading: l10n.t('Edit the billing profile'),
    readOnlyNote: l10n.t('Culture and language cannot be changed here. Required fields are marked with *.'),
    save: l10n.t('Save'),
    saving: l10n.t('Saving…'),
    cancel: l10n.t('Cancel'),
    contactSection: l10n.t('Billing contact'),
    addressSection: l10n.t('Default address'),
    fields: {
      firstName: l10n.t('First name'),
      lastName: l10n.t('Last name'),
      email: l10n.t('Email'),
      companyName: l10n.t('Company name'),
      addressLine1: l10n.t('Address line 1'),
      addressLine2: l10n.t('Address line 2'),
      addressLine3: l10n.t('Address line 3'),
      city: l10n.t('City'),
      state: l10n.t('State or province'),
      region: l10n.t('Region'),
      postalCode: l10n.t('Postal code'),
      country: l10n.t('Country (ISO code, e.g. US)'),
      phoneNumber: l10n.t('Phone number'),
    },
    required: l10n.t('This field is required.'),
    tooLong: l10n.t('At most {0} characters.'),
    emailProblem: l10n.t('Enter an email address such as name@example.com.'),
    countryProblem: l10n.t('Enter a two-letter ISO 3166-1 country code in capitals, such as US or FR.'),
    phoneProblem: l10n.t('Use digits, spaces and + ( ) - . / only.'),
    conflictTitle: l10n.t('Someone else changed this billing profile'),
    conflictIntro: l10n.t('Partner Center has a newer version than the one you started from. Your edits are kept in the form below.'),
    conflictField: l10n.t('Field'),
    yours: l10n.t('Yours'),
    theirs: l10n.t('Now on Partner Center'),
    original: l10n.t('When you started'),
    applyMine: l10n.t('Apply my changes to the latest'),
    discardMine: l10n.t('Discard mine'),
  };
}

/** The panel's title (and the page's heading): "Billing — <company>". */
export function billingTitle(companyName: string): string {
  return l10n.t('Billing — {0}', companyName);
}

/**
 * The complete `data` view of a fetched customer; `locale` is VS Code's display language (e.g. `fr`). `allowEdits`:
 * `partnerCenter.allowEdits` (an edit also needs the profile's etag).
 */
export function billingDataView(fetched: Fetched<Customer>, locale: string, busy = false, allowEdits = false): BillingView {
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
    editable: allowEdits && billing?.attributes?.etag ? { form: billingFormOf(billing), etag: billing.attributes.etag } : null,
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
