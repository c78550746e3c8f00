// What every real-VS-Code run needs, in order: a build, the provisioned tools, the sandbox, and code-server
// with a throwaway profile connected to it. `close()` stops what was started and removes the temp folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { provision } from '../provision.mjs';
import { sandboxSettings, startCodeServer } from './codeServer.mjs';
import { runInherited, stopEverything } from './processes.mjs';
import { startSandbox } from './sandbox.mjs';
import { say, step } from './timing.mjs';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Builds the extension and the sandbox (and the test bundles with `tests`); throws when esbuild fails. */
export async function build({ tests }) {
  await step(tests ? 'Building (node esbuild.js --tests)' : 'Building (node esbuild.js)', async () => {
    const code = await runInherited(process.execPath, ['esbuild.js', ...(tests ? ['--tests'] : [])], { cwd: REPO_ROOT });
    if (code !== 0) throw new Error(`node esbuild.js failed (exit ${code})`);
  });
}

const WORKSPACE_README = `# Partner Center Customers — try-out workspace

This folder is a throwaway workspace. Open the **Partner Center** view in the activity bar: it is connected
to the local sandbox (\`partnerCenter.cloud\` is \`local\`), so no sign-in is needed.
`;

/**
 * Starts the sandbox and code-server for one run. Options: `browser` (Chromium must be there),
 * `sandboxPort` (0: any), `codeServerPort` (0: any), `settings` (extra settings), `locale`,
 * `installExtension` (load this repository as an installed extension instead of through the test
 * payload), `echo` (server output to the terminal). `addCodeServer({ locale })` starts one more
 * code-server on the same sandbox (e.g. a French workbench beside the English one).
 */
export async function openSession({ browser = false, sandboxPort = 0, codeServerPort = 0, settings = {}, locale, installExtension = false, echo = false } = {}) {
  const tools = await step('Provisioning code-server', () => provision({ browser }));
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-e2e-'));
  const workspace = path.join(runDir, 'workspace');
  fs.mkdirSync(workspace);
  fs.writeFileSync(path.join(workspace, 'README.md'), WORKSPACE_README);
  const removeRunDir = () => {
    if (process.env.E2E_KEEP !== '1') fs.rmSync(runDir, { recursive: true, force: true });
  };
  process.once('exit', removeRunDir); // also on a timeout or a Ctrl+C
  const close = async () => {
    await stopEverything();
    if (process.env.E2E_KEEP === '1') say(`kept ${runDir} (E2E_KEEP=1)`);
    removeRunDir();
  };
  try {
    const sandbox = await step('Starting the sandbox', () =>
      startSandbox({ root: REPO_ROOT, port: sandboxPort, logFile: path.join(runDir, 'sandbox.log'), echo }));
    say(`sandbox: ${sandbox.url}${sandbox.external ? ' (PC_SANDBOX_URL, not started here)' : ''}`);
    let servers = 0;
    const addCodeServer = async ({ locale: serverLocale, port = 0 } = {}) => {
      const label = `code-server ${tools.vscodeVersion}${serverLocale ? ` (${serverLocale})` : ''}`;
      const codeServer = await step(`Starting ${label}`, () => startCodeServer({
        tools,
        runDir: path.join(runDir, `code-server-${++servers}`),
        settings: { ...sandboxSettings(sandbox.url), ...settings },
        workspace,
        port,
        locale: serverLocale,
        echo,
        smokeTestDriver: !installExtension,
        installedExtension: installExtension ? REPO_ROOT : undefined,
      }));
      say(`${label}: ${codeServer.url}`);
      return codeServer;
    };
    const codeServer = await addCodeServer({ locale, port: codeServerPort });
    return { tools, runDir, workspace, sandbox, codeServer, addCodeServer, close };
  } catch (e) {
    await close();
    throw e;
  }
}
