// The text of a customer's JSON document.

/** The editor's indentation for the document (`editor.insertSpaces` / `editor.tabSize`). */
export interface Indentation {
  readonly insertSpaces: boolean;
  readonly tabSize: number;
}

/**
 * The body as received (the client's `raw`: unknown fields and key order kept), pretty-printed with the
 * editor's indentation and a final newline. `JSON.stringify` caps a string indent at 10 characters, so it
 * indents with tabs and each leading tab is widened afterwards (JSON escapes tabs inside strings, so a
 * literal tab can only be indentation).
 */
export function formatCustomerJson(raw: unknown, indentation: Indentation): string {
  const text = JSON.stringify(raw, null, '\t') ?? 'null';
  if (!indentation.insertSpaces) return text + '\n';
  const unit = ' '.repeat(normalizeTabSize(indentation.tabSize));
  return text.replace(/^\t+/gm, (tabs) => unit.repeat(tabs.length)) + '\n';
}

/** `editor.tabSize` may be missing or odd in settings files: fall back to VS Code's default of 4. */
export function normalizeTabSize(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 100 ? value : 4;
}
