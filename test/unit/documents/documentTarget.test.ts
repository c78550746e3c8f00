import assert from 'node:assert/strict';
import { customerDocumentPath } from '../../../src/documents/customerDocumentPath';
import { documentTarget } from '../../../src/documents/documentTarget';

// What a `partnercenter:` URI may fetch: a customer of a configured tenant, nothing else.

const customerId = '4050d0d6-571f-41e2-bb7c-ffcf7e687ad1';
const tenants = ['default', 'contoso.onmicrosoft.com'];

describe('the target of a customer document', () => {
  it('is the customer of a configured tenant, spelled as configured', () => {
    const path = customerDocumentPath({ tenantId: 'Contoso.OnMicrosoft.com', customerId }, 'Contoso');
    assert.deepEqual(documentTarget(path, tenants), { ok: true, target: { tenantId: 'contoso.onmicrosoft.com', customerId } });
  });

  it('refuses a tenant that is not configured, naming it', () => {
    for (const tenantId of ['not-configured.example', 'bad\r\ntenant', 'default\u0000x', ' default']) {
      const path = customerDocumentPath({ tenantId, customerId }, 'X');
      assert.deepEqual(documentTarget(path, tenants), { ok: false, reason: 'tenantNotConfigured', tenantId }, JSON.stringify(tenantId));
    }
  });

  it('refuses a path this extension did not make', () => {
    assert.deepEqual(documentTarget('/default/only-two.json', tenants), { ok: false, reason: 'notADocument' });
  });
});
