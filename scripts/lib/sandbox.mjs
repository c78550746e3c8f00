// Starts the local Partner Center (out/sandbox/cli.js, built by `node esbuild.js`) and reads its URL from
// the first line it prints: `Partner Center sandbox listening on http://127.0.0.1:PORT`.
import fs from 'node:fs';
import path from 'node:path';
import { startService, waitFor } from './processes.mjs';

const LISTENING = /listening on (http:\/\/\S+)/;

/**
 * Starts the sandbox on `port` (0: any free port) and resolves once it listens. When `PC_SANDBOX_URL` is
 * set, that already-running server is used instead (e.g. one started with `npm run sandbox`).
 */
export async function startSandbox({ root, port = 0, logFile, echo = false }) {
  if (process.env.PC_SANDBOX_URL) {
    return { url: process.env.PC_SANDBOX_URL.replace(/\/+$/, ''), banner: '', external: true };
  }
  const cli = path.join(root, 'out', 'sandbox', 'cli.js');
  if (!fs.existsSync(cli)) {
    throw new Error(`The sandbox is not built: ${cli} is missing (it is built from test/sandbox/cli.ts by \`node esbuild.js\`).`);
  }
  const service = startService(process.execPath, [cli, '--port', String(port)], { cwd: root, env: process.env, logFile, echo });
  let exit;
  void service.exited.then((e) => (exit = e));
  const url = await waitFor('the sandbox to print its URL', () => {
    const match = LISTENING.exec(fs.readFileSync(logFile, 'utf8'));
    return match?.[1].replace(/\/+$/, '');
  }, {
    timeoutMs: 30_000,
    failFast: () => {
      if (exit) throw new Error(`The sandbox exited (${exit.error?.message ?? `code ${exit.code}`}) before listening:\n${fs.readFileSync(logFile, 'utf8')}`);
    },
  });
  return { url, banner: fs.readFileSync(logFile, 'utf8').trim(), external: false, exited: service.exited };
}
