// Builds every bundle of the project with esbuild.
//
//   node esbuild.js                 extension + webview page + sandbox (development: source maps)
//   node esbuild.js --production    the same, minified, no source maps (what the .vsix ships)
//   node esbuild.js --watch         rebuild on change (problem-matcher friendly output)
//   node esbuild.js --tests         also the unit, integration, UI and benchmark bundles under out/
//   node esbuild.js --only=sandbox  only the sandbox server (npm run sandbox)
//   node esbuild.js --only=unit     only the unit-test bundles (Stryker's build step: each mutant run needs no more)
//
// esbuild only strips types: `npm run check-types` (tsc --noEmit) is what type-checks.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const args = process.argv.slice(2);
const production = args.includes('--production');
const watch = args.includes('--watch');
const withTests = args.includes('--tests');
const only = (args.find((a) => a.startsWith('--only=')) || '').slice('--only='.length);

/** Prints errors as `file:line:column:` so the $esbuild-watch problem matcher understands them. */
const problemMatcherPlugin = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => {
      if (watch) console.log('[watch] build started');
    });
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      if (watch) console.log('[watch] build finished');
    });
  },
};

/** Copies the webview's static assets (stylesheet, codicons) next to its script in dist/webview. */
const copyWebviewAssetsPlugin = {
  name: 'copy-webview-assets',
  setup(build) {
    build.onEnd(() => {
      const target = path.join(__dirname, 'dist', 'webview');
      fs.mkdirSync(target, { recursive: true });
      const codicons = path.join(__dirname, 'node_modules', '@vscode', 'codicons', 'dist');
      for (const [from, to] of [
        [path.join(__dirname, 'media', 'webview', 'billing.css'), 'billing.css'],
        [path.join(codicons, 'codicon.css'), 'codicon.css'],
        [path.join(codicons, 'codicon.ttf'), 'codicon.ttf'],
      ]) {
        if (fs.existsSync(from)) fs.copyFileSync(from, path.join(target, to));
      }
    });
  },
};

const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  logLevel: 'silent',
  target: 'es2022',
  plugins: [problemMatcherPlugin],
};

/** Node bundles for development tools and tests (never shipped). */
const nodeTool = (entryPoints, outdir, extra = {}) => ({
  ...common,
  minify: false,
  sourcemap: 'linked',
  entryPoints,
  outdir,
  outbase: '.',
  platform: 'node',
  format: 'cjs',
  ...extra,
});

function configs() {
  // An ES module (VS Code loads a `.mjs` main with import()), split at each dynamic import(): activation loads
  // dist/extension.mjs and the chunks it imports statically; export, portals, billing edits and the billing
  // panel load their chunk on first use.
  const extension = {
    ...common,
    entryPoints: { extension: 'src/extension.ts' },
    outdir: 'dist',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
    platform: 'node',
    format: 'esm',
    external: ['vscode'],
    mainFields: ['module', 'main'],
    // CommonJS dependencies bundled in (@vscode/l10n) call require() for Node's built-ins.
    banner: { js: "import { createRequire as __pcCreateRequire } from 'node:module'; const require = __pcCreateRequire(import.meta.url);" },
  };
  const webview = {
    ...common,
    entryPoints: { billing: 'src/webview/page/billing.ts' },
    outdir: 'dist/webview',
    platform: 'browser',
    format: 'iife',
    plugins: [...common.plugins, copyWebviewAssetsPlugin],
  };
  const sandbox = nodeTool(['test/sandbox/cli.ts'], 'out', { outbase: 'test' });

  if (only === 'sandbox') return [sandbox];
  if (only === 'unit') return [nodeTool(['test/unit/**/*.ts'], 'out')];
  const all = [extension, webview, sandbox];
  if (withTests) {
    const glob = (dir) => (fs.existsSync(dir) ? [`${dir}/**/*.ts`] : []);
    const unit = glob('test/unit');
    if (unit.length) all.push(nodeTool(unit, 'out'));
    const integration = glob('test/integration');
    if (integration.length) all.push(nodeTool(integration, 'out', { external: ['vscode', 'mocha'] }));
    const ui = glob('test/ui');
    if (ui.length) all.push(nodeTool(ui, 'out', { external: ['playwright-core'] }));
    const bench = glob('test/bench');
    // esbuild's API runs its own binary. vscode, mocha and playwright-core: only test/bench/workbench imports them
    // (npm run bench:workbench: an extension-host entry and Playwright), resolved at run time like the
    // integration and UI bundles; the other bench bundles import none of them, so they are built as before.
    if (bench.length) all.push(nodeTool(bench, 'out', { external: ['esbuild', 'vscode', 'mocha', 'playwright-core'] }));
  }
  return all;
}

/** Chunk names carry a content hash: drop the previous build's (and the CommonJS bundle it replaced). */
function cleanExtensionOutput() {
  fs.rmSync(path.join(__dirname, 'dist', 'chunks'), { recursive: true, force: true });
  for (const stale of ['extension.js', 'extension.js.map']) fs.rmSync(path.join(__dirname, 'dist', stale), { force: true });
}

async function main() {
  if (!only) cleanExtensionOutput();
  const contexts = await Promise.all(configs().map((c) => esbuild.context(c)));
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  let failed = false;
  for (const ctx of contexts) {
    const result = await ctx.rebuild().catch((e) => ({ errors: e.errors || [e] }));
    if (result.errors && result.errors.length) failed = true;
    await ctx.dispose();
  }
  if (failed) process.exit(1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
