// Benchmark tables 3 and 5 (BENCHMARKS.md), measured on the REAL extension in code-server: builds, starts the
// sandbox and one code-server, then
//   3. runs test/bench/workbench/economy.ts inside the extension host (as extensionTestsPath) and prints the
//      scripted session's requests next to the lower bound, with the cache on and off;
//   5. opens fresh workbench windows in Chromium (Playwright) and prints the time and requests from a click on
//      the Partner Center tab to the first customer row, VS Code's own activation times, and the bundle size.
// Prints figures; never fails on a time.
//
//   npm run bench:workbench                  both tables
//   npm run bench:workbench -- --only 3      one table (3 or 5)      --windows N   fresh windows for table 5 (5)
//   npm run bench:workbench -- --verbose     also every request of each step
//   E2E_TIMEOUT_S=900 …                      overall cap (default 600)
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser, launchBrowserServer } from './lib/browser.mjs';
import { workbenchUrl } from './lib/codeServer.mjs';
import { runHarness } from './lib/harness.mjs';
import { build, openSession, REPO_ROOT } from './lib/session.mjs';
import { say, step } from './lib/timing.mjs';

const TAG = '[pc-bench] '; // test/bench/workbench/economy.ts tags its lines with this
const { values: options } = parseArgs({
  options: { only: { type: 'string' }, windows: { type: 'string', default: '5' }, verbose: { type: 'boolean', default: false } },
});
const verbose = options.verbose || process.env.E2E_VERBOSE === '1';
const wanted = (table) => !options.only || options.only === String(table);
const require = createRequire(import.meta.url);

/** Runs economy.ts in the extension host; resolves to its two runs' step counts. */
async function economy(session) {
  const browser = await launchBrowser(session.tools.chromium);
  try {
    const page = await (await browser.newContext()).newPage();
    const runs = {};
    let error;
    let reportExit;
    const exitCode = new Promise((resolve) => (reportExit = resolve));
    await page.exposeFunction('codeAutomationExit', (code) => reportExit(code));
    await page.exposeFunction('codeAutomationLog', (level, message) => {
      const text = String(message);
      const at = text.indexOf(TAG);
      if (at < 0) {
        if (verbose && level === 'error') console.log(`  [workbench ${level}] ${text.slice(0, 500)}`);
        return;
      }
      const { kind, value } = JSON.parse(text.slice(at + TAG.length));
      if (kind === 'run') runs[value.mode] = value.steps;
      if (kind === 'firstPage') runs.firstPage = value;
      if (kind === 'error') error = value;
    });
    const url = workbenchUrl(session.codeServer.url, {
      folder: session.workspace,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: path.join(REPO_ROOT, 'out', 'test', 'bench', 'workbench', 'economy'),
      extensionEnvironment: { PC_SANDBOX_URL: session.sandbox.url },
    });
    await page.goto(url);
    const code = await exitCode;
    if (code !== 0 || !runs.cache || !runs.nocache) throw new Error(`the session in the extension host failed (exit ${code}): ${error ?? 'no figures'}`);
    return runs;
  } finally {
    await browser.close();
  }
}

async function main() {
  await build({ tests: true });
  const tables = require(path.join(REPO_ROOT, 'out', 'test', 'bench', 'workbench', 'tables.js'));
  const session = await openSession({ browser: true, echo: false });
  try {
    if (wanted(3)) {
      const runs = await step('Table 3: the scripted session in the extension host (cache on, then off)', () => economy(session));
      tables.printEconomy(runs, verbose);
      tables.printFirstPageInHost(runs.firstPage);
    }
    if (wanted(5)) {
      const browserServer = await step('Starting Chromium', () => launchBrowserServer(session.tools.chromium));
      try {
        Object.assign(process.env, {
          PC_BROWSER_WS: browserServer.wsEndpoint(),
          PC_SANDBOX_URL: session.sandbox.url,
          PC_REPO_ROOT: REPO_ROOT,
          PC_WORKBENCH_URL: workbenchUrl(session.codeServer.url, { folder: session.workspace, extensionDevelopmentPath: REPO_ROOT }),
        });
        await step(`Table 5: ${options.windows} fresh workbench windows`, () =>
          tables.printFirstRow({
            sandboxUrl: session.sandbox.url,
            codeServerDir: path.dirname(session.codeServer.logFile),
            windows: Number(options.windows),
            verbose,
            bundleSize: require(path.join(REPO_ROOT, 'out', 'test', 'bench', 'bundleSize.js')).bundleSize,
          }));
      } finally {
        await browserServer.close();
      }
    }
    say('bench:workbench: figures printed');
    return 0;
  } finally {
    await session.close();
  }
}

await runHarness('bench:workbench', { timeoutSeconds: Number(process.env.E2E_TIMEOUT_S || 600) }, main);
