// Where a customer's JSON document lives: `partnercenter:/<tenantId>/<customerId>/<company-name>.json`.
// The provider wraps these paths in `vscode.Uri`s.
import type { CustomerRef } from '../customerRef';

export const CUSTOMER_DOCUMENT_SCHEME = 'partnercenter';

/** Longest file name kept (without `.json`): long enough to recognise a company, short enough for a tab. */
const MAX_NAME_LENGTH = 80;

// Characters no file system (or the URI path) accepts in a name, C0/C1 controls, and the bidi overrides
// that could make a tab title lie about what it shows.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\\/:*?"<>|%#\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Half a surrogate pair: no URI can carry it (encodeURIComponent throws "URI malformed"). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Windows device names are not usable as a file name even with an extension (`CON.json`). */
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * A company name made safe as a file name: whitespace runs (line breaks too) become one space, unsafe characters
 * and lone surrogates `_`,
 * leading/trailing dots and spaces go (Windows drops them), at most 80 characters (never splitting a
 * surrogate pair). Empty or reserved results fall back to `fallback` (the customer id).
 */
export function fileNameSafe(name: string | null | undefined, fallback: string): string {
  let safe = (name ?? '').normalize('NFC').replace(/\s+/g, ' ').replace(UNSAFE, '_').replace(LONE_SURROGATE, '_');
  safe = Array.from(safe).slice(0, MAX_NAME_LENGTH).join('');
  safe = safe.replace(/^[\s.]+|[\s.]+$/g, '');
  if (safe === '' || /^_+$/.test(safe) || RESERVED.test(safe)) return fallback.replace(UNSAFE, '_');
  return safe;
}

/** The document path of a customer; the company name only labels the tab (the key is tenant + customer). */
export function customerDocumentPath(key: CustomerRef, companyName: string | null | undefined): string {
  // Ids are API values, not file names: encoded so a stray `/` can never add a path segment.
  const tenant = encodeURIComponent(key.tenantId);
  const customer = encodeURIComponent(key.customerId);
  return `/${tenant}/${customer}/${fileNameSafe(companyName, key.customerId)}.json`;
}

/** The tenant and customer a document path names, or `undefined` for a path this extension did not make. */
export function parseCustomerDocumentPath(path: string): CustomerRef | undefined {
  const match = /^\/([^/]+)\/([^/]+)\/[^/]+\.json$/.exec(path);
  if (!match) return undefined;
  try {
    return { tenantId: decodeURIComponent(match[1]!), customerId: decodeURIComponent(match[2]!) };
  } catch {
    return undefined; // a malformed escape: not a path this extension made
  }
}
