// Table 5, last rows: the minified extension as `node esbuild.js --production` builds it (same options, built in
// memory so dist/ is left as it is): an ES module split at each dynamic import(). What activation loads is the
// entry and the chunks it imports statically; the rest loads on first use. Each split by where the bytes come from.
import { type Metafile, build } from 'esbuild';
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

/** The outputs loaded with `entry`: it and, transitively, what it imports statically (not its dynamic imports). */
function loadedWith(outputs: Metafile['outputs'], entry: string): string[] {
  const loaded = new Set<string>();
  const visit = (file: string) => {
    if (loaded.has(file) || !outputs[file]) return;
    loaded.add(file);
    for (const imported of outputs[file].imports) if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
  };
  visit(entry);
  return [...loaded];
}

function byOrigin(outputs: Metafile['outputs'], files: readonly string[]): [string, string][] {
  const sizes = new Map<string, number>();
  for (const file of files) {
    for (const [input, { bytesInOutput }] of Object.entries(outputs[file]!.inputs)) sizes.set(origin(input), (sizes.get(origin(input)) ?? 0) + bytesInOutput);
  }
  return [...sizes].sort((a, b) => b[1] - a[1]).map(([name, bytes]) => [name, kb(bytes)]);
}

/** Prints the activation bundle and the chunks loaded later; returns the bytes activation loads. */
export async function bundleSize(): Promise<number> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { extension: 'src/extension.ts' },
    outdir: 'dist',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'esm',
    external: ['vscode'],
    mainFields: ['module', 'main'],
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const outputs = Object.fromEntries(Object.entries(result.metafile.outputs).filter(([file]) => file.endsWith('.mjs')));
  const entry = Object.keys(outputs).find((file) => outputs[file]!.entryPoint === 'src/extension.ts')!;
  const atActivation = loadedWith(outputs, entry);
  const later = Object.keys(outputs).filter((file) => !atActivation.includes(file));
  const bytes = (files: readonly string[]) => files.reduce((sum, file) => sum + outputs[file]!.bytes, 0);
  const activationBytes = bytes(atActivation);
  printTable(
    `Production bundle loaded at activation (dist/extension.mjs and ${atActivation.length - 1} chunks it imports), minified: ${kb(activationBytes)}, budget ${BUDGET_KB} KB — ${activationBytes <= BUDGET_KB * 1024 ? 'within' : 'OVER (goal not met)'}`,
    ['from', 'size'],
    [...byOrigin(outputs, atActivation), ['total', kb(activationBytes)]],
  );
  const chunkRows = later
    .map((file) => [file.replace(/^dist\/chunks\//, '').replace(/-[A-Z0-9]+\.mjs$/, ''), kb(outputs[file]!.bytes), byOrigin(outputs, [file]).map(([name, size]) => `${name} ${size}`).join(', ')])
    .sort((a, b) => a[0]!.localeCompare(b[0]!));
  printTable(
    `Loaded on first use (${later.length} chunks): ${kb(bytes(later))}; the whole extension ${kb(bytes(Object.keys(outputs)))}`,
    ['chunk', 'size', 'from'],
    chunkRows,
  );
  return activationBytes;
}
