import assert from 'node:assert/strict';
import * as z from '../../../src/api/zod';
import { PartnerCenterError, isCancellation } from '../../../src/api/errors';
import { type Failure, type Outcome, answerOutcome, sendFailure } from '../../../src/api/outcome';
import type { RequestContext } from '../../../src/api/request';

// What one attempt came to, from the answer alone (no server): the error a user reads, its kind, and whether the
// HTTP layer may try again. http.test.ts shows the same decisions end to end against the sandbox.

const context = (more: Partial<RequestContext> = {}): RequestContext => ({
  tenant: 'contoso',
  url: new URL('https://api.example/v1/customers/abc?size=10'),
  label: 'GET /v1/customers/abc?size=10',
  method: 'GET',
  requestId: 'req-1',
  correlationId: 'corr-1',
  ...more,
});

const customer = z.object({ id: z.string(), companyProfile: z.object({ domain: z.string() }) });

const answer = (status: number, text: string, headers: Record<string, string> = {}, statusText = '') =>
  answerOutcome(customer, new Response(null, { status, statusText, headers }), text, context());

function failed<T>(outcome: Outcome<T>): Failure {
  assert.equal(outcome.ok, false, 'expected a failure');
  return outcome as Failure;
}

/** undici's report of a failure: "fetch failed", the reason in `cause`. */
const fetchFailed = (code: string | undefined, message = 'other side closed') =>
  new TypeError('fetch failed', { cause: Object.assign(new Error(message), code === undefined ? {} : { code }) });

describe('the outcome of one attempt', () => {
  describe('a 2xx answer', () => {
    it('gives the validated value, the body as received, the request and its id', () => {
      const before = Date.now();
      for (const status of [200, 299]) {
        const outcome = answer(status, '{"id":"abc","companyProfile":{"domain":"a.example"},"extra":1}');
        assert.ok(outcome.ok, `a ${status} is a success`);
        assert.deepEqual(outcome.result.value, { id: 'abc', companyProfile: { domain: 'a.example' } });
        assert.deepEqual(outcome.result.raw, { id: 'abc', companyProfile: { domain: 'a.example' }, extra: 1 }, 'unknown fields kept');
        assert.equal(outcome.result.requestId, 'req-1');
        assert.equal(outcome.result.request, 'GET /v1/customers/abc?size=10');
        assert.ok(outcome.result.receivedAt.getTime() >= before && outcome.result.receivedAt.getTime() <= Date.now());
      }
    });

    it('reads a body with a byte-order mark', () => {
      const outcome = answer(200, '\uFEFF{"id":"abc","companyProfile":{"domain":"a.example"}}');
      assert.ok(outcome.ok);
      assert.equal(outcome.result.value.id, 'abc');
    });

    it('reports a body that is not JSON as an invalid response with its status, not retried', () => {
      const { error, retry } = failed(answer(200, '<html>'));
      assert.equal(error.kind, 'invalidResponse');
      assert.equal(error.status, 200);
      assert.equal(retry, undefined);
      assert.match(error.message, /^Partner Center sent a response that is not valid JSON \(.+\)\. \(Request ID req-1\)$/);
      assert.ok(error.cause instanceof SyntaxError, 'the parse error is kept as the cause');
      assert.equal(error.request, 'GET /v1/customers/abc?size=10');
      assert.equal(error.correlationId, 'corr-1');
    });

    it('names the field that breaks the schema, not retried', () => {
      const { error, retry } = failed(answer(201, '{"id":"abc","companyProfile":{"domain":7}}'));
      assert.equal(error.kind, 'invalidResponse');
      assert.equal(error.status, 201);
      assert.equal(retry, undefined);
      assert.equal(error.fieldPath, 'companyProfile.domain');
      assert.match(error.message, /^Partner Center sent an unexpected response: companyProfile\.domain: .+ \(Request ID req-1\)$/);
    });

    it('names the body itself when the whole body has the wrong shape', () => {
      const { error } = failed(answer(200, '[1, 2]'));
      assert.equal(error.fieldPath, '(body)');
      assert.match(error.message, /unexpected response: \(body\): /);
    });
  });

  describe('an error status', () => {
    it('refuses a redirect (3xx), naming where it pointed, and does not retry it', () => {
      for (const status of [300, 302, 399]) {
        const { error, retry } = failed(answer(status, '', { location: 'https://elsewhere.example/' }));
        assert.equal(error.kind, 'http', String(status));
        assert.equal(error.status, status);
        assert.equal(retry, undefined, `a ${status} is not retried`);
        assert.match(error.message, new RegExp(`^Partner Center answered with a redirect \\(${status}\\) to https://elsewhere\\.example/\\.`));
      }
    });

    it('retries a 429 after its Retry-After, or with no delay given when it sends none', () => {
      const paused = failed(answer(429, '{"statusCode":429,"message":"Rate limit is exceeded."}', { 'retry-after': '7' }));
      assert.equal(paused.retry, 'throttled');
      assert.equal(paused.retryAfterMs, 7000);
      assert.equal(paused.error.kind, 'throttled');
      assert.equal(paused.error.status, 429);
      assert.match(paused.error.message, /^Partner Center kept throttling requests for tenant contoso \(429\): Rate limit is exceeded\./);
      const bare = failed(answer(429, ''));
      assert.equal(bare.retry, 'throttled');
      assert.equal(bare.retryAfterMs, undefined);
    });

    it('reads a 401 again with a new token, retries 408/500/502/503/504, and gives up on other statuses at once', () => {
      const expected: Record<number, Failure['retry']> = {
        400: undefined,
        401: 'reauth',
        403: undefined,
        404: undefined,
        408: 'transient',
        409: undefined,
        500: 'transient',
        501: undefined,
        502: 'transient',
        503: 'transient',
        504: 'transient',
        505: undefined,
      };
      for (const [status, retry] of Object.entries(expected)) {
        const failure = failed(answer(Number(status), ''));
        assert.equal(failure.retry, retry, status);
        assert.equal(failure.error.kind, 'http', status);
        assert.equal(failure.error.status, Number(status));
      }
    });

    it('gives Partner Center’s code and description, and the reason phrase sent', () => {
      const body = JSON.stringify({ code: 600, description: 'Customer abc was not found.' });
      const { error } = failed(answer(404, body, {}, 'Nope'));
      assert.equal(error.code, '600');
      assert.equal(error.description, 'Customer abc was not found.');
      assert.equal(error.message, 'Partner Center answered 404 Nope: Customer abc was not found (code 600). (Request ID req-1)');
      assert.equal(error.request, 'GET /v1/customers/abc?size=10');
    });

    it('words an error body that is not JSON by the status alone', () => {
      const { error } = failed(answer(500, '<html>oops</html>'));
      assert.equal(error.code, undefined);
      assert.equal(error.message, 'Partner Center answered 500 Internal Server Error. (Request ID req-1)');
    });
  });

  describe('a send that threw', () => {
    it('throws a cancellation when the caller aborted, whatever the error was', () => {
      const controller = new AbortController();
      controller.abort();
      for (const timedOut of [undefined, 100]) {
        assert.throws(
          () => sendFailure(fetchFailed('UND_ERR_SOCKET'), context({ signal: controller.signal }), timedOut),
          (error: unknown) => isCancellation(error),
        );
      }
    });

    it('passes on a Partner Center error (the limiter’s cancellation) unchanged', () => {
      const own = new PartnerCenterError({ kind: 'throttled', summary: 'paused' });
      assert.throws(
        () => sendFailure(own, context({ signal: new AbortController().signal }), undefined),
        (error: unknown) => error === own,
      );
    });

    it('reports a timeout with how long it waited, retried', () => {
      const cause = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
      const { error, retry } = sendFailure(cause, context({ signal: new AbortController().signal }), 1500);
      assert.equal(retry, 'transient');
      assert.equal(error.kind, 'timeout');
      assert.equal(error.status, undefined);
      assert.equal(error.message, 'Partner Center did not answer within 1.5 seconds. (Request ID req-1)');
      assert.equal(error.cause, cause);
      assert.equal(error.request, 'GET /v1/customers/abc?size=10');
    });

    it('reports a network failure naming the server and the reason, retried', () => {
      const cause = fetchFailed('UND_ERR_SOCKET');
      const { error, retry } = sendFailure(cause, context(), undefined);
      assert.equal(retry, 'transient');
      assert.equal(error.kind, 'network');
      assert.equal(error.message, 'Could not reach Partner Center at https://api.example: other side closed (UND_ERR_SOCKET) (Request ID req-1)');
      assert.equal(error.cause, cause);
      for (const other of [fetchFailed(undefined), new Error('boom'), 'a thrown string']) {
        assert.equal(sendFailure(other, context(), undefined).retry, 'transient', String(other));
      }
    });

    it('does not retry an answer HTTP cannot parse (headers over the limit): it would come back the same', () => {
      for (const code of ['UND_ERR_HEADERS_OVERFLOW', 'HPE_HEADER_OVERFLOW']) {
        const { error, retry } = sendFailure(fetchFailed(code, 'Headers Overflow Error'), context(), undefined);
        assert.equal(retry, undefined, code);
        assert.equal(error.kind, 'network');
        assert.match(error.message, new RegExp(`^Could not reach Partner Center at https://api\\.example: Headers Overflow Error \\(${code}\\)`));
      }
      const numeric = new TypeError('fetch failed', { cause: { code: 431 } });
      assert.equal(sendFailure(numeric, context(), undefined).retry, 'transient', 'only the string codes');
    });
  });
});
