// The sandbox's admin API (`/_sandbox/…`) for integration tests: reset it, read what reached it, inject faults.
// Generic: any suite can use these.
import { type FaultRequest, type LoggedRequest, SandboxAdmin } from '../../sandbox/adminClient';
import { sandboxUrl } from '../extension';

export type { FaultRequest, LoggedRequest };

const admin = () => new SandboxAdmin(sandboxUrl());

/** Clears faults and the request log and restores the sandbox's rate limit (its data never changes). */
export async function resetSandbox(): Promise<void> {
  await admin().reset();
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
