import * as vscode from 'vscode';
import { cloudLabel } from '../api/clouds';
import type { Settings } from '../settings';

/**
 * What a customer command acts on. Tree nodes of a customer (the customer itself, its profiles and property
 * rows) carry `tenantId` and `customerId`, so a node and the programmatic argument `{ tenantId?, customerId }`
 * have the same shape and are read by the same code.
 */
export interface CustomerTarget {
  readonly tenantId: string;
  readonly customerId: string;
  /** For titles and messages when known (tree nodes and pickers know it). */
  readonly companyName?: string;
}

/** Thrown for a programmatic argument that names something the settings do not allow. */
export class InvalidTargetError extends Error {}

function field(arg: unknown, name: string): unknown {
  return typeof arg === 'object' && arg !== null ? (arg as Record<string, unknown>)[name] : undefined;
}

/** The tenant an argument names (a node or `{ tenantId }`), validated against the configured tenants. */
export function tenantOf(arg: unknown, settings: Settings): string | undefined {
  const tenantId = field(arg, 'tenantId');
  if (tenantId === undefined) return undefined;
  if (typeof tenantId !== 'string' || !settings.tenants.includes(tenantId)) {
    throw new InvalidTargetError(
      vscode.l10n.t('"{0}" is not one of the configured partner tenants ({1}).', String(tenantId), settings.tenants.join(', ')),
    );
  }
  return tenantId;
}

/**
 * A customer argument (a tree node or `{ tenantId?, customerId }`), or `undefined` when there is none (palette:
 * the caller shows a picker). Without a tenant, the first configured tenant is meant.
 */
export function customerTargetOf(arg: unknown, settings: Settings): CustomerTarget | undefined {
  if (arg === undefined || arg === null) return undefined;
  const customerId = field(arg, 'customerId');
  if (typeof customerId !== 'string' || customerId.trim() === '') {
    throw new InvalidTargetError(vscode.l10n.t('Expected a customer: a Partner Center tree item or {0}.', '{ tenantId?, customerId }'));
  }
  const companyName = field(arg, 'companyName');
  return {
    tenantId: tenantOf(arg, settings) ?? settings.tenants[0]!,
    customerId: customerId.trim(),
    companyName: typeof companyName === 'string' ? companyName : undefined,
  };
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
