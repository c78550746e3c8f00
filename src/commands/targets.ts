import * as vscode from 'vscode';
import { cloudLabel } from '../api/clouds';
import { isRecord } from '../api/json';
import { type CustomerRef, customerRef, sameTenant } from '../customerRef';
import type { CustomerDocuments } from '../documents/customerJsonProvider';
import type { Settings } from '../settings';
import type { CustomersView } from '../tree/customersView';
import type { BillingPanels } from '../webview/billingPanels';

/** The views and panels commands act on; each command family is given only the ones it uses. */
export interface CommandTargets {
  readonly customers: CustomersView;
  readonly billing: BillingPanels;
  readonly documents: CustomerDocuments;
}

/** Thrown for a programmatic argument that names something the settings do not allow. */
export class InvalidTargetError extends Error {}

/** A property of a command argument (a tree node or a plain object), undefined for anything else. */
export function field(arg: unknown, name: string): unknown {
  return isRecord(arg) ? arg[name] : undefined;
}

/**
 * The tenant an argument names (a node or `{ tenantId }`), validated against the configured tenants and
 * spelled as configured: `CONTOSO.onmicrosoft.com` names the tenant configured as `contoso.onmicrosoft.com`.
 */
export function tenantOf(arg: unknown, settings: Settings): string | undefined {
  const tenantId = field(arg, 'tenantId');
  if (tenantId === undefined) return undefined;
  const configured = typeof tenantId === 'string' ? settings.tenants.find((tenant) => sameTenant(tenant, tenantId.trim())) : undefined;
  if (configured === undefined) {
    throw new InvalidTargetError(
      vscode.l10n.t('"{0}" is not one of the configured partner tenants ({1}).', String(tenantId), settings.tenants.join(', ')),
    );
  }
  return configured;
}

/**
 * A customer argument (a tree node or `{ tenantId?, customerId }`), or `undefined` when there is none (palette:
 * the caller shows a picker). Tree nodes of a customer (the customer, its profiles and property rows) carry
 * `tenantId` and `customerId`, so a node and the programmatic argument are read alike. Without a tenant, the
 * first configured tenant is meant.
 */
export function customerTargetOf(arg: unknown, settings: Settings): CustomerRef | undefined {
  if (arg === undefined || arg === null) return undefined;
  const customerId = field(arg, 'customerId');
  if (typeof customerId !== 'string' || customerId.trim() === '') {
    throw new InvalidTargetError(vscode.l10n.t('Expected a customer: a Partner Center tree item or {0}.', '{ tenantId?, customerId }'));
  }
  const companyName = field(arg, 'companyName');
  return customerRef(tenantOf(arg, settings) ?? settings.tenants[0]!, customerId.trim(), typeof companyName === 'string' ? companyName : undefined);
}

/** The tenant of an argument, else the only tenant, else the user's pick (undefined when dismissed). */
export async function resolveTenant(arg: unknown, settings: Settings, title: string): Promise<string | undefined> {
  const named = tenantOf(arg, settings);
  if (named) return named;
  if (settings.tenants.length === 1) return settings.tenants[0];
  const picked = await vscode.window.showQuickPick(
    settings.tenants.map((tenantId) => ({ label: tenantId, description: cloudLabel(settings.cloud), tenantId })),
    { title, placeHolder: vscode.l10n.t('Choose a partner tenant') },
  );
  return picked?.tenantId;
}
