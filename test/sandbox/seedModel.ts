// The sandbox's data model: Partner Center resources exactly as the wire carries them (names, casing, nulls),
// and the one builder that turns a customer's facts into its full by-id document.

export interface WireLink {
  readonly uri: string;
  readonly method: 'GET';
  readonly headers: readonly { readonly key: string; readonly value: string }[];
}

/** Address as Partner Center sends it: every field optional and nullable. */
export interface WireAddress {
  readonly country?: string | null;
  readonly region?: string | null;
  readonly city?: string | null;
  readonly state?: string | null;
  readonly addressLine1?: string | null;
  readonly addressLine2?: string | null;
  readonly addressLine3?: string | null;
  readonly postalCode?: string | null;
  readonly firstName?: string | null;
  readonly lastName?: string | null;
  readonly phoneNumber?: string | null;
}

export interface SandboxCompanyProfile {
  readonly tenantId: string;
  readonly domain?: string;
  readonly companyName: string;
  readonly address?: WireAddress;
  readonly email?: string;
  readonly links: { readonly self: WireLink };
  readonly attributes: { readonly objectType: 'CustomerCompanyProfile' };
}

export interface SandboxBillingProfile {
  readonly id: string;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly email: string | null;
  readonly culture: string | null;
  readonly language: string | null;
  readonly companyName: string | null;
  readonly defaultAddress: WireAddress | null;
  readonly links: { readonly self: WireLink };
  readonly attributes: { readonly etag: string; readonly objectType: 'CustomerBillingProfile' };
}

/** A customer as `GET /v1/customers/{id}` returns it: both profiles embedded. */
export interface SandboxCustomer {
  readonly id: string;
  readonly commerceId: string;
  readonly companyProfile: SandboxCompanyProfile;
  readonly billingProfile: SandboxBillingProfile;
  readonly relationshipToPartner: string;
  readonly allowDelegatedAccess?: boolean;
  readonly customDomains?: readonly string[] | null;
  readonly associatedPartnerId?: string;
  readonly links: { readonly self: WireLink };
  readonly attributes: { readonly objectType: 'Customer' };
}

export interface BillingFacts {
  id: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  culture: string | null;
  language: string | null;
  companyName: string | null;
  defaultAddress: WireAddress | null;
  etag: string;
}

/**
 * What is known about one customer. `undefined` means the field is absent from the wire document
 * (sparse records); `null` means it is present as null.
 */
export interface CustomerFacts {
  id: string;
  commerceId: string;
  companyName: string;
  domain: string | undefined;
  companyEmail: string | undefined;
  companyAddress: WireAddress | undefined;
  billing: BillingFacts;
  relationshipToPartner: string;
  allowDelegatedAccess: boolean | undefined;
  customDomains: string[] | null | undefined;
  associatedPartnerId: string | undefined;
}

export function link(uri: string): WireLink {
  return { uri, method: 'GET', headers: [] };
}

/** The by-id document, keys in the order of the doc sample (customer-by-id.response.json). */
export function customerDocument(facts: CustomerFacts): SandboxCustomer {
  const { id } = facts;
  const companyProfile: SandboxCompanyProfile = {
    tenantId: id,
    ...(facts.domain !== undefined ? { domain: facts.domain } : {}),
    companyName: facts.companyName,
    ...(facts.companyAddress !== undefined ? { address: facts.companyAddress } : {}),
    ...(facts.companyEmail !== undefined ? { email: facts.companyEmail } : {}),
    links: { self: link(`/customers/${id}/profiles/company`) },
    attributes: { objectType: 'CustomerCompanyProfile' },
  };
  const { etag, ...billing } = facts.billing;
  const billingProfile: SandboxBillingProfile = {
    ...billing,
    links: { self: link(`/customers/${id}/profiles/billing`) },
    attributes: { etag, objectType: 'CustomerBillingProfile' },
  };
  return {
    id,
    commerceId: facts.commerceId,
    companyProfile,
    billingProfile,
    relationshipToPartner: facts.relationshipToPartner,
    ...(facts.allowDelegatedAccess !== undefined ? { allowDelegatedAccess: facts.allowDelegatedAccess } : {}),
    ...(facts.customDomains !== undefined ? { customDomains: facts.customDomains } : {}),
    ...(facts.associatedPartnerId !== undefined ? { associatedPartnerId: facts.associatedPartnerId } : {}),
    links: { self: link(`/customers/${id}`) },
    attributes: { objectType: 'Customer' },
  };
}
