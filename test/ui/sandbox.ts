// Where the sandbox the UI tests run against listens (what it holds: test/sandbox/seed.ts), what reached it, and
// the faults a test injects through its admin API (test/sandbox/README.md).
import * as assert from 'node:assert/strict';
import type { FaultSpec } from '../sandbox/faults';
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

/** What a UI test may ask a fault to do (test/sandbox/README.md, "Faults"): `path` (prefix) or `pathRegex`, and what happens. */
export type FaultRequest = Partial<FaultSpec> & ({ readonly path: string } | { readonly pathRegex: string });

async function admin<T>(method: string, route: string, body?: unknown): Promise<T> {
  const response = await fetch(new URL(`/_sandbox/${route}`, sandboxUrl()), {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  assert.ok(response.ok, `sandbox admin ${method} ${route} answered ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

/**
 * Makes the sandbox answer matching requests with a fault; returns its id. `times` defaults to 1 (0: until
 * cleared). Both workbenches share the sandbox: a test that adds one clears it in its block's afterEach.
 */
export async function injectFault(fault: FaultRequest): Promise<string> {
  return (await admin<{ id: string }>('POST', 'faults', fault)).id;
}

/** Removes every fault: the sandbox answers normally again. */
export async function clearFaults(): Promise<void> {
  await admin('DELETE', 'faults');
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
