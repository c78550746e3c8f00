// What Refresh what changed does to a loaded list: a changed customer in its place, a new one at the top.
import assert from 'node:assert/strict';
import type { PageCursor } from '../../../../src/api/types';
import { PagedCustomerList } from '../../../../src/tree/model/pagedCustomerList';
import { customer, ids, pageOf } from './pages';

function twoPages(): PagedCustomerList {
  return new PagedCustomerList([
    async (cursor: PageCursor | undefined) => (cursor ? pageOf(['c'].map(customer)) : pageOf(['a', 'b'].map(customer), { uri: '1', headers: {} })),
  ]);
}

describe('tree: a loaded list updated from the activity log', () => {
  it('replaces a changed customer in its place (any case of its id) and keeps the order', async () => {
    const list = twoPages();
    await list.loadNext();
    const renamed = { id: 'B', companyProfile: { companyName: 'Renamed' } };
    assert.equal(list.upsert(renamed, false), true);
    assert.deepEqual(ids(list), ['a', 'B']);
    assert.equal(list.entries[1]?.kind === 'customer' && list.entries[1].customer.companyProfile?.companyName, 'Renamed');
  });

  it('puts a new customer first only when asked, and never twice', async () => {
    const list = twoPages();
    await list.loadNext();
    assert.equal(list.upsert(customer('z'), false), false, 'a customer not loaded is not added by a mere change');
    assert.equal(list.upsert(customer('n'), true), true);
    assert.equal(list.upsert(customer('n'), true), true);
    assert.deepEqual(ids(list), ['n', 'a', 'b']);
    await list.loadNext();
    assert.deepEqual(ids(list), ['n', 'a', 'b', 'c']);
  });

  it('knows when its pages started loading, and only once loaded', async () => {
    const list = twoPages();
    assert.equal(list.loadedSince, undefined);
    const before = Date.now();
    await list.loadNext();
    await list.loadNext();
    const since = list.loadedSince!.getTime();
    assert.ok(since >= before && since <= Date.now());
    await list.reload();
    assert.ok(list.loadedSince!.getTime() >= since, 'a reload is a new full load');
  });
});
