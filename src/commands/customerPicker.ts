import type { Services } from '../services';
import { showCustomerSearch } from './searchQuickPick';
import type { CustomerTarget } from './targets';

/**
 * Lets the user find a customer by typing the beginning of its name or domain (searched on the server, every
 * configured tenant), for commands run from the palette. Undefined when dismissed.
 */
export async function pickCustomer(
  services: Services,
  options: { readonly title: string; readonly correlationId?: string },
): Promise<CustomerTarget | undefined> {
  const choice = await showCustomerSearch(services, { title: options.title, offerFilter: false, correlationId: options.correlationId });
  return choice?.kind === 'customer' ? choice.target : undefined;
}
