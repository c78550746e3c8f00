// Every out-of-range or malformed setting is refused with a message naming the setting, and nothing is sent:
// no fetch at all (so no DNS lookup either), whatever the value — 0, −1, 1e306, an unknown cloud, a tenant with
// URL or header syntax in it, an endpoint off this machine.
import assert from 'node:assert/strict';
import { SandboxTokenSource } from '../../src/api/auth';
import { PartnerCenterClient } from '../../src/api/client';
import { PartnerCenterError } from '../../src/api/errors';
import { type RawSettings, parseSettings } from '../../src/settings';
import { RecordingLogger } from './api/support';

const REFUSED: readonly { readonly raw: RawSettings; readonly names: string }[] = [
  ...[0, -1, 501, 1e306, 2.5, Number.NaN].map((value) => ({ raw: { pageSize: value }, names: 'pageSize' })),
  ...[0, -1, 1e306, 3601].map((value) => ({ raw: { 'rateLimit.windowSeconds': value }, names: 'rateLimit.windowSeconds' })),
  ...[0, -1, 501, 1e306].map((value) => ({ raw: { 'rateLimit.requests': value }, names: 'rateLimit.requests' })),
  ...[-1, 1e306, 86401].map((value) => ({ raw: { cacheSeconds: value }, names: 'cacheSeconds' })),
  { raw: { cloud: 'mars' }, names: 'cloud' },
  ...['a/b', 'a?b', 'a#b', 'a%2Fb', 'a\rb', 'a\nb', '../default'].map((tenant) => ({ raw: { tenants: [tenant] }, names: 'tenants[0]' })),
  ...['http://10.0.0.5:7071', 'http://127.0.0.1.evil.com', 'http://127.0.0.1@evil.com', 'http://localhost.evil.com', 'https://example.com'].map(
    (localEndpoint) => ({ raw: { cloud: 'local', localEndpoint }, names: 'localEndpoint' }),
  ),
];

describe('settings out of range: a message naming the setting, and no request', () => {
  const realFetch = globalThis.fetch;
  let fetches = 0;
  beforeEach(() => {
    fetches = 0;
    globalThis.fetch = (() => {
      fetches++;
      return Promise.reject(new Error('no request may be sent'));
    }) as typeof fetch;
  });
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  for (const { raw, names } of REFUSED) {
    it(`${JSON.stringify(raw)} → partnerCenter.${names}`, async () => {
      const result = parseSettings({ cloud: 'local', ...raw });
      assert.equal(result.ok, false, 'accepted');
      const text = result.ok ? '' : result.problems.join('\n');
      assert.ok(text.includes(`partnerCenter.${names}:`), `the problem does not name the setting:\n${text}`);
      // The client reads them as the extension does (config.require() throws a settings error): nothing goes out.
      const client = new PartnerCenterClient({
        settings: () => {
          throw new PartnerCenterError({ kind: 'settings', summary: text });
        },
        tokens: new SandboxTokenSource(),
        logger: new RecordingLogger(),
        clientVersion: '0',
        locale: () => 'en-US',
      });
      try {
        await assert.rejects(client.listCustomers('default'), (error: unknown) => error instanceof PartnerCenterError && error.kind === 'settings');
        await assert.rejects(client.getCustomer('default', '00000000-0000-4000-8000-000000000001'));
        assert.equal(client.estimatedWaitMs('default'), 0);
      } finally {
        client.dispose();
      }
      assert.equal(fetches, 0, 'a request was attempted');
    });
  }
});
