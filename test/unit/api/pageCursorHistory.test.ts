import assert from 'node:assert/strict';
import { PartnerCenterError } from '../../../src/api/errors';
import { PageCursorHistory, isPagingDeadEnd } from '../../../src/api/pageCursorHistory';

describe('page cursor history (paging loops)', () => {
  const uri = '/v1/customers?size=100&seekOperation=Next';

  it('lets every new link or continuation token through', () => {
    const history = new PageCursorHistory();
    history.follow({ uri: '/v1/customers?page=2', headers: {} });
    history.follow({ uri: '/v1/customers?page=3', headers: {} });
    history.follow({ uri, headers: { 'MS-ContinuationToken': 'a' } });
    history.follow({ uri, headers: { 'MS-ContinuationToken': 'b' } });
    history.follow({ uri, headers: {} });
  });

  it('refuses a link followed before, naming it', () => {
    const history = new PageCursorHistory();
    history.follow({ uri: '/v1/customers?page=2', headers: {} });
    assert.throws(
      () => history.follow({ uri: '/v1/customers?page=2', headers: {} }),
      (error: unknown) =>
        error instanceof PartnerCenterError &&
        error.kind === 'invalidResponse' &&
        error.message.startsWith('Partner Center sent the same page link twice (/v1/customers?page=2)') &&
        error.request === 'GET /v1/customers?page=2',
    );
  });

  it('refuses a repeated continuation token on the same link, whatever the header name case, and other headers aside', () => {
    const history = new PageCursorHistory();
    history.follow({ uri, headers: { 'MS-ContinuationToken': 'a', 'MS-Other': '1' } });
    assert.throws(
      () => history.follow({ uri, headers: { 'ms-continuationtoken': 'a', 'MS-Other': '2' } }),
      /same page link twice \(\/v1\/customers\?size=100&seekOperation=Next, with the same continuation token\)/,
    );
    assert.doesNotThrow(() => history.follow({ uri: '/v1/customers?other', headers: { 'MS-ContinuationToken': 'a' } }));
  });

  it('records nothing when it refuses, and each history is its own walk', () => {
    const history = new PageCursorHistory();
    const cursor = { uri: '/v1/customers?page=2', headers: {} };
    history.follow(cursor);
    assert.throws(() => history.follow(cursor));
    assert.throws(() => history.follow(cursor));
    assert.doesNotThrow(() => new PageCursorHistory().follow(cursor));
  });
});

describe('a paging dead end (the walk must start again)', () => {
  it('is a repeated link, or a continuation token refused with 400 code 2000, and nothing else', () => {
    const history = new PageCursorHistory();
    const cursor = { uri: '/v1/customers?page=2', headers: {} };
    history.follow(cursor);
    let repeated: unknown;
    try {
      history.follow(cursor);
    } catch (error) {
      repeated = error;
    }
    assert.equal(isPagingDeadEnd(repeated), true);
    const refused = (status: number, code: string) => new PartnerCenterError({ kind: 'http', status, code, summary: 'x' });
    assert.equal(isPagingDeadEnd(refused(400, '2000')), true);
    assert.equal(isPagingDeadEnd(refused(400, '2055')), false);
    assert.equal(isPagingDeadEnd(refused(500, '2000')), false);
    assert.equal(isPagingDeadEnd(new Error('links.next')), false);
  });

  it('finds the continuation token among other headers, wherever it is', () => {
    const history = new PageCursorHistory();
    const uri = '/v1/customers?size=100&seekOperation=Next';
    history.follow({ uri, headers: { 'MS-Other': '1', 'MS-ContinuationToken': 'a' } });
    assert.doesNotThrow(() => history.follow({ uri, headers: { 'MS-Other': '1', 'MS-ContinuationToken': 'b' } }));
  });
});
