// What an edit of a billing profile is: the fields the user changed against the profile they started from,
// the PUT body those changes make of the profile as last read, the three-way merge onto a newer profile, and
// what a PUT whose answer was lost came to (read back). Plain functions: unit-tested without a server.
import { ADDRESS_FORM_FIELDS, BILLING_FORM_FIELDS, type BillingForm, type BillingFormField } from './billingForm';
import { isRecord } from './json';
import type { BillingProfile } from './schemas';

/** The fields the user changed, with their new values (trimmed; '' = cleared). */
export type BillingChanges = Partial<Record<BillingFormField, string>>;

const isAddressField = (name: BillingFormField): boolean => ADDRESS_FORM_FIELDS.includes(name);

/** A profile (as validated, or as received) as the form shows it: null and absent are ''. */
export function billingFormOf(profile: BillingProfile | Record<string, unknown> | null | undefined): BillingForm {
  const address = isRecord(profile?.defaultAddress) ? profile.defaultAddress : undefined;
  const read = (source: Record<string, unknown> | null | undefined, name: string): string => {
    const value = source?.[name];
    return typeof value === 'string' ? value : '';
  };
  return Object.fromEntries(
    BILLING_FORM_FIELDS.map((name) => [name, read(isAddressField(name) ? address : (profile as Record<string, unknown> | null | undefined), name)]),
  ) as BillingForm;
}

/** The fields whose value differs, ignoring surrounding whitespace (what is saved is trimmed). */
export function changedFields(base: BillingForm, form: BillingForm): BillingFormField[] {
  return BILLING_FORM_FIELDS.filter((name) => base[name].trim() !== form[name].trim());
}

/** The changes a form makes to the profile it started from. */
export function changesOf(base: BillingForm, form: BillingForm): BillingChanges {
  return Object.fromEntries(changedFields(base, form).map((name) => [name, form[name].trim()])) as BillingChanges;
}

/** The form with the changes applied. */
export function withChanges(form: BillingForm, changes: BillingChanges): BillingForm {
  return { ...form, ...changes };
}

/**
 * The PUT body: the profile exactly as last read (unknown fields, links and attributes kept) with the changed
 * fields set; a cleared field is sent as null. The etag goes into `attributes.etag`.
 */
export function putBody(profileAsRead: unknown, changes: BillingChanges, etag: string): Record<string, unknown> {
  const body: Record<string, unknown> = isRecord(profileAsRead) ? structuredClone(profileAsRead) : {};
  const address: Record<string, unknown> = isRecord(body.defaultAddress) ? body.defaultAddress : {};
  let addressChanged = false;
  for (const name of BILLING_FORM_FIELDS) {
    const value = changes[name];
    if (value === undefined) continue;
    const wire = value === '' ? null : value;
    if (isAddressField(name)) {
      address[name] = wire;
      addressChanged = true;
    } else {
      body[name] = wire;
    }
  }
  if (addressChanged) body.defaultAddress = address;
  body.attributes = { ...(isRecord(body.attributes) ? body.attributes : {}), etag };
  return body;
}

export interface ThreeWayMerge {
  /** The latest profile with only the user's changed fields taken from the user. */
  readonly form: BillingForm;
  /** What saving the merge changes in the latest profile. */
  readonly changes: BillingChanges;
  /** Fields both sides changed, to different values: the user's value wins (they asked to apply theirs). */
  readonly changedOnBothSides: BillingFormField[];
}

/** `base`: the profile when the user started; `mine`: what they typed; `theirs`: what is on Partner Center now. */
export function mergeThreeWay(base: BillingForm, mine: BillingForm, theirs: BillingForm): ThreeWayMerge {
  const myChanges = changesOf(base, mine);
  const form = withChanges(theirs, myChanges);
  const theirChanged = new Set(changedFields(base, theirs));
  return {
    form,
    changes: changesOf(theirs, form),
    changedOnBothSides: (Object.keys(myChanges) as BillingFormField[]).filter(
      (name) => theirChanged.has(name) && theirs[name].trim() !== mine[name].trim(),
    ),
  };
}

/**
 * A PUT whose answer never came (a timeout, a reset, a 5xx), judged from the profile read back:
 * - `saved`: it holds what was sent;
 * - `unchanged`: still the etag it was sent with, so nothing was written (the user may retry);
 * - `conflict`: anything else (someone else wrote in between).
 */
export type LostAnswerOutcome = 'saved' | 'unchanged' | 'conflict';

export function decideAfterLostAnswer(intended: BillingForm, sentEtag: string, readBack: BillingProfile): LostAnswerOutcome {
  if (changedFields(intended, billingFormOf(readBack)).length === 0) return 'saved';
  if (readBack.attributes?.etag === sentEtag) return 'unchanged';
  return 'conflict';
}
