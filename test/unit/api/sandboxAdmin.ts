// The sandbox's admin API (`/_sandbox/…`) seen from a test or the bench, and what to compute from its
// request log. Plain fetch: no mocha, so the bench uses it too.

export interface LoggedRequest {
  readonly seq: number;
  readonly at: number;
  readonly tenant: string | null;
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly status: number | null;
  readonly admitted: boolean;
  readonly fault: string | null;
}

export interface FaultSpec {
  readonly method?: string;
  readonly path: string;
  readonly tenant?: string;
  readonly times?: number;
  readonly skip?: number;
  readonly status?: number;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
  readonly delayMs?: number;
  readonly kind?: 'status' | 'malformed' | 'schema' | 'bom' | 'drop' | 'hang';
  readonly field?: string;
  readonly value?: unknown;
}

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

  async fault(spec: FaultSpec): Promise<string> {
    return ((await this.call('POST', 'faults', spec)) as { id: string }).id;
  }

  async clearFaults(): Promise<void> {
    await this.call('DELETE', 'faults');
  }

  async configure(config: { rateLimit?: { requests: number; windowMs: number }; bom?: boolean }): Promise<void> {
    await this.call('PUT', 'config', config);
  }

  async reset(): Promise<void> {
    await this.call('POST', 'reset');
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
