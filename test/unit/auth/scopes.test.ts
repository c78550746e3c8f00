import assert from 'node:assert/strict';
import { CLOUDS } from '../../../src/api/clouds';
import { authProviderFor, scopesFor, sovereignEnvironmentProblem } from '../../../src/auth/scopes';
import { DEFAULT_TENANT, parseSettings } from '../../../src/settings';

const CLIENT_ID = '0b5c2b3e-8f6d-4c1a-9e2f-3a4b5c6d7e8f';
const CONTOSO = 'f18d1a70-ef81-414b-b345-a57f9f148467';
const FABRIKAM = '043ed702-e702-4c80-a1f9-25ce2253c885';

function settings(raw: Record<string, unknown>) {
  const result = parseSettings(raw);
  assert.ok(result.ok, JSON.stringify(result));
  return result.settings;
}

describe('sign-in scopes', () => {
  it('asks the account’s own tenant (no VSCODE_TENANT) when partnerCenter.tenants is empty', () => {
    const s = settings({ cloud: 'global', clientId: CLIENT_ID });
    assert.deepEqual(scopesFor(s, s.tenants[0]!), [
      `VSCODE_CLIENT_ID:${CLIENT_ID}`,
      'https://api.partnercenter.microsoft.com/user_impersonation',
    ]);
  });

  it('asks each configured tenant with its VSCODE_TENANT, in a fixed order, without duplicates', () => {
    const s = settings({ cloud: 'global', clientId: CLIENT_ID, tenants: [CONTOSO, FABRIKAM, CONTOSO] });
    assert.deepEqual(s.tenants, [CONTOSO, FABRIKAM]);
    const lists = s.tenants.map((tenant) => scopesFor(s, tenant));
    assert.deepEqual(lists, [
      [`VSCODE_CLIENT_ID:${CLIENT_ID}`, `VSCODE_TENANT:${CONTOSO}`, 'https://api.partnercenter.microsoft.com/user_impersonation'],
      [`VSCODE_CLIENT_ID:${CLIENT_ID}`, `VSCODE_TENANT:${FABRIKAM}`, 'https://api.partnercenter.microsoft.com/user_impersonation'],
    ]);
    // The same tenant asks for the same list every time: VS Code keys sessions on it.
    assert.deepEqual(scopesFor(s, FABRIKAM), lists[1]);
    for (const list of lists) assert.equal(new Set(list).size, list.length);
  });

  it('names a tenant literally called "default" when the user configured it', () => {
    const s = settings({ cloud: 'global', clientId: CLIENT_ID, tenants: [DEFAULT_TENANT] });
    assert.ok(scopesFor(s, DEFAULT_TENANT).includes(`VSCODE_TENANT:${DEFAULT_TENANT}`));
  });

  it('uses each cloud’s own API scope', () => {
    const scope = (cloud: string) => scopesFor(settings({ cloud, clientId: CLIENT_ID }), DEFAULT_TENANT).at(-1);
    assert.equal(scope('global'), 'https://api.partnercenter.microsoft.com/user_impersonation');
    assert.equal(scope('china'), 'https://partner.partnercenterapi.microsoftonline.cn/user_impersonation');
    assert.equal(scope('usgov'), 'https://api.partnercenter.microsoft.com/user_impersonation');
  });

  it('refuses to build scopes for local mode, which never signs in', () => {
    assert.throws(() => scopesFor(settings({ cloud: 'local' }), DEFAULT_TENANT), /does not sign in/);
  });
});

describe('authentication provider per cloud', () => {
  it('signs in to global with "microsoft" and to china/usgov with "microsoft-sovereign-cloud"', () => {
    assert.equal(authProviderFor('global', {}), 'microsoft');
    assert.equal(authProviderFor('china', {}), 'microsoft-sovereign-cloud');
    assert.equal(authProviderFor('usgov', {}), 'microsoft-sovereign-cloud');
  });

  it('lets tests replace each built-in provider separately', () => {
    const overrides = { microsoft: 'test-ms', 'microsoft-sovereign-cloud': 'test-sovereign' };
    assert.equal(authProviderFor('global', overrides), 'test-ms');
    assert.equal(authProviderFor('china', overrides), 'test-sovereign');
    assert.equal(authProviderFor('usgov', { microsoft: 'test-ms' }), 'microsoft-sovereign-cloud');
  });

  it('requires the sovereign provider’s environment to match the cloud', () => {
    assert.deepEqual(sovereignEnvironmentProblem(CLOUDS.china, {}, undefined), { expected: 'ChinaCloud' });
    assert.deepEqual(sovereignEnvironmentProblem(CLOUDS.china, {}, 'USGovernment'), { expected: 'ChinaCloud' });
    assert.equal(sovereignEnvironmentProblem(CLOUDS.china, {}, 'ChinaCloud'), undefined);
    assert.deepEqual(sovereignEnvironmentProblem(CLOUDS.usgov, {}, 'custom'), { expected: 'USGovernment' });
    assert.equal(sovereignEnvironmentProblem(CLOUDS.usgov, {}, 'USGovernment'), undefined);
    assert.equal(sovereignEnvironmentProblem(CLOUDS.global, {}, undefined), undefined);
    // A test's own provider has no environment to set.
    assert.equal(sovereignEnvironmentProblem(CLOUDS.china, { 'microsoft-sovereign-cloud': 'test' }, undefined), undefined);
  });
});
