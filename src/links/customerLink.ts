import * as l10n from '@vscode/l10n';
import { type CustomerRef, customerRef, isCustomerGuid, sameTenant } from '../customerRef';

/** What a customer link opens: the customer in the view (filtered to it), its billing details, or its JSON. */
export const SHOW_MODES = ['tree', 'billing', 'json'] as const;
export type ShowMode = (typeof SHOW_MODES)[number];

export const CUSTOMER_LINK_PATH = '/customer';

export type ParsedCustomerLink =
  | { readonly ok: true; readonly target: CustomerRef; readonly show: ShowMode }
  | { readonly ok: false; readonly problem: string };

/**
 * `<scheme>://<extension id>/customer?tenant=<partner tenant>&id=<customer id>[&show=billing|json]`: the link a
 * ticketing or PSA tool puts next to a customer. `show` is left out for the default (`tree`).
 */
export function customerLink(scheme: string, extensionId: string, target: CustomerRef, show: ShowMode = 'tree'): string {
  const query = new URLSearchParams({ tenant: target.tenantId, id: target.customerId });
  if (show !== 'tree') query.set('show', show);
  return `${scheme}://${extensionId}${CUSTOMER_LINK_PATH}?${query.toString()}`;
}

/**
 * Reads a customer link's path and query against the configured tenants. `tenant` may be left out with one tenant
 * and is spelled as configured; the id must be a GUID. Every refusal says what is wrong, before anything is fetched.
 */
export function parseCustomerLink(path: string, query: string, tenants: readonly string[]): ParsedCustomerLink {
  const refuse = (problem: string): ParsedCustomerLink => ({ ok: false, problem });
  if (path.replace(/\/+$/, '').toLowerCase() !== CUSTOMER_LINK_PATH) {
    return refuse(l10n.t('This link is not one Partner Center Customers opens ({0}); expected {1}.', path || '/', `${CUSTOMER_LINK_PATH}?tenant=…&id=…`));
  }
  const params = new URLSearchParams(query);
  const id = params.get('id')?.trim() ?? '';
  if (!isCustomerGuid(id)) {
    return refuse(id ? l10n.t('The link\'s customer id "{0}" is not a customer id (a GUID).', id) : l10n.t('The link names no customer: its {0} is missing.', 'id'));
  }
  const named = params.get('tenant')?.trim();
  let tenantId: string | undefined;
  if (named) {
    tenantId = tenants.find((tenant) => sameTenant(tenant, named));
    if (!tenantId) return refuse(l10n.t('The link is for partner tenant "{0}", which is not configured ({1}).', named, tenants.join(', ')));
  } else if (tenants.length === 1) {
    tenantId = tenants[0];
  } else {
    return refuse(l10n.t('The link does not say which partner tenant the customer is in ({0}): add {1}.', tenants.join(', '), 'tenant='));
  }
  const show = params.get('show')?.trim().toLowerCase() || 'tree';
  if (!(SHOW_MODES as readonly string[]).includes(show)) {
    return refuse(l10n.t('The link asks to show "{0}"; expected one of {1}.', show, SHOW_MODES.join(', ')));
  }
  return { ok: true, target: customerRef(tenantId!, id), show: show as ShowMode };
}
