import * as vscode from 'vscode';
import { isCustomerGuid } from '../customerRef';
import type { Services } from '../services';
import type { CustomersView } from '../tree/customersView';
import { registerCommand } from './command';
import { customerOrPick } from './customerPicker';
import { InvalidTargetError } from './targets';

/** Pin and Unpin: a customer row (in a list or in Pinned), `{ tenantId?, customerId }`, or (Pin, palette) a picked customer. */
export function registerPinCommands(services: Services, view: Pick<CustomersView, 'pins'>): vscode.Disposable[] {
  const target = async (arg: unknown, title: string, correlationId: string) => {
    const ref = await customerOrPick(services, arg, { title, correlationId });
    if (ref && !isCustomerGuid(ref.customerId)) {
      throw new InvalidTargetError(vscode.l10n.t('"{0}" is not a customer id (a GUID).', ref.customerId));
    }
    return ref;
  };
  return [
    // Returns true when the customer was pinned by this call (false: it already was).
    registerCommand(services, 'partnerCenter.pinCustomer', async ({ correlationId }, arg?: unknown) => {
      const ref = await target(arg, vscode.l10n.t('Pin Customer'), correlationId);
      return ref ? view.pins.pin(ref) : undefined;
    }),
    registerCommand(services, 'partnerCenter.unpinCustomer', async ({ correlationId }, arg?: unknown) => {
      const ref = await target(arg, vscode.l10n.t('Unpin Customer'), correlationId);
      return ref ? view.pins.unpin(ref) : undefined;
    }),
  ];
}
