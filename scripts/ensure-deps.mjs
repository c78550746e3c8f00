// Runs `npm ci` when node_modules is missing or older than package-lock.json, so that `npm start` and
// `npm test` are the only two commands a fresh clone needs. A no-op when the install is current.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const installed = path.join(root, 'node_modules', '.package-lock.json');
const lock = path.join(root, 'package-lock.json');

const mtime = (file) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : undefined);
const installedAt = mtime(installed);
if (installedAt === undefined || installedAt < (mtime(lock) ?? 0)) {
  console.log(installedAt === undefined ? 'Installing dependencies (npm ci)…' : 'package-lock.json changed: reinstalling (npm ci)…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
