// A billing-profile PUT and what it came to: saved, a conflict, or (its answer lost) whatever the profile read
// back shows. Never a second PUT: only the user (or the caller) sends again, knowing what happened.
import * as l10n from '@vscode/l10n';
import { decideAfterLostAnswer } from './billingChanges';
import { BILLING_FORM_FIELDS, type BillingForm, type BillingFormField } from './billingForm';
import { PartnerCenterError } from './errors';
import type { BillingProfile } from './schemas';
import type { BillingProfileUpdate, Fetched } from './types';

export interface BillingWriteSteps {
  /** The PUT, sent once (PartnerCenterHttp.put). */
  put(): Promise<Fetched<BillingProfile>>;
  /** One GET of the profile as Partner Center has it now, past the cache. */
  readBack(): Promise<Fetched<BillingProfile>>;
}

const LOST_ANSWER_STATUSES = new Set([408, 500, 502, 503, 504]);

/** Partner Center's answers to a stale etag: 400 with code 2055 ("Etag is no longer valid"), or 412. */
export function isEtagConflict(error: unknown): boolean {
  return error instanceof PartnerCenterError && error.kind === 'http' && ((error.status === 400 && error.code === '2055') || error.status === 412);
}

/** The request may have been applied although no answer says so: a timeout, a reset, a gateway's 5xx. */
export function answerMayBeLost(error: unknown): boolean {
  if (!(error instanceof PartnerCenterError)) return false;
  return error.kind === 'timeout' || error.kind === 'network' || (error.kind === 'http' && LOST_ANSWER_STATUSES.has(error.status ?? 0));
}

/** `intended`: the writable fields as sent; `etag`: the one sent (the profile's when it was read). */
export async function writeBillingProfile(steps: BillingWriteSteps, intended: BillingForm, etag: string): Promise<BillingProfileUpdate> {
  let failure: unknown;
  try {
    return { outcome: 'saved', profile: await steps.put(), readBack: false };
  } catch (error) {
    failure = error;
  }
  if (isEtagConflict(failure)) return { outcome: 'conflict', latest: await steps.readBack() };
  if (!answerMayBeLost(failure)) throw failure;
  let latest: Fetched<BillingProfile>;
  try {
    latest = await steps.readBack();
  } catch (error) {
    throw new PartnerCenterError({
      kind: error instanceof PartnerCenterError ? error.kind : 'network',
      summary: l10n.t(
        'The billing profile may or may not have been saved: the answer was lost ({0}) and reading it back failed ({1}). Refresh before saving again.',
        (failure as PartnerCenterError).message,
        error instanceof Error ? error.message : String(error),
      ),
      cause: error,
    });
  }
  switch (decideAfterLostAnswer(intended, etag, latest.value)) {
    case 'saved':
      return { outcome: 'saved', profile: latest, readBack: true };
    case 'unchanged':
      return { outcome: 'notSaved', latest, error: failure as PartnerCenterError };
    case 'conflict':
      return { outcome: 'conflict', latest };
  }
}

/** Longest names first: `addressLine1` before a shorter name it contains. */
const FIELDS_BY_LENGTH = [...BILLING_FORM_FIELDS].sort((a, b) => b.length - a.length);

/**
 * The writable field a refusal names (`'email'`, `DefaultAddress.Country`, `defaultAddress.phoneNumber`…), so
 * the form can show it on that field; undefined when it names none.
 */
export function fieldOfError(error: unknown): BillingFormField | undefined {
  if (!(error instanceof PartnerCenterError) || error.kind !== 'http' || error.status !== 400) return undefined;
  const text = `${error.description ?? ''}`;
  return FIELDS_BY_LENGTH.find((name) => new RegExp(`(^|[^A-Za-z0-9])${name}([^A-Za-z0-9]|$)`, 'i').test(text));
}
