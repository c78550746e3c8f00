import assert from 'node:assert/strict';
import { isRecord, parseJson, parseJsonQuietly } from '../../../src/api/json';

describe('json helpers', () => {
  it('isRecord: plain objects only', () => {
    assert.deepEqual([{}, { a: 1 }, [], null, undefined, 'x', 1].map(isRecord), [true, true, false, false, false, false, false]);
  });

  it('parseJson strips a leading byte-order mark and throws on anything not JSON', () => {
    assert.deepEqual(parseJson('\uFEFF{"id":"a"}'), { id: 'a' });
    assert.deepEqual(parseJson('[1]'), [1]);
    assert.throws(() => parseJson('<html>'), SyntaxError);
    assert.throws(() => parseJson('[\uFEFF1]'), SyntaxError, 'only a leading mark is stripped');
  });

  it('parseJsonQuietly gives undefined instead of throwing', () => {
    assert.equal(parseJsonQuietly(''), undefined);
    assert.deepEqual(parseJsonQuietly('\uFEFF{"code":1}'), { code: 1 });
  });
});
