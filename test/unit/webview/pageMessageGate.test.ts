import assert from 'node:assert/strict';
import { PageMessageGate } from '../../../src/webview/pageMessageGate';

const report = (revision: number) => ({ type: 'rendered', revision, kind: 'data', text: 'Billing', fields: [], canEdit: true });

describe('webview: which page messages the host acts on', () => {
  it('takes the protocol\'s messages, and the report of the latest render', () => {
    const gate = new PageMessageGate();
    for (const message of [{ type: 'ready' }, { type: 'refresh' }, { type: 'copyEmail' }, { type: 'openJson' }, report(3)]) {
      assert.deepEqual(gate.check(message, 3), { accepted: true, message });
    }
  });

  it('ignores messages of the wrong shape and reports of another render, logging only the first', () => {
    const gate = new PageMessageGate();
    const hostile = [
      null,
      'copyEmail',
      { type: 'copyEmail', email: 'attacker@example.com' },
      { type: 'runCommand', command: 'workbench.action.closeWindow' },
      { type: 'rendered', revision: 3, kind: 'data', text: 'forged', fields: [{ label: 'x' }] },
      report(2), // a stale page: the host has rendered 3 since
      report(999), // a page reporting a render that was never sent
      { ...report(3), fields: Array.from({ length: 51 }, () => ({ label: 'a', value: 'b' })) },
    ];
    const decisions = hostile.map((message) => gate.check(message, 3));
    assert.ok(decisions.every((d) => !d.accepted), 'a hostile message was accepted');
    const logged = decisions.filter((d) => !d.accepted && d.log);
    assert.equal(logged.length, 1, 'logged once');
    assert.match((logged[0] as { log: string }).log, /does not follow the protocol/);
    assert.deepEqual(gate.check({ type: 'refresh' }, 3).accepted, true, 'a valid message still goes through');
  });

  it('names a stale report when it is the first thing ignored', () => {
    const decision = new PageMessageGate().check(report(1), 4);
    assert.ok(!decision.accepted);
    assert.match(decision.log ?? '', /render 1 while the latest is 4/);
  });
});
