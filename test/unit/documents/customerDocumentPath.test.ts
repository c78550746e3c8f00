import assert from 'node:assert/strict';
import { sameCustomer } from '../../../src/customerRef';
import { customerDocumentPath, fileNameSafe, parseCustomerDocumentPath } from '../../../src/documents/customerDocumentPath';

const key = { tenantId: 'fabrikam', customerId: '4050d0d6-571f-41e2-bb7c-ffcf7e687ad1' };

describe('customer document paths', () => {
  it('is /<tenant>/<customer>/<company>.json, the .json giving the JSON language', () => {
    assert.equal(customerDocumentPath(key, 'Boulangerie Pâtisserie Élodie & Fils'), `/fabrikam/${key.customerId}/Boulangerie Pâtisserie Élodie & Fils.json`);
  });

  it('reads the tenant and customer back from any path it built', () => {
    for (const name of ['Contoso Ltd', '<img src=x onerror="alert(1)">', 'a/b\\c', '', '株式会社']) {
      assert.deepEqual(parseCustomerDocumentPath(customerDocumentPath(key, name)), key);
    }
    const odd = { tenantId: 'default', customerId: 'weird/id%' };
    assert.deepEqual(parseCustomerDocumentPath(customerDocumentPath(odd, 'X')), odd);
  });

  it('rejects paths it did not build', () => {
    for (const path of ['/default/x.json', '/default/id/name.txt', 'default/id/name.json', '/a/b/c/d.json', '/a/%E0%A4%A/n.json']) {
      assert.equal(parseCustomerDocumentPath(path), undefined, path);
    }
  });

  it('matches customers by tenant and case-insensitive id', () => {
    assert.ok(sameCustomer(key, { tenantId: 'fabrikam', customerId: key.customerId.toUpperCase() }));
    assert.ok(!sameCustomer(key, { tenantId: 'default', customerId: key.customerId }));
  });

  describe('file-name-safe company names', () => {
    it('replaces characters no file system accepts, and markup loses its slashes and brackets', () => {
      assert.equal(fileNameSafe('A/B\\C:D*E?F"G<H>I|J', 'id'), 'A_B_C_D_E_F_G_H_I_J');
      assert.equal(fileNameSafe("<script>alert('pwned')</script> Wingtip Toys", 'id'), "_script_alert('pwned')__script_ Wingtip Toys");
    });

    it('removes control characters, bidi overrides and line breaks', () => {
      assert.equal(fileNameSafe('Bellows College\n"quotes"\u202Egnp.exe', 'id'), 'Bellows College _quotes__gnp.exe');
    });

    it('keeps non-Latin names, trims dots and spaces, and caps the length without splitting a character', () => {
      assert.equal(fileNameSafe(' 株式会社さくらクラウド. ', 'id'), '株式会社さくらクラウド');
      const long = fileNameSafe('🚀'.repeat(100), 'id');
      assert.equal(long, '🚀'.repeat(80));
    });

    it('falls back to the customer id for empty, unusable or reserved names', () => {
      for (const name of [null, undefined, '', '   ', '...', '///', 'CON', 'lpt1']) {
        assert.equal(fileNameSafe(name, 'cust-1'), 'cust-1', String(name));
      }
    });
  });
});
