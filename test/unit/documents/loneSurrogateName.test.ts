import assert from 'node:assert/strict';
import { customerDocumentPath, fileNameSafe } from '../../../src/documents/customerDocumentPath';

describe('documents: a company name with half a surrogate pair', () => {
  it('still makes a document path a URI can carry (a lone surrogate made encodeURIComponent throw)', () => {
    for (const name of ['lone \uD800 high', 'lone \uDFFF low', '\uDC00\uD800 reversed']) {
      const path = customerDocumentPath({ tenantId: 'fabrikam', customerId: 'c1' }, name);
      assert.doesNotThrow(() => encodeURIComponent(path), path);
    }
    assert.equal(fileNameSafe('lone \uD800 high', 'c1'), 'lone _ high');
    assert.equal(fileNameSafe('pair 😀 kept', 'c1'), 'pair 😀 kept');
  });
});
