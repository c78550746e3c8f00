// Table 5, last row: the minified extension bundle as `node esbuild.js --production` builds it (same options,
// built in memory so dist/ is left as it is), split by where the bytes come from.
import { build } from 'esbuild';
import { join } from 'node:path';
import { printTable } from './table';

const BUDGET_KB = 150;
const ROOT = join(__dirname, '../../..');

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** `node_modules/zod/v4/…` → `zod`; `node_modules/@vscode/l10n/…` → `@vscode/l10n`; the project's own files → `src`. */
function origin(file: string): string {
  const at = file.lastIndexOf('node_modules/');
  if (at < 0) return 'src';
  const parts = file.slice(at + 'node_modules/'.length).split('/');
  return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

export async function bundleSize(): Promise<number> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ['src/extension.ts'],
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'cjs',
    external: ['vscode'],
    mainFields: ['module', 'main'],
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const output = Object.values(result.metafile.outputs)[0]!;
  const byOrigin = new Map<string, number>();
  for (const [file, input] of Object.entries(output.inputs)) byOrigin.set(origin(file), (byOrigin.get(origin(file)) ?? 0) + input.bytesInOutput);
  const rows = [...byOrigin].sort((a, b) => b[1] - a[1]).map(([name, bytes]) => [name, kb(bytes)]);
  printTable(
    `Production bundle (dist/extension.js, minified): ${kb(output.bytes)}, budget ${BUDGET_KB} KB — ${output.bytes <= BUDGET_KB * 1024 ? 'within' : 'OVER (goal not met)'}`,
    ['from', 'size'],
    [...rows, ['total', kb(output.bytes)]],
  );
  return output.bytes;
}
