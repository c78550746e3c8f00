// Runs the workbench UI tests (test/ui/**/*.test.ts, Playwright on the real VS Code workbench) against a
// fresh sandbox and code-server with the extension loaded in development mode. Screenshots: test-results/.
//
//   npm run test:ui                          build, start sandbox + code-server + Chromium, run, stop everything
//   npm run test:ui -- --grep "customers"    only the tests whose title matches
//   E2E_VERBOSE=1 …   server output too     E2E_TIMEOUT_S=900 …  overall cap (default 600)
//   E2E_KEEP=1 …      keep the temp folder (profile, server logs)
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Mocha from 'mocha';
import { launchBrowserServer } from './lib/browser.mjs';
import { workbenchUrl } from './lib/codeServer.mjs';
import { runHarness } from './lib/harness.mjs';
import { build, openSession, REPO_ROOT } from './lib/session.mjs';
import { step } from './lib/timing.mjs';

const verbose = process.env.E2E_VERBOSE === '1';
const { values: options } = parseArgs({ options: { grep: { type: 'string' } } });
const testsDir = path.join(REPO_ROOT, 'out', 'test', 'ui');

/** Runs the UI test files with Mocha in this process; resolves to [passed, failed]. */
async function runSuite() {
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    timeout: 60_000,
    slow: 10_000,
    ...(options.grep ? { grep: options.grep } : {}),
  });
  const files = fs.existsSync(testsDir)
    ? fs.readdirSync(testsDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.test.js')).sort()
    : [];
  for (const file of files) mocha.addFile(path.join(testsDir, file));
  await mocha.loadFilesAsync();
  return new Promise((resolve) => {
    const runner = mocha.run(() => resolve([runner.stats?.passes ?? 0, runner.stats?.failures ?? 0]));
  });
}

/** Screenshots of an earlier run would pass for this one's: each run starts with an empty folder. */
function clearScreenshots(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
}

async function main() {
  const results = path.join(REPO_ROOT, 'test-results');
  clearScreenshots(results);
  await build({ tests: true });
  const session = await openSession({ browser: true, echo: verbose });
  try {
    // A French workbench beside the English one (code-server's display language is per server).
    const french = await session.addCodeServer({ locale: 'fr' });
    const browserServer = await step('Starting Chromium', () => launchBrowserServer(session.tools.chromium));
    const developmentUrl = (server) => workbenchUrl(server.url, { folder: session.workspace, extensionDevelopmentPath: REPO_ROOT });
    Object.assign(process.env, {
      PC_BROWSER_WS: browserServer.wsEndpoint(),
      PC_SANDBOX_URL: session.sandbox.url,
      PC_REPO_ROOT: REPO_ROOT,
      PC_TEST_RESULTS: results,
      PC_WORKBENCH_URL: developmentUrl(session.codeServer),
      PC_WORKBENCH_URL_FR: developmentUrl(french),
    });
    const [passed, failed] = await step('UI tests', runSuite);
    await browserServer.close();
    console.log(`${passed} passed, ${failed} failed`);
    return failed === 0 && passed > 0 ? 0 : 1;
  } finally {
    await session.close();
  }
}

await runHarness('ui', { timeoutSeconds: Number(process.env.E2E_TIMEOUT_S || 600) }, main);
