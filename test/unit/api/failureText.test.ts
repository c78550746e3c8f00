import assert from 'node:assert/strict';
import { type FailureFacts, type StatusAnswer, failureText, formatDuration, formatSeconds } from '../../../src/api/failureText';

// Every failure sentence, from the facts alone: what the user reads for each way a request fails.

const answer = (status: number, more: Partial<StatusAnswer> = {}): FailureFacts => ({
  kind: 'status',
  answer: { tenant: 'contoso', status, statusText: '', location: null, body: {}, ...more },
});

/** undici's way of reporting a reset: "fetch failed", with the reason in `cause`. */
const reset = new TypeError('fetch failed', { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) });

const CASES: readonly (readonly [string, FailureFacts, string])[] = [
  ['no token', { kind: 'token', tenant: 'contoso', error: new Error('not signed in') }, 'Could not get a Partner Center token for tenant contoso: not signed in'],
  ['no token, a thrown string', { kind: 'token', tenant: 'contoso', error: 'nope' }, 'Could not get a Partner Center token for tenant contoso: nope'],
  ['a paging header that cannot be sent', { kind: 'pagingHeader', header: 'MS-ContinuationToken' }, 'Partner Center gave a paging header that cannot be sent: "MS-ContinuationToken"'],
  ['a header of its own that cannot be sent', { kind: 'header', header: 'Authorization' }, 'The request header "Authorization" cannot be sent: its value contains characters HTTP does not allow (such as a line break). Nothing was sent.'],
  ['a body that is not JSON', { kind: 'notJson', error: new SyntaxError('Unexpected token <') }, 'Partner Center sent a response that is not valid JSON (Unexpected token <).'],
  ['a body that does not match', { kind: 'unexpectedBody', problem: 'items: expected array' }, 'Partner Center sent an unexpected response: items: expected array'],
  ['a redirect', answer(302, { location: 'https://elsewhere.example/' }), 'Partner Center answered with a redirect (302) to https://elsewhere.example/. Redirects are not followed, so the token never leaves Partner Center.'],
  ['a redirect without Location', answer(307), 'Partner Center answered with a redirect (307) to ?. Redirects are not followed, so the token never leaves Partner Center.'],
  ['throttled past the retries', answer(429, { body: { message: ' Rate limit is exceeded ' } }), 'Partner Center kept throttling requests for tenant contoso (429): Rate limit is exceeded. Wait a minute and try again.'],
  ['throttled, no body', answer(429), 'Partner Center kept throttling requests for tenant contoso (429). Wait a minute and try again.'],
  ['401', answer(401), 'Partner Center did not accept the sign-in (401 Unauthorized). Sign in again.'],
  ['403 with a fault', answer(403, { body: { message: 'Denied.', code: '2001' } }), 'Partner Center denied access (403 Forbidden): Denied (code 2001). Check that your account may use tenant contoso and that the app registration has the Partner Center API permission (user_impersonation).'],
  ['404 with the description and code', answer(404, { body: { message: 'Customer x was not found...', code: '600' } }), 'Partner Center answered 404 Not Found: Customer x was not found (code 600).'],
  ['503 with the reason phrase sent', answer(503, { statusText: 'Busy' }), 'Partner Center answered 503 Busy.'],
  ['an unknown status', answer(599), 'Partner Center answered 599 .'],
  ['a timeout', { kind: 'timeout', timeoutMs: 30_000 }, 'Partner Center did not answer within 30 seconds.'],
  ['a short timeout', { kind: 'timeout', timeoutMs: 1_250 }, 'Partner Center did not answer within 1.3 seconds.'],
  ['a reset', { kind: 'network', origin: 'https://api.example', error: reset }, 'Could not reach Partner Center at https://api.example: other side closed (UND_ERR_SOCKET)'],
  ['a refused connection, code in the message', { kind: 'network', origin: 'http://127.0.0.1:9', error: new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }) }) }, 'Could not reach Partner Center at http://127.0.0.1:9: connect ECONNREFUSED 127.0.0.1:9'],
  ['a network error without a cause', { kind: 'network', origin: 'https://api.example', error: new Error('boom') }, 'Could not reach Partner Center at https://api.example: boom'],
  ['a long pause', { kind: 'paused', tenant: 'contoso', waitMs: 600_000 }, 'Partner Center asked to pause the requests for tenant contoso for 10 minutes (429). Nothing is sent to this tenant until then; try again afterwards.'],
  ['a paging header whose name is long: cut, the value never told', { kind: 'pagingHeader', header: 'X'.repeat(200) }, `Partner Center gave a paging header that cannot be sent: "${'X'.repeat(78)}…`],
  ['a paging header name of 78 characters: shown whole', { kind: 'pagingHeader', header: 'Y'.repeat(78) }, `Partner Center gave a paging header that cannot be sent: "${'Y'.repeat(78)}"`],
  ['a 401 with Partner Center’s words and code', answer(401, { statusText: 'Nope', body: { message: ' Token expired. ', code: '900' } }), 'Partner Center did not accept the sign-in (401 Nope): Token expired (code 900). Sign in again.'],
  ['a 403 with no body', answer(403), 'Partner Center denied access (403 Forbidden). Check that your account may use tenant contoso and that the app registration has the Partner Center API permission (user_impersonation).'],
  ['a 400 with a code and no description', answer(400, { body: { code: '2000' } }), 'Partner Center answered 400 Bad Request (code 2000).'],
  ['a 404 whose description ends in spaces and periods', answer(404, { body: { message: 'Gone . .' } }), 'Partner Center answered 404 Not Found: Gone . .'],
  ['a timeout of a fraction of a second', { kind: 'timeout', timeoutMs: 200 }, 'Partner Center did not answer within 0.2 seconds.'],
  ['a network error whose cause has a code but no message', { kind: 'network', origin: 'https://api.example', error: new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } }) }, 'Could not reach Partner Center at https://api.example: fetch failed (ECONNRESET)'],
  ['a network error whose cause has a numeric code', { kind: 'network', origin: 'https://api.example', error: new TypeError('fetch failed', { cause: { code: 7, message: 'socket hang up' } }) }, 'Could not reach Partner Center at https://api.example: socket hang up'],
  ['a thrown string as a network error', { kind: 'network', origin: 'https://api.example', error: 'offline' }, 'Could not reach Partner Center at https://api.example: offline'],
  ['a pause of just over a minute: rounded up', { kind: 'paused', tenant: 'contoso', waitMs: 60_001 }, 'Partner Center asked to pause the requests for tenant contoso for 2 minutes (429). Nothing is sent to this tenant until then; try again afterwards.'],
  ['a long pause, in Partner Center’s words', { kind: 'paused', tenant: 'contoso', waitMs: 121_000, description: 'Try again in 121 seconds.' }, 'Partner Center asked to pause the requests for tenant contoso for 3 minutes (429): Try again in 121 seconds. Nothing is sent to this tenant until then; try again afterwards.'],
];

describe('failure texts', () => {
  for (const [name, facts, expected] of CASES) {
    it(name, () => assert.equal(failureText(facts), expected));
  }

  it('writes times for the messages and the log', () => {
    assert.deepEqual([formatSeconds(30_000), formatSeconds(1_500), formatSeconds(40)], ['30', '1.5', '0']);
    assert.deepEqual([formatDuration(249.6), formatDuration(1_000), formatDuration(61_250)], ['250 ms', '1 s', '61.3 s']);
    assert.deepEqual([formatDuration(999.4), formatSeconds(10_000), formatSeconds(100)], ['999 ms', '10', '0.1']);
  });
});
