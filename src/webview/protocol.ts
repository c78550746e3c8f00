// The billing webview's messages, defined once and validated on both sides: the host (billingPanel.ts)
// parses what the page sends, the page (page/billing.ts) parses what the host sends. zod/mini keeps the
// page bundle small (it tree-shakes, unlike zod's classic API). esbuild bundles this file into the
// browser page too.
import * as z from 'zod/mini';

/** The view type of `createWebviewPanel` and of the serializer that restores panels after a reload. */
export const BILLING_VIEW_TYPE = 'partnerCenter.billing';

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
});

/** Which customer a panel shows; also the page's persisted state, which the serializer reads after a reload. */
export const panelTargetSchema = z.strictObject({ tenantId: id, customerId: id });

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
  }),
]);

export const hostMessageSchema = z.discriminatedUnion('type', [
  /** First answer to `ready`: the page's strings and the customer it shows (kept as the page's state). */
  z.strictObject({ type: z.literal('init'), strings: pageStringsSchema, target: panelTargetSchema, lang: id }),
  z.strictObject({ type: z.literal('render'), revision, view: billingViewSchema }),
  /** A short announcement ("Copied", "Refreshing") for the page's `aria-live` status region. */
  z.strictObject({ type: z.literal('status'), text }),
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
});

export const pageMessageSchema = z.discriminatedUnion('type', [
  /** Sent on every (re)load of the page: the host sends nothing before it, and everything again after it. */
  z.strictObject({ type: z.literal('ready') }),
  /** Refresh and Retry: re-fetch bypassing the cache. */
  z.strictObject({ type: z.literal('refresh') }),
  z.strictObject({ type: z.literal('copyEmail') }),
  z.strictObject({ type: z.literal('openJson') }),
  renderedReportSchema,
]);

export type PageStrings = z.infer<typeof pageStringsSchema>;
export type PanelTarget = z.infer<typeof panelTargetSchema>;
export type BillingView = z.infer<typeof billingViewSchema>;
export type HostMessage = z.infer<typeof hostMessageSchema>;
export type PageMessage = z.infer<typeof pageMessageSchema>;
export type RenderedReport = z.infer<typeof renderedReportSchema>;
