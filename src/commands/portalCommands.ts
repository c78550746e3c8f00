import type * as vscode from 'vscode';
import type { Services } from '../services';
import { loadedOnFirstRun, registerCommand } from './command';

/**
 * Open in… and Copy Portal Link: a customer's admin portals in the configured cloud, then the partner's own
 * (`partnerCenter.portalLinks`). Args `{ tenantId?, customerId, portal? }`, a customer row, or none (palette).
 */
export function registerPortalCommands(services: Services): vscode.Disposable[] {
  const handlers = () => import('./portalHandlers');
  return [
    registerCommand(services, 'partnerCenter.openPortal', loadedOnFirstRun(async () => (await handlers()).openPortalHandler(services))),
    registerCommand(services, 'partnerCenter.copyPortalLink', loadedOnFirstRun(async () => (await handlers()).copyPortalLinkHandler(services))),
  ];
}
