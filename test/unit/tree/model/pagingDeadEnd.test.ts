// A page that failed as a paging dead end (a loop, an exhausted continuation token) cannot be cured by asking for
// the same cursor again: Retry walks the list again from the first page.
import assert from 'node:assert/strict';
import { PartnerCenterError } from '../../../../src/api/errors';
import type { CustomerPage, PageCursor } from '../../../../src/api/types';
import { type PageFetcher, PagedCustomerList } from '../../../../src/tree/model/pagedCustomerList';
import { customer, ids, pageOf } from './pages';

const exhausted = () => new PartnerCenterError({ kind: 'http', status: 400, code: '2000', summary: 'Continuation token is invalid or has expired.' });

/** Two pages; the second fails with `failure` while `failing` says so. Records the cursors asked for. */
function source(failure: () => PartnerCenterError) {
  const asked: (string | undefined)[] = [];
  const state = { failing: true };
  const fetcher: PageFetcher = (cursor: PageCursor | undefined): Promise<CustomerPage> => {
    asked.push(cursor?.uri);
    if (!cursor) return Promise.resolve(pageOf(['a', 'b'].map(customer), { uri: 'page-2', headers: { 'MS-ContinuationToken': 't1' } }));
    if (state.failing) return Promise.reject(failure());
    return Promise.resolve(pageOf(['c'].map(customer)));
  };
  return { fetcher, asked, state };
}

describe('tree: a paging dead end', () => {
  it('an exhausted continuation token: Retry reloads from the first page, then Load more goes on', async () => {
    const pages = source(exhausted);
    const list = new PagedCustomerList([pages.fetcher]);
    await list.loadNext();
    const failed = await list.loadNext();
    assert.ok(failed.error instanceof PartnerCenterError);
    pages.state.failing = false;
    await list.loadNext(); // Retry
    assert.deepEqual(pages.asked, [undefined, 'page-2', undefined], 'Retry asked for the first page again, not the dead cursor');
    assert.equal(list.error, undefined);
    await list.loadNext();
    assert.deepEqual(ids(list), ['a', 'b', 'c']);
  });

  it('a paging loop: Retry reloads too', async () => {
    const loop = () => new PartnerCenterError({ kind: 'invalidResponse', summary: 'same page link twice', fieldPath: 'links.next' });
    const pages = source(loop);
    const list = new PagedCustomerList([pages.fetcher]);
    await list.loadNext();
    await list.loadNext();
    await list.loadNext();
    assert.equal(pages.asked.at(-1), undefined, 'the retry started from the first page');
  });

  it('any other failure: Retry asks for the failed page again', async () => {
    const pages = source(() => new PartnerCenterError({ kind: 'http', status: 500, summary: 'boom' }));
    const list = new PagedCustomerList([pages.fetcher]);
    await list.loadNext();
    await list.loadNext();
    pages.state.failing = false;
    await list.loadNext();
    assert.deepEqual(pages.asked, [undefined, 'page-2', 'page-2']);
  });
});
