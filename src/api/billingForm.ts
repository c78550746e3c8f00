// The billing profile's writable fields as a form, and the one schema that validates them: the webview page
// checks it as the user types (it imports this through ../protocol), the host checks it again before any PUT.
// zod/mini, no l10n: a problem is a code (`required`, `email`…) the page puts into words it got from the host.
import * as z from 'zod/mini';

/**
 * The writable fields (REFERENCE-activity-and-links.md §B.2): the contact, the company name and the default
 * address. Culture and language stay read-only (no source shows them writable).
 */
export const BILLING_FORM_FIELDS = [
  'firstName',
  'lastName',
  'email',
  'companyName',
  'addressLine1',
  'addressLine2',
  'addressLine3',
  'city',
  'state',
  'region',
  'postalCode',
  'country',
  'phoneNumber',
] as const;

export type BillingFormField = (typeof BILLING_FORM_FIELDS)[number];

/** Every writable field as text: an absent or null value is ''. */
export type BillingForm = Readonly<Record<BillingFormField, string>>;

/** The fields that live in `defaultAddress` (the others are the profile's own). */
export const ADDRESS_FORM_FIELDS: readonly BillingFormField[] = [
  'addressLine1',
  'addressLine2',
  'addressLine3',
  'city',
  'state',
  'region',
  'postalCode',
  'country',
  'phoneNumber',
];

/** Why a field is invalid; `server` is Partner Center's own refusal (its words come with it). */
export type FieldProblem = 'required' | 'tooLong' | 'email' | 'country' | 'phone';

export const REQUIRED_FIELDS: ReadonlySet<BillingFormField> = new Set(['firstName', 'lastName', 'email', 'addressLine1', 'city', 'country']);

/** The longest value each field takes (generous: Partner Center's own limits are not documented). */
export const FIELD_MAX_LENGTH: Readonly<Record<BillingFormField, number>> = {
  firstName: 100,
  lastName: 100,
  email: 254,
  companyName: 400,
  addressLine1: 256,
  addressLine2: 256,
  addressLine3: 256,
  city: 128,
  state: 128,
  region: 128,
  postalCode: 32,
  country: 2,
  phoneNumber: 40,
};

/** ISO 3166-1 alpha-2 (the officially assigned codes). */
const COUNTRIES = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
    'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO ' +
    'FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE ' +
    'JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO ' +
    'MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW ' +
    'PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM ' +
    'TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
  ).split(' '),
);

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^[0-9+()\-.\s/]*$/;

function field(name: BillingFormField) {
  const checks = [
    ...(REQUIRED_FIELDS.has(name) ? [z.refine<string>((value) => value.trim() !== '', { error: 'required' as FieldProblem, abort: true })] : []),
    // A country is checked against the list, which says more than "too long".
    ...(name === 'country' ? [] : [z.maxLength(FIELD_MAX_LENGTH[name], { error: 'tooLong' as FieldProblem })]),
    ...(name === 'email' ? [z.refine<string>((value) => value.trim() === '' || EMAIL.test(value.trim()), { error: 'email' as FieldProblem })] : []),
    ...(name === 'country' ? [z.refine<string>((value) => value.trim() === '' || COUNTRIES.has(value.trim()), { error: 'country' as FieldProblem })] : []),
    ...(name === 'phoneNumber' ? [z.refine<string>((value) => PHONE.test(value), { error: 'phone' as FieldProblem })] : []),
  ];
  return z.string().check(...checks);
}

/** The form as the page sends it: every writable field, as text. */
export const billingFormSchema = z.strictObject(
  Object.fromEntries(BILLING_FORM_FIELDS.map((name) => [name, field(name)])) as Record<BillingFormField, ReturnType<typeof field>>,
);

export type FormProblems = Partial<Record<BillingFormField, FieldProblem>>;

/** The first problem of each invalid field; `{}` when the form can be saved. */
export function validateBillingForm(form: BillingForm): FormProblems {
  const parsed = billingFormSchema.safeParse(form);
  if (parsed.success) return {};
  const problems: FormProblems = {};
  for (const issue of parsed.error.issues) {
    const name = issue.path[0] as BillingFormField | undefined;
    if (name !== undefined && problems[name] === undefined) problems[name] = issue.message as FieldProblem;
  }
  return problems;
}

export function isFormValid(form: BillingForm): boolean {
  return billingFormSchema.safeParse(form).success;
}
