// Starts the harness's child processes and guarantees none outlives the script: code-server forks several
// children, and Playwright starts Chromium in a process group of its own, so stopping means finding every
// descendant of this process (by pid, through /proc) and signalling each one, also on Ctrl+C and on errors.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** Pids of every live descendant of `root`, read from /proc (empty where there is no /proc). */
function descendantsOf(root) {
  let entries;
  try {
    entries = fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  const children = new Map();
  for (const pid of entries) {
    let stat;
    try {
      stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // Field 4 (ppid) follows the command name, which is in parentheses and may contain spaces.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid).push(Number(pid));
  }
  const found = [];
  const queue = [root];
  while (queue.length) {
    for (const child of children.get(queue.shift()) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

function signal(pid, sig) {
  try {
    process.kill(pid, sig);
    return true;
  } catch {
    return false; // already gone
  }
}

const isAlive = (pid) => signal(pid, 0);

/**
 * Stops `pid` and everything it started: the snapshot of descendants is taken before anything is killed
 * (an orphan is re-parented and could no longer be found), then SIGTERM, then SIGKILL after `graceMs`.
 */
export async function stopTree(pid, graceMs = 5000) {
  const pids = [pid, ...descendantsOf(pid)];
  for (const p of pids) signal(p, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && pids.some(isAlive)) await sleep(100);
  for (const p of pids) if (isAlive(p)) signal(p, 'SIGKILL');
}

/** Stops every process this script started, directly or not. */
export async function stopEverything() {
  await Promise.all(descendantsOf(process.pid).map((pid) => stopTree(pid, 3000)));
}

let cleanupInstalled = false;
let interruptedBy;

/** The signal that interrupted this script (then it is already stopping everything and exiting), if any. */
export function interruption() {
  return interruptedBy;
}

/**
 * Makes Ctrl+C, SIGTERM, SIGHUP and any exit stop everything this script started. `onSignal` runs first
 * (e.g. to say what is being stopped).
 */
export function stopEverythingOnExit(onSignal) {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  const exitCodes = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
  for (const [sig, code] of Object.entries(exitCodes)) {
    process.once(sig, () => {
      interruptedBy = sig;
      onSignal?.(sig);
      stopEverything().finally(() => process.exit(code));
    });
  }
  // Last resort on a plain exit (process.exit or an uncaught error): only synchronous work runs here.
  process.on('exit', () => {
    for (const pid of descendantsOf(process.pid)) signal(pid, 'SIGKILL');
  });
}

/**
 * Starts a long-running process (a server) in its own process group, its output going to `logFile` (and
 * to this terminal too when `echo` is set). Returns the child and a promise of its exit.
 */
export function startService(command, args, { cwd, env, logFile, echo = false }) {
  const log = fs.openSync(logFile, 'a');
  const child = spawn(command, args, {
    cwd,
    env,
    detached: true, // own process group: a Ctrl+C in the terminal reaches us, and we stop it in order
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (chunk) => {
      fs.writeSync(log, chunk);
      if (echo) process.stdout.write(chunk);
    });
  }
  const exited = new Promise((resolve) => {
    child.on('error', (error) => resolve({ code: null, signal: null, error }));
    child.on('close', (code, sig) => {
      fs.closeSync(log);
      resolve({ code, signal: sig });
    });
  });
  return { child, exited };
}

/** Runs a command to completion with the terminal as its output; resolves to its exit code. */
export function runInherited(command, args, { cwd, env } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: 'inherit' });
    child.on('error', reject);
    child.on('close', (code, sig) => resolve(code ?? (sig ? 128 : 1)));
  });
}

/** Polls `check` until it returns a truthy value or `timeoutMs` passes; `failFast` may throw to stop early. */
export async function waitFor(what, check, { timeoutMs = 60_000, intervalMs = 100, failFast } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    failFast?.();
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs / 1000}s waiting for ${what}`);
    await sleep(intervalMs);
  }
}

/** The first port from `preferred` on (up to 20 tries) that nothing listens on at 127.0.0.1. */
export async function firstFreePort(preferred) {
  for (let port = preferred; port < preferred + 20; port++) {
    const free = await new Promise((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`No free port on 127.0.0.1 between ${preferred} and ${preferred + 19}`);
}
