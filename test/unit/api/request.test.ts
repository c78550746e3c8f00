import assert from 'node:assert/strict';
import * as z from '../../../src/api/zod';
import { PartnerCenterError } from '../../../src/api/errors';
import { type GetRequest, requestContext, requestHeaders } from '../../../src/api/request';

// Building a request, without sending it: where it may go and which headers it can carry.

const target = { cloud: 'local' as const, apiBase: 'http://127.0.0.1:7071' };
const request = (uri: string, extra: Partial<GetRequest<z.ZodMiniType>> = {}): GetRequest<z.ZodMiniType> => ({
  tenant: 'default',
  target,
  uri,
  schema: z.unknown(),
  correlationId: 'c-1',
  ...extra,
});
const client = { clientVersion: '1.0.0', locale: () => 'en-US' };

describe('building a request', () => {
  describe('a request about one customer stays under /v1/customers/<id>', () => {
    it('accepts the customer and its sub-resources', () => {
      const within = '/v1/customers/abc';
      assert.equal(requestContext(request('/v1/customers/abc', { within })).url.pathname, within);
      assert.equal(requestContext(request('/v1/customers/abc/profiles/billing', { within })).url.pathname, `${within}/profiles/billing`);
    });

    it('refuses a path that a URL parser resolves elsewhere', () => {
      for (const uri of ['/v1/customers/..', '/v1/customers/.', '/v1/customers/abc/../../profiles/billing', '/v1/customers/abc/%2E%2E/x', '/v1/customers/abcd']) {
        assert.throws(
          () => requestContext(request(uri, { within: '/v1/customers/abc' })),
          (error: unknown) => error instanceof PartnerCenterError && /is not under \/v1\/customers\/abc/.test(error.message),
          uri,
        );
      }
    });
  });

  describe('a header value that HTTP does not allow', () => {
    const secret = 'Bearer sandbox:bad\r\ntenant';

    it('fails without retry and never shows the value', () => {
      const context = requestContext(request('/v1/customers'));
      assert.throws(
        () => requestHeaders(request('/v1/customers'), context, secret, client),
        (error: unknown) => {
          assert.ok(error instanceof PartnerCenterError, String(error));
          assert.notEqual(error.kind, 'network');
          assert.match(error.message, /Authorization/);
          assert.ok(!error.message.includes('sandbox:bad'), error.message);
          assert.equal(error.cause, undefined, 'the cause (which quotes the value) is not kept');
          return true;
        },
      );
    });

    it('names a paging header that cannot be sent, not its value', () => {
      const paging = request('/v1/customers', { headers: { 'MS-ContinuationToken': 'secret\ncursor' } });
      assert.throws(
        () => requestHeaders(paging, requestContext(paging), 'Bearer ok', client),
        (error: unknown) => error instanceof PartnerCenterError && /MS-ContinuationToken/.test(error.message) && !error.message.includes('secret'),
      );
    });
  });
});
