import assert from 'node:assert/strict';
import { PartnerCenterError } from '../../../../src/api/errors';
import { customerPage } from '../../../../src/api/customerPage';
import { customerCollectionSchema } from '../../../../src/api/schemas';
import type { CustomerPage, PageCursor, RequestOptions } from '../../../../src/api/types';
import { CustomerLists } from '../../../../src/tree/model/customerLists';
import { type PageFetcher, PagedCustomerList } from '../../../../src/tree/model/pagedCustomerList';
import { customer, ids, pageOf } from './pages';

/**
 * A fake paged collection: `pages[i]` holds the ids of page i; the cursor names the next page. Records the
 * cursors it was asked for, and fails the calls listed in `failures` (by call number, from 1).
 */
function pagedSource(pages: string[][], failures = new Set<number>()) {
  const calls: (string | undefined)[] = [];
  const fetcher: PageFetcher = async (cursor: PageCursor | undefined, _options: RequestOptions): Promise<CustomerPage> => {
    calls.push(cursor?.uri);
    await Promise.resolve();
    if (failures.has(calls.length)) {
      throw new PartnerCenterError({ kind: 'http', summary: `call ${calls.length} failed`, status: 500 });
    }
    const index = cursor ? Number(cursor.uri) : 0;
    const next = index + 1 < pages.length ? { uri: String(index + 1), headers: {} } : undefined;
    return pageOf(pages[index]!.map(customer), next);
  };
  return { fetcher, calls };
}

describe('tree: paged customer list', () => {
  it('loads page after page, says when more exist, and never adds a customer twice', async () => {
    const source = pagedSource([['a', 'b'], ['b', 'c'], ['d']]);
    const list = new PagedCustomerList([source.fetcher]);
    assert.equal(list.needsLoad, true);
    assert.deepEqual((await list.loadNext()).added.map((c) => c.id), ['a', 'b']);
    assert.equal(list.hasMore, true);
    assert.deepEqual((await list.loadNext()).added.map((c) => c.id), ['c']);
    await list.loadNext();
    assert.deepEqual(ids(list), ['a', 'b', 'c', 'd']);
    assert.equal(list.hasMore, false);
    assert.equal(list.pagesLoaded, 3);
    assert.deepEqual(source.calls, [undefined, '1', '2']);
  });

  it('shares one load between concurrent callers (a double click loads one page)', async () => {
    const source = pagedSource([['a'], ['b'], ['c']]);
    const list = new PagedCustomerList([source.fetcher]);
    await list.loadNext();
    const [first, second] = await Promise.all([list.loadNext(), list.loadNext()]);
    assert.equal(first, second);
    assert.deepEqual(ids(list), ['a', 'b']);
    assert.equal(source.calls.length, 2);
  });

  it('keeps a failure without re-fetching, then retries exactly the failed page', async () => {
    const source = pagedSource([['a'], ['b'], ['c']], new Set([2]));
    const list = new PagedCustomerList([source.fetcher]);
    await list.loadNext();
    const failed = await list.loadNext();
    assert.ok(failed.error instanceof PartnerCenterError);
    assert.equal(list.error, failed.error);
    assert.equal(list.needsLoad, false, 'looking at a failed list does not load it again');
    assert.deepEqual(ids(list), ['a'], 'what loaded before the failure stays');
    await list.loadNext();
    assert.equal(list.error, undefined);
    assert.deepEqual(ids(list), ['a', 'b']);
    assert.deepEqual(source.calls, [undefined, '1', '1'], 'the retry asked for the same page');
  });

  it('merges two sources by id in source order and pages each on its own', async () => {
    const byName = pagedSource([['n1', 'both'], ['n2']]);
    const byDomain = pagedSource([['both', 'd1']]);
    const list = new PagedCustomerList([byName.fetcher, byDomain.fetcher]);
    await list.loadNext();
    assert.deepEqual(ids(list), ['n1', 'both', 'd1']);
    assert.equal(list.hasMore, true);
    await list.loadNext();
    assert.deepEqual(ids(list), ['n1', 'both', 'd1', 'n2']);
    assert.equal(list.hasMore, false);
    assert.equal(byDomain.calls.length, 1, 'a source without a next page is not asked again');
  });

  it('retries only the source that failed when one of two fails', async () => {
    const byName = pagedSource([['n1'], ['n2']]);
    const byDomain = pagedSource([['d1']], new Set([1]));
    const list = new PagedCustomerList([byName.fetcher, byDomain.fetcher]);
    const outcome = await list.loadNext();
    assert.ok(outcome.error);
    assert.deepEqual(ids(list), ['n1']);
    await list.loadNext();
    assert.equal(list.error, undefined);
    assert.deepEqual(ids(list), ['n1', 'd1']);
    assert.deepEqual(byName.calls, [undefined], 'the name source did not move on while the domain source was retried');
  });

  it('records no failure for a cancelled load: the next look loads again', async () => {
    let cancel = true;
    const list = new PagedCustomerList([
      async () => {
        if (cancel) throw PartnerCenterError.cancelled();
        return pageOf([customer('a')]);
      },
    ]);
    const outcome = await list.loadNext();
    assert.equal(outcome.cancelled, true);
    assert.equal(list.error, undefined);
    assert.equal(list.needsLoad, true);
    cancel = false;
    await list.loadNext();
    assert.deepEqual(ids(list), ['a']);
  });

  it('fails with an error naming the link when a page links to one already read (Load more would loop)', async () => {
    // Page 0 → 1, page 1 → 2, page 2 → 1 again: each Load more would add nothing, forever.
    let calls = 0;
    const list = new PagedCustomerList([
      async (cursor) => {
        calls++;
        const index = cursor ? Number(cursor.uri.slice(-1)) : 0;
        return pageOf([customer(`c${index}`)], { uri: `/v1/customers?page=${index === 2 ? 1 : index + 1}`, headers: {} });
      },
    ]);
    // What a consumer that loads everything does; bounded so that code without the check fails rather than hangs.
    for (let round = 0; round < 50 && list.hasMore && list.error === undefined; round++) await list.loadNext();
    assert.ok(list.error instanceof PartnerCenterError, `no error after ${calls} pages`);
    assert.match(list.error.message, /same page link twice/);
    assert.match(list.error.message, /\/v1\/customers\?page=1/);
    assert.deepEqual(ids(list), ['c0', 'c1'], 'the pages read before stay; the looping one adds nothing');
    assert.equal(calls, 3);
    await list.loadNext(); // Retry: the walk starts again from the first page (pagingDeadEnd.test.ts)
    assert.deepEqual(ids(list), ['c0', 'c1']);
    await list.loadNext();
    assert.ok(list.error instanceof PartnerCenterError, 'Load more meets the same loop again');
  });

  it('tells a repeated continuation token from a new one on the same link', async () => {
    const uri = '/v1/customers?size=2&seekOperation=Next';
    const tokenAfter = ['t1', 't2', 't1'];
    let calls = 0;
    const list = new PagedCustomerList([
      async () => {
        calls++;
        return pageOf([customer(`c${calls}`)], { uri, headers: { 'MS-ContinuationToken': tokenAfter[calls - 1]! } });
      },
    ]);
    await list.loadNext();
    await list.loadNext();
    assert.equal(list.error, undefined, 't2 is a new page');
    const { error } = await list.loadNext();
    assert.ok(error instanceof PartnerCenterError);
    assert.match(error.message, /same page link twice/);
  });

  it('yields to the event loop between the pages of a reload', async () => {
    const source = pagedSource(Array.from({ length: 30 }, (_, i) => [`c${i}`]));
    const list = new PagedCustomerList([source.fetcher]);
    for (let i = 0; i < 30; i++) await list.loadNext();
    // Counts event-loop turns while the reload runs: fetches answered at once must not starve timers and I/O.
    let turns = 0;
    let counting = true;
    const turn = () => {
      turns++;
      if (counting) setImmediate(turn);
    };
    setImmediate(turn);
    await list.reload();
    counting = false;
    assert.ok(turns >= 10, `${turns} event-loop turns during a 30-page reload`);
    assert.equal(list.pagesLoaded, 30);
  });

  it('reloads as many pages as were loaded and swaps them in only when done', async () => {
    let version = 1;
    let release: () => void = () => undefined;
    let gate: Promise<void> = Promise.resolve();
    const fetcher: PageFetcher = async (cursor) => {
      await gate;
      const index = cursor ? Number(cursor.uri) : 0;
      return pageOf([customer(`v${version}-p${index}`)], index < 3 ? { uri: String(index + 1), headers: {} } : undefined);
    };
    const list = new PagedCustomerList([fetcher]);
    await list.loadNext();
    await list.loadNext();
    assert.deepEqual(ids(list), ['v1-p0', 'v1-p1']);
    version = 2;
    gate = new Promise((resolve) => (release = resolve));
    const reloading = list.reload();
    assert.deepEqual(ids(list), ['v1-p0', 'v1-p1'], 'the old pages stay visible while reloading');
    release();
    await reloading;
    assert.deepEqual(ids(list), ['v2-p0', 'v2-p1'], 'same number of pages, fresh data');
    assert.equal(list.hasMore, true);
  });

  it('drops the result of a load that a reload overtook', async () => {
    let release: () => void = () => undefined;
    const slow = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    const list = new PagedCustomerList([
      async () => {
        calls++;
        if (calls === 1) await slow;
        return pageOf([customer(`call${calls}`)]);
      },
    ]);
    const first = list.loadNext();
    const reload = list.reload();
    release();
    assert.equal((await first).superseded, true);
    await reload;
    assert.deepEqual(ids(list), ['call2']);
  });

  it('reloads a stale list the next time it is loaded', async () => {
    const source = pagedSource([['a'], ['b']]);
    const list = new PagedCustomerList([source.fetcher]);
    await list.loadNext();
    await list.loadNext();
    list.markStale();
    assert.equal(list.needsLoad, true);
    await list.loadNext();
    assert.deepEqual(ids(list), ['a', 'b']);
    assert.deepEqual(source.calls, [undefined, '1', undefined, '1'], 'the two pages again, not a third');
  });
});

describe('tree: a list with customers that cannot be read', () => {
  /** A source whose pages are raw list items, read by the client's own schema and page builder. */
  function rawSource(pages: unknown[][]): PageFetcher {
    return async (cursor) => {
      const index = cursor ? Number(cursor.uri) : 0;
      const next = index + 1 < pages.length ? { uri: String(index + 1), headers: {} } : undefined;
      const request = { requestId: `req-${index}`, correlationId: 'corr', label: 'GET /v1/customers' };
      return customerPage(customerCollectionSchema.parse({ items: pages[index] }), request, next);
    };
  }
  const shown = (list: PagedCustomerList) =>
    list.entries.map((e) => (e.kind === 'customer' ? e.customer.id : `error ${e.key}: ${e.invalid.error.message}`));

  it('shows each invalid item as an error in its place among its siblings, and pages on', async () => {
    const list = new PagedCustomerList([
      rawSource([
        [customer('a'), { id: 'b', companyProfile: 42 }, customer('c')],
        [{ companyProfile: {} }, customer('d')],
      ]),
    ]);
    const first = await list.loadNext();
    assert.equal(first.error, undefined, 'the page did not fail');
    assert.deepEqual(first.added.map((c) => c.id), ['a', 'c']);
    assert.deepEqual(ids(list), ['a', 'c']);
    const rows = shown(list);
    assert.equal(rows[0], 'a');
    assert.match(rows[1]!, /^error id:b: Partner Center sent customer b .*items\[1\]\.companyProfile: .*\(Request ID req-0\)$/);
    assert.equal(rows[2], 'c');
    assert.equal(list.hasMore, true);
    assert.equal(list.invalidCount, 1);
    await list.loadNext();
    assert.equal(list.entries.length, 5, 'every row is counted: 3 + 2');
    assert.equal(list.invalidCount, 2);
    assert.match(shown(list)[3]!, /^error #1: .*items\[0\]\.id: /);
    assert.equal(shown(list)[4], 'd');
    assert.equal(list.hasMore, false);
    assert.equal(list.find('b'), undefined, 'an unreadable customer is not a customer of the list');
  });

  it('keeps the same rows (and keys) after a reload, and lists a broken item that two sources both match once', async () => {
    const broken = { id: 'x', companyProfile: 'not an object' };
    const list = new PagedCustomerList([rawSource([[customer('n1'), broken]]), rawSource([[broken, { id: '' }, customer('d1')]])]);
    await list.loadNext();
    const keys = list.entries.map((e) => (e.kind === 'customer' ? e.customer.id : e.key));
    assert.deepEqual(keys, ['n1', 'id:x', '#1', 'd1']);
    await list.reload();
    assert.deepEqual(list.entries.map((e) => (e.kind === 'customer' ? e.customer.id : e.key)), keys);
  });

  it('counts unreadable matches in the search summary', async () => {
    const lists = new CustomerLists(() => new PagedCustomerList([rawSource([[customer('a'), { id: 42 }]])]));
    lists.setSearch('a');
    await lists.active('default').loadNext();
    assert.deepEqual(lists.searchSummary(['default']), { text: 'a', count: 2, more: false, failed: false });
  });
});
