import assert from 'node:assert/strict';
import { PartnerCenterError } from '../../../src/api/errors';
import type { Customer } from '../../../src/api/schemas';
import type { CustomerPage, PageCursor, PartnerCenterApi } from '../../../src/api/types';
import { exportCustomers } from '../../../src/export/customerExport';
import { clientFor, useSandbox } from '../api/support';

// Issue 10, defect 1: a server whose `links.next` names a page already read must not hang the export (nor the
// extension host it runs in): the repeat is an error naming the link, and a long listing yields to the event loop.

/** Beyond this many pages a fake gives up, so that a test of the old, endlessly paging code fails instead of hanging. */
const PAGE_LIMIT = 20_000;

const customer = (n: number): Customer => ({ id: `id-${n}`, companyProfile: { companyName: `Company ${n}` } });

/** A fake list whose `next` comes from `nextOf(call number)`; every answer is an already-resolved promise, as a cache hit is. */
function pagingClient(nextOf: (call: number) => PageCursor | undefined) {
  const state = { calls: 0 };
  const client: Pick<PartnerCenterApi, 'listCustomers' | 'estimatedWaitMs'> = {
    listCustomers: (_tenant, _cursor, options): Promise<CustomerPage> => {
      state.calls++;
      if (options?.signal?.aborted) return Promise.reject(PartnerCenterError.cancelled());
      if (state.calls > PAGE_LIMIT) return Promise.reject(new Error(`still paging after ${PAGE_LIMIT} pages`));
      const items = [customer(state.calls)];
      const next = nextOf(state.calls);
      return Promise.resolve({ customers: items, entries: items.map((c) => ({ kind: 'customer', customer: c })), ...(next ? { next } : {}) });
    },
    estimatedWaitMs: () => 0,
  };
  return { client: client as PartnerCenterApi, state };
}

const exportOf = (client: PartnerCenterApi, signal = new AbortController().signal, onProgress?: () => void) =>
  exportCustomers(client, { tenantId: 'default', includeBilling: false, correlationId: 'corr', signal, onProgress });

const isRepeat = (fragment: string) => (error: unknown) =>
  error instanceof PartnerCenterError && /same page link twice/.test(error.message) && error.message.includes(fragment);

describe('customer export: a paging loop', () => {
  it('fails with an error naming the link when the server sends a page link it sent before', async () => {
    // Page 1 → A, page 2 → B, page 3 → A again.
    const links = ['/v1/customers?page=A', '/v1/customers?page=B', '/v1/customers?page=A'];
    const { client, state } = pagingClient((call) => ({ uri: links[(call - 1) % 2]!, headers: {} }));
    await assert.rejects(exportOf(client), isRepeat('/v1/customers?page=A'));
    assert.equal(state.calls, 3, 'the repeated link is not requested');
  });

  it('tells a repeated continuation token from a new one on the same link (the real API keeps the link)', async () => {
    const uri = '/v1/customers?size=100&seekOperation=Next';
    const tokens = ['t1', 't2', 't3'];
    const distinct = pagingClient((call) => (call <= tokens.length ? { uri, headers: { 'MS-ContinuationToken': tokens[call - 1]! } } : undefined));
    assert.equal((await exportOf(distinct.client)).rows, 4);
    const repeated = pagingClient((call) => ({ uri, headers: { 'MS-ContinuationToken': call === 1 ? 't1' : 't2' } }));
    await assert.rejects(exportOf(repeated.client), isRepeat(uri));
    assert.equal(repeated.state.calls, 3);
  });

  it('honours an abort fired by a timer while it pages through pages that resolve at once', async () => {
    // Every page new (no loop to detect): only yielding between pages lets the timer run.
    const { client, state } = pagingClient((call) => ({ uri: `/v1/customers?page=${call}`, headers: {} }));
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 20);
    let progress = 0;
    try {
      await assert.rejects(exportOf(client, controller.signal, () => progress++), (error: unknown) => {
        assert.ok(error instanceof PartnerCenterError, String(error));
        assert.equal(error.kind, 'cancelled', error.message);
        return true;
      });
    } finally {
      clearTimeout(timer);
    }
    assert.ok(state.calls < PAGE_LIMIT && progress < PAGE_LIMIT, `${state.calls} pages read before the abort`);
  });
});

describe('customer export: a paging loop served by the sandbox', function () {
  this.timeout(15_000);
  const sandbox = useSandbox();

  it('stops at the repeated link instead of paging on (cacheSeconds 0)', async () => {
    const headers = { Authorization: 'Bearer sandbox:default' };
    const first = (await (await fetch(`${sandbox.url}/v1/customers?size=100`, { headers })).json()) as { links: { next: { uri: string } } };
    // Every "next" request answers the first page again, whose links.next (link and token) is the one just followed.
    // Bounded, so that code without the check pages to the real end and the test fails rather than never ending.
    await sandbox.admin.fault({ pathRegex: 'seekOperation=Next', status: 200, body: first, times: 50 });
    const { client } = clientFor(sandbox.url, { settings: { pageSize: 100, cacheSeconds: 0 } });
    await assert.rejects(exportOf(client), isRepeat(first.links.next.uri));
    const nextRequests = await sandbox.admin.requests((request) => request.path.includes('seekOperation=Next'));
    assert.equal(nextRequests.length, 1, 'the repeated link is not requested again');
  });
});
