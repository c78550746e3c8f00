// Signing in to the real clouds inside the real extension host, with no Microsoft account and no traffic leaving
// the machine: the test registers its own authentication provider with VS Code (the extension's
// `testing.useAuthenticationProviders` points a cloud's sign-in at it) and points the cloud's API address at the
// sandbox (`testing.overrideCloudApiBase`). The provider's tokens are sandbox tokens, so everything between
// VS Code's authentication service and the sandbox's request log is the real path.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PartnerCenterExports } from '../../src/extension';
import { NOTABLE, PARTNER_TENANT_IDS, seedTenant } from '../sandbox/seed';
import { extensionExports } from './helpers/activation';
import { type SignInPrompts, TestAuthenticationProvider, type TokenFor, answerSignInPrompts } from './helpers/authentication';
import { type Notification, recordNotifications } from './helpers/notifications';
import { type LoggedRequest, clearSandboxRequests, resetSandbox, routeOf, sandboxRequests, sandboxUrl } from './helpers/sandbox';
import { useSettings } from './helpers/settings';
import { type Row, isCustomer, isError, isLoadMore, rows, waitForRows } from './helpers/tree';
import { waitFor } from './helpers/waitFor';

const CLIENT_ID = '3f2a9c4e-6b1d-4e8a-9c0f-5d7e8a9b0c1d';
const GLOBAL_SCOPE = 'https://api.partnercenter.microsoft.com/user_impersonation';
const CHINA_SCOPE = 'https://partner.partnercenterapi.microsoftonline.cn/user_impersonation';
/** Real partner tenants are GUIDs; these are the sandbox tenants' (default = Contoso, fabrikam = Fabrikam). */
const CONTOSO = PARTNER_TENANT_IDS.default;
const FABRIKAM = PARTNER_TENANT_IDS.fabrikam;
/** Northwind, no customers: only the sign-out test uses it, so its rate-limit lane starts empty. */
const NORTHWIND = PARTNER_TENANT_IDS.empty;
const REAL_CLOUDS = ['global', 'china', 'usgov'] as const;

/**
 * What the test provider's sessions carry: the sandbox token of the tenant the session was asked for. The
 * settings name tenants by GUID, so local mode's `sandbox:<tenant id>` would be refused: customers on screen
 * prove the session's token was used.
 */
const sandboxTokens: TokenFor = (tenant) => {
  if (tenant === undefined || tenant === CONTOSO) return 'sandbox:default';
  if (tenant === FABRIKAM) return 'sandbox:fabrikam';
  if (tenant === NORTHWIND) return 'sandbox:empty';
  return 'sandbox:?';
};

const namesOf = (tenant: 'default' | 'fabrikam', count: number) =>
  seedTenant(tenant)!.customers.slice(0, count).map((customer) => customer.companyProfile.companyName.trim());

/** The kind of a PartnerCenterError thrown by the extension (its class is the extension bundle's, not this one's). */
const kindOf = (error: unknown) => (error as { kind?: unknown } | undefined)?.kind;

const authorizations = (requests: readonly LoggedRequest[]) => [...new Set(requests.map((r) => r.headers.authorization))];

describe('signing in to the real clouds (test authentication provider, sandbox behind the cloud’s API address)', function () {
  let exports: PartnerCenterExports;
  let microsoft: TestAuthenticationProvider;
  let sovereign: TestAuthenticationProvider;
  let prompts: SignInPrompts;
  let notifications: { readonly shown: Notification[]; stop(): void };
  let restoreSettings: (() => Promise<void>) | undefined;

  const view = () => exports.customers;
  const state = () => exports.session.state;
  const waitForState = (expected: string) =>
    waitFor(`the connection state "${expected}" (now "${state()}")`, () => (state() === expected ? true : undefined));
  const signIn = () => vscode.commands.executeCommand<boolean | undefined>('partnerCenter.signIn');

  /** Changes the token scheme of the sessions the test providers create from now on. */
  function useTokens(tokens: TokenFor): void {
    microsoft.tokenFor = tokens;
    sovereign.tokenFor = tokens;
  }

  /**
   * Points the clouds' sign-in at the test providers, applies the settings and waits for the state they lead to
   * and for the view to have dropped what local mode showed; the sandbox's request log starts from there.
   */
  async function connect(settings: Record<string, unknown>, expected: string): Promise<void> {
    await exports.testing!.useAuthenticationProviders({ microsoft: microsoft.id, 'microsoft-sovereign-cloud': sovereign.id });
    restoreSettings = await useSettings(settings);
    await waitForState(expected);
    await waitForRows(view(), 'an empty view', (r) => r.length === 0);
    await clearSandboxRequests();
  }

  /** The rows of a single tenant's list once its first page has arrived. */
  const firstPageOfContoso = (node?: Parameters<typeof rows>[1]) =>
    waitForRows(view(), 'the first page of Contoso', (r) => r.length === 101 && r.slice(0, 100).every(isCustomer) && isLoadMore(r[100]!), node);

  const labels = (list: readonly Row[]) => list.filter(isCustomer).map((row) => row.label);

  before(async () => {
    exports = await extensionExports();
    assert.ok(exports.testing, 'the extension runs in Test mode, so it offers its testing hooks');
    await vscode.commands.executeCommand('partnerCenter.customers.focus');
  });

  beforeEach(async () => {
    await resetSandbox();
    notifications = recordNotifications();
    microsoft = new TestAuthenticationProvider('Test Microsoft', sandboxTokens);
    sovereign = new TestAuthenticationProvider('Test Sovereign Cloud', sandboxTokens);
    prompts = answerSignInPrompts([microsoft.id, sovereign.id], (providerId, scopes) =>
      (providerId === microsoft.id ? microsoft : sovereign).createSession(scopes),
    );
    for (const cloud of REAL_CLOUDS) exports.testing!.overrideCloudApiBase(cloud, sandboxUrl());
  });

  afterEach(async () => {
    // Back to what the other suites expect: local mode against the sandbox, the real clouds and providers.
    await restoreSettings?.();
    restoreSettings = undefined;
    for (const cloud of REAL_CLOUDS) exports.testing!.overrideCloudApiBase(cloud, undefined);
    await exports.testing!.useAuthenticationProviders({});
    prompts.stop();
    notifications.stop();
    microsoft.dispose();
    sovereign.dispose();
    await waitForState('local');
  });

  after(resetSandbox);

  it('asks for an app registration first: without partnerCenter.clientId the state is "needsClientId", Sign In opens that setting, no session is asked for and nothing is sent', async () => {
    await connect({ cloud: 'global', clientId: '', tenants: [] }, 'needsClientId');
    assert.deepEqual(await rows(view()), [], 'the view is empty, so its welcome content shows');

    assert.equal(await signIn(), false);
    assert.equal(state(), 'needsClientId');
    // Sign In shows the setting to fill in (its description says what to register).
    const settingsTab = await waitFor('the Settings editor', () => {
      const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
      return tab?.label === 'Settings' ? tab : undefined;
    });
    await vscode.window.tabGroups.close(settingsTab);
    assert.deepEqual(prompts.calls, [], 'no session was asked for');
    assert.deepEqual([...microsoft.asked, ...sovereign.asked], []);
    assert.deepEqual(await sandboxRequests(), []);
  });

  it('with a client id and no session, is "signedOut": only silent checks with the exact scopes, an empty view, nothing sent; clearing the client id goes back to "needsClientId"', async () => {
    await connect({ cloud: 'global', clientId: CLIENT_ID, tenants: [] }, 'signedOut');
    assert.deepEqual(await rows(view()), []);
    assert.ok(microsoft.asked.length > 0, 'the state was decided by asking the provider');
    for (const scopes of microsoft.asked) assert.deepEqual(scopes, [`VSCODE_CLIENT_ID:${CLIENT_ID}`, GLOBAL_SCOPE]);
    assert.ok(prompts.calls.length > 0);
    for (const call of prompts.calls) {
      assert.equal(call.providerId, microsoft.id);
      assert.deepEqual(call.options, { silent: true }, 'a state check never prompts');
    }
    assert.deepEqual(microsoft.created, [], 'no sign-in was started');
    assert.deepEqual(sovereign.asked, []);
    assert.deepEqual(await sandboxRequests(), []);

    await vscode.workspace.getConfiguration('partnerCenter').update('clientId', '', vscode.ConfigurationTarget.Global);
    await waitForState('needsClientId');
  });

  it('signs in to the account’s own tenant when no tenant is configured: exactly the client id and API scope, then the customers, fetched with that session’s token', async () => {
    await connect({ cloud: 'global', clientId: CLIENT_ID, tenants: [] }, 'signedOut');

    assert.equal(await signIn(), true);
    assert.equal(state(), 'signedIn');
    assert.deepEqual(microsoft.created, [[`VSCODE_CLIENT_ID:${CLIENT_ID}`, GLOBAL_SCOPE]]);
    const interactive = prompts.calls.filter((call) => !call.options.silent);
    assert.deepEqual(
      interactive.map((call) => [call.providerId, call.scopes, call.options]),
      [[microsoft.id, [`VSCODE_CLIENT_ID:${CLIENT_ID}`, GLOBAL_SCOPE], { createIfNone: true }]],
      'one interactive request, from Sign In',
    );

    const top = await firstPageOfContoso();
    assert.deepEqual(labels(top), namesOf('default', 100));
    const requests = await sandboxRequests();
    assert.deepEqual(requests.map(routeOf), ['/customers']);
    assert.deepEqual(authorizations(requests), [`Bearer ${microsoft.sessionOf(undefined)!.accessToken}`]);
  });

  it('signs in once per configured tenant with its VSCODE_TENANT, and each tenant lists its customers with its own session’s token', async () => {
    await connect({ cloud: 'global', clientId: CLIENT_ID, tenants: [CONTOSO, FABRIKAM] }, 'signedOut');

    assert.equal(await signIn(), true);
    assert.deepEqual(microsoft.created, [
      [`VSCODE_CLIENT_ID:${CLIENT_ID}`, `VSCODE_TENANT:${CONTOSO}`, GLOBAL_SCOPE],
      [`VSCODE_CLIENT_ID:${CLIENT_ID}`, `VSCODE_TENANT:${FABRIKAM}`, GLOBAL_SCOPE],
    ]);
    const roots = await waitForRows(view(), 'two tenant roots', (r) => r.length === 2);
    assert.deepEqual(
      roots.map((r) => [r.label, r.description]),
      [
        [CONTOSO, 'Partner Center'],
        [FABRIKAM, 'Partner Center'],
      ],
    );
    assert.deepEqual(labels(await firstPageOfContoso(roots[0]!.node)), namesOf('default', 100));
    const fabrikam = await waitForRows(view(), 'Fabrikam’s customers', (r) => r.length === 24, roots[1]!.node);
    assert.deepEqual(labels(fabrikam), namesOf('fabrikam', 24));

    const requests = await sandboxRequests();
    const tokenOf = (tenant: string) => `Bearer ${microsoft.sessionOf(tenant)!.accessToken}`;
    assert.deepEqual(authorizations(requests).sort(), [tokenOf(CONTOSO), tokenOf(FABRIKAM)].sort());
    assert.deepEqual(
      requests.map((r) => r.tenant),
      requests.map((r) => (r.headers.authorization === tokenOf(FABRIKAM) ? 'fabrikam' : 'default')),
      'each request reached the tenant of the session it carried',
    );
  });

  it('re-renders on session changes: the session removed in VS Code empties the view; added back, the customers return without a reload or a prompt', async () => {
    await connect({ cloud: 'global', clientId: CLIENT_ID, tenants: [CONTOSO] }, 'signedOut');
    assert.equal(await signIn(), true);
    await firstPageOfContoso();

    const removed = microsoft.remove();
    await waitForState('signedOut');
    assert.deepEqual(await rows(view()), [], 'back to the welcome content');

    await clearSandboxRequests();
    const callsBefore = prompts.calls.length;
    microsoft.restore(removed);
    await waitForState('signedIn');
    assert.deepEqual(labels(await firstPageOfContoso()), namesOf('default', 100));
    const requests = await sandboxRequests();
    assert.deepEqual(requests.map(routeOf), ['/customers'], 'fetched again: data of a session that went away is not reused');
    assert.deepEqual(authorizations(requests), [`Bearer ${removed[0]!.accessToken}`]);
    for (const call of prompts.calls.slice(callsBefore)) assert.deepEqual(call.options, { silent: true });
    assert.equal(microsoft.created.length, 1, 'no new sign-in');
  });

  it('signs out: a request waiting for the rate limit is cancelled, the view empties, nothing more is sent, and it says the account stays in VS Code', async () => {
    await connect({ cloud: 'global', clientId: CLIENT_ID, tenants: [NORTHWIND], 'rateLimit.requests': 1, 'rateLimit.windowSeconds': 60 }, 'signedOut');
    assert.equal(await signIn(), true);
    // The one request of this minute (Northwind has no customers).
    await waitForRows(view(), 'Northwind’s empty list', (r) => r.length === 1 && r[0]!.label === 'No customers');
    // The next request of this tenant waits for the rate limit when the user signs out.
    const waiting = exports.client.getCustomer(NORTHWIND, NOTABLE.default.contoso);
    await waitFor('the request to queue', () => (exports.client.queueDepth(NORTHWIND) > 0 ? true : undefined));

    assert.equal(await vscode.commands.executeCommand('partnerCenter.signOut'), undefined);
    const outcome = await Promise.race([
      waiting.then(() => 'sent', (error: unknown) => kindOf(error)),
      new Promise((resolve) => setTimeout(resolve, 10_000, 'still waiting')),
    ]);
    assert.equal(outcome, 'cancelled', 'the queued request is cancelled by the sign-out');
    assert.equal(state(), 'signedOut');
    assert.deepEqual(await rows(view()), []);
    const info = await waitFor('the sign-out message', () =>
      notifications.shown.find((n) => n.severity === 'information' && n.message.includes('Accounts menu')),
    );
    assert.match(info.message, /stays signed in to VS Code/);
    assert.equal(microsoft.current.length, 1, 'VS Code still has the account (there is no API to remove it)');

    await assert.rejects(exports.client.listCustomers(NORTHWIND, undefined, { bypassCache: true }), (error) => kindOf(error) === 'auth');
    const requests = await sandboxRequests();
    assert.deepEqual(requests.map(routeOf), ['/customers'], 'only the first page ever reached the sandbox');

    // Signing in again uses the account VS Code kept: no new sign-in.
    await useSettings({ 'rateLimit.requests': 500 });
    assert.equal(await signIn(), true);
    assert.equal(state(), 'signedIn');
    assert.equal(microsoft.created.length, 1);
  });

  for (const [cloud, scope] of [
    ['china', CHINA_SCOPE],
    ['usgov', GLOBAL_SCOPE],
  ] as const) {
    it(`signs in to "${cloud}" with the sovereign-cloud provider and the scope ${scope}`, async () => {
      await connect({ cloud, clientId: CLIENT_ID, tenants: [FABRIKAM] }, 'signedOut');
      assert.equal(await signIn(), true);
      assert.deepEqual(sovereign.created, [[`VSCODE_CLIENT_ID:${CLIENT_ID}`, `VSCODE_TENANT:${FABRIKAM}`, scope]]);
      assert.deepEqual([...microsoft.asked, ...microsoft.created], [], 'the "microsoft" provider is not asked');
      for (const call of prompts.calls) assert.equal(call.providerId, sovereign.id);

      const customers = await waitForRows(view(), 'Fabrikam’s customers', (r) => r.length === 24);
      assert.deepEqual(labels(customers), namesOf('fabrikam', 24));
      assert.deepEqual(authorizations(await sandboxRequests()), ['Bearer sandbox:fabrikam']);
    });
  }

  it('shows a Sign In row for the one tenant without a session while the other lists its customers; the row signs in that tenant', async () => {
    await connect({ cloud: 'global', clientId: CLIENT_ID, tenants: [CONTOSO, FABRIKAM] }, 'signedOut');
    assert.equal(await signIn(), true);
    const roots = await waitForRows(view(), 'two tenant roots', (r) => r.length === 2);
    await waitForRows(view(), 'Fabrikam’s customers', (r) => r.length === 24, roots[1]!.node);

    await clearSandboxRequests();
    microsoft.remove((session) => session === microsoft.sessionOf(FABRIKAM));
    const [contoso, fabrikam] = await waitForRows(view(), 'two tenant roots again', (r) => r.length === 2);
    const signInRows = await waitForRows(view(), 'a Sign In row under Fabrikam', (r) => r.length === 1 && isError(r[0]!), fabrikam!.node);
    const row = signInRows[0]!;
    assert.match(row.label, new RegExp(`Not signed in to Partner Center for tenant ${FABRIKAM}`));
    assert.equal(row.description, 'Sign in');
    assert.equal(row.item.command?.command, 'partnerCenter.signIn');
    assert.equal(state(), 'signedIn');
    assert.deepEqual(labels(await firstPageOfContoso(contoso!.node)), namesOf('default', 100));
    assert.ok(
      (await sandboxRequests()).every((r) => r.headers.authorization !== 'Bearer sandbox:fabrikam'),
      'nothing was sent for Fabrikam once its session was gone',
    );

    await vscode.commands.executeCommand(row.item.command!.command, ...(row.item.command!.arguments ?? []));
    assert.deepEqual(microsoft.created.at(-1), [`VSCODE_CLIENT_ID:${CLIENT_ID}`, `VSCODE_TENANT:${FABRIKAM}`, GLOBAL_SCOPE]);
    assert.equal(microsoft.created.length, 3, 'only Fabrikam signed in again');
    const again = await waitForRows(view(), 'two tenant roots after signing in', (r) => r.length === 2);
    assert.deepEqual(labels(await waitForRows(view(), 'Fabrikam’s customers again', (r) => r.length === 24, again[1]!.node)), namesOf('fabrikam', 24));
  });

  it('shows a clear error row, and no customers, when Partner Center rejects the session’s token (401); the row signs in again and the customers come', async () => {
    useTokens(() => 'eyJhbGciOiJub25lIn0.not-a-sandbox-token');
    await connect({ cloud: 'global', clientId: CLIENT_ID, tenants: [CONTOSO] }, 'signedOut');
    assert.equal(await signIn(), true);

    const [row] = await waitForRows(view(), 'an error row', (r) => r.length === 1 && isError(r[0]!));
    assert.match(row!.label, /^Partner Center did not accept the sign-in \(401 .*Sign in again\./);
    assert.equal(row!.description, 'Click to sign in again');
    const requests = await sandboxRequests();
    assert.ok(requests.length >= 1);
    for (const request of requests) {
      assert.equal(request.status, 401);
      assert.equal(request.headers.authorization, '[redacted: not a sandbox token]', 'the token went to the (loopback) API only');
    }

    // The user clicks the row: VS Code is asked for a new session of that tenant (it asks the user), and the
    // new session's token is one Partner Center accepts.
    useTokens(sandboxTokens);
    const created = microsoft.created.length;
    await clearSandboxRequests();
    const command = row!.item.command!;
    assert.equal(await vscode.commands.executeCommand(command.command, ...(command.arguments ?? [])), true);
    const asked = prompts.calls.filter((call) => call.options.forceNewSession);
    assert.equal(asked.length, 1, 'one sign-in again, for the one tenant');
    assert.ok(asked[0]!.scopes.includes(`VSCODE_TENANT:${CONTOSO}`), asked[0]!.scopes.join(' '));
    const detail = (asked[0]!.options.forceNewSession as { detail?: string }).detail;
    assert.equal(detail, `Partner Center did not accept the sign-in for tenant ${CONTOSO}. Sign in again to go on.`);
    assert.equal(microsoft.created.length, created + 1);
    assert.deepEqual(labels(await waitForRows(view(), 'the customers', (r) => r.filter(isCustomer).length >= 10)).slice(0, 10), namesOf('default', 10));
    assert.deepEqual(authorizations(await sandboxRequests()), ['Bearer sandbox:default'], 'the new session’s token');
  });

  it('reports a cancelled sign-in and stays signed out', async () => {
    await connect({ cloud: 'global', clientId: CLIENT_ID, tenants: [] }, 'signedOut');
    prompts.answer = 'cancel';
    assert.equal(await signIn(), false);
    assert.equal(state(), 'signedOut');
    assert.deepEqual(microsoft.created, []);
    assert.deepEqual(await rows(view()), []);
    const warning = await waitFor('the warning', () => notifications.shown.find((n) => n.severity === 'warning'));
    assert.match(warning.message, /^Sign-in to Partner Center did not complete: User did not consent to login\./);
  });

  it('never asks for a session in local mode, even with the test providers in place, and sends only sandbox tokens', async () => {
    await exports.testing!.useAuthenticationProviders({ microsoft: microsoft.id, 'microsoft-sovereign-cloud': sovereign.id });
    await waitForState('local');
    await clearSandboxRequests();
    exports.client.invalidate('default');
    view().reset();
    assert.deepEqual(labels(await firstPageOfContoso()), namesOf('default', 100));
    assert.equal(await signIn(), true);
    assert.ok(notifications.shown.some((n) => n.message.startsWith('Local mode needs no sign-in')));
    assert.deepEqual(prompts.calls, []);
    assert.deepEqual([...microsoft.asked, ...sovereign.asked, ...microsoft.created, ...sovereign.created], []);
    assert.deepEqual(authorizations(await sandboxRequests()), ['Bearer sandbox:default']);
  });
});
