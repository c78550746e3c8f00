// An audit record's old or new value: the API sends a string holding a serialized object, but it can be
// missing, empty or not JSON at all. Each case is shown as what it is (pretty JSON, or the text as received).

export type AuditValue =
  | { readonly kind: 'none' }
  | { readonly kind: 'json'; readonly value: unknown }
  | { readonly kind: 'text'; readonly text: string };

export function readAuditValue(value: string | null | undefined): AuditValue {
  if (value === null || value === undefined || value.trim() === '') return { kind: 'none' };
  try {
    return { kind: 'json', value: JSON.parse(value.replace(/^\uFEFF/, '')) as unknown };
  } catch {
    return { kind: 'text', text: value };
  }
}

/** What a read-only document shows: pretty-printed JSON, the text as received, or nothing. */
export function auditValueText(value: AuditValue): string {
  switch (value.kind) {
    case 'none':
      return '';
    case 'json':
      return `${JSON.stringify(value.value, null, 2)}\n`;
    case 'text':
      return value.text;
  }
}
