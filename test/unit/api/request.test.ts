import assert from 'node:assert/strict';
import * as z from 'zod';
import { PartnerCenterError } from '../../../src/api/errors';
import { type GetRequest, requestContext } from '../../../src/api/request';

// Building a request, without sending it: where it may go and which headers it can carry.

const target = { cloud: 'local' as const, apiBase: 'http://127.0.0.1:7071' };
const request = (uri: string, extra: Partial<GetRequest<z.ZodType>> = {}): GetRequest<z.ZodType> => ({
  tenant: 'default',
  target,
  uri,
  schema: z.unknown(),
  correlationId: 'c-1',
  ...extra,
});

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
});
