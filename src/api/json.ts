// The JSON helpers every layer shares: one object test, one parse of Partner Center bodies.

/** A plain JSON object (not null, not an array): its fields can be read. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `JSON.parse` of a body that may start with a UTF-8 byte-order mark, as Partner Center bodies may. Throws as JSON.parse does. */
export function parseJson(text: string): unknown {
  return JSON.parse(text.replace(/^\uFEFF/, ''));
}

/** `parseJson`, or `undefined` when the text is not JSON (an error body that may be HTML or empty). */
export function parseJsonQuietly(text: string): unknown {
  try {
    return parseJson(text);
  } catch {
    return undefined;
  }
}
