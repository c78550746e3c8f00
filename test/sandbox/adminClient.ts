// The sandbox's admin API (`/_sandbox/…`) seen from a client: unit, integration and UI tests and the bench all
// use this one, and what to compute from its request log. Plain fetch: no mocha, no vscode.
import type { ExternalChange } from './externalChanges';
import type { FaultSpec } from './faults';
import type { LoggedRequest } from './requestLog';

export type { LoggedRequest };

/** What a test may ask a fault to do: `path` (prefix, `/v1` optional) or `pathRegex`, and what happens (faults.ts). */
export type FaultRequest = Partial<FaultSpec> & ({ readonly path: string } | { readonly pathRegex: string });

/** The sandbox's admin API (`/_sandbox/…`): never rate-limited, never logged. */
export class SandboxAdmin {
  constructor(readonly url: string) {}

  async requests(filter: (request: LoggedRequest) => boolean = () => true): Promise<LoggedRequest[]> {
    const body = (await this.call('GET', 'requests')) as { requests: LoggedRequest[] };
    return body.requests.filter(filter);
  }

  async clearRequests(): Promise<void> {
    await this.call('DELETE', 'requests');
  }

  async fault(spec: FaultRequest): Promise<string> {
    return ((await this.call('POST', 'faults', spec)) as { id: string }).id;
  }

  async clearFaults(): Promise<void> {
    await this.call('DELETE', 'faults');
  }

  async configure(config: { rateLimit?: { requests: number; windowMs: number }; bom?: boolean }): Promise<void> {
    await this.call('PUT', 'config', config);
  }

  /**
   * Someone else edits a customer's billing profile (camelCase fields, `defaultAddress` partial): the profile as
   * stored, with its new etag.
   */
  async changeBillingProfile(tenant: string, customerId: string, change: Record<string, unknown>): Promise<Record<string, unknown>> {
    return (await this.call('POST', 'billing-profiles', { tenant, customerId, change })) as Record<string, unknown>;
  }

  async reset(): Promise<void> {
    await this.call('POST', 'reset');
  }

  /** An external change (another admin, the dashboard): the customer changes and its audit record is appended. */
  async change(change: ExternalChange): Promise<{ customerId: string }> {
    return (await this.call('POST', 'changes', change)) as { customerId: string };
  }

  private async call(method: string, route: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${this.url}/_sandbox/${route}`, {
      method,
      headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`sandbox admin ${method} ${route} → ${response.status}: ${text}`);
    return text ? JSON.parse(text) : undefined;
  }
}

/** The largest number of timestamps inside any half-open window [t, t + windowMs). */
export function maxInAnyWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let max = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while (sorted[end]! - sorted[start]! >= windowMs) start++;
    max = Math.max(max, end - start + 1);
  }
  return max;
}


/**
 * The sustained rate as a share of the quota: the first `requests` may go at once, every later one needs the
 * window to move, so an ideal limiter sends the rest at exactly `requests` per `windowMs` (1.00). Below 1 is
 * time lost; above 1 is impossible without overshooting the limit.
 */
export function shareOfQuota(arrivals: readonly number[], requests: number, windowMs: number): number {
  if (arrivals.length <= requests) return 1;
  const span = Math.max(...arrivals) - Math.min(...arrivals);
  return (((arrivals.length - requests) / span) * windowMs) / requests;
}
