import assert from 'node:assert/strict';
import { formatCustomerJson, normalizeTabSize } from '../../../src/documents/customerJson';

const raw = { id: 'c1', zeta: { tab: 'a\tb', list: [1, { deep: true }] }, alpha: null, unknownField: 'kept' };

describe('customer JSON text', () => {
  it('indents with the editor tab size in spaces, keeping key order and unknown fields', () => {
    const text = formatCustomerJson(raw, { insertSpaces: true, tabSize: 2 });
    assert.equal(text, JSON.stringify(raw, null, 2) + '\n');
    assert.deepEqual(Object.keys(JSON.parse(text)), ['id', 'zeta', 'alpha', 'unknownField']);
  });

  it('indents with tabs when the editor inserts tabs', () => {
    assert.equal(formatCustomerJson(raw, { insertSpaces: false, tabSize: 8 }), JSON.stringify(raw, null, '\t') + '\n');
  });

  it('honours tab sizes above the 10 characters JSON.stringify allows, and never touches tabs inside strings', () => {
    const text = formatCustomerJson(raw, { insertSpaces: true, tabSize: 12 });
    const lines = text.split('\n');
    assert.equal(lines[1], `${' '.repeat(12)}"id": "c1",`);
    assert.ok(lines.includes(`${' '.repeat(24)}"tab": "a\\tb",`));
    assert.deepEqual(JSON.parse(text), raw);
  });

  it('uses VS Code default of 4 for a missing or invalid tab size', () => {
    for (const value of [undefined, 0, -2, 2.5, 'auto', null]) assert.equal(normalizeTabSize(value), 4);
    assert.equal(normalizeTabSize(3), 3);
  });
});
