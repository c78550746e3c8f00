import type { CloudId } from '../api/clouds';
import type { Customer } from '../api/schemas';
import { customerDomain, shown } from '../presentation/customerFacts';
import type { TemplateValues } from './linkTemplate';
import { type CustomPortal, customPortalLinks } from './portalLinkSettings';
import { type PortalLink, builtInPortalLinks } from './portals';

/** A customer's values for the link templates: `{domain}` is the initial domain the company profile holds. */
export function templateValuesOf(partnerTenantId: string, customer: Customer): TemplateValues {
  return {
    customerId: customer.id,
    domain: customerDomain(customer),
    partnerTenantId,
    companyName: shown(customer.companyProfile?.companyName),
  };
}

/** Every portal offered for a customer in a cloud: the built-in ones, then the partner's own. */
export function portalLinksFor(cloud: CloudId, custom: readonly CustomPortal[], partnerTenantId: string, customer: Customer): PortalLink[] {
  const values = templateValuesOf(partnerTenantId, customer);
  return [...builtInPortalLinks(cloud, values), ...customPortalLinks(custom, values)];
}
