import * as vscode from 'vscode';
import { cloudLabel } from '../api/clouds';
import type { Customer } from '../api/schemas';
import type { CustomerRef } from '../customerRef';
import { portalLinksFor } from '../links/customerPortals';
import { PORTAL_LINKS_SETTING, parsePortalLinks } from '../links/portalLinkSettings';
import type { PortalLink } from '../links/portals';
import { customerDisplayName } from '../presentation/customerFacts';
import { literalText } from '../presentation/literalText';
import type { Services } from '../services';
import { CustomerNode } from '../tree/nodes/customerNode';
import { copyToClipboard } from './clipboard';
import type { CommandHandler } from './command';
import { customerOrPick } from './customerPicker';
import { InvalidTargetError, field } from './targets';

// The bodies of Open in… and Copy Portal Link, loaded on the first run of either (portalCommands.ts registers them).

export function openPortalHandler(services: Services): CommandHandler<[arg?: unknown], string | undefined> {
  return async ({ correlationId }, arg?: unknown) => {
    const link = await choosePortal(services, arg, vscode.l10n.t('Open in…'), correlationId, false);
    // A string, not a vscode.Uri: VS Code opens it as written (a Uri would re-encode the query's `=` and the `#@`).
    if (link) void vscode.env.openExternal(link.url as unknown as vscode.Uri);
    return link?.url;
  };
}

export function copyPortalLinkHandler(services: Services): CommandHandler<[arg?: unknown], string | undefined> {
  return async ({ correlationId }, arg?: unknown) => {
    const link = await choosePortal(services, arg, vscode.l10n.t('Copy Portal Link'), correlationId, true);
    if (!link) return undefined;
    return copyToClipboard(link.url, vscode.l10n.t('Copied the {0} link {1}', link.name, link.url));
  };
}

interface PortalItem extends vscode.QuickPickItem {
  readonly link: PortalLink;
}

/** The portal an argument names, or the one the user picks among the customer's; undefined when dismissed. */
async function choosePortal(
  services: Services,
  arg: unknown,
  title: string,
  correlationId: string,
  portalRequired: boolean,
): Promise<PortalLink | undefined> {
  const portal = field(arg, 'portal');
  if (portal !== undefined && typeof portal !== 'string') throw new InvalidTargetError(vscode.l10n.t('Expected a portal id as {0}.', 'portal'));
  if (portalRequired && portal === undefined && arg !== undefined && !(arg instanceof CustomerNode)) {
    throw new InvalidTargetError(vscode.l10n.t('Expected {0}: which portal to copy.', '{ tenantId?, customerId, portal }'));
  }
  const target = await customerOrPick(services, arg, { title, correlationId });
  if (!target) return undefined;
  const settings = services.config.require();
  const customer = await customerOf(services, arg, target, correlationId);
  const custom = parsePortalLinks(vscode.workspace.getConfiguration().get(PORTAL_LINKS_SETTING));
  // A bad entry is named every time the portals are offered, and the good ones are still there.
  for (const problem of custom.problems) void vscode.window.showWarningMessage(literalText(problem));
  const links = portalLinksFor(settings.cloud, custom.portals, target.tenantId, customer);
  const name = customerDisplayName(customer);
  if (portal !== undefined) {
    const link = links.find((candidate) => candidate.id === portal);
    if (!link) {
      throw new InvalidTargetError(
        vscode.l10n.t('{0} has no portal "{1}" in {2}. Its portals: {3}.', name, portal, cloudLabel(settings.cloud), links.map((l) => l.id).join(', ') || '—'),
      );
    }
    return link;
  }
  if (!links.length) throw new Error(vscode.l10n.t('{0} has no portal in {1}.', name, cloudLabel(settings.cloud)));
  const items: PortalItem[] = links.map((link) => ({ label: literalText(link.name), detail: link.url, link }));
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('{0} — {1}', title, literalText(name)),
    placeHolder: vscode.l10n.t('Choose a portal'),
    matchOnDetail: true,
  });
  return picked?.link;
}

/** The customer's data: the row's when a row was clicked (no request), else by id through the shared client (cached). */
async function customerOf(services: Services, arg: unknown, target: CustomerRef, correlationId: string): Promise<Customer> {
  if (arg instanceof CustomerNode) return arg.customer;
  return (await services.client.getCustomer(target.tenantId, target.customerId, { correlationId })).value;
}
