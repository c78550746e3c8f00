// Where the sandbox the UI tests run against listens (what it holds: test/sandbox/seed.ts), and what reached it.
import * as assert from 'node:assert/strict';
import type { LoggedRequest } from '../sandbox/requestLog';
import { UI_TIMEOUT_MS } from './workbench';

export function sandboxUrl(): string {
  const url = process.env.PC_SANDBOX_URL;
  assert.ok(url, 'PC_SANDBOX_URL is not set: run the UI tests with `npm run test:ui`');
  return url;
}

/**
 * The API requests that reached the sandbox from `since` (ms since the epoch, as its log's `at`) on, read from
 * its admin API once one of them is `awaited` (polled). Both workbenches share the sandbox and its log tells
 * them apart only by time: only the workbench a test drives sends anything while it runs.
 */
export async function requestsSince(since: number, awaited: (request: LoggedRequest) => boolean): Promise<LoggedRequest[]> {
  const deadline = Date.now() + UI_TIMEOUT_MS;
  for (;;) {
    const response = await fetch(new URL('/_sandbox/requests', sandboxUrl()));
    assert.equal(response.status, 200, 'the sandbox admin API answered');
    const { requests } = (await response.json()) as { requests: LoggedRequest[] };
    const recent = requests.filter((request) => request.at >= since);
    if (recent.some(awaited)) return recent;
    assert.ok(Date.now() < deadline, `no such request reached the sandbox; it got ${recent.map((r) => r.path).join(', ') || 'nothing'}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
