import assert from 'node:assert/strict';
import { PartnerCenterError } from '../../../../src/api/errors';
import { CustomerLists } from '../../../../src/tree/model/customerLists';
import { PagedCustomerList } from '../../../../src/tree/model/pagedCustomerList';
import { customer, ids, pageOf } from './pages';

describe('tree: search and full lists', () => {
  const factory = () => {
    const made: { tenantId: string; query: string | undefined; list: PagedCustomerList }[] = [];
    const lists = new CustomerLists((tenantId, query) => {
      const list = new PagedCustomerList([async () => pageOf([customer(`${tenantId}:${query ?? 'all'}`)], { uri: 'x', headers: {} })]);
      made.push({ tenantId, query, list });
      return list;
    });
    return { lists, made };
  };

  it('returns to the same full list, with its pages, when a search is cleared', async () => {
    const { lists } = factory();
    const full = lists.active('default');
    await full.loadNext();
    lists.setSearch('con');
    const results = lists.active('default');
    assert.notEqual(results, full);
    await results.loadNext();
    assert.deepEqual(ids(results), ['default:con']);
    lists.clearSearch();
    assert.equal(lists.active('default'), full);
    assert.equal(full.pagesLoaded, 1);
  });

  it('keeps the results when the same text is searched again, and starts over for another text', async () => {
    const { lists, made } = factory();
    lists.setSearch('con');
    const first = lists.active('default');
    lists.setSearch('con');
    assert.equal(lists.active('default'), first);
    lists.setSearch('fab');
    assert.notEqual(lists.active('default'), first);
    assert.deepEqual(made.map((m) => m.query), ['con', 'fab']);
  });

  it('sums search results over tenants and says when more pages exist', async () => {
    const { lists } = factory();
    assert.equal(lists.searchSummary(['default']), undefined);
    lists.setSearch('con');
    await lists.active('default').loadNext();
    await lists.active('fabrikam').loadNext();
    assert.deepEqual(lists.searchSummary(['default', 'fabrikam']), { text: 'con', count: 2, more: true, failed: false });
  });

  it('says when a tenant\'s search failed, counting what the others found', async () => {
    const lists = new CustomerLists((tenantId) =>
      new PagedCustomerList([
        async () => {
          if (tenantId === 'fabrikam') throw new PartnerCenterError({ kind: 'http', summary: 'down', status: 500 });
          return pageOf([customer(tenantId)]);
        },
      ]),
    );
    lists.setSearch('con');
    await lists.active('default').loadNext();
    await lists.active('fabrikam').loadNext();
    assert.deepEqual(lists.searchSummary(['default', 'fabrikam']), { text: 'con', count: 1, more: false, failed: true });
  });
});
