// Table 6 and the chart: how cost grows with the tenant. The sandbox's growth tenants (1,000, 10,000 and 50,000
// generated customers, test/sandbox/growthTenants.ts) loaded page by page into the tree's state (the same
// CustomersState the view renders): heap after every 1,000 customers and time per page, then a search; the same
// tenants exported; then the client's cache filled past its bound (src/api/cache.ts, DEFAULT_MAX_WEIGHT).
// Heap is THIS process's (the real client and tree state run here as they do in the extension host, but this
// is not the extension host), after a GC.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DEFAULT_MAX_WEIGHT } from '../../src/api/cache';
import type { PartnerCenterClient } from '../../src/api/client';
import { monotonicNow } from '../../src/api/timing';
import { exportCustomers } from '../../src/export/customerExport';
import { CustomersState } from '../../src/tree/model/customersState';
import { type SandboxAdmin, maxInAnyWindow, shareOfQuota } from '../sandbox/adminClient';
import { GROWTH_SEARCH_PREFIX, GROWTH_TENANTS } from '../sandbox/growthTenants';
import { type Limits, createClient } from './benchClient';
import { lineChart } from './svgChart';
import { median, millis, printTable, seconds } from './table';

const gc = (globalThis as { gc?: () => void }).gc;
/** Load and by-id reads: the cost of the data, not of the quota (the sandbox's limit, and the client's, 2,000/s). */
const UNLIMITED: Limits = { requests: 10_000, windowMs: 1000 };
const FAST_CLIENT: Limits = { requests: 500, windowMs: 250 };
/** The exports' scaled quota (Partner Center's is 500 per minute): 10,100 requests of growth-10k take about 40 s. */
const EXPORT_QUOTA: Limits = { requests: 250, windowMs: 1000 };
/** By-id reads that fill the cache: its bound and 3,000 more (--quick: 1,000 more). */
const cacheReads = (quick: boolean): number => DEFAULT_MAX_WEIGHT + (quick ? 1000 : 3000);

function heapMb(): number {
  gc?.();
  gc?.(); // a second pass collects what the first one's finalizers released
  return process.memoryUsage().heapUsed / 2 ** 20;
}

const thousands = (n: number): string => n.toLocaleString('en-US');

interface Sample {
  readonly customers: number;
  readonly heapMb: number;
  /** Median and slowest page of the stretch since the previous sample. */
  readonly pageMs: number;
  readonly slowestMs: number;
}

interface SizeRun {
  readonly tenant: string;
  readonly customers: number;
  readonly samples: readonly Sample[];
}

/** The first request of a growth tenant makes the sandbox generate it: done before anything is timed. */
async function warm(url: string, tenant: string): Promise<number> {
  const started = monotonicNow();
  const response = await fetch(`${url}/v1/customers?size=1`, { headers: { Authorization: `Bearer sandbox:${tenant}` } });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`tenant ${tenant}: ${response.status}`);
  return monotonicNow() - started;
}

async function loadPageByPage(url: string, tenant: string, printEvery: number): Promise<SizeRun> {
  const client = createClient(url, FAST_CLIENT, 300);
  const baseline = heapMb();
  const { samples, searchMs, found } = await loadIntoState(client, tenant, baseline);
  // The tree's state is gone (a view reset, a sign-out of the view): what the client's cache still holds.
  const cacheAfterReset = heapMb() - baseline;
  const pagesCached = cacheSize(client);
  client.dispose();
  const afterDispose = heapMb() - baseline;
  const customers = samples.at(-1)!.customers;
  const last = samples.at(-1)!;
  printTable(
    `Cost growth: tenant ${tenant} (${thousands(customers)} customers) loaded page by page (100 a page) into the tree's state; ` +
      `heap of the bench process above the empty state, after a GC${gc ? '' : ' (run node with --expose-gc for exact figures)'}` +
      (printEvery > 1000 ? `; every ${thousands(printEvery)} customers shown (the chart has every 1,000)` : ''),
    ['customers loaded', 'heap (MB)', 'KB per customer', 'median page', 'slowest page'],
    samples
      .filter((s) => s.customers % printEvery === 0 || s === last)
      .map((s) => [thousands(s.customers), s.heapMb.toFixed(1), ((s.heapMb * 1024) / s.customers).toFixed(2), millis(s.pageMs), millis(s.slowestMs)]),
  );
  console.log(`  search "${GROWTH_SEARCH_PREFIX}" (server-side prefix search, first page of results: ${found}): ${millis(searchMs)}`);
  console.log(
    `  the tree's state dropped, the client kept: ${cacheAfterReset.toFixed(1)} MB (results in its cache: ${thousands(pagesCached)}, the list pages and the search's, of ${thousands(Math.ceil(customers / 100))} list pages loaded; bound ${thousands(DEFAULT_MAX_WEIGHT)} customers' worth); ` +
      `client disposed: ${afterDispose.toFixed(1)} MB`,
  );
  return { tenant, customers, samples };
}

/** The load itself, in its own function so that nothing keeps the tree's state once it returns. */
async function loadIntoState(
  client: PartnerCenterClient,
  tenant: string,
  baseline: number,
): Promise<{ samples: Sample[]; searchMs: number; found: string }> {
  const state = new CustomersState(client);
  const samples: Sample[] = [];
  let stretch: number[] = [];
  let started = monotonicNow();
  const list = await state.ensureList(tenant);
  stretch.push(monotonicNow() - started);
  let sampledAt = 0;
  for (;;) {
    const loaded = list.items.length;
    if (loaded - sampledAt >= 1000 || !list.hasMore) {
      samples.push({ customers: loaded, heapMb: heapMb() - baseline, pageMs: median(stretch), slowestMs: Math.max(...stretch) });
      sampledAt = loaded;
      stretch = [];
    }
    if (!list.hasMore) break;
    started = monotonicNow();
    await state.loadMore(tenant);
    stretch.push(monotonicNow() - started);
  }
  started = monotonicNow();
  await state.search(GROWTH_SEARCH_PREFIX, [tenant]);
  const searchMs = monotonicNow() - started;
  const found = state.listOf(tenant);
  state.clearSearch();
  return { samples, searchMs, found: `${found.items.length}${found.hasMore ? ', more to load' : ''}` };
}

async function exportTenant(url: string, admin: SandboxAdmin, tenant: string, includeBilling: boolean): Promise<string[]> {
  await admin.reset();
  await admin.configure({ rateLimit: EXPORT_QUOTA });
  const client = createClient(url, EXPORT_QUOTA, 300);
  const baseline = heapMb();
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed / 2 ** 20 - baseline);
  }, 50);
  const started = monotonicNow();
  const result = await exportCustomers(client, { tenantId: tenant, includeBilling, correlationId: 'bench-growth', signal: new AbortController().signal });
  const ms = monotonicNow() - started;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().heapUsed / 2 ** 20 - baseline);
  const withCache = heapMb() - baseline; // the CSV and the client's cache (list pages, customers read by id)
  client.dispose();
  const held = heapMb() - baseline; // the CSV alone
  const csvMb = Buffer.byteLength(result.csv) / 2 ** 20;
  const log = await admin.requests((r) => r.tenant === tenant);
  const answered = log.filter((r) => r.status === 200).map((r) => r.at);
  return [
    tenant,
    includeBilling ? 'with' : 'without',
    thousands(result.rows),
    thousands(log.length),
    String(log.filter((r) => r.status === 429).length),
    (maxInAnyWindow(log.map((r) => r.at), EXPORT_QUOTA.windowMs) / EXPORT_QUOTA.requests).toFixed(2),
    shareOfQuota(answered, EXPORT_QUOTA.requests, EXPORT_QUOTA.windowMs).toFixed(2),
    seconds(ms),
    peak.toFixed(1),
    withCache.toFixed(1),
    held.toFixed(1),
    csvMb.toFixed(1),
  ];
}

/** The client's cache (private in the product; read here only to print how many results it holds). */
const cacheSize = (client: PartnerCenterClient): number => (client as unknown as { cache: { size: number } }).cache.size;

async function cacheAtItsBound(url: string, admin: SandboxAdmin, tenant: string, reads: number): Promise<void> {
  await admin.reset();
  await admin.configure({ rateLimit: UNLIMITED });
  const lister = createClient(url, FAST_CLIENT, 0);
  const ids: string[] = [];
  let page = await lister.listCustomers(tenant);
  ids.push(...page.customers.map((c) => c.id));
  while (page.next && ids.length < reads) {
    page = await lister.listCustomers(tenant, page.next);
    ids.push(...page.customers.map((c) => c.id));
  }
  lister.dispose();
  const client = createClient(url, FAST_CLIENT, 300);
  const baseline = heapMb();
  const rows: string[][] = [];
  const BATCH = 20;
  for (let read = 0; read < reads; ) {
    const batch = ids.slice(read, read + BATCH);
    await Promise.all(batch.map((id) => client.getCustomer(tenant, id)));
    read += batch.length;
    if (read % 1000 === 0) {
      const heap = heapMb() - baseline;
      const entries = cacheSize(client);
      rows.push([thousands(read), thousands(entries), heap.toFixed(2), ((heap * 1024) / entries).toFixed(2)]);
    }
  }
  client.dispose();
  printTable(
    `The client's cache filled by ${thousands(reads)} distinct getCustomer reads of ${tenant} (bound ${thousands(DEFAULT_MAX_WEIGHT)} customers’ worth, LRU; a by-id result weighs 1); heap above the empty client, after a GC`,
    ['by-id reads', 'entries held', 'heap (MB)', 'KB per entry'],
    rows,
  );
  const atBound = rows.find((r) => r[1] === thousands(DEFAULT_MAX_WEIGHT));
  console.log(
    `  at the bound: ${atBound?.[2] ?? '?'} MB; after ${thousands(reads)} reads: ${rows.at(-1)![2]} MB (${rows.at(-1)![1]} entries): ` +
      'the cache grows linearly up to its bound and is flat beyond it.',
  );
}

export async function costGrowth(url: string, admin: SandboxAdmin, chartPath: string, options: { quick: boolean }): Promise<void> {
  const tableStarted = monotonicNow();
  const sizes = options.quick ? GROWTH_TENANTS.filter((t) => t.customers <= 10_000) : GROWTH_TENANTS;
  await admin.reset();
  await admin.configure({ rateLimit: UNLIMITED });
  const runs: SizeRun[] = [];
  for (const spec of sizes) {
    const warmMs = await warm(url, spec.id);
    console.log(`\nTenant ${spec.id}: generated by the sandbox on its first request (${millis(warmMs)}, before anything is timed).`);
    runs.push(await loadPageByPage(url, spec.id, spec.customers >= 50_000 ? 5000 : spec.customers >= 10_000 ? 1000 : 100));
  }
  // `default` (1,250) answers table 6's first version; the growth tenants replace it here.
  const exports: string[][] = [];
  for (const spec of sizes) {
    // With billing: one getCustomer per customer. 50,000 of them (about 3½ minutes at this quota) is left out.
    const billing = spec.customers <= 10_000 && !(options.quick && spec.customers > 1000);
    exports.push(await exportTenant(url, admin, spec.id, billing));
  }
  printTable(
    `Export of the growth tenants at ${EXPORT_QUOTA.requests} requests per ${EXPORT_QUOTA.windowMs} ms (a scaled quota); ` +
      'heap above the idle client: peak sampled every 50 ms (garbage included), then after a GC with the client (its cache) and after disposing it (the CSV alone)',
    ['tenant', 'billing', 'rows', 'requests', '429s', 'max in a window ÷ limit', 'achieved ÷ quota', 'total', 'heap peak (MB)', 'with cache (MB)', 'CSV held (MB)', 'CSV (MB)'],
    exports,
  );
  await cacheAtItsBound(url, admin, 'growth-10k', cacheReads(options.quick));
  printGrowthStatement(runs);

  const longest = runs.at(-1)!;
  mkdirSync(dirname(chartPath), { recursive: true });
  const colors = ['#8250df', '#1f6feb', '#0a3069'];
  writeFileSync(
    chartPath,
    lineChart(
      `Heap (each tenant) and median time per page (${longest.tenant}) against customers loaded`,
      'customers loaded into the tree',
      runs.map((run, i) => ({
        label: run.tenant,
        unit: 'MB',
        color: colors[i % colors.length]!,
        points: [[0, 0], ...run.samples.map((s) => [s.customers, s.heapMb] as const)],
      })),
      { label: `time per page, ${longest.tenant}`, unit: 'ms', color: '#d1242f', points: longest.samples.map((s) => [s.customers, s.pageMs]) },
      'heap above empty',
    ),
  );
  console.log(`  chart written to ${chartPath}; table 6 took ${seconds(monotonicNow() - tableStarted)}`);
}

/** How each figure grows, from the samples (a least-squares line through the heap; the pages' first and last tenths compared). */
function printGrowthStatement(runs: readonly SizeRun[]): void {
  console.log('\nHow cost grows:');
  for (const run of runs) {
    const xs = run.samples.map((s) => s.customers);
    const ys = run.samples.map((s) => s.heapMb);
    const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
    const my = ys.reduce((a, b) => a + b, 0) / ys.length;
    const slope = xs.length > 1 ? xs.reduce((a, x, i) => a + (x - mx) * (ys[i]! - my), 0) / xs.reduce((a, x) => a + (x - mx) ** 2, 0) : ys[0]! / xs[0]!;
    const fitted = ys.map((_, i) => my + slope * (xs[i]! - mx));
    const residual = ys.reduce((a, y, i) => a + (y - fitted[i]!) ** 2, 0);
    const total = ys.reduce((a, y) => a + (y - my) ** 2, 0);
    const r2 = total > 0 ? 1 - residual / total : 1;
    const tenth = Math.max(1, Math.floor(run.samples.length / 10));
    const early = median(run.samples.slice(0, tenth).map((s) => s.pageMs));
    const late = median(run.samples.slice(-tenth).map((s) => s.pageMs));
    console.log(
      `  ${run.tenant.padEnd(10)} heap ${(slope * 1024).toFixed(2)} KB per customer loaded${xs.length > 2 ? ` (straight-line fit R² ${r2.toFixed(3)})` : ''}, ` +
        `${run.samples.at(-1)!.heapMb.toFixed(1)} MB at ${thousands(run.customers)}; ` +
        `median page ${millis(early)} in the first tenth, ${millis(late)} in the last`,
    );
  }
  console.log(
    '  The tree holds every customer loaded (no bound: the list is what the user paged to); the cache is bounded at ' +
      `${thousands(DEFAULT_MAX_WEIGHT)} customers’ worth (a page weighs its customers) and stops there (table above).`,
  );
}
