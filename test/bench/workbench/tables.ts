// Tables 3 and 5 of `npm run bench:workbench` (scripts/bench-workbench.mjs starts the sandbox, code-server and
// Chromium, runs economy.ts inside the extension host and hands its counts here). Prints figures only.
import { median, millis, printTable } from '../table';
import type { FirstPageSample, StepCount } from './economy';
import { firstPageRoundTripMs, measureWindow, type WindowFigures } from './firstRow';

/** BENCHMARKS.md §3: the fewest requests each step of the session can take. */
export const LOWER_BOUND: readonly number[] = [1, 20, 0, 0, 2, 3, 1, 1, 0];

export interface EconomyRuns {
  readonly cache: readonly StepCount[];
  readonly nocache: readonly StepCount[];
}

export function printEconomy(runs: EconomyRuns, verbose: boolean): void {
  const ratio = (n: number, bound: number) => (bound === 0 ? (n === 0 ? '—' : `+${n}`) : (n / bound).toFixed(2));
  const rows = runs.cache.map((step, i) => {
    const off = runs.nocache[i]!;
    const bound = LOWER_BOUND[i] ?? 0;
    return [step.step, String(bound), String(step.requests), ratio(step.requests, bound), String(off.requests), ratio(off.requests, bound)];
  });
  const total = (steps: readonly StepCount[]) => steps.reduce((sum, s) => sum + s.requests, 0);
  const bound = LOWER_BOUND.reduce((a, b) => a + b, 0);
  rows.push(['total', String(bound), String(total(runs.cache)), (total(runs.cache) / bound).toFixed(2), String(total(runs.nocache)), (total(runs.nocache) / bound).toFixed(2)]);
  printTable(
    'Table 3. Request economy: one scripted session through the real extension in code-server\'s extension host, tenant default, page size 100 ' +
      '(requests from the sandbox\'s log; "off" = cacheSeconds 0: nothing kept after an answer, requests in flight for the same resource still shared)',
    ['step', 'lower bound', 'project', '÷ bound', 'cache off', '÷ bound'],
    rows,
  );
  if (verbose) {
    for (const [mode, steps] of Object.entries(runs)) {
      console.log(`\n  requests, ${mode}:`);
      for (const step of steps as readonly StepCount[]) for (const route of step.routes) console.log(`    ${step.step}: ${route}`);
    }
  }
}

/** Table 5's first page without the workbench: what the extension itself spends between the request and the rows. */
export function printFirstPageInHost(samples: readonly FirstPageSample[] | undefined): void {
  if (!samples?.length) throw new Error('the extension host reported no first-page figures');
  const row = (name: string, pick: (s: FirstPageSample) => number) => [name, millis(median(samples.map(pick))), samples.map((s) => pick(s).toFixed(0)).join(', ')];
  printTable(
    `Table 5, the extension's share: the first page (${samples[0]!.items} rows) asked of the tree provider in code-server's extension host, ` +
      `nothing cached, ${samples.length} times, medians (no workbench rendering, no transfer to the browser)`,
    ['figure', 'median', 'each'],
    [
      row('getChildren(root) called → the list request reaches the sandbox', (s) => s.requestArrivalMs),
      row('getChildren(root) called → resolved with the customers', (s) => s.childrenMs),
      row('then every TreeItem of the page built (getTreeItem)', (s) => s.itemsMs),
    ],
  );
}

/**
 * `bundleSize`: the bench's own bundle of test/bench/bundleSize.ts (out/test/bench/bundleSize.js), passed in by the
 * runner: it finds the repository from its own file's place, which a copy bundled in here would not have.
 */
export async function printFirstRow({ sandboxUrl, codeServerDir, windows, verbose, bundleSize }: {
  sandboxUrl: string;
  codeServerDir: string;
  windows: number;
  verbose: boolean;
  bundleSize: () => Promise<number>;
}): Promise<void> {
  const figures: WindowFigures[] = [];
  const total = (f: WindowFigures) => (f.activation ? f.activation.loadCode + f.activation.callActivate + f.activation.finishActivate : NaN);
  /** Click → activation finished: VS Code's start (its log) plus its own three durations. */
  const activationEnd = (f: WindowFigures) => (f.activationStartMs ?? NaN) + total(f);
  for (let i = 0; i < windows; i++) {
    const f = await measureWindow(sandboxUrl, codeServerDir);
    figures.push(f);
    console.log(`  window ${i + 1}/${windows}: first row ${f.firstRowMs} ms after the click, ${f.requests} request(s); activation started +${f.activationStartMs ?? '?'} ms, ` +
      (f.activation ? `${f.activation.loadCode}+${f.activation.callActivate}+${f.activation.finishActivate} ms (${f.activation.event})` : `not found: ${f.activationRow}`) +
      `; "Connection state" logged +${f.connectionStateMs ?? '?'} ms`);
    if (verbose) for (const route of f.routes) console.log(`    ${route}`);
  }
  const rtt = await firstPageRoundTripMs(sandboxUrl);
  const med = (pick: (f: WindowFigures) => number) => {
    const values = figures.map(pick).filter(Number.isFinite);
    return values.length ? median(values) : NaN;
  };
  const each = (pick: (f: WindowFigures) => number) => figures.map((f) => (Number.isFinite(pick(f)) ? pick(f).toFixed(0) : '?')).join(', ');
  const ms = (v: number) => (Number.isFinite(v) ? millis(v) : 'n/a');
  const row = (name: string, pick: (f: WindowFigures) => number): string[] => [name, ms(med(pick)), each(pick)];
  const afterActivation = (f: WindowFigures) => f.firstRowMs - activationEnd(f);
  const rows = [
    row('click on the Partner Center tab → first customer row visible', (f) => f.firstRowMs),
    row('click → VS Code starts the activation (extension host log)', (f) => f.activationStartMs ?? NaN),
    row('activation: Load Code (VS Code\'s timing)', (f) => f.activation?.loadCode ?? NaN),
    row('activation: Call Activate', (f) => f.activation?.callActivate ?? NaN),
    row('activation: Finish Activate', (f) => f.activation?.finishActivate ?? NaN),
    row('activation total (load + call + finish)', total),
    row('activation end → the extension logs its connection state', (f) => (f.connectionStateMs ?? NaN) - activationEnd(f)),
    row('activation end → the first list request reaches the sandbox', (f) => (f.requestArrivalMs ?? NaN) - activationEnd(f)),
    row('activation end → the last list request before the row reaches the sandbox', (f) => (f.lastRequestArrivalMs ?? NaN) - activationEnd(f)),
    row('that last list request → first customer row visible', (f) => f.firstRowMs - (f.lastRequestArrivalMs ?? NaN)),
    row('activation end → first customer row visible (goal ≤ RTT + 50 ms)', afterActivation),
    ['requests from the click to the first row (+1 s) (goal 1)', String(med((f) => f.requests)), each((f) => f.requests)],
    ['first page straight from the sandbox, no extension (RTT + server)', ms(rtt), 'median of 5'],
  ];
  printTable(
    `Table 5. First customers on screen and activation: ${windows} fresh windows (each a new browser context and a new extension host, ` +
      'clicked once its eager extensions are activated), medians; activation as VS Code recorded it (Developer: Startup Performance, ' +
      `Extension Activation Stats; its start from the extension host log), event ${figures.find((f) => f.activation)?.activation?.event ?? 'n/a'}`,
    ['figure', 'median', 'each window'],
    rows,
  );
  const bytes = await bundleSize();
  const oneRequest = figures.every((f) => f.requests === 1);
  const after = med(afterActivation);
  console.log(`\n  goals: one request → ${oneRequest ? 'met in every window' : `not met in every window (${figures.filter((f) => f.requests !== 1).length} of ${windows} sent more)`}; ` +
    `first row within RTT + 50 ms of activation → ${Number.isFinite(after) ? `${after <= rtt + 50 ? 'met' : 'not met'} (${millis(after)} vs ${millis(rtt + 50)})` : 'n/a'}; ` +
    `bundle ≤ 150 KB → ${bytes <= 150 * 1024 ? 'met' : 'not met'} (${(bytes / 1024).toFixed(1)} KB)`);
}
