// An independent RFC 4180 reader for tests: what a spreadsheet or a csv library would read back from a file
// the extension wrote. Strict: a stray quote or a bare CR/LF inside an unquoted field is an error.
// Shared by the unit and the integration tests (test/support/): plain Node, no `vscode`.

export interface ParsedCsv {
  readonly bom: boolean;
  readonly records: string[][];
}

export function parseCsv(text: string): ParsedCsv {
  const bom = text.startsWith('\uFEFF');
  const body = bom ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let atFieldStart = true;
  while (i < body.length) {
    const char = body[i]!;
    if (atFieldStart && char === '"') {
      // Quoted field: up to the closing quote; "" is one quote.
      i++;
      for (;;) {
        if (i >= body.length) throw new Error('CSV: unterminated quoted field');
        if (body[i] === '"') {
          if (body[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += body[i++];
      }
      if (i < body.length && body[i] !== ',' && !body.startsWith('\r\n', i)) {
        throw new Error(`CSV: unexpected ${JSON.stringify(body[i])} after a quoted field at ${i}`);
      }
      atFieldStart = false;
      continue;
    }
    if (char === ',') {
      record.push(field);
      field = '';
      atFieldStart = true;
      i++;
    } else if (body.startsWith('\r\n', i)) {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      atFieldStart = true;
      i += 2;
    } else if (char === '"' || char === '\r' || char === '\n') {
      throw new Error(`CSV: ${JSON.stringify(char)} inside an unquoted field at ${i}`);
    } else {
      field += char;
      atFieldStart = false;
      i++;
    }
  }
  if (!atFieldStart || record.length > 0) throw new Error('CSV: the last record does not end with CRLF');
  return { bom, records };
}
