import * as l10n from '@vscode/l10n';
import type { Address, BillingProfile, CompanyProfile, Customer, KNOWN_RELATIONSHIPS } from '../api/schemas';

// What a customer's node shows, computed from the Customer resource.
// Values are shown as received (trimmed); a field without a value is omitted, never shown as an empty row.

/** One label/value row; `value` is exactly what is shown, and what "Copy Value" copies. */
export interface PropertyRow {
  /** Stable within its parent: part of the tree item id. */
  readonly key: string;
  readonly label: string;
  readonly value: string;
}

/** One child of a customer node. */
export type CustomerDetail =
  | { readonly kind: 'profile'; readonly profile: 'company' | 'billing'; readonly label: string; readonly rows: readonly PropertyRow[] }
  | { readonly kind: 'property'; readonly row: PropertyRow }
  | { readonly kind: 'domains'; readonly label: string; readonly domains: readonly string[] };

/** A trimmed value, or undefined when there is nothing to show. */
export function shown(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function row(key: string, label: string, value: string | null | undefined): PropertyRow[] {
  const text = shown(value);
  return text === undefined ? [] : [{ key, label, value: text }];
}

/** The name the tree shows for a customer: company name, else domain, else id. */
export function customerDisplayName(customer: Customer): string {
  return shown(customer.companyProfile?.companyName) ?? shown(customer.companyProfile?.domain) ?? customer.id;
}

export function customerDomain(customer: Customer): string | undefined {
  return shown(customer.companyProfile?.domain);
}

/** An address on one line: street lines, district, city, "state/region postal code", country. */
export function formatAddress(address: Address | null | undefined): string | undefined {
  if (!address) return undefined;
  const regionAndCode = [shown(address.state) ?? shown(address.region), shown(address.postalCode)]
    .filter((part) => part !== undefined)
    .join(' ');
  const parts = [
    shown(address.addressLine1),
    shown(address.addressLine2),
    shown(address.addressLine3),
    shown(address.district),
    shown(address.city),
    shown(regionAndCode),
    shown(address.country),
  ].filter((part) => part !== undefined);
  return parts.length ? parts.join(', ') : undefined;
}

/** Labels of the documented values (functions: the strings are looked up when shown, after l10n is configured). */
const RELATIONSHIP_LABELS: Readonly<Record<(typeof KNOWN_RELATIONSHIPS)[number], () => string>> = {
  none: () => l10n.t('None'),
  reseller: () => l10n.t('Reseller'),
  advisor: () => l10n.t('Advisor'),
  syndication: () => l10n.t('Syndication'),
  microsoft_support: () => l10n.t('Microsoft support'),
};

/** The documented relationship values in words; any other value (e.g. "unknown") exactly as received. */
export function relationshipLabel(value: string | null | undefined): string {
  const text = shown(value);
  if (text === undefined) return l10n.t('Not reported');
  return Object.hasOwn(RELATIONSHIP_LABELS, text) ? RELATIONSHIP_LABELS[text as keyof typeof RELATIONSHIP_LABELS]() : text;
}

/** A customer the partner has no relationship with any more (after `remove_partner_customer_relationship`). */
export function hasNoRelationship(customer: Customer): boolean {
  return shown(customer.relationshipToPartner)?.toLowerCase() === 'none';
}

/** Whether the partner holds delegated admin privileges; list items do not carry it. */
export function delegatedAdminLabel(value: boolean | null | undefined): string {
  if (value === true) return l10n.t('Yes');
  if (value === false) return l10n.t('No');
  return l10n.t('Not reported');
}

/** A person's name from its parts, or undefined when both are empty. */
export function personName(first: string | null | undefined, last: string | null | undefined): string | undefined {
  const parts = [shown(first), shown(last)].filter((part) => part !== undefined);
  return parts.length ? parts.join(' ') : undefined;
}

export function companyProfileRows(profile: CompanyProfile | null | undefined): PropertyRow[] {
  if (!profile) return [];
  return [
    ...row('companyName', l10n.t('Company name'), profile.companyName),
    ...row('domain', l10n.t('Domain'), profile.domain),
    ...row('tenantId', l10n.t('Tenant ID'), profile.tenantId),
    ...row('email', l10n.t('Email'), profile.email),
    ...row('address', l10n.t('Address'), formatAddress(profile.address)),
    ...row('phone', l10n.t('Phone'), profile.address?.phoneNumber),
    ...row('registration', l10n.t('Registration number'), profile.organizationRegistrationNumber),
  ];
}

export function billingProfileRows(profile: BillingProfile | null | undefined): PropertyRow[] {
  if (!profile) return [];
  return [
    ...row('contact', l10n.t('Contact'), personName(profile.firstName, profile.lastName)),
    ...row('email', l10n.t('Email'), profile.email),
    ...row('companyName', l10n.t('Company name'), profile.companyName),
    ...row('culture', l10n.t('Culture'), profile.culture),
    ...row('language', l10n.t('Language'), profile.language),
    ...row('address', l10n.t('Address'), formatAddress(profile.defaultAddress)),
    ...row('phone', l10n.t('Phone'), profile.defaultAddress?.phoneNumber),
  ];
}

/** The children of an expanded customer, in display order. */
export function customerDetails(customer: Customer): CustomerDetail[] {
  const details: CustomerDetail[] = [];
  const company = companyProfileRows(customer.companyProfile);
  if (company.length) details.push({ kind: 'profile', profile: 'company', label: l10n.t('Company profile'), rows: company });
  const billing = billingProfileRows(customer.billingProfile);
  if (billing.length) details.push({ kind: 'profile', profile: 'billing', label: l10n.t('Billing profile'), rows: billing });
  details.push(
    { kind: 'property', row: { key: 'relationship', label: l10n.t('Relationship'), value: relationshipLabel(customer.relationshipToPartner) } },
    { kind: 'property', row: { key: 'delegatedAdmin', label: l10n.t('Delegated admin'), value: delegatedAdminLabel(customer.allowDelegatedAccess) } },
  );
  const domains = (customer.customDomains ?? []).map(shown).filter((domain) => domain !== undefined);
  if (domains.length) details.push({ kind: 'domains', label: l10n.t('Custom domains ({0})', domains.length), domains });
  for (const extra of [
    ...row('commerceId', l10n.t('Commerce ID'), customer.commerceId),
    ...row('associatedPartnerId', l10n.t('Associated partner (indirect reseller)'), customer.associatedPartnerId),
  ]) {
    details.push({ kind: 'property', row: extra });
  }
  return details;
}
