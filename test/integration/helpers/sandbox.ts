// The sandbox the harness started for this run: its URL, and its admin API (`/_sandbox/…`) to reset it, read what
// reached it and inject faults. Generic: any suite can use these.
import * as assert from 'node:assert/strict';
import { type FaultRequest, type LoggedRequest, SandboxAdmin } from '../../sandbox/adminClient';
import type { ExternalChange } from '../../sandbox/externalChanges';

export type { FaultRequest, LoggedRequest };

/** The sandbox the harness started for this run (scripts/test-integration.mjs passes its URL). */
export function sandboxUrl(): string {
  const url = process.env.PC_SANDBOX_URL;
  assert.ok(url, 'PC_SANDBOX_URL is not set: run the suite with `npm run test:integration`');
  return url;
}

const admin = () => new SandboxAdmin(sandboxUrl());

/** Clears faults and the request log and restores the sandbox's rate limit (its data never changes). */
export async function resetSandbox(): Promise<void> {
  await admin().reset();
}

/** The quota the sandbox enforces per partner tenant until the next reset (it answers 429 beyond it). */
export async function setSandboxRateLimit(rateLimit: { requests: number; windowMs: number }): Promise<void> {
  await admin().configure({ rateLimit });
}

/** Every API request the sandbox received since the last reset/clear, oldest first. */
export async function sandboxRequests(): Promise<readonly LoggedRequest[]> {
  return admin().requests();
}

export async function clearSandboxRequests(): Promise<void> {
  await admin().clearRequests();
}

/** Adds a fault; returns its id. `times` defaults to 1 (0: until cleared). */
export async function injectFault(fault: FaultRequest): Promise<string> {
  return admin().fault(fault);
}

export async function clearFaults(): Promise<void> {
  await admin().clearFaults();
}

/** A change made outside the extension: the sandbox changes the customer and appends its audit record. */
export async function externalChange(change: ExternalChange): Promise<{ customerId: string }> {
  return admin().change(change);
}

/** The path of a logged request without query and without the `/v1` prefix, e.g. `/customers/<id>`. */
export function routeOf(request: LoggedRequest): string {
  return request.path.split('?')[0]!.replace(/^\/v1(?=\/)/i, '');
}

/** A customer's by-id body exactly as the sandbox serves it (parsed: key order kept), read past the client. */
export async function servedBody(tenantId: string, customerId: string): Promise<Record<string, unknown>> {
  const response = await fetch(new URL(`/v1/customers/${customerId}`, sandboxUrl()), {
    headers: { authorization: `Bearer sandbox:${tenantId}`, accept: 'application/json' },
  });
  if (response.status !== 200) throw new Error(`the sandbox answered ${response.status} for customer ${customerId}`);
  return JSON.parse((await response.text()).replace(/^\uFEFF/, '')) as Record<string, unknown>;
}
