// What a screen reader says for a customer's tree row: name, domain and relationship, the three facts a sighted
// user reads from the row and its tooltip. Pure (no vscode): @vscode/l10n's t is configured by the host.
import * as l10n from '@vscode/l10n';
import type { Customer } from '../api/schemas';
import { customerDisplayName, customerDomain, relationshipLabel } from './customerFacts';

/** "Customer Contoso Ltd, contoso.com, relationship: Reseller" (the domain left out when it is the name or absent). */
export function customerAccessibilityLabel(customer: Customer): string {
  const name = customerDisplayName(customer);
  const domain = customerDomain(customer);
  const relationship = relationshipLabel(customer.relationshipToPartner);
  return domain && domain !== name
    ? l10n.t('Customer {0}, {1}, relationship: {2}', name, domain, relationship)
    : l10n.t('Customer {0}, relationship: {1}', name, relationship);
}
