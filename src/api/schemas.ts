import { isRecord } from './json';
import * as z from './zod';

// Zod schemas for every Partner Center body the extension reads: customers, profiles, collections, the
// relationship request and the error bodies.
// Objects are loose: unknown fields are kept, so the JSON tab shows the customer exactly as received.
// Optional fields accept null as well as absence, because the real API sends both; null entries of a list
// are dropped from the validated value (the raw body, kept beside it, still has them for the JSON tab).

const text = z.nullish(z.string());

/** A list whose null entries are dropped. */
function listOf<T extends z.ZodMiniType>(item: T) {
  return z.pipe(
    z.array(z.nullable(item)),
    z.transform((items: (z.output<T> | null)[]) => items.filter((entry): entry is NonNullable<z.output<T>> => entry !== null)),
  );
}

/** A paging header, e.g. `MS-ContinuationToken`; one without a key or a value is dropped as absent. */
const linkHeaderSchema = z.pipe(
  z.looseObject({ key: text, value: text }),
  z.transform((header: { key?: string | null; value?: string | null; [field: string]: unknown }) =>
    typeof header.key === 'string' && typeof header.value === 'string'
      ? { ...header, key: header.key, value: header.value }
      : null,
  ),
);

export const linkSchema = z.looseObject({
  uri: z.string(),
  method: text,
  headers: z.nullish(listOf(linkHeaderSchema)),
});

/** A link whose `uri` is null or missing leads nowhere: read as no link (paging falls back to `continuationToken`). */
const optionalLink = z.pipe(
  z.transform((link: unknown) => (isRecord(link) && link.uri == null ? null : link)),
  z.nullish(linkSchema),
);

export const linksSchema = z.looseObject({
  self: optionalLink,
  next: optionalLink,
  previous: optionalLink,
});

export const attributesSchema = z.looseObject({
  etag: text,
  objectType: text,
});

export const addressSchema = z.looseObject({
  id: text,
  country: text,
  region: text,
  city: text,
  state: text,
  district: text,
  addressLine1: text,
  addressLine2: text,
  addressLine3: text,
  postalCode: text,
  firstName: text,
  middleName: text,
  lastName: text,
  emailAddress: text,
  phoneNumber: text,
});

export const companyProfileSchema = z.looseObject({
  tenantId: text,
  domain: text,
  companyName: text,
  address: z.nullish(addressSchema),
  email: text,
  organizationRegistrationNumber: text,
  links: z.nullish(linksSchema),
  attributes: z.nullish(attributesSchema),
});

export const billingProfileSchema = z.looseObject({
  id: text,
  firstName: text,
  lastName: text,
  email: text,
  culture: text,
  language: text,
  companyName: text,
  defaultAddress: z.nullish(addressSchema),
  links: z.nullish(linksSchema),
  attributes: z.nullish(attributesSchema),
});

/** Documented values; any other string (e.g. "unknown") is tolerated and shown as received. */
export const KNOWN_RELATIONSHIPS = ['none', 'reseller', 'advisor', 'syndication', 'microsoft_support'] as const;

export const customerSchema = z.looseObject({
  /** The customer's tenant id: the one field without which a customer cannot be shown or opened. */
  id: z.string().check(z.minLength(1)),
  commerceId: text,
  companyProfile: z.nullish(companyProfileSchema),
  billingProfile: z.nullish(billingProfileSchema),
  relationshipToPartner: text,
  allowDelegatedAccess: z.nullish(z.boolean()),
  userCredentials: z.nullish(z.looseObject({ userName: text })),
  customDomains: z.nullish(listOf(z.string())),
  associatedPartnerId: text,
  links: z.nullish(linksSchema),
  attributes: z.nullish(attributesSchema),
});

/** A list item that does not match its schema, read on its own: its issues carry their path from the body root. */
export interface InvalidItem {
  /** Where it is in the body's `items` (null entries counted), as in `items[3]`. */
  readonly index: number;
  readonly issues: readonly z.core.$ZodIssue[];
  /** The item as received (for the log, and its `id` when that at least is a string). */
  readonly raw: unknown;
}

/** One list item as validated on its own: the value, or why it is not one. */
export type ItemResult<T> = { readonly ok: true; readonly value: T } | ({ readonly ok: false } & InvalidItem);

/**
 * `items`, validated one by one: one broken customer must not hide its (up to 100) siblings, so an item that
 * fails becomes an invalid entry in its place. Null entries are dropped; an `items` that is not an array fails.
 */
function itemsOf<T extends z.ZodMiniType>(item: T) {
  return z.pipe(
    z.array(z.unknown()),
    z.transform((items: unknown[]) =>
      items.flatMap((entry, index): ItemResult<z.output<T>>[] => {
      if (entry === null) return [];
      const parsed = item.safeParse(entry);
      if (parsed.success) return [{ ok: true, value: parsed.data }];
      const issues = parsed.error.issues.map((issue) => ({ ...issue, path: ['items', index, ...issue.path] }));
      return [{ ok: false, index, issues, raw: entry }];
      }),
    ),
  );
}

/**
 * ResourceCollection / SeekBasedResourceCollection. `totalCount` is the size of this page only. `items: null`
 * is an empty page; a body without `items` is not a collection at all and fails. The value has `entries` (every
 * item in order, valid or not) and `items` (the valid ones).
 */
export function collectionSchema<T extends z.ZodMiniType>(item: T) {
  const envelope = z.looseObject({
    totalCount: z.nullish(z.number()),
    items: z.pipe(
      z.nullable(itemsOf(item)),
      z.transform((items: ItemResult<z.output<T>>[] | null) => items ?? []),
    ),
    links: z.nullish(linksSchema),
    continuationToken: text,
    attributes: z.nullish(attributesSchema),
  });
  return z.pipe(
    envelope,
    z.transform(({ items: entries, ...rest }: z.output<typeof envelope>) => ({
      ...rest,
      entries,
      items: entries.flatMap((entry) => (entry.ok ? [entry.value] : [])),
    })),
  );
}

export const customerCollectionSchema = collectionSchema(customerSchema);

export const relationshipRequestSchema = z.looseObject({
  url: z.string().check(z.minLength(1)),
  attributes: z.nullish(attributesSchema),
});

// The three error-body formats Partner Center answers with.

/** A. ApiFault: `{code, description, data, source}`; `code` is a number on the wire but documented as string. */
export const apiFaultSchema = z.looseObject({
  code: z.union([z.number(), z.string()]),
  // Documented non-null, but a fault without one still has a code worth showing.
  description: text,
  data: z.nullish(z.array(z.unknown())),
  source: text,
});

/** B. The newer format: `{code, message, description?, errorName?, isRetryable?, ...}`. */
export const newErrorSchema = z.looseObject({
  code: z.union([z.number(), z.string()]),
  message: z.string(),
  description: text,
  errorName: text,
  isRetryable: z.nullish(z.boolean()),
});

/** C. The gateway's throttling body: `{statusCode: 429, message}`. */
export const gatewayErrorSchema = z.looseObject({
  statusCode: z.number(),
  message: z.string(),
});

export type Link = z.infer<typeof linkSchema>;
export type Address = z.infer<typeof addressSchema>;
export type CompanyProfile = z.infer<typeof companyProfileSchema>;
export type BillingProfile = z.infer<typeof billingProfileSchema>;
export type Customer = z.infer<typeof customerSchema>;
export type CustomerCollection = z.infer<typeof customerCollectionSchema>;
export type RelationshipRequest = z.infer<typeof relationshipRequestSchema>;

/** What an error body says, whichever of the three formats it used. */
export interface ErrorBodyInfo {
  code?: string;
  message?: string;
  errorName?: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Error descriptions and old relationship URLs arrive HTML-escaped (`&#39;`, `&amp;`); show them as plain text. */
export function decodeHtmlEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Reads an error body in any of the three formats; returns `{}` when it is none of them. */
export function readErrorBody(body: unknown): ErrorBodyInfo {
  // The newer format first: it also has `code` + `description`, so ApiFault would match it and lose `errorName`.
  const newer = newErrorSchema.safeParse(body);
  if (newer.success) {
    const message = newer.data.description || newer.data.message;
    return {
      code: String(newer.data.code),
      message: decodeHtmlEntities(message),
      errorName: newer.data.errorName ?? undefined,
    };
  }
  const fault = apiFaultSchema.safeParse(body);
  if (fault.success) {
    const description = fault.data.description;
    return { code: String(fault.data.code), ...(description ? { message: decodeHtmlEntities(description) } : {}) };
  }
  const gateway = gatewayErrorSchema.safeParse(body);
  if (gateway.success) return { message: decodeHtmlEntities(gateway.data.message) };
  return {};
}

/** Renders a zod error as `path: problem` lines, e.g. `items[3].companyProfile.domain: expected string, received number`. */
export function describeSchemaError(error: z.core.$ZodError): string {
  return describeIssues(error.issues);
}

export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => `${formatPath(issue.path)}: ${issue.message}`)
    .join('; ');
}

export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(body)';
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`))
    .join('');
}
