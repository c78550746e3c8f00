// Customers and pages for the tests of the tree's list model (test/unit/tree/model).
import type { Customer } from '../../../../src/api/schemas';
import type { CustomerPage, PageCursor } from '../../../../src/api/types';

export const customer = (id: string): Customer => ({ id, companyProfile: { companyName: `Company ${id}` } });
export const ids = (list: { items: readonly Customer[] }) => list.items.map((c) => c.id);

/** A page whose items were all valid. */
export function pageOf(customers: Customer[], next?: PageCursor): CustomerPage {
  return { customers, entries: customers.map((c) => ({ kind: 'customer', customer: c })), ...(next ? { next } : {}) };
}
