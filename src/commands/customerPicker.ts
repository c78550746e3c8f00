import type { CustomerRef } from '../customerRef';
import type { Services } from '../services';
import { showCustomerSearch } from './searchQuickPick';
import { customerTargetOf } from './targets';

/**
 * Lets the user find a customer by typing the beginning of its name or domain (searched on the server, every
 * configured tenant), for commands run from the palette. Undefined when dismissed.
 */
export async function pickCustomer(
  services: Services,
  options: { readonly title: string; readonly correlationId?: string },
): Promise<CustomerRef | undefined> {
  const choice = await showCustomerSearch(services, { title: options.title, offerFilter: false, correlationId: options.correlationId });
  return choice?.kind === 'customer' ? choice.target : undefined;
}

/** The customer a command argument names; without one (the palette), the customer the user picks. */
export async function customerOrPick(
  services: Services,
  arg: unknown,
  options: { readonly title: string; readonly correlationId?: string },
): Promise<CustomerRef | undefined> {
  return customerTargetOf(arg, services.config.require()) ?? (await pickCustomer(services, options));
}
