import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { errorMessage, isCancellation, isPartnerCenterError } from '../api/errors';
import { type CustomerRef, customerRef } from '../customerRef';
import { type ShowMode, customerLink, parseCustomerLink } from '../links/customerLink';
import { customerDisplayName } from '../presentation/customerFacts';
import type { Services } from '../services';
import { copyToClipboard } from './clipboard';
import { registerCommand, showError } from './command';
import { customerOrPick } from './customerPicker';
import type { CommandTargets } from './targets';

/** What opening a customer link did: the customer shown and how, or why nothing was. */
export type CustomerLinkOutcome =
  | { readonly shown: true; readonly target: CustomerRef; readonly show: ShowMode }
  | { readonly shown: false; readonly problem: string };

/** The `vscode://…/customer?…` links: opening them (the URI handler) and copying one (`partnerCenter.copyCustomerLink`). */
export interface CustomerLinks extends vscode.Disposable {
  /** The URI handler's entry point: shows the customer a link names, or says why it cannot. */
  handleUri(uri: vscode.Uri): Promise<CustomerLinkOutcome>;
}

export function registerCustomerLinks(services: Services, targets: CommandTargets): CustomerLinks {
  const links = new CustomerLinkHandler(services, targets);
  const registrations = [
    vscode.window.registerUriHandler({ handleUri: (uri) => void links.open(uri) }),
    registerCommand(services, 'partnerCenter.copyCustomerLink', async ({ correlationId }, arg?: unknown) => {
      const target = await customerOrPick(services, arg, { title: vscode.l10n.t('Copy Customer Link'), correlationId });
      if (!target) return undefined;
      const link = customerLink(vscode.env.uriScheme, services.context.extension.id, target);
      return copyToClipboard(link, vscode.l10n.t('Copied the link to {0}: {1}', target.companyName ?? target.customerId, link));
    }),
  ];
  return { handleUri: (uri) => links.open(uri), dispose: () => registrations.forEach((r) => r.dispose()) };
}

class CustomerLinkHandler {
  constructor(
    private readonly services: Services,
    private readonly targets: CommandTargets,
  ) {}

  /**
   * Reads the link, then fetches the customer by id (one request, none when cached) and shows it. A link for a
   * tenant not configured, with a malformed id, or for a customer the tenant has not got says so and fetches
   * nothing else.
   */
  async open(uri: vscode.Uri): Promise<CustomerLinkOutcome> {
    const correlationId = randomUUID();
    const { services } = this;
    try {
      // Opened by the link, VS Code has just activated the extension: wait until it knows whether it may send requests.
      const state = await services.session.evaluate();
      const settings = services.config.require();
      const parsed = parseCustomerLink(uri.path, uri.query, settings.tenants);
      if (!parsed.ok) return this.refuse(parsed.problem);
      if (!services.session.ready) {
        return this.refuse(vscode.l10n.t('Sign in to Partner Center, then open the link again ({0}).', state));
      }
      const { tenantId, customerId } = parsed.target;
      let name: string;
      try {
        name = customerDisplayName((await services.client.getCustomer(tenantId, customerId, { correlationId })).value);
      } catch (error) {
        if (isPartnerCenterError(error) && error.status === 404) {
          return this.refuse(vscode.l10n.t('Partner tenant {0} has no customer {1}.', tenantId, customerId));
        }
        throw error;
      }
      const target = customerRef(tenantId, customerId, name);
      await this.show(target, parsed.show, correlationId);
      return { shown: true, target, show: parsed.show };
    } catch (error) {
      if (isCancellation(error)) return { shown: false, problem: errorMessage(error) };
      return this.refuse(errorMessage(error), correlationId);
    }
  }

  private async show(target: CustomerRef, show: ShowMode, correlationId: string): Promise<void> {
    const { customers, billing, documents } = this.targets;
    switch (show) {
      case 'tree':
        // As a search for its id does: the view filtered to it, with the view's message and Clear.
        await customers.search(target.customerId, { correlationId });
        await customers.reveal(target, { correlationId });
        return;
      case 'billing':
        await billing.open(target, { correlationId });
        return;
      case 'json':
        await documents.open(target, { correlationId });
        return;
    }
  }

  private refuse(problem: string, correlationId?: string): CustomerLinkOutcome {
    const where = correlationId ? ` (correlation id ${correlationId})` : '';
    this.services.log.warn(`Customer link not opened${where}: ${problem}`);
    void showError(this.services, problem);
    return { shown: false, problem };
  }
}
