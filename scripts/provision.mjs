// Provisions a real VS Code for the tests and `npm start`: Node 24 and code-server (VS Code's own server and
// web workbench), both from the npm registry only, cached outside the clone and keyed by version.
//
//   node scripts/provision.mjs          install what is missing, then print what will be used
//   PC_E2E_CACHE=/some/dir …           cache somewhere else (default ${XDG_CACHE_HOME:-~/.cache}/partner-center-customers/e2e)
//
// Imported by the test runners and `npm start` as `provision()`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { say, step } from './lib/timing.mjs';

export const CODE_SERVER_VERSION = '4.139.1';
const NODE_MAJOR = 24; // code-server's install refuses any other major
const BUILD_PACKAGES = ['libkrb5-dev', 'build-essential', 'python3', 'pkg-config'];
/** chattr: the export's integration test makes a file that cannot be replaced. */
const TEST_PACKAGES = ['e2fsprogs'];

/** The folder that keeps Node 24 and code-server between runs (and between fresh clones on one machine). */
export function cacheDir() {
  if (process.env.PC_E2E_CACHE) return path.resolve(process.env.PC_E2E_CACHE);
  const xdgCache = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(xdgCache, 'partner-center-customers', 'e2e');
}

/** The Chromium the tests drive (Debian's; Playwright's own browser downloads cannot be reached). */
export function chromiumPath() {
  return process.env.CHROMIUM || '/usr/bin/chromium';
}

function nodeArch() {
  const arch = { x64: 'x64', arm64: 'arm64' }[process.arch];
  if (process.platform !== 'linux' || !arch) {
    throw new Error(`code-server is provisioned for Linux x64/arm64 only (this is ${process.platform}/${process.arch}); install VS Code and use its \`code\` CLI instead.`);
  }
  return arch;
}

function isInstalled(pkg) {
  return new Promise((resolve) => {
    const dpkg = spawn('dpkg-query', ['-W', '-f=${Status}', pkg], { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    dpkg.stdout.on('data', (d) => (out += d));
    dpkg.on('error', () => resolve(false));
    dpkg.on('close', (code) => resolve(code === 0 && out.includes('install ok installed')));
  });
}

/** Fails with the exact apt-get command when a Debian package the install or the tests need is missing. */
async function requirePackages(packages, why) {
  const missing = [];
  for (const pkg of packages) if (!(await isInstalled(pkg))) missing.push(pkg);
  if (missing.length) {
    throw new Error(`${why} needs the Debian package(s) ${missing.join(', ')}. Install them with:\n` +
      `  sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`);
  }
}

/** Fails with the apt-get command when the Chromium the browser tests drive is not there. */
export function requireChromium() {
  const chromium = chromiumPath();
  if (!fs.existsSync(chromium)) {
    throw new Error(`The workbench tests drive Chromium at ${chromium}, which does not exist. Install it with:\n` +
      '  sudo apt-get update && sudo apt-get install -y chromium\n(or point CHROMIUM at another Chromium binary)');
  }
  return chromium;
}

/** Runs a command to completion, its output going to `logFile`; a failure shows the log's tail. */
function run(command, args, { cwd, env, logFile }) {
  return new Promise((resolve, reject) => {
    const log = fs.openSync(logFile, 'w');
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', log, log] });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      fs.closeSync(log);
      if (code === 0) return resolve();
      const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
      reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`}); last lines of ${logFile}:\n${tail}`));
    });
  });
}

/**
 * Installs into a temporary sibling of `target` and renames it into place only when complete, so an
 * interrupted install never leaves a half-filled folder that a later run would take for a good one.
 */
async function installAtomically(target, install) {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temp = fs.mkdtempSync(`${target}.partial-`);
  try {
    await install(temp);
    try {
      fs.renameSync(temp, target);
    } catch (e) {
      // Another run finished the same install first: keep theirs.
      if (!fs.existsSync(target)) throw e;
    }
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
}

/** Removes partial installs left by interrupted runs (older than an hour, so a concurrent install is spared). */
function removeStalePartials(dir) {
  if (!fs.existsSync(dir)) return;
  for (const name of fs.readdirSync(dir)) {
    const full = path.join(dir, name);
    if (name.includes('.partial-') && Date.now() - fs.statSync(full).mtimeMs > 3_600_000) {
      fs.rmSync(full, { recursive: true, force: true });
    }
  }
}

const npmFlags = ['--no-audit', '--no-fund', '--no-update-notifier', '--loglevel=error'];

async function provisionNode(cache, arch) {
  const dir = path.join(cache, `node-${NODE_MAJOR}-linux-${arch}`);
  const packageDir = (root) => path.join(root, 'node_modules', `node-linux-${arch}`);
  if (!fs.existsSync(path.join(packageDir(dir), 'bin', 'node'))) {
    await step(`Installing Node ${NODE_MAJOR} (npm package node-linux-${arch}@${NODE_MAJOR}) into ${dir}`, () =>
      installAtomically(dir, (temp) =>
        run('npm', ['install', '--prefix', temp, '--no-save', '--no-package-lock', ...npmFlags, `node-linux-${arch}@${NODE_MAJOR}`],
          { cwd: temp, env: process.env, logFile: path.join(cache, 'node-install.log') })));
  }
  return packageDir(dir);
}

async function provisionCodeServer(cache, nodeDir) {
  const dir = path.join(cache, `code-server-${CODE_SERVER_VERSION}-node${NODE_MAJOR}`);
  const bin = path.join(dir, 'node_modules', '.bin', 'code-server');
  if (!fs.existsSync(bin)) {
    await requirePackages(BUILD_PACKAGES, `Installing code-server (it compiles native modules)`);
    await step(`Installing code-server ${CODE_SERVER_VERSION} into ${dir} (compiles native modules: a few minutes)`, () =>
      installAtomically(dir, (temp) => {
        fs.writeFileSync(path.join(temp, 'package.json'), JSON.stringify({
          name: 'partner-center-customers-code-server',
          private: true,
          dependencies: { 'code-server': CODE_SERVER_VERSION },
          // npm 11 asks before running install scripts; code-server's postinstall installs VS Code's server modules.
          allowScripts: { 'code-server': true, argon2: true },
        }, null, 2));
        return run('npm', ['install', ...npmFlags], {
          cwd: temp,
          logFile: path.join(cache, 'code-server-install.log'),
          env: {
            ...process.env,
            // code-server's postinstall checks npm's Node major, and node-gyp builds against `node` on PATH…
            PATH: `${path.join(nodeDir, 'bin')}${path.delimiter}${process.env.PATH}`,
            // …and against these headers (a global `nodedir=/usr` would build the addons for the system Node).
            npm_config_nodedir: nodeDir,
            // kerberos's install tries a prebuilt binary from outside the npm registry before compiling: compile.
            npm_config_build_from_source: 'kerberos',
          },
        });
      }));
  }
  const vscodeVersion = JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', 'code-server', 'lib', 'vscode', 'package.json'), 'utf8')).version;
  return { bin, vscodeVersion };
}

/**
 * Makes sure Node 24 and code-server are installed (installing what is missing) and, when `browser` is set,
 * that Chromium is there. Returns what the runners need to start code-server.
 */
export async function provision({ browser = false } = {}) {
  const arch = nodeArch();
  if (browser) requireChromium();
  await requirePackages(TEST_PACKAGES, 'The integration tests');
  const cache = cacheDir();
  fs.mkdirSync(cache, { recursive: true });
  removeStalePartials(cache);
  const nodeDir = await provisionNode(cache, arch);
  const codeServer = await provisionCodeServer(cache, nodeDir);
  return {
    cache,
    nodeBinDir: path.join(nodeDir, 'bin'),
    codeServerBin: codeServer.bin,
    vscodeVersion: codeServer.vscodeVersion,
    chromium: browser ? chromiumPath() : undefined,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const tools = await step('Provisioning a real VS Code', () => provision({ browser: true }));
    say(`cache: ${tools.cache}`);
    say(`code-server ${CODE_SERVER_VERSION} (VS Code ${tools.vscodeVersion}): ${tools.codeServerBin}`);
    say(`node for code-server: ${tools.nodeBinDir}/node`);
    say(`chromium: ${tools.chromium}`);
  } catch (e) {
    console.error(`\n${e instanceof Error ? e.message : e}`);
    process.exit(1);
  }
}
