// The one error type of the api layer: what its message says, and what counts as a cancellation (not shown as
// a failure).
import assert from 'node:assert/strict';
import { PartnerCenterError, errorMessage, isCancellation } from '../../../src/api/errors';

describe('Partner Center errors', () => {
  it('shows the summary alone, or followed by the request id when there is one', () => {
    assert.equal(new PartnerCenterError({ kind: 'http', summary: 'Not found.' }).message, 'Not found.');
    assert.equal(new PartnerCenterError({ kind: 'http', summary: 'Not found.', requestId: 'r-1' }).message, 'Not found. (Request ID r-1)');
  });

  it('says that a cancelled request was cancelled', () => {
    const cancelled = PartnerCenterError.cancelled();
    assert.equal(cancelled.message, 'The request was cancelled.');
    assert.ok(isCancellation(cancelled));
  });

  it("counts fetch's AbortError as a cancellation, and no other error", () => {
    const controller = new AbortController();
    controller.abort();
    assert.ok(isCancellation(controller.signal.reason), String(controller.signal.reason));
    assert.ok(!isCancellation(new Error('The operation was aborted')));
    assert.ok(!isCancellation(new PartnerCenterError({ kind: 'timeout', summary: 'x' })));
    assert.equal(errorMessage('a string'), 'a string');
  });
});
