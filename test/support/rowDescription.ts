// What a customer row shows after its name, as the tree builds it (src/tree/nodes/customerNode.ts): the domain,
// then "no relationship" for a customer the partner has no relationship with any more. Shared by the integration
// and UI tests so both check the same thing; `t` translates for a workbench in another language.
interface ListedCustomer {
  readonly companyProfile: { readonly domain?: string | null };
  readonly relationshipToPartner?: string | null;
}

export const hasNoRelationship = (customer: ListedCustomer): boolean => customer.relationshipToPartner?.trim().toLowerCase() === 'none';

/** The row's description, '' when it has none. */
export function expectedRowDescription(customer: ListedCustomer, t: (text: string) => string = (text) => text): string {
  return [customer.companyProfile.domain || undefined, hasNoRelationship(customer) ? t('no relationship') : undefined]
    .filter((part) => part !== undefined)
    .join(' · ');
}
