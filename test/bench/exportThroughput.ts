// Table 4: the export with billing of the big sandbox tenant at a scaled quota, then what that rate means for
// 10,000 customers at Partner Center's real 500 requests per minute.
import { monotonicNow } from '../../src/api/timing';
import { exportCustomers } from '../../src/export/customerExport';
import { seedTenant } from '../sandbox/seed';
import { type SandboxAdmin, maxInAnyWindow, shareOfQuota } from '../sandbox/adminClient';
import { type Limits, createClient } from './benchClient';
import { printTable, seconds } from './table';

const TENANT = 'default';
const PAGE_SIZE = 100; // the client's default partnerCenter.pageSize
const REAL_QUOTA_PER_MINUTE = 500;
const PROJECTED_CUSTOMERS = 10_000;

export async function exportThroughput(url: string, admin: SandboxAdmin, options: { quick: boolean }): Promise<void> {
  const limits: Limits = options.quick ? { requests: 250, windowMs: 1000 } : { requests: 100, windowMs: 1000 };
  await admin.reset();
  await admin.configure({ rateLimit: limits });
  const client = createClient(url, limits, 300);
  const started = monotonicNow();
  const result = await exportCustomers(client, {
    tenantId: TENANT,
    includeBilling: true,
    correlationId: 'bench-export',
    signal: new AbortController().signal,
  });
  const ms = monotonicNow() - started;
  client.dispose();
  const log = await admin.requests((r) => r.tenant === TENANT);
  const answered = log.filter((r) => r.status === 200).map((r) => r.at);
  const share = shareOfQuota(answered, limits.requests, limits.windowMs);
  const customers = seedTenant(TENANT)!.customers.length;
  const floorRequests = customers + Math.ceil(customers / PAGE_SIZE);

  const projectedRequests = PROJECTED_CUSTOMERS + Math.ceil(PROJECTED_CUSTOMERS / PAGE_SIZE);
  const floorMinutes = projectedRequests / REAL_QUOTA_PER_MINUTE;
  // After the first window's allowance, every request waits for the window to move at the achieved share.
  const projectedMinutes = (REAL_QUOTA_PER_MINUTE + (projectedRequests - REAL_QUOTA_PER_MINUTE) / share) / REAL_QUOTA_PER_MINUTE;
  printTable(
    `Export with billing of ${customers} customers at ${limits.requests} requests per ${limits.windowMs} ms`,
    ['run', 'rows', 'requests (floor)', 'max in a window ÷ limit', 'achieved ÷ quota', '429s', 'billing failures', 'total'],
    [
      [
        "project's export",
        String(result.rows),
        `${log.length} (${floorRequests})`,
        (maxInAnyWindow(log.map((r) => r.at), limits.windowMs) / limits.requests).toFixed(2),
        share.toFixed(2),
        String(log.filter((r) => r.status === 429).length),
        String(result.billingFailures.length),
        seconds(ms),
      ],
    ],
  );
  printTable(
    `Projected: ${PROJECTED_CUSTOMERS.toLocaleString('en-US')} customers with billing at ${REAL_QUOTA_PER_MINUTE} requests per minute (${projectedRequests} requests)`,
    ['', 'minutes'],
    [
      ['floor (requests ÷ 500 per minute)', floorMinutes.toFixed(1)],
      ["project's export at the achieved share", projectedMinutes.toFixed(1)],
    ],
  );
}
