// `npm start`: builds, starts the sandbox (a local Partner Center) on 127.0.0.1:7071 or the next free port,
// and opens VS Code with the extension connected to it in a throwaway profile:
//  - the desktop `code` CLI when there is one (the extension in development mode, as F5 would);
//  - otherwise code-server (provisioned on first use) on 127.0.0.1:8080 or the next free port: open the
//    printed URL in a browser.
// Ctrl+C stops everything it started.
//
//   npm start                    as above
//   npm start -- --code-server   code-server even when `code` exists
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sandboxSettings } from './lib/codeServer.mjs';
import { runHarness } from './lib/harness.mjs';
import { firstFreePort } from './lib/processes.mjs';
import { startSandbox } from './lib/sandbox.mjs';
import { build, openSession, REPO_ROOT } from './lib/session.mjs';
import { say, step } from './lib/timing.mjs';

const SANDBOX_PORT = 7071;
const CODE_SERVER_PORT = 8080;
const { values: options } = parseArgs({ options: { 'code-server': { type: 'boolean', default: false } } });

/** The desktop VS Code CLI on PATH, if any (code-server's own CLI is not one). */
function desktopCode() {
  const found = spawnSync('sh', ['-c', 'command -v code'], { encoding: 'utf8' }).stdout.trim();
  return found && !found.includes('code-server') ? found : undefined;
}

/** The environment minus what would make `code` open in the VS Code this terminal belongs to. */
function standaloneEnvironment() {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VSCODE_') && name !== 'ELECTRON_RUN_AS_NODE'));
}

/** A throwaway profile folder for desktop VS Code, removed when this script exits. */
function throwawayProfile() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-start-'));
  process.once('exit', () => fs.rmSync(profile, { recursive: true, force: true }));
  return profile;
}

/** Opens desktop VS Code with the profile's settings; resolves when its window is closed. */
async function openDesktop(code, profile, sandboxUrl) {
  const userData = path.join(profile, 'user-data');
  const workspace = path.join(profile, 'workspace');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.mkdirSync(workspace);
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(sandboxSettings(sandboxUrl), null, 2));
  say(`Opening VS Code (${code}) with the extension in development mode; close its window or press Ctrl+C to stop`);
  const vscode = spawn(code, [
    '--new-window', '--wait', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes',
    `--extensionDevelopmentPath=${REPO_ROOT}`,
    `--user-data-dir=${userData}`,
    `--extensions-dir=${path.join(profile, 'extensions')}`,
    workspace,
  // Detached: Ctrl+C reaches only this script, which then stops the CLI and the VS Code it started while the
  // CLI is still alive to lead to it (VS Code's main process is detached from the CLI's own group).
  ], { stdio: 'inherit', env: standaloneEnvironment(), detached: true });
  await new Promise((resolve) => vscode.on('close', resolve));
}

/** Serves code-server with the extension installed; resolves when code-server or the sandbox stops. */
async function serveCodeServer(sandboxPort) {
  const session = await openSession({
    sandboxPort,
    codeServerPort: await firstFreePort(CODE_SERVER_PORT),
    installExtension: true,
    echo: true,
  });
  const url = `${session.codeServer.url}/?folder=${encodeURIComponent(session.workspace)}`;
  console.log(`\n  VS Code ${session.tools.vscodeVersion} (code-server) with Partner Center Customers connected to the sandbox:\n\n    ${url}\n\n` +
    '  Open it in a browser, then the Partner Center view in the activity bar. Ctrl+C stops everything.\n');
  await Promise.race([session.codeServer.exited, session.sandbox.exited].filter(Boolean)); // no `exited`: PC_SANDBOX_URL's
  say('code-server or the sandbox stopped');
  await session.close();
}

async function main() {
  await build({ tests: false });
  const sandboxPort = await firstFreePort(SANDBOX_PORT);
  const code = options['code-server'] ? undefined : desktopCode();
  if (!code) {
    await serveCodeServer(sandboxPort);
    return 0;
  }
  const profile = throwawayProfile();
  const sandbox = await step('Starting the sandbox', () => startSandbox({
    root: REPO_ROOT,
    port: sandboxPort,
    logFile: path.join(profile, 'sandbox.log'),
    echo: true,
  }));
  await openDesktop(code, profile, sandbox.url);
  return 0;
}

await runHarness('npm start', {}, main);
