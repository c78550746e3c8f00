import assert from 'node:assert/strict';
import { toXLocale } from '../../../src/api/locale';

describe('X-Locale from the display language', () => {
  it('maps language tags to Partner Center cultures', () => {
    assert.equal(toXLocale('en'), 'en-US');
    assert.equal(toXLocale('fr'), 'fr-FR');
    assert.equal(toXLocale('zh-cn'), 'zh-CN');
    assert.equal(toXLocale('zh-tw'), 'zh-TW');
    assert.equal(toXLocale('pt-br'), 'pt-BR');
    assert.equal(toXLocale('ja'), 'ja-JP');
  });

  it('falls back to en-US for anything it cannot read', () => {
    assert.equal(toXLocale(undefined), 'en-US');
    assert.equal(toXLocale(''), 'en-US');
    assert.equal(toXLocale('qps-ploc'), 'en-US');
    assert.equal(toXLocale('xx'), 'en-US');
  });

  it('takes only a language of two or three letters, with a region or without', () => {
    for (const tag of ['abcd-fr', '12-fr', 'f-fr', 'fran-FR']) assert.equal(toXLocale(tag), 'en-US', tag);
    assert.equal(toXLocale('fil-ph'), 'fil-PH');
  });
});
