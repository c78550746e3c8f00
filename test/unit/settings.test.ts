import * as l10n from '@vscode/l10n';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MAX_CACHE_SECONDS } from '../../src/api/cache';
import { DEFAULT_TENANT, parseSettings } from '../../src/settings';

const FRENCH_BUNDLE = path.resolve(__dirname, '../../../l10n/bundle.l10n.fr.json');

describe('settings', () => {
  it('uses the documented defaults when nothing is set', () => {
    const result = parseSettings({});
    assert.ok(result.ok);
    assert.deepEqual(result.settings, {
      cloud: 'global',
      tenants: [DEFAULT_TENANT],
      usesDefaultTenant: true,
      clientId: '',
      apiBase: 'https://api.partnercenter.microsoft.com',
      pageSize: 100,
      rateLimit: { requests: 500, windowSeconds: 60 },
      cacheSeconds: 300,
      allowEdits: true,
    });
  });

  it('reads partnerCenter.allowEdits as a boolean, and refuses anything else naming the setting', () => {
    const off = parseSettings({ allowEdits: false });
    assert.ok(off.ok && off.settings.allowEdits === false);
    const wrong = parseSettings({ allowEdits: 'no' });
    assert.match(wrong.ok ? '' : wrong.problems.join(' '), /^partnerCenter\.allowEdits: /);
  });

  it('points each cloud at its Partner Center host', () => {
    const base = (cloud: string) => {
      const result = parseSettings({ cloud });
      assert.ok(result.ok);
      return result.settings.apiBase;
    };
    assert.equal(base('china'), 'https://partner.partnercenterapi.microsoftonline.cn');
    assert.equal(base('usgov'), 'https://api.partnercenter.microsoft.com');
    assert.equal(base('local'), 'http://127.0.0.1:7071');
  });

  it('keeps configured tenants in order without duplicates', () => {
    const result = parseSettings({ tenants: ['fabrikam', 'default', 'fabrikam'] });
    assert.ok(result.ok);
    assert.deepEqual(result.settings.tenants, ['fabrikam', 'default']);
    assert.equal(result.settings.usesDefaultTenant, false);
  });

  it('refuses a non-loopback local endpoint and says what is allowed', () => {
    const result = parseSettings({ cloud: 'local', localEndpoint: 'http://10.0.0.5:7071' });
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.problems.join(' '), /partnerCenter\.localEndpoint.*10\.0\.0\.5.*loopback.*127\.0\.0\.0\/8/);
  });

  it('names every invalid setting instead of clamping it', () => {
    const result = parseSettings({
      cloud: 'mars',
      pageSize: 0,
      'rateLimit.requests': 501,
      'rateLimit.windowSeconds': 0,
      cacheSeconds: -1,
      clientId: 'not-a-guid',
      tenants: ['ok-tenant', ''],
    });
    assert.equal(result.ok, false);
    const text = result.ok ? '' : result.problems.join('\n');
    for (const key of ['cloud', 'pageSize', 'rateLimit.requests', 'rateLimit.windowSeconds', 'cacheSeconds', 'clientId', 'tenants[1]']) {
      assert.ok(text.includes(`partnerCenter.${key}:`), `no problem reported for ${key}:\n${text}`);
    }
  });

  it('bounds cacheSeconds, in the schema and in package.json alike', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../package.json'), 'utf8')) as {
      contributes: { configuration: { properties: Record<string, { maximum?: number }> }[] };
    };
    const maximum = manifest.contributes.configuration.flatMap((c) => Object.entries(c.properties)).find(([key]) => key === 'partnerCenter.cacheSeconds')?.[1].maximum;
    assert.equal(maximum, MAX_CACHE_SECONDS);
    assert.ok(parseSettings({ cacheSeconds: MAX_CACHE_SECONDS }).ok);
    for (const cacheSeconds of [MAX_CACHE_SECONDS + 1, 1e12]) {
      const result = parseSettings({ cacheSeconds });
      assert.equal(result.ok, false, `${cacheSeconds} accepted`);
      assert.match(result.ok ? '' : result.problems.join(' '), /^partnerCenter\.cacheSeconds: /);
    }
  });

  it('refuses a rate-limit window too long to be a rate limit, naming the setting, in the schema and the manifest', () => {
    for (const windowSeconds of [3601, 3e6, 1e306]) {
      const result = parseSettings({ 'rateLimit.windowSeconds': windowSeconds });
      assert.equal(result.ok, false, String(windowSeconds));
      assert.match(result.ok ? '' : result.problems.join('\n'), /^partnerCenter\.rateLimit\.windowSeconds: at most 3600 seconds \(one hour\)$/);
    }
    const limits = parseSettings({ 'rateLimit.windowSeconds': 3600, 'rateLimit.requests': 1 });
    assert.ok(limits.ok && limits.settings.rateLimit.windowSeconds === 3600, 'one hour is allowed');
    for (const requests of [0, 1.5, 501]) assert.equal(parseSettings({ 'rateLimit.requests': requests }).ok, false, String(requests));

    const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as {
      contributes: { configuration: { properties: Record<string, { maximum?: number; minimum?: number }> }[] };
    };
    const properties = Object.assign({}, ...manifest.contributes.configuration.map((c) => c.properties)) as Record<string, { maximum?: number; minimum?: number }>;
    assert.equal(properties['partnerCenter.rateLimit.windowSeconds']?.maximum, 3600, 'the Settings editor flags it too');
    assert.deepEqual([properties['partnerCenter.rateLimit.requests']?.minimum, properties['partnerCenter.rateLimit.requests']?.maximum], [1, 500]);
  });

  it('rejects values of the wrong type from a hand-edited settings.json', () => {
    const result = parseSettings({ pageSize: '100', tenants: 'default' });
    assert.equal(result.ok, false);
  });

  describe('in French', () => {
    // As activate() does: the bundle is configured after this module (and its schema) was loaded.
    before(() => l10n.config({ contents: fs.readFileSync(FRENCH_BUNDLE, 'utf8') }));
    after(() => l10n.config({ contents: {} }));

    it('says what a tenant and a client id must be in French', () => {
      const result = parseSettings({ tenants: ['-bad tenant'], clientId: 'not-a-guid' });
      assert.equal(result.ok, false);
      const [tenant, clientId] = result.ok ? [] : result.problems;
      assert.equal(tenant, 'partnerCenter.tenants[0]\u00a0: un identifiant de locataire (GUID) ou un domaine est attendu');
      assert.equal(clientId, "partnerCenter.clientId\u00a0: un identifiant d'application (client) est attendu\u00a0: un GUID");
    });
  });
});
