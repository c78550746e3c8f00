import { isPartnerCenterError } from '../../api/errors';
import type { CustomerPage, CustomerSearchField, PartnerCenterApi, RequestOptions } from '../../api/types';
import { isCustomerGuid } from '../../customerRef';
import type { PageFetcher } from './pagedCustomerList';

/** Search matches a prefix of either field; the results of both are merged by id. */
export const SEARCH_FIELDS: readonly CustomerSearchField[] = ['CompanyName', 'Domain'];

/** Adds what every request of a consumer carries (its cancellation signal) to a call's options. */
export type OptionsDecorator = (options: RequestOptions) => RequestOptions;

/** The one source of a tenant's full customer list. */
export function fullListFetchers(client: Pick<PartnerCenterApi, 'listCustomers'>, tenantId: string, decorate: OptionsDecorator): PageFetcher[] {
  return [(cursor, options) => client.listCustomers(tenantId, cursor, decorate(options))];
}

/**
 * The sources of a tenant's search results: name prefix and domain prefix; for a GUID (a tenant id pasted from a
 * ticket), the customer with that id instead.
 */
export function searchFetchers(
  client: Pick<PartnerCenterApi, 'searchCustomers' | 'getCustomer'>,
  tenantId: string,
  text: string,
  decorate: OptionsDecorator,
): PageFetcher[] {
  if (isCustomerGuid(text)) return [(_cursor, options) => customerById(client, tenantId, text, decorate(options))];
  return SEARCH_FIELDS.map(
    (field): PageFetcher =>
      (cursor, options) => client.searchCustomers(tenantId, field, text, cursor, decorate(options)),
  );
}

/** One GET by id (cached, throttled) as a page of matches: the customer, or none when the tenant has no such customer (404). */
async function customerById(
  client: Pick<PartnerCenterApi, 'getCustomer'>,
  tenantId: string,
  customerId: string,
  options: RequestOptions,
): Promise<CustomerPage> {
  try {
    const { value } = await client.getCustomer(tenantId, customerId, options);
    return { customers: [value], entries: [{ kind: 'customer', customer: value }] };
  } catch (error) {
    if (isPartnerCenterError(error) && error.status === 404) return { customers: [], entries: [] };
    throw error;
  }
}
