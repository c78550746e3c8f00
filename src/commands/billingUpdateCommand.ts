import * as vscode from 'vscode';
import { billingFormOf, withChanges } from '../api/billingChanges';
import { saveBillingEdit } from '../api/billingSave';
import { errorMessage } from '../api/errors';
import { isRecord } from '../api/json';
import type { Services } from '../services';
import { editsOffMessage, notSavedMessage } from '../webview/editMessages';
import { billingChangesArgument } from './billingChangesArgument';
import type { CommandHandler } from './command';
import { InvalidTargetError, customerTargetOf, field } from './targets';

// The body of partnerCenter.updateBillingProfile, loaded on its first run (billingEditCommands.ts registers it).

/** Returns the saved profile; rejects on a conflict or a lost answer, having written nothing it was not asked to. */
export function updateBillingProfileHandler(services: Services): CommandHandler<[arg?: unknown], unknown> {
  return async ({ correlationId }, arg?: unknown) => {
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
  };
}
