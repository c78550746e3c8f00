// Bench row: after 25 of 1,250 loaded customers change outside the extension, the requests Refresh what changed
// makes (audit pages + one by-id request per changed customer) against a whole-view refresh (every list page
// again), and against the lower bound (audit pages + 25). Counted in the sandbox's own request log.
import { ChangeRefresher, type ChangedCustomersTarget } from '../../src/activity/model/changeRefresher';
import type { PartnerCenterClient } from '../../src/api/client';
import { silentLogger } from '../../src/api/logger';
import { PagedCustomerList } from '../../src/tree/model/pagedCustomerList';
import type { SandboxAdmin } from '../sandbox/adminClient';

const TENANT = 'default';
const CHANGED = 25;

/** The tree's full list, loaded like the view loads it, standing in for the Customers view. */
function loadedView(client: PartnerCenterClient): { list: PagedCustomerList; target: ChangedCustomersTarget } {
  const list = new PagedCustomerList([(cursor, options) => client.listCustomers(TENANT, cursor, options)]);
  const target: ChangedCustomersTarget = {
    fullListLoadedSince: () => list.loadedSince,
    applyChanged: (_tenant, changes) => {
      for (const { fetched, isNew } of changes) list.upsert(fetched.value, isNew);
    },
    refreshTenant: async () => {
      await list.reload();
    },
  };
  return { list, target };
}

export async function printRefreshChangedBench(admin: SandboxAdmin, client: PartnerCenterClient): Promise<void> {
  await admin.reset();
  const { list, target } = loadedView(client);
  while (list.needsLoad || list.hasMore) await list.loadNext();
  const loaded = list.items.length;
  const step = Math.floor(loaded / CHANGED);
  const changed = Array.from({ length: CHANGED }, (_, n) => list.items[n * step]!.id);
  for (const [n, customerId] of changed.entries()) await admin.change({ kind: 'rename', customerId, companyName: `Changed Elsewhere ${n}` });

  await admin.clearRequests();
  const refresher = new ChangeRefresher(client, target, silentLogger);
  const result = await refresher.run([TENANT], { days: 7, pollMinutes: 0, fullRefreshDays: 7 }, 'bench-refresh-changed');
  const log = await admin.requests();
  const auditPages = log.filter((r) => r.path.toLowerCase().includes('/auditrecords')).length;
  const changedRequests = log.length;
  const seen = list.items.filter((c) => c.companyProfile?.companyName?.startsWith('Changed Elsewhere')).length;

  await admin.clearRequests();
  client.invalidate(TENANT);
  await list.reload();
  const wholeRequests = (await admin.requests()).length;

  const lowerBound = auditPages + CHANGED;
  console.log(`
Refresh what changed: ${CHANGED} of ${loaded} loaded customers changed outside the extension (sandbox request log)
  way                                requests   customers shown updated
  Refresh what changed               ${String(changedRequests).padStart(8)}   ${seen} of ${CHANGED} (updated: ${result.updated})
  whole-view refresh (list pages)    ${String(wholeRequests).padStart(8)}   list rows only; expanded details refetched when looked at
  lower bound (audit pages + ${CHANGED})      ${String(lowerBound).padStart(8)}   (${auditPages} audit page(s))
  Refresh what changed ÷ lower bound ${(changedRequests / lowerBound).toFixed(2).padStart(8)}`);
  if (changedRequests !== lowerBound || seen !== CHANGED) process.exitCode = 1;
}
