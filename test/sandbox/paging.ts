// Customer search filters (one field, `starts_with`) and continuation tokens (`MS-ContinuationToken`).
import { createHmac } from 'node:crypto';
import { type SandboxTenant } from './seed';
import { type SandboxCustomer } from './seedModel';

export const FILTER_FIELDS = ['CompanyName', 'Domain', 'IndirectReseller', 'IndirectCloudSolutionProvider'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

export interface CustomerFilter {
  readonly field: FilterField;
  readonly value: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** Property names are matched case-insensitively (the SDK sends PascalCase; other clients may not). */
function property(object: Record<string, unknown>, name: string): unknown {
  const key = Object.keys(object).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : object[key];
}

/** The `filter` query value, already URL-decoded: `{"Field":…,"Value":…,"Operator":"starts_with"}`. */
export function parseFilter(text: string): Parsed<CustomerFilter> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: 'The filter is not valid JSON. Expected {"Field":"CompanyName","Value":"…","Operator":"starts_with"}.' };
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return { ok: false, message: 'The filter must be a JSON object with Field, Value and Operator.' };
  }
  const object = json as Record<string, unknown>;
  const field = property(object, 'Field');
  const value = property(object, 'Value');
  const operator = property(object, 'Operator');
  const known = FILTER_FIELDS.find((f) => typeof field === 'string' && f.toLowerCase() === field.toLowerCase());
  if (!known) {
    return { ok: false, message: `Invalid filter field ${JSON.stringify(field)}. Customers can be filtered by ${FILTER_FIELDS.join(', ')}.` };
  }
  if (typeof operator !== 'string' || operator.toLowerCase() !== 'starts_with') {
    return { ok: false, message: `Invalid filter operator ${JSON.stringify(operator)}. The only supported operator for customers is "starts_with".` };
  }
  if (typeof value !== 'string') return { ok: false, message: 'The filter Value must be a string.' };
  return { ok: true, value: { field: known, value } };
}

/** The filter as the SDK serializes it (key order Field, Value, Operator). */
export function filterJson(filter: CustomerFilter): string {
  return JSON.stringify({ Field: filter.field, Value: filter.value, Operator: 'starts_with' });
}

const fold = (text: string): string => text.normalize('NFC').toLowerCase();

/** Case-insensitive prefix match ("The case of the value is ignored."). */
export function matchesFilter(tenant: SandboxTenant, customer: SandboxCustomer, filter: CustomerFilter): boolean {
  const subject = {
    CompanyName: customer.companyProfile.companyName,
    Domain: customer.companyProfile.domain,
    IndirectReseller: customer.associatedPartnerId,
    // A reseller's customers are all sold through its one indirect provider.
    IndirectCloudSolutionProvider: tenant.indirectProviderId,
  }[filter.field];
  return typeof subject === 'string' && fold(subject).startsWith(fold(filter.value));
}

/** Where the next page starts; what a continuation token carries. */
export interface PagePosition {
  readonly tenant: string;
  readonly offset: number;
  readonly size: number;
  readonly filter: CustomerFilter | null;
}

// Not a secret: the MAC only lets the sandbox tell a garbled or edited token from a real one.
const TOKEN_KEY = 'partner-center-sandbox/continuation';
// A fixed "/+" and base64 padding: a client that URL-encodes, trims or splits the token breaks it visibly.
const TOKEN_PREFIX = 'sbx/+';
const TOKEN_PATTERN = /^sbx\/\+([A-Za-z0-9+/]+={0,2}),([A-Za-z0-9+/]{16})$/;

const mac = (payload: string): string => createHmac('sha256', TOKEN_KEY).update(payload).digest('base64').slice(0, 16);

export function encodeToken(position: PagePosition): string {
  const f = position.filter && filterJson(position.filter);
  let json = JSON.stringify({ t: position.tenant, o: position.offset, s: position.size, f });
  // Pad so the base64 always ends in "==", as real tokens often do.
  while (Buffer.byteLength(json) % 3 !== 1) json += ' ';
  const payload = Buffer.from(json, 'utf8').toString('base64');
  return `${TOKEN_PREFIX}${payload},${mac(payload)}`;
}

/** The position a token encodes, or undefined when it is not one of ours or has been altered. */
export function decodeToken(token: string): PagePosition | undefined {
  const match = TOKEN_PATTERN.exec(token.trim());
  if (!match || mac(match[1]) !== match[2]) return undefined;
  try {
    const data = JSON.parse(Buffer.from(match[1], 'base64').toString('utf8')) as Record<string, unknown>;
    const { t, o, s, f } = data;
    if (typeof t !== 'string' || !Number.isInteger(o) || !Number.isInteger(s) || (f !== null && typeof f !== 'string')) {
      return undefined;
    }
    const filter = f === null ? null : parseFilter(f);
    if (filter !== null && !filter.ok) return undefined;
    return { tenant: t, offset: o as number, size: s as number, filter: filter ? filter.value : null };
  } catch {
    return undefined;
  }
}
