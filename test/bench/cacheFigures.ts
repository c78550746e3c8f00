// The cache and de-duplication figures: how many requests identical and related calls cost.
import { seedTenant } from '../sandbox/seed';
import type { SandboxAdmin } from '../sandbox/adminClient';
import { createClient } from './benchClient';

const TENANT = 'default';

export async function cacheFigures(url: string, admin: SandboxAdmin): Promise<void> {
  await admin.reset();
  await admin.configure({ rateLimit: { requests: 500, windowMs: 60_000 } });
  const client = createClient(url, { requests: 500, windowMs: 60_000 }, 300);
  const id = seedTenant(TENANT)!.customers[0]!.id;
  await Promise.all(Array.from({ length: 100 }, () => client.getCustomer(TENANT, id)));
  const concurrent = (await admin.requests()).length;
  await Promise.all(Array.from({ length: 100 }, () => client.getCustomer(TENANT, id)));
  const cached = (await admin.requests()).length - concurrent;

  const page = await client.listCustomers(TENANT);
  const other = page.customers[1]!.id;
  await admin.clearRequests();
  await client.getCustomer(TENANT, other);
  await client.getBillingProfile(TENANT, other);
  await client.getCompanyProfile(TENANT, other);
  client.peekCustomer(TENANT, other);
  const flow = (await admin.requests()).length;
  client.dispose();

  console.log('\nCache and de-duplication (cacheSeconds 300)');
  console.log(`  100 concurrent identical getCustomer calls             → ${concurrent} request(s) sent`);
  console.log(`  100 more of the same call within cacheSeconds          → ${cached} request(s) sent`);
  console.log(`  after a list page: expand + billing + company + JSON   → ${flow} request(s) sent`);
}
