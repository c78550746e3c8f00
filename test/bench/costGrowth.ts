// Table 6 and the chart: the big sandbox tenant loaded page by page into the tree's state (the same
// CustomersState the view renders), heap and time per page as customers accumulate, then a search.
// Heap is this process's (the state and client run here as they do in the extension host), after a GC.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { monotonicNow } from '../../src/api/timing';
import { CustomersState } from '../../src/tree/model/customersState';
import type { SandboxAdmin } from '../sandbox/adminClient';
import { createClient } from './benchClient';
import { lineChart } from './svgChart';
import { millis, printTable } from './table';

const TENANT = 'default';

const gc = (globalThis as { gc?: () => void }).gc;

function heapMb(): number {
  gc?.();
  gc?.(); // a second pass collects what the first one's finalizers released
  return process.memoryUsage().heapUsed / 2 ** 20;
}

export async function costGrowth(url: string, admin: SandboxAdmin, chartPath: string): Promise<void> {
  await admin.reset();
  await admin.configure({ rateLimit: { requests: 10_000, windowMs: 1000 } }); // cost of the data, not of the quota
  const client = createClient(url, { requests: 500, windowMs: 1000 }, 300);
  const state = new CustomersState(client);
  const baseline = heapMb();
  const samples: { customers: number; heapMb: number; pageMs: number }[] = [];
  let started = monotonicNow();
  const list = await state.ensureList(TENANT);
  samples.push({ customers: list.items.length, heapMb: heapMb() - baseline, pageMs: monotonicNow() - started });
  while (list.hasMore) {
    started = monotonicNow();
    await state.loadMore(TENANT);
    samples.push({ customers: list.items.length, heapMb: heapMb() - baseline, pageMs: monotonicNow() - started });
  }
  started = monotonicNow();
  await state.search('Con', [TENANT]);
  const searchMs = monotonicNow() - started;
  client.dispose();

  printTable(
    `Cost growth: tenant ${TENANT} (${samples.at(-1)!.customers} customers) loaded page by page into the tree's state; heap above the empty state, after a GC${gc ? '' : ' (run node with --expose-gc for exact figures)'}`,
    ['customers loaded', 'heap (MB)', 'KB per customer', 'time for the page'],
    samples.map((s) => [String(s.customers), s.heapMb.toFixed(2), ((s.heapMb * 1024) / s.customers).toFixed(2), millis(s.pageMs)]),
  );
  console.log(`  search "Con" over the tenant (server-side prefix search): ${millis(searchMs)}`);

  mkdirSync(dirname(chartPath), { recursive: true });
  writeFileSync(
    chartPath,
    lineChart(
      'Heap and time per page against customers loaded',
      'customers loaded into the tree',
      { label: 'heap above empty', unit: 'MB', color: '#1f6feb', points: samples.map((s) => [s.customers, s.heapMb]) },
      { label: 'time per page', unit: 'ms', color: '#d1242f', points: samples.map((s) => [s.customers, s.pageMs]) },
    ),
  );
  console.log(`  chart written to ${chartPath}`);
}
