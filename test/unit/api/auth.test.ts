import assert from 'node:assert/strict';
import { SandboxTokenSource, assertTokenDestination, resolveApiUrl, sameTarget } from '../../../src/api/auth';
import { PartnerCenterError } from '../../../src/api/errors';

const GLOBAL = { apiBase: 'https://api.partnercenter.microsoft.com', cloud: 'global' } as const;
const LOCAL = { apiBase: 'http://127.0.0.1:7071', cloud: 'local' } as const;

function refusal(url: string, target: { apiBase: string; cloud: 'global' | 'local' | 'china' | 'usgov' }): PartnerCenterError {
  try {
    assertTokenDestination(resolveApiUrl(target.apiBase, url), target);
  } catch (error) {
    assert.ok(error instanceof PartnerCenterError, 'a PartnerCenterError');
    return error;
  }
  assert.fail(`${url} was not refused`);
}

describe('where a token may go', () => {
  it('resolves links.next URIs with or without /v1 and a leading slash to the same URL under the base', () => {
    for (const uri of ['/v1/customers?size=5&seekOperation=Next', '/customers?size=5&seekOperation=Next', 'customers?size=5&seekOperation=Next', 'v1/customers?size=5&seekOperation=Next', '/V1/customers?size=5&seekOperation=Next']) {
      assert.equal(resolveApiUrl(LOCAL.apiBase, uri).href, 'http://127.0.0.1:7071/v1/customers?size=5&seekOperation=Next', uri);
    }
    assert.equal(resolveApiUrl('http://127.0.0.1:7071/pc/', '/customers/x').href, 'http://127.0.0.1:7071/pc/v1/customers/x');
    // "v1something" is a path segment of its own, not the version prefix.
    assert.equal(resolveApiUrl(LOCAL.apiBase, '/v1x/y').href, 'http://127.0.0.1:7071/v1/v1x/y');
  });

  it('accepts the configured origin, over https for real clouds and http on loopback', () => {
    assert.doesNotThrow(() => assertTokenDestination(resolveApiUrl(GLOBAL.apiBase, '/v1/customers'), GLOBAL));
    assert.doesNotThrow(() => assertTokenDestination(resolveApiUrl(LOCAL.apiBase, '/v1/customers'), LOCAL));
    // Integration tests point a real cloud at the sandbox on loopback.
    const pointedAtSandbox = { apiBase: 'http://127.0.0.1:7071', cloud: 'global' } as const;
    assert.doesNotThrow(() => assertTokenDestination(resolveApiUrl(pointedAtSandbox.apiBase, '/v1/customers'), pointedAtSandbox));
  });

  it('refuses another host, another port, a protocol-relative link and a downgrade, naming the host', () => {
    const other = refusal('https://evil.example/v1/customers?size=5', GLOBAL);
    assert.equal(other.kind, 'invalidResponse');
    assert.match(other.message, /https:\/\/evil\.example/);
    assert.match(other.message, /only https:\/\/api\.partnercenter\.microsoft\.com is allowed/);
    assert.match(refusal('//evil.example/v1/customers', GLOBAL).message, /evil\.example/);
    assert.match(refusal('http://127.0.0.1:7072/v1/customers', LOCAL).message, /127\.0\.0\.1:7072/);
    assert.match(refusal('http://api.partnercenter.microsoft.com/v1/customers', GLOBAL).message, /http:\/\/api\.partnercenter/);
    assert.match(refusal('https://user:pw@api.partnercenter.microsoft.com/v1/customers', GLOBAL).message, /credentials/);
  });

  it('refuses plain http to a real cloud even when the configured base says http', () => {
    const error = refusal('/v1/customers', { apiBase: 'http://api.partnercenter.microsoft.com', cloud: 'global' });
    assert.match(error.message, /https/);
  });

  it('gives the sandbox scheme for local mode, default tenant included, and for no real cloud', async () => {
    const tokens = new SandboxTokenSource();
    assert.equal(await tokens.authorization('default', LOCAL), 'Bearer sandbox:default');
    assert.equal(await tokens.authorization('fabrikam', LOCAL), 'Bearer sandbox:fabrikam');
    await assert.rejects(tokens.authorization('default', GLOBAL), /local mode/);
  });
});

describe('where a token may go: edge cases', () => {
  it('refuses a user name without a password too', () => {
    assert.match(refusal('https://user@api.partnercenter.microsoft.com/v1/customers', GLOBAL).message, /credentials/);
  });

  it('allows http to a local-mode endpoint that is not on loopback (a sandbox on another machine)', () => {
    const lan = { apiBase: 'http://sandbox.internal:7071', cloud: 'local' } as const;
    assert.doesNotThrow(() => assertTokenDestination(resolveApiUrl(lan.apiBase, '/v1/customers'), lan));
  });

  it('drops only a leading v1, also when it is all there is, and every trailing slash of the base', () => {
    assert.equal(resolveApiUrl(LOCAL.apiBase, '/customers/v1/x').href, 'http://127.0.0.1:7071/v1/customers/v1/x');
    assert.equal(resolveApiUrl(LOCAL.apiBase, '/v1').href, 'http://127.0.0.1:7071/v1/');
    assert.equal(resolveApiUrl('http://127.0.0.1:7071/pc//', 'customers').href, 'http://127.0.0.1:7071/pc/v1/customers');
  });

  it('counts another cloud at the same address as another target', () => {
    assert.equal(sameTarget(LOCAL, { ...LOCAL }), true);
    assert.equal(sameTarget(LOCAL, { ...LOCAL, cloud: 'global' }), false);
    assert.equal(sameTarget(LOCAL, { ...LOCAL, apiBase: 'http://127.0.0.1:7072' }), false);
  });
});
