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

  await admin.reset();
  await admin.configure({ rateLimit: limits });
  const client = createClient(url, limits, 0);
  // Both tenants warm (connections open, code compiled): the figure is the queueing, not a first use.
  await client.getCustomer(A, aIds[0]!);
  await client.getCustomer(B, bId);
  const stopA = new AbortController();
  setMaxListeners(QUEUED + 1, stopA.signal); // one signal for all of A's calls, each listening while it waits
  const aCalls = aIds.map((id) => client.getCustomer(A, id, { signal: stopA.signal }).catch(() => undefined));
  const perTenant = await timed(() => client.getCustomer(B, bId));
  stopA.abort();
  await Promise.all(aCalls);
  client.dispose();

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
    ['queueing', 'B latency', '− round trip', 'goal met'],
    [
      ["project's client (a queue per tenant)", millis(perTenant), millis(perTenant - rtt), perTenant <= goal ? 'yes' : 'no'],
      ['one shared queue (p-throttle strict)', millis(sharedQueue), millis(sharedQueue - rtt), sharedQueue <= goal ? 'yes' : 'no'],
    ],
  );
}
