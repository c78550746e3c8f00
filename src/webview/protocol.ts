// The billing webview's messages, defined once and validated on both sides: the host (billingPanel.ts)
// parses what the page sends, the page (page/billing.ts) parses what the host sends. zod/mini keeps the
// page bundle small (it tree-shakes, unlike zod's classic API). esbuild bundles this file into the
// browser page too.
import * as z from 'zod/mini';
import { BILLING_FORM_FIELDS, type BillingFormField } from '../api/billingForm';

// The billing profile's form, its one schema and the three-way merge: pure, shared with the host (src/api).
export {
  ADDRESS_FORM_FIELDS, BILLING_FORM_FIELDS, FIELD_MAX_LENGTH, REQUIRED_FIELDS, validateBillingForm,
  type BillingForm, type BillingFormField, type FieldProblem, type FormProblems,
} from '../api/billingForm';
export { changedFields, mergeThreeWay } from '../api/billingChanges';


/** Bounds on anything the other side sends: a message is data, never an unbounded blob. */
const MAX_TEXT = 20_000;
const text = z.string().check(z.maxLength(MAX_TEXT));
const id = z.string().check(z.minLength(1), z.maxLength(256));
const revision = z.int().check(z.nonnegative());

/** Every string the page shows of its own, localized by the host (the page has no l10n of its own). */
export const pageStringsSchema = z.strictObject({
  loading: text,
  errorTitle: text,
  retry: text,
  refresh: text,
  copyEmail: text,
  openJson: text,
  actions: text,
  details: text,
  contactName: text,
  email: text,
  company: text,
  culture: text,
  language: text,
  address: text,
  fetched: text,
  notProvided: text,
  // Editing the billing profile.
  edit: text,
  editHeading: text,
  readOnlyNote: text,
  save: text,
  saving: text,
  cancel: text,
  contactSection: text,
  addressSection: text,
  fields: z.strictObject(Object.fromEntries(BILLING_FORM_FIELDS.map((name) => [name, text])) as Record<BillingFormField, typeof text>),
  required: text,
  /** `{0}`: the longest length. */
  tooLong: text,
  emailProblem: text,
  countryProblem: text,
  phoneProblem: text,
  conflictTitle: text,
  conflictIntro: text,
  conflictField: text,
  yours: text,
  theirs: text,
  original: text,
  applyMine: text,
  discardMine: text,
});

/** Which customer a panel shows; also the page's persisted state, which the serializer reads after a reload. */
export const panelTargetSchema = z.strictObject({ tenantId: id, customerId: id });

/** Every writable field as text (any text: an invalid value is kept, and shown with its problem). */
export const billingFormShape = z.strictObject(
  Object.fromEntries(BILLING_FORM_FIELDS.map((name) => [name, text])) as Record<BillingFormField, typeof text>,
);
const etag = z.string().check(z.minLength(1), z.maxLength(1000));
const formField = z.enum(BILLING_FORM_FIELDS);

/**
 * An edit in progress, kept in the page's state (so hiding the panel, reloading the webview or the window keeps
 * it): the profile when it started (`base`, with its etag), what the user typed (`mine`), Partner Center's last
 * refusal of a field, and after a conflict the profile now on Partner Center (`theirs`).
 */
export const editSessionSchema = z.strictObject({
  base: billingFormShape,
  etag,
  mine: billingFormShape,
  refused: z.optional(z.strictObject({ field: z.nullable(formField), message: text })),
  conflict: z.optional(z.strictObject({ theirs: billingFormShape, etag })),
  /** A save whose answer was lost and that wrote nothing: the words that say so (the user may save again). */
  notice: z.optional(text),
});

/** The page's persisted state: the panel's customer and the edit in progress, if any. */
export const panelStateSchema = z.strictObject({ tenantId: id, customerId: id, edit: z.optional(editSessionSchema) });

const nullableText = z.nullable(text);

/** What the panel shows. `data` is complete or absent: the page never shows half a customer. */
export const billingViewSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('loading') }),
  z.strictObject({ kind: z.literal('error'), message: text }),
  z.strictObject({
    kind: z.literal('data'),
    heading: text,
    /** A refresh is running: the buttons that would start another are disabled. */
    busy: z.boolean(),
    contactName: nullableText,
    email: nullableText,
    company: nullableText,
    culture: nullableText,
    language: nullableText,
    /** The default address on one line. */
    address: nullableText,
    /** When the data was fetched: localized for display, ISO 8601 for `<time datetime>`. */
    fetched: z.strictObject({ display: text, iso: text }),
    /** What an edit starts from; null when edits are off (`partnerCenter.allowEdits`) or the profile has no etag. */
    editable: z.nullable(z.strictObject({ form: billingFormShape, etag })),
  }),
]);

/** What a save came to: saved; a conflict (with the profile now on Partner Center); not saved (retry); refused. */
export const saveResultSchema = z.discriminatedUnion('outcome', [
  z.strictObject({ outcome: z.literal('saved') }),
  z.strictObject({ outcome: z.literal('conflict'), theirs: billingFormShape, etag }),
  z.strictObject({ outcome: z.literal('notSaved'), message: text }),
  z.strictObject({ outcome: z.literal('refused'), field: z.nullable(formField), message: text }),
]);

export const hostMessageSchema = z.discriminatedUnion('type', [
  /** First answer to `ready`: the page's strings and the customer it shows (kept as the page's state). */
  z.strictObject({ type: z.literal('init'), strings: pageStringsSchema, target: panelTargetSchema, lang: id }),
  z.strictObject({ type: z.literal('render'), revision, view: billingViewSchema }),
  /** A short announcement ("Copied", "Refreshing") for the page's `aria-live` status region. */
  z.strictObject({ type: z.literal('status'), text }),
  /** `partnerCenter.editBillingProfile`: start editing (unless an edit is already in progress). */
  z.strictObject({ type: z.literal('startEdit') }),
  /** What a `save` came to. */
  z.strictObject({ type: z.literal('saveResult'), result: saveResultSchema }),
]);

/** What the page displayed, read back from its DOM: lets tests check the panel from inside the webview. */
export const renderedReportSchema = z.strictObject({
  type: z.literal('rendered'),
  revision,
  kind: z.enum(['loading', 'error', 'data']),
  /** The main landmark's text as displayed (`textContent`). */
  text,
  /** Label/value pairs of the definition list, as displayed. */
  fields: z.array(z.strictObject({ label: text, value: text })).check(z.maxLength(50)),
  /** Whether the Edit button is shown. */
  canEdit: z.boolean(),
  /** While editing: each input's value and the problem shown beside it ('' when none). */
  form: z.optional(z.array(z.strictObject({ name: formField, value: text, error: text })).check(z.maxLength(50))),
  /** While editing after a conflict: the conflict view is shown. */
  conflict: z.optional(z.boolean()),
});

export const pageMessageSchema = z.discriminatedUnion('type', [
  /** Sent on every (re)load of the page: the host sends nothing before it, and everything again after it. */
  z.strictObject({ type: z.literal('ready') }),
  /** Refresh and Retry: re-fetch bypassing the cache. */
  z.strictObject({ type: z.literal('refresh') }),
  z.strictObject({ type: z.literal('copyEmail') }),
  z.strictObject({ type: z.literal('openJson') }),
  /** Save: the edit as the page has it (the host checks it again, then PUTs). */
  z.strictObject({ type: z.literal('save'), session: z.strictObject({ base: billingFormShape, etag, mine: billingFormShape }) }),
  renderedReportSchema,
]);

export type PageStrings = z.infer<typeof pageStringsSchema>;
export type PanelTarget = z.infer<typeof panelTargetSchema>;
export type BillingView = z.infer<typeof billingViewSchema>;
export type HostMessage = z.infer<typeof hostMessageSchema>;
export type PageMessage = z.infer<typeof pageMessageSchema>;
export type RenderedReport = z.infer<typeof renderedReportSchema>;
export type EditSession = z.infer<typeof editSessionSchema>;
export type SaveResult = z.infer<typeof saveResultSchema>;
export type PanelState = z.infer<typeof panelStateSchema>;
