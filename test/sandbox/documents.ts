// The wire documents the API routes serve (list items, profiles, the collection envelope), derived from the
// seeded by-id documents.
import { type SandboxTenant } from './seed';
import { link, type SandboxCustomer, type WireLink } from './seedModel';

/** A list/search item: Partner Center leaves out the billing profile, address/e-mail and allowDelegatedAccess. */
export function listItem(customer: SandboxCustomer): object {
  const { companyProfile: profile } = customer;
  return {
    id: customer.id,
    companyProfile: {
      tenantId: profile.tenantId,
      ...(profile.domain !== undefined ? { domain: profile.domain } : {}),
      companyName: profile.companyName,
      attributes: profile.attributes,
    },
    relationshipToPartner: customer.relationshipToPartner,
    links: customer.links,
    attributes: customer.attributes,
  };
}

/** As in the doc sample, the company profile's own self link has no `/v1`. */
export function companyProfileDocument(customer: SandboxCustomer): object {
  return customer.companyProfile;
}

/** As in the doc sample, the billing profile read on its own has a self link with `/v1`. */
export function billingProfileDocument(customer: SandboxCustomer): object {
  const profile = customer.billingProfile;
  return { ...profile, links: { self: link(`/v1${profile.links.self.uri}`) } };
}

export function relationshipRequestDocument(tenant: SandboxTenant): object {
  return { url: tenant.relationshipRequestUrl, attributes: { objectType: 'RelationshipRequest' } };
}

/** SeekBasedResourceCollection: `totalCount` is this page's size; `continuationToken` while pages remain. */
export function collectionDocument(
  items: readonly object[],
  self: WireLink,
  next: { link: WireLink; token: string } | undefined,
): object {
  return {
    totalCount: items.length,
    items,
    links: next ? { self, next: next.link } : { self },
    ...(next ? { continuationToken: next.token } : {}),
    attributes: { objectType: 'Collection' },
  };
}
