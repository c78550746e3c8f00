import * as l10n from '@vscode/l10n';
import { PartnerCenterError } from './errors';

// The path of one customer's resources. An id is an API value (from a list item or a command argument), not a
// path: it must name that customer and nothing else.

/**
 * `/v1/customers/<id>`, the id encoded. Throws (nothing is sent) for an empty id, and for `.` and `..`: they
 * are dot segments, which every URL parser resolves (`/v1/customers/..` is `/v1/`, encoded or not), so they
 * would read the partner's own resources as the customer's.
 */
export function customerPath(customerId: string): string {
  if (!customerId.trim()) {
    throw new PartnerCenterError({ kind: 'http', summary: l10n.t('No customer id was given.') });
  }
  const refuse = () =>
    new PartnerCenterError({ kind: 'http', summary: l10n.t('"{0}" is not a customer id; nothing was requested.', customerId) });
  if (customerId === '.' || customerId === '..') throw refuse();
  try {
    return `/v1/customers/${encodeURIComponent(customerId)}`;
  } catch {
    throw refuse(); // a lone surrogate cannot be encoded
  }
}
