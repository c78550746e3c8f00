import * as vscode from 'vscode';
import { customerDisplayName, customerDomain } from '../presentation/customerFacts';
import { CustomerNode } from '../tree/nodes/customerNode';
import type { TreeNode } from '../tree/nodes/treeNode';
import type { Services } from '../services';
import { type CommandContext, registerCommand } from './command';
import { pickCustomer } from './customerPicker';
import { literalText } from '../presentation/literalText';
import type { CommandTargets } from './register';
import { showCustomerSearch } from './searchQuickPick';
import { type CustomerTarget, InvalidTargetError, customerTargetOf, resolveTenant, tenantOf } from './targets';

/** How long the "Copied …" confirmation stays in the status bar. */
const COPIED_MESSAGE_MS = 4000;

function isTreeNode(arg: unknown): arg is TreeNode {
  return typeof arg === 'object' && arg !== null && typeof (arg as Partial<TreeNode>).getTreeItem === 'function';
}

function field(arg: unknown, name: string): unknown {
  return typeof arg === 'object' && arg !== null ? (arg as Record<string, unknown>)[name] : undefined;
}

/** Refresh, Load more, search and the copy commands of the customers view. */
export function registerTreeCommands(services: Services, targets: CommandTargets): vscode.Disposable[] {
  const view = targets.customers;

  /** The customer an argument names; from the palette (no argument) the user picks one. */
  const customerOf = async (arg: unknown, title: string, context: CommandContext): Promise<CustomerTarget | undefined> =>
    customerTargetOf(arg, services.config.require()) ??
    (await pickCustomer(services, { title, correlationId: context.correlationId }));

  const copy = async (text: string, confirmation: string): Promise<string> => {
    await vscode.env.clipboard.writeText(text);
    // The status bar renders `$(name)` as an icon: copied data must show as typed.
    vscode.window.setStatusBarMessage(`$(check) ${literalText(confirmation)}`, COPIED_MESSAGE_MS);
    return text;
  };

  return [
    // No argument: the whole view. A node: that tenant, that customer, or the failed load of an error row.
    // A `partnercenter:` URI (the JSON tab's title button): that document's customer.
    // Programmatic: `{ tenantId }` (a tenant) or `{ tenantId?, customerId }` (a customer).
    registerCommand(services, 'partnerCenter.refresh', async (context, arg?: unknown) => {
      const options = { correlationId: context.correlationId };
      if (arg === undefined || arg === null) return view.refresh(undefined, options);
      if (isTreeNode(arg)) return view.refresh(arg, options);
      if (arg instanceof vscode.Uri) return targets.documents.refresh(arg, options);
      const settings = services.config.require();
      if (field(arg, 'customerId') !== undefined) return view.refreshCustomer(customerTargetOf(arg, settings)!, options);
      const tenantId = tenantOf(arg, settings);
      if (tenantId) return view.refreshTenant(tenantId, options);
      throw new InvalidTargetError(
        vscode.l10n.t('Expected a Partner Center tree item, {0} or {1}.', '{ tenantId }', '{ tenantId?, customerId }'),
      );
    }),

    // The "Load more…" row, or `{ tenantId? }`. Returns how many customers were added.
    registerCommand(services, 'partnerCenter.loadMore', async (context, arg?: unknown) => {
      const tenantId = await resolveTenant(arg, services.config.require(), vscode.l10n.t('Load More Customers'));
      if (!tenantId) return undefined;
      return view.loadMore(tenantId, { correlationId: context.correlationId });
    }),

    // A string argument filters directly and returns the number of matches loaded; otherwise the search quick pick.
    registerCommand(services, 'partnerCenter.search', async (context, arg?: unknown) => {
      const options = { correlationId: context.correlationId };
      if (typeof arg === 'string') return view.search(arg, options);
      const choice = await showCustomerSearch(services, {
        title: vscode.l10n.t('Search Customers'),
        offerFilter: true,
        correlationId: context.correlationId,
      });
      if (choice?.kind === 'filter') return view.search(choice.text, options);
      if (choice?.kind === 'customer') {
        const revealed = await view.reveal(choice.target, { ...options, searchText: choice.text });
        if (!revealed) {
          const name = literalText(choice.target.companyName ?? choice.target.customerId);
          void vscode.window.showWarningMessage(vscode.l10n.t('{0} could not be shown in the Partner Center view.', name));
        }
        return undefined;
      }
      return undefined;
    }),

    registerCommand(services, 'partnerCenter.clearSearch', () => view.clearSearch()),

    registerCommand(services, 'partnerCenter.copyCustomerId', async (context, arg?: unknown) => {
      const target = await customerOf(arg, vscode.l10n.t('Copy Customer ID'), context);
      if (!target) return undefined;
      return copy(target.customerId, vscode.l10n.t('Copied the customer ID {0}', target.customerId));
    }),

    registerCommand(services, 'partnerCenter.copyDomain', async (context, arg?: unknown) => {
      const target = await customerOf(arg, vscode.l10n.t('Copy Domain'), context);
      if (!target) return undefined;
      // A tree node knows its domain; otherwise it comes from the customer (the client's cache when fresh).
      let domain: string | undefined;
      let name = target.companyName;
      if (arg instanceof CustomerNode) domain = arg.domain;
      else {
        const customer = (await services.client.getCustomer(target.tenantId, target.customerId, { correlationId: context.correlationId })).value;
        domain = customerDomain(customer);
        name ??= customerDisplayName(customer);
      }
      // Thrown: the command's error policy shows it (made literal there: the name is the customer's data).
      if (!domain) throw new Error(vscode.l10n.t('{0} has no domain.', name ?? target.customerId));
      return copy(domain, vscode.l10n.t('Copied the domain {0}', domain));
    }),

    // A property row (or any `{ value: string }`): copies exactly the value shown.
    registerCommand(services, 'partnerCenter.copyValue', async (_context, arg?: unknown) => {
      const value = field(arg, 'value');
      if (typeof value !== 'string') {
        throw new InvalidTargetError(vscode.l10n.t('Expected a value row of the Partner Center view.'));
      }
      return copy(value, vscode.l10n.t('Copied "{0}"', value.length > 60 ? `${value.slice(0, 59)}…` : value));
    }),
  ];
}
