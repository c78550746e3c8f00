import assert from 'node:assert/strict';
import { parseSettings } from '../../../../src/settings';
import { affectsCustomerLists } from '../../../../src/tree/model/settingsChange';

describe('tree: settings changes', () => {
  const settings = (raw: Record<string, unknown>) => parseSettings({ cloud: 'local', ...raw });

  it('rebuilds the lists for another tenant set, page size or cloud, but not for throttle or cache changes', () => {
    assert.equal(affectsCustomerLists(settings({}), settings({ tenants: ['default', 'fabrikam'] })), true);
    assert.equal(affectsCustomerLists(settings({}), settings({ pageSize: 500 })), true);
    assert.equal(affectsCustomerLists(settings({}), settings({ localEndpoint: 'http://127.0.0.1:9999' })), true);
    assert.equal(affectsCustomerLists(settings({}), settings({ cacheSeconds: 0, 'rateLimit.requests': 20 })), false);
    assert.equal(affectsCustomerLists(settings({}), settings({ pageSize: 0 })), true, 'invalid settings');
  });
});
