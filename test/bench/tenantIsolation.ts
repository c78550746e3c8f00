// Table 2: one request for tenant B while tenant A has 1,000 queued. The project's client keeps a queue per
// tenant (each partner tenant has its own quota); the alternative is one queue shared by every tenant.
import { setMaxListeners } from 'node:events';
import pThrottle from 'p-throttle';
import { monotonicNow } from '../../src/api/timing';
import { seedTenant } from '../sandbox/seed';
import type { SandboxAdmin } from '../sandbox/adminClient';
import { type Limits, createClient, rawGet } from './benchClient';
import { median, millis, printTable } from './table';

const A = 'default';
const B = 'fabrikam';
const QUEUED = 1000;

async function timed(call: () => Promise<unknown>): Promise<number> {
  const started = monotonicNow();
  await call();
  return monotonicNow() - started;
}

/** The round trip of one unqueued GET for B, median of 15. */
async function roundTrip(url: string, id: string): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < 15; i++) samples.push(await timed(() => rawGet(url, B, id)));
  return median(samples);
}

export async function tenantIsolation(url: string, admin: SandboxAdmin): Promise<void> {
  const limits: Limits = { requests: 200, windowMs: 1000 };
  await admin.reset();
  await admin.configure({ rateLimit: { requests: 10_000, windowMs: 1000 } }); // the round trip, not the quota
  const aIds = seedTenant(A)!.customers.map((c) => c.id).slice(0, QUEUED);
  const bId = seedTenant(B)!.customers[0]!.id;
  const rtt = await roundTrip(url, bId);

  /**
   * B's latency with A's calls made first: `settled` waits until they are all parked in A's queue (the event loop
   * has drained their first steps), as when a user opens tenant B during a long export of A; otherwise B is asked
   * in the same tick, and also waits for the extension to finish making A's 1,000 calls. Also: when B's request
   * reached the sandbox, after B was asked (both clocks are this machine's wall clock).
   */
  async function projectLatency(settled: boolean): Promise<{ latency: number; reachedAfter: number }> {
    await admin.reset();
    await admin.configure({ rateLimit: limits });
    const client = createClient(url, limits, 0);
    // Both tenants warm (connections open, code compiled): the figure is the queueing, not a first use.
    await client.getCustomer(A, aIds[0]!);
    await client.getCustomer(B, bId);
    const stopA = new AbortController();
    setMaxListeners(QUEUED + 1, stopA.signal); // one signal for all of A's calls, each listening while it waits
    const aCalls = aIds.map((id) => client.getCustomer(A, id, { signal: stopA.signal }).catch(() => undefined));
    if (settled) await new Promise((resolve) => setImmediate(resolve));
    const askedAt = Date.now();
    const latency = await timed(() => client.getCustomer(B, bId));
    stopA.abort();
    await Promise.all(aCalls);
    client.dispose();
    const bRequests = await admin.requests((request) => request.tenant === B);
    return { latency, reachedAfter: bRequests.at(-1)!.at - askedAt };
  }
  const queued = await projectLatency(true);
  const sameTick = await projectLatency(false);

  // One p-throttle queue for every tenant, at the same limit: B waits behind all of A's.
  await admin.reset();
  await admin.configure({ rateLimit: { requests: 10_000, windowMs: 1000 } });
  const shared = pThrottle({ limit: limits.requests, interval: limits.windowMs, strict: true })((tenant: string, id: string) =>
    rawGet(url, tenant, id),
  );
  const sharedA = aIds.map((id) => shared(A, id).catch(() => undefined));
  const sharedQueue = await timed(() => shared(B, bId));
  await Promise.all(sharedA);

  const goal = rtt + 10;
  printTable(
    `Tenant isolation: one GET for tenant B while tenant A has ${QUEUED} queued (${limits.requests} per ${limits.windowMs} ms per tenant); round trip ${millis(rtt)}, goal ≤ ${millis(goal)}`,
    ['queueing', 'B latency', '− round trip', 'B reached the server after', 'goal met'],
    [
      ...([
        ["project's client (a queue per tenant), B asked once A's calls are queued", queued],
        ["project's client, B asked in the same tick as A's 1,000 calls", sameTick],
      ] as const).map(([name, { latency, reachedAfter }]) => [name, millis(latency), millis(latency - rtt), millis(reachedAfter), latency <= goal ? 'yes' : 'no']),
      ['one shared queue (p-throttle strict)', millis(sharedQueue), millis(sharedQueue - rtt), '—', sharedQueue <= goal ? 'yes' : 'no'],
    ],
  );
}
