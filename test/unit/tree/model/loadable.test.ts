import assert from 'node:assert/strict';
import { PartnerCenterError } from '../../../../src/api/errors';
import { Loadable } from '../../../../src/tree/model/loadable';

describe('tree: details loaded once', () => {
  it('fetches once, keeps a failure until reload, and passes "fresh" only for refreshes', async () => {
    const requests: boolean[] = [];
    let fail = true;
    const details = new Loadable(async ({ fresh }) => {
      requests.push(fresh);
      if (fail) throw new PartnerCenterError({ kind: 'http', summary: 'boom', status: 500 });
      return 'value';
    });
    await Promise.all([details.ensure(), details.ensure()]);
    assert.ok(details.error instanceof PartnerCenterError);
    await details.ensure();
    assert.deepEqual(requests, [false], 'the failure is kept: no second request on another look');
    fail = false;
    await details.reload({ fresh: false });
    assert.equal(details.value, 'value');
    assert.equal(details.error, undefined);
    await details.reload({ fresh: true });
    assert.deepEqual(requests, [false, false, true]);
  });

  it('forgets nothing on a cancellation and loads again on the next look', async () => {
    let cancel = true;
    const details = new Loadable(async () => {
      if (cancel) throw PartnerCenterError.cancelled();
      return 42;
    });
    await details.ensure();
    assert.equal(details.settled, false);
    cancel = false;
    await details.ensure();
    assert.equal(details.value, 42);
  });
});
