import { type CustomerRef, sameTenant } from '../customerRef';
import { parseCustomerDocumentPath } from './customerDocumentPath';

// What a `partnercenter:` URI may fetch. A URI can come from anywhere (a restored tab, a link, another
// extension), so it gets the check a command argument gets: only a configured tenant is ever asked for a token.

export type DocumentTarget =
  | { readonly ok: true; readonly target: CustomerRef }
  | { readonly ok: false; readonly reason: 'notADocument' }
  | { readonly ok: false; readonly reason: 'tenantNotConfigured'; readonly tenantId: string };

/** The customer a document path names, its tenant spelled as configured (tenants compare case-insensitively). */
export function documentTarget(path: string, tenants: readonly string[]): DocumentTarget {
  const key = parseCustomerDocumentPath(path);
  if (!key) return { ok: false, reason: 'notADocument' };
  const configured = tenants.find((tenant) => sameTenant(tenant, key.tenantId));
  if (configured === undefined) return { ok: false, reason: 'tenantNotConfigured', tenantId: key.tenantId };
  return { ok: true, target: { tenantId: configured, customerId: key.customerId } };
}
