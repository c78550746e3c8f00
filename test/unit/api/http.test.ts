import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TokenSource } from '../../../src/api/auth';
import { PartnerCenterError, isCancellation } from '../../../src/api/errors';
import { TargetedTokenSource } from '../../../src/auth/tokens';
import { seedTenant } from '../../sandbox/seed';
import { waitFor } from '../../integration/helpers/waitFor';
import { RecordingLogger, clientFor, settingsFor, settle, useSandbox } from './support';

const FIXTURES = join(__dirname, '../../../../test/fixtures/partner-center');
const fixture = (name: string): unknown => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));

const ids = (tenant: string) => seedTenant(tenant)!.customers.map((c) => c.id);
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function failure(promise: Promise<unknown>): Promise<PartnerCenterError> {
  const outcome = await settle(promise);
  assert.ok(!outcome.ok, 'expected the call to fail');
  assert.ok(outcome.error instanceof PartnerCenterError, `a PartnerCenterError, got ${String(outcome.error)}`);
  return outcome.error;
}

describe('one Partner Center request (real HTTP against the sandbox)', function () {
  this.timeout(10_000);
  const sandbox = useSandbox();
  beforeEach(() => sandbox.admin.reset());

  const customerPath = (id: string) => `/v1/customers/${id}`;
  const fresh = (setup: Parameters<typeof clientFor>[1] = {}) =>
    clientFor(sandbox.url, { ...setup, settings: { cacheSeconds: 0, ...setup.settings } });

  it('fails at once, sending nothing and showing no header value, when the Authorization header cannot be set', async () => {
    // The sandbox token carries the tenant: a tenant with CR/LF (e.g. from a document URI) makes an invalid header.
    const { client, logger } = fresh();
    const error = await failure(client.getCustomer('bad\r\ntenant', ids('default')[0]!));
    assert.notEqual(error.kind, 'network', 'not a network error');
    assert.match(error.message, /Authorization/);
    for (const text of [error.message, logger.text]) assert.ok(!text.includes('sandbox:bad'), `the value is shown: ${text}`);
    assert.ok(!/retry/i.test(logger.text), `not retried:\n${logger.text}`);
    assert.deepEqual(await sandbox.admin.requests(), []);
  });

  it('sends the Partner Center headers, a new request id per call and the caller’s correlation id', async () => {
    const { client } = fresh();
    const id = ids('default')[0]!;
    await client.getCustomer('default', id, { correlationId: 'user-action-1' });
    await client.getCustomer('default', id, { correlationId: 'user-action-1' });
    const [first, second] = await sandbox.admin.requests();
    assert.equal(first!.path, customerPath(id));
    assert.equal(first!.headers['accept'], 'application/json');
    assert.equal(first!.headers['authorization'], 'Bearer sandbox:default');
    assert.match(first!.headers['ms-requestid']!, GUID);
    assert.equal(first!.headers['ms-correlationid'], 'user-action-1');
    assert.equal(first!.headers['ms-partnercenter-client'], 'Partner Center Customers for VS Code/9.8.7');
    assert.equal(first!.headers['x-locale'], 'fr-FR');
    assert.notEqual(second!.headers['ms-requestid'], first!.headers['ms-requestid']);
  });

  for (const [name, fault] of [
    ['a 500', { status: 500 }],
    ['a 502', { status: 502 }],
    ['a 503', { status: 503 }],
    ['a 504', { status: 504 }],
    ['a 408 (request timeout)', { status: 408 }],
    ['a dropped connection', { kind: 'drop' }],
    ['a hung request (timeout)', { kind: 'hang' }],
  ] as const) {
    it(`retries ${name} with the same MS-RequestId, then succeeds`, async () => {
      const { client, logger } = fresh({ timeoutMs: 200 });
      const id = ids('default')[1]!;
      await sandbox.admin.fault({ path: customerPath(id), times: 2, ...fault });
      const customer = await client.getCustomer('default', id);
      assert.equal(customer.value.id, id);
      const log = await sandbox.admin.requests();
      assert.equal(log.length, 3, 'two failures, one success');
      assert.equal(new Set(log.map((r) => r.headers['ms-requestid'])).size, 1, 'one request id for all attempts');
      assert.match(logger.text, /retry 2 of 3/);
      assert.match(logger.text, /attempt 3\)/);
    });
  }

  it('gives up after 3 retries with an error a user can act on', async () => {
    const { client } = fresh();
    const id = ids('default')[2]!;
    await sandbox.admin.fault({ path: customerPath(id), times: 0, status: 503 });
    const error = await failure(client.getCustomer('default', id));
    assert.equal(error.kind, 'http');
    assert.equal(error.status, 503);
    assert.equal(error.code, '503');
    assert.match(error.message, /503 Service Unavailable: Service Unavailable \(a fault injected by the Partner Center sandbox\)/);
    assert.match(error.message, /\(code 503\)/);
    const log = await sandbox.admin.requests();
    assert.equal(log.length, 4);
    assert.ok(error.message.includes(log[0]!.headers['ms-requestid']!), 'the message names the request id');
  });

  it('gives up on a server that never answers with a timeout error saying how long it waited', async () => {
    const { client } = fresh({ timeoutMs: 200 });
    const id = ids('default')[8]!;
    await sandbox.admin.fault({ path: customerPath(id), times: 0, kind: 'hang' });
    const error = await failure(client.getCustomer('default', id));
    assert.equal(error.kind, 'timeout');
    assert.equal(error.status, undefined);
    assert.match(error.message, /^Partner Center did not answer within 0\.2 seconds\./);
    const log = await sandbox.admin.requests();
    assert.equal(log.length, 4, 'the first attempt and 3 retries');
    assert.ok(error.message.includes(log[0]!.headers['ms-requestid']!), 'the message names the request id');
  });

  it('gives up on a connection that keeps dropping with a network error naming the server', async () => {
    const { client } = fresh();
    const id = ids('default')[9]!;
    await sandbox.admin.fault({ path: customerPath(id), times: 0, kind: 'drop' });
    const error = await failure(client.getCustomer('default', id));
    assert.equal(error.kind, 'network');
    assert.ok(error.message.startsWith(`Could not reach Partner Center at ${new URL(sandbox.url).origin}: `), error.message);
    assert.equal((await sandbox.admin.requests()).length, 4, 'the first attempt and 3 retries');
  });

  for (const status of [400, 401, 403, 404, 409]) {
    it(status === 401 ? 'sends a 401 once more only (a token read again), then gives up' : `does not retry a ${status}`, async () => {
      const { client } = fresh();
      const id = ids('default')[3]!;
      await sandbox.admin.fault({ path: customerPath(id), times: 0, status });
      const error = await failure(client.getCustomer('default', id));
      assert.equal(error.status, status);
      assert.equal((await sandbox.admin.requests()).length, status === 401 ? 2 : 1);
      if (status === 401) assert.match(error.message, /Sign in again/);
      if (status === 403) assert.match(error.message, /Partner Center API permission/);
    });
  }

  it('says what Partner Center said for an unknown customer and a refused token', async () => {
    const { client } = fresh();
    const missing = await failure(client.getCustomer('default', 'no-such-customer'));
    assert.equal(missing.status, 404);
    assert.equal(missing.code, '1000');
    assert.match(missing.message, /Customer no-such-customer was not found/);

    const stranger: TokenSource = { authorization: () => Promise.resolve('Bearer sandbox:nobody') };
    const refused = await failure(fresh({ tokens: stranger }).client.getCustomer('nobody', ids('default')[0]!));
    assert.equal(refused.status, 401);
    assert.match(refused.message, /unknown sandbox tenant "nobody"/);
  });

  it('reads the message of all three error formats (doc samples)', async () => {
    const { client } = fresh({ settings: {} });
    const cases = [
      { status: 404, body: fixture('error-404-apifault-mpn.response.json'), message: 'Partner Organization with partner_id 9999999 could not be found', code: '3000' },
      { status: 400, body: fixture('error-400-apifault-licenses.response.json'), message: "We're sorry, it looks like you've run out of licenses.", code: '60012' },
      { status: 400, body: fixture('error-400-newformat-600061.response.json'), message: 'A partner confirmed agreement already exists for the customer', code: '600061' },
    ];
    for (const [index, expected] of cases.entries()) {
      const id = ids('default')[10 + index]!;
      await sandbox.admin.fault({ path: customerPath(id), status: expected.status, body: expected.body });
      const error = await failure(client.getCustomer('default', id));
      assert.ok(error.message.includes(expected.message), error.message);
      assert.equal(error.code, expected.code);
    }
    // The gateway's 429 body, once the retry budget is spent.
    const id = ids('default')[13]!;
    await sandbox.admin.fault({ path: customerPath(id), times: 0, status: 429, body: fixture('error-429-throttled.response.json'), headers: { 'Retry-After': '0' } });
    const throttled = await failure(client.getCustomer('default', id));
    assert.equal(throttled.kind, 'throttled');
    assert.match(throttled.message, /Rate limit is exceeded\. Try again in 57 seconds\./);
    assert.equal((await sandbox.admin.requests((r) => r.path === customerPath(id))).length, 6, '1 + 5 retries');
  });

  it('honours Retry-After: no request to that tenant before it ends, another tenant unaffected', async () => {
    const { client } = fresh();
    const [a, b] = ids('default');
    const pauseMs = 1000;
    await sandbox.admin.fault({ path: customerPath(a!), tenant: 'default', status: 429, headers: { 'Retry-After': String(pauseMs / 1000) } });
    const first = client.getCustomer('default', a!);
    // The pause is in force once the tenant's estimate counts it (a user sees it as the queue's wait).
    const estimate = await waitFor('the pause', () => (client.estimatedWaitMs('default') > 0 ? client.estimatedWaitMs('default') : undefined), 5_000);
    assert.ok(estimate > pauseMs / 2 && estimate <= pauseMs, `the estimate counts the pause (${estimate} ms)`);
    assert.equal(client.estimatedWaitMs('fabrikam'), 0, 'another tenant is not paused');
    // During the pause: default's other calls wait, fabrikam's go straight through.
    const sameTenant = client.getCustomer('default', b!);
    const started = Date.now();
    const other = await client.getCustomer('fabrikam', ids('fabrikam')[0]!);
    // Held, it would have waited out most of the pause; half of it allows for a busy machine.
    assert.ok(Date.now() - started < pauseMs / 2, `fabrikam was not held (${Date.now() - started} ms)`);
    assert.equal(other.value.id, ids('fabrikam')[0]);
    await Promise.all([first, sameTenant]);

    const log = await sandbox.admin.requests();
    const throttledAt = log.find((r) => r.status === 429)!.at;
    const defaultAfter = log.filter((r) => r.tenant === 'default' && r.at > throttledAt);
    assert.equal(defaultAfter.length, 2, 'the retry and the other call');
    for (const request of defaultAfter) assert.ok(request.at - throttledAt >= pauseMs, `${request.path} came ${request.at - throttledAt} ms after the 429`);
    const fabrikam = log.find((r) => r.tenant === 'fabrikam')!;
    assert.ok(fabrikam.at - throttledAt < pauseMs, 'fabrikam went during the pause');
  });

  it('honours a Retry-After given as an HTTP date, and backs off when there is none', async () => {
    const { client } = fresh();
    const [a, b] = ids('default');
    const until = new Date(Date.now() + 1500);
    await sandbox.admin.fault({ path: customerPath(a!), status: 429, headers: { 'Retry-After': until.toUTCString() } });
    await client.getCustomer('default', a!);
    const retry = (await sandbox.admin.requests()).at(-1)!;
    assert.equal(retry.status, 200);
    assert.ok(retry.at >= Math.floor(until.getTime() / 1000) * 1000 - 20, 'not before the date');

    await sandbox.admin.fault({ path: customerPath(b!), status: 429, headers: { 'X-No-Retry-After': 'true' } });
    assert.equal((await client.getCustomer('default', b!)).value.id, b);
    assert.deepEqual((await sandbox.admin.requests((r) => r.path === customerPath(b!))).map((r) => r.status), [429, 200]);
  });

  it('fails at once, saying how long, when Retry-After asks for a pause longer than a request should wait; the pause still stands for that tenant only', async () => {
    // One request a minute: the second call is still queued when the first one's 429 arrives.
    const { client } = fresh({ settings: { 'rateLimit.requests': 1, 'rateLimit.windowSeconds': 60 } });
    const [a, b, c] = ids('default');
    await sandbox.admin.fault({ path: customerPath(a!), status: 429, delayMs: 200, headers: { 'Retry-After': '600' }, body: fixture('error-429-throttled.response.json') });
    const started = Date.now();
    const [first, queued] = await Promise.all([failure(client.getCustomer('default', a!)), failure(client.getCustomer('default', b!))]);
    assert.ok(Date.now() - started < 2000, `the calls failed after ${Date.now() - started} ms instead of waiting 10 minutes`);
    for (const error of [first, queued]) {
      assert.equal(error.kind, 'throttled');
      assert.match(error.message, /^Partner Center asked to pause the requests for tenant default for 10 minutes \(429\)/);
    }
    assert.match(first.message, /Rate limit is exceeded\. Try again in 57 seconds\. Nothing is sent/, 'Partner Center’s own words');
    assert.match(first.message, /\(Request ID [0-9a-f-]{36}\)$/);

    // Later calls for the tenant fail without a request; another tenant is not held.
    const later = await failure(client.getCustomer('default', c!));
    assert.equal(later.kind, 'throttled');
    assert.equal((await client.getCustomer('fabrikam', ids('fabrikam')[0]!)).value.id, ids('fabrikam')[0]);
    const log = await sandbox.admin.requests();
    assert.deepEqual(
      log.map((r) => [r.tenant, r.status]),
      [
        ['default', 429],
        ['fabrikam', 200],
      ],
      'nothing more went to the paused tenant',
    );
  });

  it('fails at once a request that was reading its token when another one got a pause too long to wait', async () => {
    // The second call's first token read is held until the first call has failed on its 27-hour pause.
    let holdNext: Promise<void> | undefined;
    const tokens: TokenSource = {
      authorization: async (tenant) => {
        const hold = holdNext;
        holdNext = undefined;
        await hold;
        return `Bearer sandbox:${tenant}`;
      },
    };
    const { client } = fresh({ tokens });
    const [a, b] = ids('default');
    await sandbox.admin.fault({ path: customerPath(a!), status: 429, delayMs: 100, headers: { 'Retry-After': '100000' } });
    const first = failure(client.getCustomer('default', a!));
    await new Promise((resolve) => setTimeout(resolve, 30)); // the first call is sent, its 429 not yet back
    let release!: () => void;
    holdNext = new Promise<void>((resolve) => (release = resolve));
    const second = settle(client.getCustomer('default', b!));
    assert.match((await first).message, /for 1667 minutes \(429\)/);
    release();
    const releasedAt = Date.now();
    // Behind the pause it would wait 27 hours; two seconds tell the two apart on a busy machine.
    const outcome = await Promise.race([second, new Promise<'waiting'>((resolve) => setTimeout(() => resolve('waiting'), 2000))]);
    assert.notEqual(outcome, 'waiting', 'the second call was still waiting behind the pause');
    assert.ok(outcome !== 'waiting' && !outcome.ok && outcome.error instanceof PartnerCenterError);
    assert.equal(outcome.error.kind, 'throttled');
    assert.match(outcome.error.message, /^Partner Center asked to pause the requests for tenant default for 1667 minutes \(429\)/);
    assert.ok(Date.now() - releasedAt < 1000, 'failed at once');
    assert.deepEqual((await sandbox.admin.requests()).map((r) => r.status), [429], 'the second call was never sent');
    client.dispose();
  });

  it('reads the token when a request may go, so a request that waited for the rate limit never carries a token older than its wait', async () => {
    const readAt: number[] = [];
    const tokens: TokenSource = {
      authorization: (tenant) => {
        readAt.push(performance.timeOrigin + performance.now());
        return Promise.resolve(`Bearer sandbox:${tenant}`);
      },
    };
    // Two requests a second: six calls made together go out over about two seconds.
    const { client } = fresh({ tokens, settings: { 'rateLimit.requests': 2, 'rateLimit.windowSeconds': 1 } });
    await Promise.all(ids('default').slice(20, 26).map((id) => client.getCustomer('default', id)));
    const arrivals = (await sandbox.admin.requests()).map((r) => r.at).sort((x, y) => x - y);
    assert.equal(arrivals.length, 6);
    assert.ok(arrivals[5]! - arrivals[0]! >= 1900, 'the rate limit spread the calls');
    arrivals.forEach((arrival, i) => {
      const age = Math.min(...readAt.filter((at) => at <= arrival).map((at) => arrival - at));
      // Read when queued, requests 3 to 6 would carry tokens a second or more old: half a window tells them apart.
      assert.ok(age < 500, `request ${i + 1} carried a token read ${Math.round(age)} ms before it arrived`);
    });
  });

  it('never sends a Microsoft token with a request queued for the sandbox and released after a switch to a real cloud', async () => {
    const microsoftToken = 'eyJ0eXAiOiJKV1QifQ.real-microsoft-token';
    const handedOut: string[] = [];
    const tokens = new TargetedTokenSource({
      current: () => setup.state.settings,
      microsoftToken: (tenant) => {
        handedOut.push(tenant);
        return Promise.resolve(microsoftToken);
      },
      logger: new RecordingLogger(),
    });
    // One request a second: the second call waits in the queue while the settings change under it.
    const limit = { 'rateLimit.requests': 1, 'rateLimit.windowSeconds': 1 };
    const setup = fresh({ tokens, settings: limit });
    const [a, b] = ids('default');
    await setup.client.getCustomer('default', a!);
    const queued = settle(setup.client.getCustomer('default', b!));
    await waitFor('the second call to be queued', () => setup.client.queueDepth('default') === 1 || undefined);
    // Switched without another call to the client: only the token source stands between the queue and the token.
    setup.state.settings = settingsFor(sandbox.url, { ...limit, cloud: 'global', clientId: '0b5c2b3e-8f6d-4c1a-9e2f-3a4b5c6d7e8f' });
    const outcome = await queued;
    assert.ok(!outcome.ok && isCancellation(outcome.error), 'the queued call is cancelled');
    assert.deepEqual(handedOut, [], 'no Microsoft token was handed out');
    const log = await sandbox.admin.requests();
    assert.deepEqual(log.map((r) => r.path), [customerPath(a!)], 'nothing more was sent');
    assert.ok(log.every((r) => !r.headers['authorization']?.includes(microsoftToken)));
  });

  it('fails at once when there is no token, without waiting for the rate limit', async () => {
    let signedIn = true;
    const tokens: TokenSource = {
      authorization: (tenant) =>
        signedIn
          ? Promise.resolve(`Bearer sandbox:${tenant}`)
          : Promise.reject(new PartnerCenterError({ kind: 'auth', summary: `Not signed in for tenant ${tenant}.` })),
    };
    // One request a minute, spent by the first call.
    const { client } = fresh({ tokens, settings: { 'rateLimit.requests': 1, 'rateLimit.windowSeconds': 60 } });
    const [a, b] = ids('default');
    await client.getCustomer('default', a!);
    signedIn = false;
    const started = Date.now();
    const error = await failure(client.getCustomer('default', b!));
    assert.equal(error.kind, 'auth');
    // Waiting for the rate limit would take the rest of the minute; a tenth of it allows for a busy machine.
    assert.ok(Date.now() - started < 6000, `it failed after ${Date.now() - started} ms`);
    assert.equal((await sandbox.admin.requests()).length, 1);
  });

  it('says why when the token source fails with an error of its own (not a Partner Center one), sending nothing', async () => {
    const tokens: TokenSource = { authorization: () => Promise.reject(new Error('the keychain is locked')) };
    const { client, logger } = fresh({ tokens });
    const error = await failure(client.getCustomer('default', ids('default')[0]!));
    assert.equal(error.kind, 'auth');
    assert.match(error.message, /^Could not get a Partner Center token for tenant default: the keychain is locked/);
    assert.ok(!/retry/i.test(logger.text), `not retried:\n${logger.text}`);
    assert.deepEqual(await sandbox.admin.requests(), []);
  });

  it('names the field of a body that breaks the schema, and does not retry', async () => {
    const { client } = fresh();
    // The envelope itself (one list item alone does not fail the page: see client.test.ts).
    await sandbox.admin.fault({ path: '/v1/customers', kind: 'schema', field: 'items', value: 42 });
    const error = await failure(client.listCustomers('default'));
    assert.equal(error.kind, 'invalidResponse');
    assert.equal(error.fieldPath, 'items');
    assert.match(error.message, /items: /);
    assert.equal((await sandbox.admin.requests()).length, 1);
  });

  it('reports a body that is not JSON clearly, and does not retry', async () => {
    const { client } = fresh();
    const id = ids('default')[4]!;
    await sandbox.admin.fault({ path: customerPath(id), kind: 'malformed' });
    const error = await failure(client.getCustomer('default', id));
    assert.equal(error.kind, 'invalidResponse');
    assert.match(error.message, /not valid JSON/);
    assert.equal((await sandbox.admin.requests()).length, 1);
  });

  // Response.text() already drops a UTF-8 byte-order mark, so this proves the client reads such bodies end to end;
  // the strip in parseJson (for text that did not come through a decoder) is tested in json.test.ts.
  it('reads a body sent with a leading byte-order mark', async () => {
    const { client } = fresh();
    const id = ids('default')[5]!;
    await sandbox.admin.fault({ path: customerPath(id), kind: 'bom' });
    assert.equal((await client.getCustomer('default', id)).value.id, id);
    await sandbox.admin.configure({ bom: true });
    assert.equal((await client.listCustomers('default')).customers.length, 100);
  });

  it('refuses a redirect instead of following it with the token', async () => {
    const { client } = fresh();
    const id = ids('default')[6]!;
    await sandbox.admin.fault({ path: customerPath(id), status: 302, headers: { Location: 'http://127.0.0.1:9/steal' } });
    const error = await failure(client.getCustomer('default', id));
    assert.equal(error.status, 302);
    assert.match(error.message, /redirect/);
    assert.equal((await sandbox.admin.requests()).length, 1);
  });

  it('rejects at once when the caller aborts a request in flight', async () => {
    const { client } = fresh();
    const id = ids('default')[7]!;
    const answerMs = 3000;
    await sandbox.admin.fault({ path: customerPath(id), delayMs: answerMs });
    const controller = new AbortController();
    const pending = settle(client.getCustomer('default', id, { signal: controller.signal }));
    await waitFor('the request to reach the sandbox', async () => (await sandbox.admin.requests((r) => r.path === customerPath(id))).length > 0 || undefined);
    const abortedAt = Date.now();
    controller.abort();
    const outcome = await pending;
    // Not waiting for the answer: well under the server's delay, with room for a busy machine.
    assert.ok(Date.now() - abortedAt < answerMs / 3, `rejected ${Date.now() - abortedAt} ms after the abort`);
    assert.ok(!outcome.ok && isCancellation(outcome.error));
    assert.equal((await sandbox.admin.requests()).length, 1, 'not retried');
  });

  it('never gives the Authorization header or a token to the logger, whatever happens', async () => {
    const secret = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.c2VjcmV0.c2lnbmF0dXJl';
    const logger = new RecordingLogger();
    const real: TokenSource = { authorization: () => Promise.resolve(`Bearer ${secret}`) };
    const refused = await failure(fresh({ tokens: real, logger }).client.listCustomers('default'));
    assert.ok(!refused.message.includes(secret));

    const { client } = fresh({ logger, timeoutMs: 200 });
    const [a, b, c] = ids('default');
    await sandbox.admin.fault({ path: customerPath(a!), status: 503 });
    await sandbox.admin.fault({ path: customerPath(b!), status: 429, headers: { 'Retry-After': '0' } });
    await sandbox.admin.fault({ path: customerPath(c!), kind: 'hang' });
    await Promise.all([a, b, c].map((id) => client.getCustomer('default', id!)));
    await settle(client.getCustomer('default', 'missing'));

    assert.ok(logger.lines.length >= 8, 'the requests were logged');
    assert.ok(!logger.text.includes(secret), 'no token');
    assert.ok(!/bearer|authorization|sandbox:default/i.test(logger.text), 'no Authorization header');
  });
});
