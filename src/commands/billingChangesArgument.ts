// The `changes` argument of partnerCenter.updateBillingProfile: the writable fields, `defaultAddress` as a
// partial object; a string sets a field, null or '' clears it. Anything else is refused, naming the key.
import * as vscode from 'vscode';
import * as z from 'zod/mini';
import type { BillingChanges } from '../api/billingChanges';
import { ADDRESS_FORM_FIELDS, BILLING_FORM_FIELDS, type BillingFormField } from '../api/billingForm';

const value = z.nullable(z.string().check(z.maxLength(20_000)));
const optionalValues = (names: readonly BillingFormField[]) =>
  z.strictObject(Object.fromEntries(names.map((name) => [name, z.optional(value)])) as Record<BillingFormField, z.ZodMiniOptional<typeof value>>);

const changesSchema = z.strictObject({
  ...optionalValues(BILLING_FORM_FIELDS.filter((name) => !ADDRESS_FORM_FIELDS.includes(name))).shape,
  defaultAddress: z.optional(optionalValues(ADDRESS_FORM_FIELDS)),
});

/** The changes as the form has them, or throws an error a caller can act on. */
export function billingChangesArgument(changes: unknown): BillingChanges {
  const parsed = changesSchema.safeParse(changes);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = [...(issue?.path ?? []), ...(issue && 'keys' in issue ? (issue.keys as string[]) : [])].map(String).join('.');
    throw new Error(vscode.l10n.t('"changes" is not a set of billing profile fields ({0}): {1}', where || 'changes', issue?.message ?? ''));
  }
  const { defaultAddress, ...fields } = parsed.data;
  const flat: Record<string, string | null | undefined> = { ...fields, ...defaultAddress };
  return Object.fromEntries(
    Object.entries(flat)
      .filter((entry): entry is [string, string | null] => entry[1] !== undefined)
      .map(([name, text]) => [name, (text ?? '').trim()]),
  ) as BillingChanges;
}
