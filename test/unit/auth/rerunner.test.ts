import assert from 'node:assert/strict';
import { Rerunner } from '../../../src/auth/rerunner';

/** A task whose runs the test finishes by hand, recording what each run saw when it started. */
function controlledTask() {
  let source = 0;
  const runs: { saw: number; finish: () => void; fail: (error: Error) => void }[] = [];
  const task = () =>
    new Promise<number>((resolve, reject) => {
      const saw = source;
      runs.push({ saw, finish: () => resolve(saw), fail: reject });
    });
  return { task, runs, set: (value: number) => (source = value) };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('Rerunner', () => {
  it('gives a caller arriving during a run the result of a later run, not the stale one', async () => {
    const { task, runs, set } = controlledTask();
    const rerunner = new Rerunner(task);
    const first = rerunner.run();
    await tick();
    set(1); // the source changes while the first run is reading it
    const second = rerunner.run();
    runs[0]!.finish();
    assert.equal(await first, 0);
    await tick();
    assert.equal(runs.length, 2);
    runs[1]!.finish();
    assert.equal(await second, 1);
  });

  it('coalesces every call made during a run into one follow-up run', async () => {
    const { task, runs } = controlledTask();
    const rerunner = new Rerunner(task);
    const first = rerunner.run();
    const waiting = [rerunner.run(), rerunner.run(), rerunner.run()];
    runs[0]!.finish();
    await first;
    await tick();
    assert.equal(runs.length, 2);
    runs[1]!.finish();
    await Promise.all(waiting);
    assert.equal(runs.length, 2);
  });

  it('runs again after a failed run, and reports the failure to that run’s callers only', async () => {
    const { task, runs } = controlledTask();
    const rerunner = new Rerunner(task);
    const first = rerunner.run();
    const second = rerunner.run();
    runs[0]!.fail(new Error('boom'));
    await assert.rejects(first, /boom/);
    await tick();
    runs[1]!.finish();
    assert.equal(await second, 0);
    const third = rerunner.run();
    await tick();
    assert.equal(runs.length, 3);
    runs[2]!.finish();
    await third;
  });
});
