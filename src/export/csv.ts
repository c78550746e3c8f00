// RFC 4180 CSV writing: pure, no vscode, shared by every CSV the extension writes.

/** RFC 4180 §2.1: records end with CRLF (the last one too: spreadsheets and `csv` parsers accept both). */
export const CSV_LINE_BREAK = '\r\n';

/**
 * UTF-8 byte order mark written at the start of the file. RFC 4180 does not need it, but Excel (the tool
 * most partners open a customer list with) reads a BOM-less CSV in the machine's ANSI code page, which turns
 * accented, CJK and Arabic company names into mojibake. With the BOM it reads UTF-8. Other consumers
 * (pandas `utf-8-sig`, LibreOffice, Google Sheets, Python's csv with `utf-8-sig`) handle it too.
 */
export const UTF8_BOM = '\uFEFF';

export interface CsvOptions {
  /**
   * Neutralize spreadsheet formulas: a cell that starts with `=`, `+`, `-`, `@`, TAB or CR is a formula to
   * Excel/LibreOffice/Sheets, and customer fields are typed by third parties (a company can be named
   * `=HYPERLINK("https://evil",…)`). Such a cell gets a leading `'` (OWASP "CSV injection"), which the
   * spreadsheet shows as text. The cost, a visible apostrophe for the rare legitimate value starting with
   * one of these characters, is far smaller than running a stranger's formula on the partner's machine.
   */
  readonly guardFormulas: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One field: quoted when it contains `,` `"` CR or LF, inner quotes doubled (RFC 4180 §2.5–2.7). */
export function csvField(value: string | null | undefined, options: CsvOptions): string {
  let text = value ?? '';
  if (options.guardFormulas && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, without its line break. */
export function csvRecord(fields: readonly (string | null | undefined)[], options: CsvOptions): string {
  return fields.map((field) => csvField(field, options)).join(',');
}

/**
 * A whole document: the header (never guarded: it is ours) then the rows, each record ending with CRLF,
 * preceded by the UTF-8 BOM.
 */
export function csvDocument(
  header: readonly string[],
  rows: readonly (readonly (string | null | undefined)[])[],
  options: CsvOptions,
): string {
  const lines = [csvRecord(header, { guardFormulas: false }), ...rows.map((row) => csvRecord(row, options))];
  return UTF8_BOM + lines.map((line) => line + CSV_LINE_BREAK).join('');
}
