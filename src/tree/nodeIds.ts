import type { CustomerRef } from '../customerRef';

/**
 * Every `TreeItem.id` of the customers tree, built in one place. Ids are scoped paths (`tenant/customer/…`):
 * unique across tenants, stable across refreshes (so VS Code keeps what was expanded and selected), and the
 * rows that are not data get a `#` segment that no tenant or customer id contains.
 */
export const NodeIds = {
  tenant: (tenantId: string): string => tenantId,
  customer: (ref: CustomerRef): string => `${ref.tenantId}/${ref.customerId}`,
  /** A row under another: a profile, a field, a domain (`key` is unique among its siblings). */
  child: (parentId: string, key: string | number): string => `${parentId}/${key}`,
  /** The failed load of a node's children (a customer's details) or of a tenant's list. */
  error: (parentId: string): string => `${parentId}/#error`,
  emptyList: (tenantId: string): string => `${tenantId}/#empty`,
  loadMore: (tenantId: string): string => `${tenantId}/#loadMore`,
  /** A list item that could not be read, by its place in the list. */
  invalidEntry: (tenantId: string, key: string): string => `${tenantId}/#invalid/${key}`,
  /** The Pinned node of a tenant, and a customer in it (the same customer may also be in the list below). */
  pinnedGroup: (tenantId: string): string => `${tenantId}/#pinned`,
  pinnedCustomer: (ref: CustomerRef): string => `${ref.tenantId}/#pinned/${ref.customerId}`,
} as const;
