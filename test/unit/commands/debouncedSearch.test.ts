import assert from 'node:assert/strict';
import { debouncedSearch } from '../../../src/commands/debouncedSearch';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Records what the search UI would show, with searches the test settles by hand. */
function harness(delayMs = 30) {
  const events: string[] = [];
  const started: { text: string; signal: AbortSignal; resolve: (value: string) => void; reject: (error: unknown) => void }[] = [];
  const search = debouncedSearch<string>({
    delayMs,
    search: (text, signal) =>
      new Promise<string>((resolve, reject) => {
        started.push({ text, signal, resolve, reject });
      }),
    onPending: (text) => events.push(`pending ${text}`),
    onResult: (text, result) => events.push(`result ${text}: ${result}`),
    onError: (text, error) => events.push(`error ${text}: ${String(error)}`),
    onCleared: () => events.push('cleared'),
  });
  return { search, events, started };
}

describe('tree: search as you type', () => {
  it('asks the server once per pause in typing, for the last text', async () => {
    const { search, events, started } = harness();
    for (const text of ['c', 'co', 'con']) search.update(text);
    await wait(60);
    assert.deepEqual(started.map((s) => s.text), ['con']);
    started[0]!.resolve('3 customers');
    await wait(0);
    assert.deepEqual(events, ['pending c', 'pending co', 'pending con', 'result con: 3 customers']);
    search.dispose();
  });

  it('aborts a running search when the text changes and never shows its late answer', async () => {
    const { search, events, started } = harness();
    search.update('con');
    await wait(60);
    search.update('cont');
    assert.equal(started[0]!.signal.aborted, true, 'the earlier request is cancelled');
    started[0]!.resolve('stale');
    await wait(60);
    started[1]!.resolve('fresh');
    await wait(0);
    assert.deepEqual(events.filter((e) => e.startsWith('result')), ['result cont: fresh']);
    search.dispose();
  });

  it('shows a failure of the current search only', async () => {
    const { search, events, started } = harness();
    search.update('a');
    await wait(60);
    started[0]!.reject(new Error('HTTP 500'));
    await wait(0);
    assert.deepEqual(events, ['pending a', 'error a: Error: HTTP 500']);
    search.dispose();
  });

  it('clears on empty text (trimmed) without asking the server, and stops everything on dispose', async () => {
    const { search, events, started } = harness();
    search.update('x');
    search.update('   ');
    await wait(60);
    assert.equal(started.length, 0, 'no request for blank text');
    assert.deepEqual(events, ['pending x', 'cleared']);
    search.update('y');
    await wait(60);
    search.dispose();
    assert.equal(started[0]!.signal.aborted, true);
    started[0]!.resolve('late');
    await wait(0);
    assert.ok(!events.some((e) => e.startsWith('result')));
  });
});
