// Runs the Mocha suite of test/integration inside the REAL extension host of VS Code (code-server), with the
// extension loaded in development mode against a fresh sandbox: what @vscode/test-electron's
// extensionTestsPath does on the desktop.
//
//   npm run test:integration                      build, start sandbox + code-server, run, stop everything
//   npm run test:integration -- --grep "activat"  only the tests whose title matches
//   npm run test:integration -- --locale fr       in a French VS Code (the extension's French strings)
//   E2E_VERBOSE=1 …    also print the workbench log      E2E_TIMEOUT_S=600 …  overall cap (default 300)
//   E2E_KEEP=1 …       keep the temp folder (profile, server logs)
//
// The result comes only from the workbench's codeAutomationExit(code): code-server's own log says the
// extension host exited 0 even when tests failed.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser } from './lib/browser.mjs';
import { workbenchUrl } from './lib/codeServer.mjs';
import { runHarness } from './lib/harness.mjs';
import { build, openSession, REPO_ROOT } from './lib/session.mjs';
import { say, step } from './lib/timing.mjs';

const TAG = '[pc-test] '; // test/integration/index.ts tags the lines of its reporter with this
const verbose = process.env.E2E_VERBOSE === '1';
const { values: options } = parseArgs({ options: { grep: { type: 'string' }, locale: { type: 'string' } } });

/** Opens the workbench with the test payload and resolves to the exit code the extension tests report. */
async function runSuite(session) {
  const browser = await launchBrowser(session.tools.chromium);
  const page = await (await browser.newContext()).newPage();
  const recentErrors = []; // shown only when the run fails
  let reportExit;
  const exitCode = new Promise((resolve) => (reportExit = resolve));
  await page.exposeFunction('codeAutomationExit', (code) => reportExit(code));
  // The workbench log; in test mode it also carries the extension host's console output.
  await page.exposeFunction('codeAutomationLog', (level, message) => {
    const text = String(message);
    const tagged = text.indexOf(TAG);
    if (tagged >= 0) console.log(text.slice(tagged + TAG.length));
    else if (verbose) console.log(`  [workbench ${level}] ${text.slice(0, 500)}`);
    else if (level === 'error') {
      recentErrors.push(text.slice(0, 1500));
      if (recentErrors.length > 15) recentErrors.shift();
    }
  });
  if (verbose) page.on('console', (m) => console.log(`  [page ${m.type()}] ${m.text().slice(0, 500)}`));
  const extensionEnvironment = { PC_SANDBOX_URL: session.sandbox.url };
  if (options.grep) extensionEnvironment.PC_TEST_GREP = options.grep;
  // PC_TEST_ORDER=reverse runs the files last to first (order independence).
  if (process.env.PC_TEST_ORDER) extensionEnvironment.PC_TEST_ORDER = process.env.PC_TEST_ORDER;
  const url = workbenchUrl(session.codeServer.url, {
    folder: session.workspace,
    extensionDevelopmentPath: REPO_ROOT,
    extensionTestsPath: path.join(REPO_ROOT, 'out', 'test', 'integration', 'index'),
    extensionEnvironment,
  });
  say('Running the integration tests inside the extension host');
  await page.goto(url);
  const code = await exitCode;
  if (code !== 0 && recentErrors.length) {
    console.log('--- last workbench errors ---');
    for (const error of recentErrors) console.log(error);
  }
  await browser.close();
  return code;
}

async function main() {
  await build({ tests: true });
  const session = await openSession({ browser: true, echo: verbose, locale: options.locale });
  try {
    const code = await step('Integration tests', () => runSuite(session));
    return code === 0 ? 0 : 1;
  } finally {
    await session.close();
  }
}

await runHarness('integration', { timeoutSeconds: Number(process.env.E2E_TIMEOUT_S || 300) }, main);
