// Saving an edit of a billing profile, for the billing panel and the no-UI command alike: the form checked
// again with the schema the page uses, then one PUT of the profile as read plus the changed fields.
import * as l10n from '@vscode/l10n';
import { type BillingChanges, changesOf, putBody } from './billingChanges';
import { type BillingForm, type BillingFormField, type FormProblems, validateBillingForm } from './billingForm';
import type { Logger } from './logger';
import type { Customer } from './schemas';
import type { BillingProfileUpdate, Fetched, PartnerCenterApi, TenantId } from './types';

/** A form that does not pass the schema: nothing was sent. */
export class InvalidBillingEditError extends Error {
  constructor(readonly problems: FormProblems) {
    super(l10n.t('The billing profile was not saved: these fields are not valid: {0}.', Object.keys(problems).join(', ')));
    this.name = 'InvalidBillingEditError';
  }

  /** The first invalid field. */
  get field(): BillingFormField | undefined {
    return Object.keys(this.problems)[0] as BillingFormField | undefined;
  }
}

export interface BillingEdit {
  readonly tenant: TenantId;
  readonly customerId: string;
  /** The billing profile exactly as last read (unknown fields kept): the body is that plus the changes. */
  readonly profileAsRead: unknown;
  /** The writable fields when the edit started, and their etag. */
  readonly base: BillingForm;
  readonly etag: string;
  /** What the user wants the fields to be. */
  readonly mine: BillingForm;
  /** The customer as the caller has it: the saved profile goes into it for the views if the cache lost it. */
  readonly customer?: Fetched<Customer>;
  readonly correlationId?: string;
}

/** Checks and PUTs an edit; throws InvalidBillingEditError (sending nothing) or the client's errors. */
export async function saveBillingEdit(
  client: Pick<PartnerCenterApi, 'updateBillingProfile'>,
  logger: Logger,
  edit: BillingEdit,
): Promise<BillingProfileUpdate> {
  const problems = validateBillingForm(edit.mine);
  if (Object.keys(problems).length > 0) throw new InvalidBillingEditError(problems);
  const changes: BillingChanges = changesOf(edit.base, edit.mine);
  // Field names only: the values are personal data.
  logger.info(
    `Saving the billing profile of customer ${edit.customerId} (tenant ${edit.tenant}); changed fields: ${Object.keys(changes).join(', ') || 'none'}`,
  );
  const body = putBody(edit.profileAsRead, changes, edit.etag);
  const result = await client.updateBillingProfile(edit.tenant, edit.customerId, body, edit.etag, {
    customer: edit.customer,
    correlationId: edit.correlationId,
  });
  logger.info(`Billing profile of customer ${edit.customerId} (tenant ${edit.tenant}): ${result.outcome}`);
  return result;
}
