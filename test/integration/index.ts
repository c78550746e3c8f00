// The entry VS Code loads as `extensionTestsPath`: runs every out/test/integration/**/*.test.js with Mocha
// inside the real extension host, where the tests can `import * as vscode from 'vscode'`.
//
// The extension host forwards console output to the workbench unformatted and mixed with its own log, and
// console.log cannot be replaced there; so the reporter writes through `report`, which formats each line and
// tags it for the runner (scripts/test-integration.mjs prints only tagged lines).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

const TAG = '[pc-test] ';

function report(...args: unknown[]): void {
  for (const line of format(...args).split('\n')) console.log(TAG + line);
}

/** Alphabetical, or reversed with PC_TEST_ORDER=reverse: each file must set up and clear what it uses. */
function testFiles(dir: string): string[] {
  const files = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.js'))
    .sort();
  if (process.env.PC_TEST_ORDER === 'reverse') files.reverse();
  else if (process.env.PC_TEST_ORDER && process.env.PC_TEST_ORDER !== 'alphabetical') {
    throw new Error(`PC_TEST_ORDER must be "alphabetical" or "reverse", not "${process.env.PC_TEST_ORDER}".`);
  }
  return files.map((file) => path.join(dir, file));
}

/** Called by VS Code; a rejection (a failed test or a broken suite) makes the run exit with code 1. */
export async function run(): Promise<void> {
  Mocha.reporters.Base.consoleLog = report;
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: false,
    timeout: 60_000, // a real workbench on 2 cores: activation and first renders take seconds
    slow: 5_000,
    ...(process.env.PC_TEST_GREP ? { grep: process.env.PC_TEST_GREP } : {}),
  });
  for (const file of testFiles(__dirname)) mocha.addFile(file);

  let passed = 0;
  let failed = 0;
  try {
    await new Promise<void>((resolve) => {
      const runner = mocha.run(() => resolve());
      runner.on('pass', () => passed++);
      runner.on('fail', () => failed++);
    });
  } catch (error) {
    // A test file that throws while loading never reaches a reporter: say what broke.
    report('The integration suite could not run:', error);
    failed++;
  }
  report(`${passed} passed, ${failed} failed`);
  if (failed > 0 || passed === 0) throw new Error(passed === 0 && failed === 0 ? 'No integration test ran.' : `${failed} integration test(s) failed.`);
}
