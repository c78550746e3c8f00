// The integration suite (test/integration) on DESKTOP VS Code, for machines that can download it:
// `npm run test:desktop` (@vscode/test-cli + @vscode/test-electron). These machines cannot; there the same
// suite runs in code-server with `npm run test:integration`.
//
// Like that runner, this starts the sandbox, gives VS Code a throwaway profile whose settings point the
// extension at it, and passes its URL to the tests in PC_SANDBOX_URL. The sandbox stops when this process exits.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@vscode/test-cli';
import { sandboxSettings } from './scripts/lib/codeServer.mjs';
import { stopEverythingOnExit } from './scripts/lib/processes.mjs';
import { startSandbox } from './scripts/lib/sandbox.mjs';

const root = import.meta.dirname;
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-desktop-'));
const workspace = path.join(profile, 'workspace');
fs.mkdirSync(path.join(profile, 'user-data', 'User'), { recursive: true });
fs.mkdirSync(workspace);

stopEverythingOnExit();
process.once('exit', () => fs.rmSync(profile, { recursive: true, force: true }));
const sandbox = await startSandbox({ root, port: 0, logFile: path.join(profile, 'sandbox.log') });
fs.writeFileSync(path.join(profile, 'user-data', 'User', 'settings.json'), JSON.stringify(sandboxSettings(sandbox.url), null, 2));

export default defineConfig({
  label: 'integration',
  files: 'out/test/integration/**/*.test.js',
  version: process.env.VSCODE_TEST_VERSION || 'stable',
  extensionDevelopmentPath: root,
  workspaceFolder: workspace,
  env: { PC_SANDBOX_URL: sandbox.url },
  launchArgs: [
    `--user-data-dir=${path.join(profile, 'user-data')}`,
    `--extensions-dir=${path.join(profile, 'extensions')}`,
    '--disable-workspace-trust',
    '--skip-welcome',
    '--skip-release-notes',
  ],
  mocha: { ui: 'bdd', timeout: 60_000, slow: 5_000 },
});
