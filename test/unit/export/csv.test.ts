import assert from 'node:assert/strict';
import { CSV_LINE_BREAK, UTF8_BOM, csvDocument, csvField, csvRecord } from '../../../src/export/csv';
import { parseCsv } from '../../support/csv';

const plain = { guardFormulas: false };
const guarded = { guardFormulas: true };

describe('CSV writer (RFC 4180)', () => {
  it('leaves plain fields unquoted and writes missing values as empty fields', () => {
    assert.equal(csvRecord(['Contoso Ltd', 'contoso.onmicrosoft.com', null, undefined, ''], plain), 'Contoso Ltd,contoso.onmicrosoft.com,,,');
  });

  it('quotes a field containing a comma, a quote, a CR or an LF, doubling inner quotes', () => {
    assert.equal(csvField('Litware, Inc.', plain), '"Litware, Inc."');
    assert.equal(csvField('Mary "May"', plain), '"Mary ""May"""');
    assert.equal(csvField('line one\nline two', plain), '"line one\nline two"');
    assert.equal(csvField('carriage\rreturn', plain), '"carriage\rreturn"');
    assert.equal(csvField('"', plain), '""""');
  });

  it('keeps non-Latin text, emoji and combining accents exactly (no escaping, no normalization)', () => {
    for (const text of ['株式会社さくらクラウド', 'شركة الخليج للتقنية', 'ООО «Северное Сияние»', 'Relecloud ☁️🚀', 'Cafe\u0301']) {
      assert.equal(csvField(text, plain), text);
    }
  });

  it('ends every record with CRLF, starts with a UTF-8 BOM, and reads back to the same values', () => {
    const rows = [
      ['1', 'Litware, Inc. "quotes", commas, and a newline\nsecond line', 'x'],
      ['2', '北京云启科技有限公司', ''],
      ['3', 'line\r\nbreak', null],
    ];
    const text = csvDocument(['Id', 'Name', 'Other'], rows, plain);
    assert.ok(text.startsWith(UTF8_BOM));
    assert.ok(text.endsWith(CSV_LINE_BREAK));
    const parsed = parseCsv(text);
    assert.equal(parsed.bom, true);
    assert.deepEqual(parsed.records, [['Id', 'Name', 'Other'], ...rows.map((row) => row.map((cell) => cell ?? ''))]);
  });

  describe('spreadsheet formula guard', () => {
    it('prefixes an apostrophe to cells a spreadsheet would run as a formula', () => {
      assert.equal(csvField('=HYPERLINK("https://evil.example","x")', guarded), `"'=HYPERLINK(""https://evil.example"",""x"")"`);
      assert.equal(csvField('+1 425 555 0100', guarded), "'+1 425 555 0100");
      assert.equal(csvField('-2+3', guarded), "'-2+3");
      assert.equal(csvField('@SUM(A1)', guarded), "'@SUM(A1)");
      assert.equal(csvField('\tTab', guarded), "'\tTab");
      assert.equal(csvField('\rCR', guarded), `"'\rCR"`);
    });

    it('leaves other cells, including ones with those characters later on, untouched', () => {
      assert.equal(csvField('Contoso = Fabrikam', guarded), 'Contoso = Fabrikam');
      assert.equal(csvField('a@b.com', guarded), 'a@b.com');
      assert.equal(csvField('', guarded), '');
    });

    it('never guards the header', () => {
      const text = csvDocument(['=Header'], [['=cell']], guarded);
      assert.deepEqual(parseCsv(text).records, [['=Header'], ["'=cell"]]);
    });
  });
});
