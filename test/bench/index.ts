// `npm run bench`: the project's costs (quota, waiting, memory, bundle) next to the alternatives a user would
// otherwise have, over real HTTP to a sandbox in its own process. One module per table; this file only runs them.
//   npm run bench                 every table (3 and 5 by scripts/bench-workbench.mjs, in a real VS Code, at the end)
//   npm run bench -- --quick      a subset that runs in CI (under 3 minutes; no real VS Code)
//   npm run bench -- --all        also the throttling designs that were measured and not kept
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { monotonicNow } from '../../src/api/timing';
import { SandboxAdmin } from '../sandbox/adminClient';
import { createClient } from './benchClient';
import { bundleSize } from './bundleSize';
import { cacheFigures } from './cacheFigures';
import { costGrowth } from './costGrowth';
import { exportThroughput } from './exportThroughput';
import { printRefreshChangedBench } from './refreshChanged';
import { startSandboxProcess } from './sandboxProcess';
import { tenantIsolation } from './tenantIsolation';
import { throttleFidelity } from './throttleFidelity';

const CHART = join(__dirname, '../../../benchmarks/growth.svg');

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const all = process.argv.includes('--all');
  const sandbox = await startSandboxProcess();
  const admin = new SandboxAdmin(sandbox.url);
  const started = monotonicNow();
  let breaches: number;
  try {
    console.log(`Partner Center client bench${quick ? ' (--quick)' : ''}: the sandbox at ${sandbox.url}, in its own process.`);
    console.log('The sandbox enforces the quota over a rolling window of arrivals and answers 429 beyond it.');
    // First, so its heap figures start from a process that has done nothing else yet.
    await costGrowth(sandbox.url, admin, CHART, { quick });
    breaches = await throttleFidelity(sandbox.url, admin, { quick, all });
    await tenantIsolation(sandbox.url, admin);
    await exportThroughput(sandbox.url, admin, { quick });
    await bundleSize();
    await cacheFigures(sandbox.url, admin);
    await printRefreshChangedBench(admin, createClient(sandbox.url, { requests: 500, windowMs: 60_000 }, 300));
  } finally {
    sandbox.stop();
  }
  console.log(`
How to read the throttling tables:
  max in a window         the most arrivals the sandbox logged in any rolling window [t, t + window), 429s included
  ÷ limit                 above 1.00 the limit was broken: the real API would have answered 429
  kept achieved ÷ quota   rate of the kept calls' answers (200) after the first window's allowance, as a share of
                          requests/window: 1.00 is the fastest any limiter can go without breaking the limit
  cancelled sent          cancelled calls that still reached the sandbox (each one spends quota for nothing)
  429s                    requests the sandbox refused (p-throttle alone does not retry; the client retries them)
Whole bench: ${((monotonicNow() - started) / 1000).toFixed(0)} s.${all ? '' : ' Run with --all for the throttling designs not kept.'}`);
  if (breaches > 0) {
    console.error(`\n${breaches} run(s) of the project's limiter broke the limit.`);
    process.exitCode = 1;
  }
  if (!quick) {
    // Tables 3 and 5 measure the extension in code-server's extension host: their own script starts it.
    console.log('\nTables 3 and 5 (npm run bench:workbench):');
    const workbench = spawnSync(process.execPath, [join(__dirname, '../../../scripts/bench-workbench.mjs')], { stdio: 'inherit' });
    if (workbench.status !== 0) process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
