import type { CustomerSearchField, PartnerCenterApi, RequestOptions } from '../../api/types';
import type { PageFetcher } from './pagedCustomerList';

/** Search matches a prefix of either field; the results of both are merged by id. */
export const SEARCH_FIELDS: readonly CustomerSearchField[] = ['CompanyName', 'Domain'];

/** Adds what every request of a consumer carries (its cancellation signal) to a call's options. */
export type OptionsDecorator = (options: RequestOptions) => RequestOptions;

/** The one source of a tenant's full customer list. */
export function fullListFetchers(client: Pick<PartnerCenterApi, 'listCustomers'>, tenantId: string, decorate: OptionsDecorator): PageFetcher[] {
  return [(cursor, options) => client.listCustomers(tenantId, cursor, decorate(options))];
}

/** The sources of a tenant's search results: name prefix and domain prefix. */
export function searchFetchers(
  client: Pick<PartnerCenterApi, 'searchCustomers'>,
  tenantId: string,
  text: string,
  decorate: OptionsDecorator,
): PageFetcher[] {
  return SEARCH_FIELDS.map(
    (field): PageFetcher =>
      (cursor, options) => client.searchCustomers(tenantId, field, text, cursor, decorate(options)),
  );
}
