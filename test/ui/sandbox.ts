// Where the sandbox the UI tests run against listens (what it holds: test/sandbox/seed.ts), what reached it, and
// the faults a test injects through its admin API (test/sandbox/README.md).
import * as assert from 'node:assert/strict';
import { type FaultRequest, type LoggedRequest, SandboxAdmin } from '../sandbox/adminClient';
import { UI_TIMEOUT_MS } from './workbench';

export function sandboxUrl(): string {
  const url = process.env.PC_SANDBOX_URL;
  assert.ok(url, 'PC_SANDBOX_URL is not set: run the UI tests with `npm run test:ui`');
  return url;
}

const admin = () => new SandboxAdmin(sandboxUrl());

/**
 * The API requests that reached the sandbox from `since` (ms since the epoch, as its log's `at`) on, read from
 * its admin API once one of them is `awaited` (polled). Both workbenches share the sandbox and its log tells
 * them apart only by time: only the workbench a test drives sends anything while it runs.
 */
export async function requestsSince(since: number, awaited: (request: LoggedRequest) => boolean): Promise<LoggedRequest[]> {
  const deadline = Date.now() + UI_TIMEOUT_MS;
  for (;;) {
    const requests = await admin().requests();
    const recent = requests.filter((request) => request.at >= since);
    if (recent.some(awaited)) return recent;
    assert.ok(Date.now() < deadline, `no such request reached the sandbox; it got ${recent.map((r) => r.path).join(', ') || 'nothing'}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Makes the sandbox answer matching requests with a fault; returns its id. `times` defaults to 1 (0: until
 * cleared). Both workbenches share the sandbox: a test that adds one clears it in its block's afterEach.
 */
export async function injectFault(fault: FaultRequest): Promise<string> {
  return admin().fault(fault);
}

/** Removes every fault: the sandbox answers normally again. */
export async function clearFaults(): Promise<void> {
  await admin().clearFaults();
}

/** The reseller-relationship link the sandbox hands out for a partner tenant, read past the extension. */
export async function relationshipUrl(tenant: string): Promise<string> {
  const response = await fetch(new URL('/v1/customers/relationshiprequests', sandboxUrl()), {
    headers: { accept: 'application/json', authorization: `Bearer sandbox:${tenant}` },
  });
  assert.equal(response.status, 200, `the sandbox answered ${response.status} for the relationship link of ${tenant}`);
  const { url } = JSON.parse((await response.text()).replace(/^\uFEFF/, '')) as { url: string };
  return url;
}
