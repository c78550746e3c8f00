import * as vscode from 'vscode';
import type { CustomerDocuments } from '../documents/customerJsonProvider';
import { customerDisplayName, customerDomain } from '../presentation/customerFacts';
import { literalText } from '../presentation/literalText';
import type { Services } from '../services';
import type { CustomersView } from '../tree/customersView';
import { CustomerNode } from '../tree/nodes/customerNode';
import { ErrorNode } from '../tree/nodes/messageNode';
import type { TreeNode } from '../tree/nodes/treeNode';
import { copyToClipboard } from './clipboard';
import { type CommandContext, registerCommand } from './command';
import { customerOrPick } from './customerPicker';
import { showCustomerSearch } from './searchQuickPick';
import { InvalidTargetError, customerTargetOf, field, resolveTenant, tenantOf } from './targets';

function isTreeNode(arg: unknown): arg is TreeNode {
  return typeof arg === 'object' && arg !== null && typeof (arg as Partial<TreeNode>).getTreeItem === 'function';
}

/** Refresh, Load more, search and the copy commands of the customers view. */
export function registerTreeCommands(services: Services, view: CustomersView, documents: CustomerDocuments): vscode.Disposable[] {
  return [
    registerCommand(services, 'partnerCenter.refresh', (context, arg?: unknown) => refresh(services, view, documents, context, arg)),

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
      }
      return undefined;
    }),

    registerCommand(services, 'partnerCenter.clearSearch', () => view.clearSearch()),

    registerCommand(services, 'partnerCenter.copyCustomerId', async ({ correlationId }, arg?: unknown) => {
      const target = await customerOrPick(services, arg, { title: vscode.l10n.t('Copy Customer ID'), correlationId });
      if (!target) return undefined;
      return copyToClipboard(target.customerId, vscode.l10n.t('Copied the customer ID {0}', target.customerId));
    }),

    registerCommand(services, 'partnerCenter.copyDomain', async ({ correlationId }, arg?: unknown) => {
      const target = await customerOrPick(services, arg, { title: vscode.l10n.t('Copy Domain'), correlationId });
      if (!target) return undefined;
      // A tree node knows its domain; otherwise it comes from the customer (the client's cache when fresh).
      let domain: string | undefined;
      let name = target.companyName;
      if (arg instanceof CustomerNode) domain = arg.domain;
      else {
        const customer = (await services.client.getCustomer(target.tenantId, target.customerId, { correlationId })).value;
        domain = customerDomain(customer);
        name ??= customerDisplayName(customer);
      }
      // Thrown: the command's error policy shows it (made literal there: the name is the customer's data).
      if (!domain) throw new Error(vscode.l10n.t('{0} has no domain.', name ?? target.customerId));
      return copyToClipboard(domain, vscode.l10n.t('Copied the domain {0}', domain));
    }),

    // A property row (or any `{ value: string }`): copies exactly the value shown.
    registerCommand(services, 'partnerCenter.copyValue', async (_context, arg?: unknown) => {
      const value = field(arg, 'value');
      if (typeof value !== 'string') {
        throw new InvalidTargetError(vscode.l10n.t('Expected a value row of the Partner Center view.'));
      }
      return copyToClipboard(value, vscode.l10n.t('Copied "{0}"', value.length > 60 ? `${value.slice(0, 59)}…` : value));
    }),
  ];
}

/**
 * `partnerCenter.refresh`, the one reading of its argument. None: the whole view. An error row: the load that
 * failed. A `partnercenter:` URI (the JSON tab's title button): that document's customer. A customer's row (or
 * a row inside it) or `{ tenantId?, customerId }`: that customer. A tenant row or `{ tenantId }`: that tenant.
 */
function refresh(services: Services, view: CustomersView, documents: CustomerDocuments, context: CommandContext, arg: unknown): Promise<void> {
  const options = { correlationId: context.correlationId };
  if (arg === undefined || arg === null) return view.refreshAll(options);
  if (arg instanceof ErrorNode) return view.retry(arg, options);
  if (arg instanceof vscode.Uri) return documents.refresh(arg, options);
  const settings = services.config.require();
  if (field(arg, 'customerId') !== undefined) return view.refreshCustomer(customerTargetOf(arg, settings)!, options);
  const tenantId = tenantOf(arg, settings);
  if (tenantId) return view.refreshTenant(tenantId, options);
  // Any other row of the view (a message): what it belongs to is the whole view.
  if (isTreeNode(arg)) return view.refreshAll(options);
  throw new InvalidTargetError(
    vscode.l10n.t('Expected a Partner Center tree item, {0} or {1}.', '{ tenantId }', '{ tenantId?, customerId }'),
  );
}
