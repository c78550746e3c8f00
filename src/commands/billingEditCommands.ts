import * as vscode from 'vscode';
import { billingFormOf, withChanges } from '../api/billingChanges';
import { saveBillingEdit } from '../api/billingSave';
import { errorMessage } from '../api/errors';
import { isRecord } from '../api/json';
import type { Services } from '../services';
import { editsOffMessage, notSavedMessage } from '../webview/billingPanel';
import { billingChangesArgument } from './billingChangesArgument';
import { registerCommand } from './command';
import { customerOrPick } from './customerPicker';
import { InvalidTargetError, customerTargetOf, field } from './targets';
import type { CommandTargets } from './targets';

/**
 * Editing a billing profile: `partnerCenter.editBillingProfile` (the panel in edit mode) and
 * `partnerCenter.updateBillingProfile` (no UI, for automation: returns the saved profile, rejects otherwise).
 */
export function registerBillingEditCommands(services: Services, { billing }: Pick<CommandTargets, 'billing'>): vscode.Disposable[] {
  return [
    registerCommand(services, 'partnerCenter.editBillingProfile', async ({ correlationId }, arg?: unknown) => {
      if (!services.config.require().allowEdits) throw new Error(editsOffMessage());
      const target = await customerOrPick(services, arg, { title: vscode.l10n.t('Edit Billing Profile'), correlationId });
      if (target) billing.open(target, { correlationId }).startEdit();
    }),
    registerCommand(
      services,
      'partnerCenter.updateBillingProfile',
      async ({ correlationId }, arg?: unknown) => {
        const settings = services.config.require();
        if (!settings.allowEdits) throw new Error(editsOffMessage());
        const target = customerTargetOf(arg, settings);
        if (!target) throw new InvalidTargetError(vscode.l10n.t('Expected {0}.', '{ tenantId?, customerId, changes, etag? }'));
        const changes = billingChangesArgument(field(arg, 'changes'));
        const etagArgument = field(arg, 'etag');
        if (etagArgument !== undefined && (typeof etagArgument !== 'string' || etagArgument === '')) {
          throw new InvalidTargetError(vscode.l10n.t('"etag" must be a non-empty string.'));
        }
        const { tenantId, customerId } = target;
        // The profile as last read (cached, or one GET): the body is that plus the changes.
        const customer = await services.client.getCustomer(tenantId, customerId, { correlationId });
        const profile = customer.value.billingProfile;
        const etag = (etagArgument as string | undefined) ?? profile?.attributes?.etag;
        if (!profile || !etag) throw new Error(vscode.l10n.t('Customer {0} has no billing profile with an etag: it cannot be updated.', customerId));
        const base = billingFormOf(profile);
        const result = await saveBillingEdit(services.client, services.log, {
          tenant: tenantId,
          customerId,
          profileAsRead: isRecord(customer.raw) ? customer.raw.billingProfile : undefined,
          base,
          etag,
          mine: withChanges(base, changes),
          customer,
          correlationId,
        });
        switch (result.outcome) {
          case 'saved':
            return result.profile.raw;
          case 'conflict':
            throw new Error(
              vscode.l10n.t(
                'Conflict: the billing profile of customer {0} changed on Partner Center since it was read (etag {1}); nothing was written. Read it again and reapply the changes.',
                customerId,
                etag,
              ),
            );
          case 'notSaved':
            throw new Error(notSavedMessage(errorMessage(result.error)));
        }
      },
      { rejects: true },
    ),
  ];
}
