// A hostile or broken server on loopback (plain node:http, not the sandbox): a page of 10,000 customers, a 50 MB
// body, a body that never ends, headers over 64 KB. Each call ends, in bounded time, with the data or a clear
// error; nothing is read past the body bound, nothing hangs, and no header value shows in a message.
import assert from 'node:assert/strict';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PartnerCenterError } from '../../../src/api/errors';
import { MAX_BODY_BYTES } from '../../../src/api/responseBody';
import { clientFor, settle } from './support';

const customer = (i: number) => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  companyProfile: { tenantId: `10000000-0000-4000-8000-${String(i).padStart(12, '0')}`, domain: `c${i}.onmicrosoft.com`, companyName: `Customer ${i}` },
  relationshipToPartner: 'reseller',
  attributes: { objectType: 'Customer' },
});

describe('a hostile server (loopback node:http)', function () {
  this.timeout(20_000);
  let server: Server;
  let url: string;
  /** Bytes the 50 MB route managed to write before the client stopped reading. */
  let bigWritten = 0;
  /** Requests the headers-over-64-KB route answered. */
  let headerRequests = 0;
  const open = new Set<ServerResponse>();

  before(async () => {
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      open.add(res);
      res.on('close', () => open.delete(res));
      const path = req.url ?? '';
      if (path.startsWith('/v1/customers?')) {
        const items = Array.from({ length: 10_000 }, (_, i) => customer(i));
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ totalCount: items.length, items, links: {}, attributes: { objectType: 'Collection' } }));
      } else if (path.endsWith('/big')) {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        const chunk = Buffer.alloc(1024 * 1024, 0x20);
        const write = () => {
          while (bigWritten < 50 * 1024 * 1024 && !res.destroyed) {
            bigWritten += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', write);
          }
          res.end();
        };
        res.write('{"id":"');
        write();
      } else if (path.endsWith('/endless')) {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.write('{"id":"');
        const timer = setInterval(() => res.write('a'), 20);
        res.on('close', () => clearInterval(timer));
      } else if (path.endsWith('/headers')) {
        headerRequests++;
        res.writeHead(200, { 'Content-Type': 'application/json', 'X-Padding': 'p'.repeat(70 * 1024) });
        res.end(JSON.stringify(customer(1)));
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(async () => {
    for (const res of open) res.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  const client = () => clientFor(url, { timeoutMs: 500, retryBaseMs: 5, settings: { cacheSeconds: 0, pageSize: 500 } });

  async function failure(promise: Promise<unknown>): Promise<{ error: PartnerCenterError; ms: number }> {
    const started = performance.now();
    const outcome = await settle(promise);
    assert.ok(!outcome.ok, 'expected a failure');
    assert.ok(outcome.error instanceof PartnerCenterError, `a PartnerCenterError, got ${String(outcome.error)}`);
    return { error: outcome.error, ms: performance.now() - started };
  }

  it('reads a page of 10,000 customers, each one', async () => {
    const started = performance.now();
    const page = await client().client.listCustomers('default');
    const ms = performance.now() - started;
    assert.equal(page.entries.length, 10_000);
    assert.ok(page.entries.every((entry) => entry.kind === 'customer'));
    console.log(`      10,000 customers on one page read and validated in ${Math.round(ms)} ms`);
  });

  it('refuses a 50 MB body once past the bound, without reading the rest, and does not retry', async () => {
    // A timeout long enough for 16 MiB on a busy machine: the bound, not the clock, must end this one.
    const { client: api, logger } = clientFor(url, { timeoutMs: 15_000, retryBaseMs: 5, settings: { cacheSeconds: 0 } });
    const { error, ms } = await failure(api.getCustomer('default', 'big'));
    assert.match(error.message, /larger than 16 MiB/);
    assert.ok(bigWritten < 50 * 1024 * 1024, `the server wrote all ${bigWritten} bytes: the client read them all`);
    assert.ok(!/retry/i.test(logger.text), 'not retried');
    console.log(`      50 MB body refused after ~${Math.round(bigWritten / 1024 / 1024)} MiB written (bound ${MAX_BODY_BYTES / 1024 / 1024} MiB) in ${Math.round(ms)} ms`);
  });

  it('gives up on a body that never ends: the timeout covers the body, then the bounded retries', async () => {
    const { error, ms } = await failure(client().client.getCustomer('default', 'endless'));
    assert.equal(error.kind, 'timeout');
    assert.match(error.message, /0\.5 s|500 ms|seconds?|s\b/);
    console.log(`      an endless body failed as a timeout in ${Math.round(ms)} ms (4 attempts of 500 ms)`);
  });

  it('fails clearly on headers over 64 KB, never quoting them, and does not ask again for the same answer', async () => {
    headerRequests = 0;
    const { error, ms } = await failure(client().client.getCustomer('default', 'headers'));
    assert.ok(!error.message.includes('pppppppp'), 'the header value is in the message');
    assert.match(error.message, /Partner Center/);
    assert.equal(headerRequests, 1, 'an answer too big to parse was asked for again');
    console.log(`      headers over 64 KB: "${error.message.slice(0, 100)}…" in ${Math.round(ms)} ms`);
  });
});
