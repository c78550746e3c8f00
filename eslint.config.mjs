// ESLint flat config: typescript-eslint's recommended + stylistic rules, type-aware where it pays, and the
// architecture's layering (see LAYERS below), so a wrong-way import fails `npm run lint`.
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/** Modules that must run without VS Code (unit-tested in plain Node): no `vscode` import, not even a type. */
const PURE = [
  'src/api/**',
  'src/presentation/**',
  'src/export/**',
  'src/tree/model/**',
  'src/activity/model/**',
  'src/settings.ts',
  'src/customerRef.ts',
  'src/tree/nodeIds.ts',
  'src/tree/contextValues.ts',
  'src/tree/tooltips.ts',
  'src/documents/customerDocumentPath.ts',
  'src/documents/customerJson.ts',
  'src/webview/protocol.ts',
  'src/webview/billingHtml.ts',
  'src/webview/billingView.ts',
  'src/webview/pageMessageGate.ts',
  'src/webview/page/**',
  'src/commands/debouncedSearch.ts',
  'src/auth/connection.ts',
  'src/auth/rerunner.ts',
  'src/auth/scopes.ts',
  'src/auth/tokens.ts',
  'src/links/**',
];

/**
 * Who may import whom, by folder of `src/`. Data flows one way: settings → api → (tree | webview | documents |
 * export) → commands → extension.ts. A folder lists the `src/` folders and top-level modules it must not import.
 */
const LAYERS = {
  api: ['auth', 'commands', 'documents', 'export', 'presentation', 'tree', 'webview', 'config', 'services', 'settings', 'extension'],
  presentation: ['auth', 'commands', 'documents', 'export', 'tree', 'webview', 'config', 'services', 'extension'],
  export: ['auth', 'commands', 'documents', 'tree', 'webview', 'config', 'services', 'extension'],
  auth: ['commands', 'documents', 'export', 'tree', 'webview', 'extension'],
  tree: ['commands', 'documents', 'export', 'webview', 'extension'],
  webview: ['commands', 'documents', 'export', 'tree', 'extension'],
  documents: ['commands', 'export', 'tree', 'webview', 'extension'],
  commands: ['extension'],
  links: ['auth', 'commands', 'documents', 'export', 'tree', 'webview', 'config', 'services', 'extension'],
};

/** Import paths that reach `name` (a folder or a top-level module of src/) from anywhere below src/. */
const pathsTo = (name) => [`../${name}`, `../${name}/*`, `../../${name}`, `../../${name}/*`, `../../../${name}`, `../../../${name}/*`];

const VSCODE = { name: 'vscode', message: 'This module is pure (no VS Code): it is unit-tested in plain Node. See PURE in eslint.config.mjs.' };

/** One `no-restricted-imports` rule per file group: a later block would replace, not merge, an earlier one. */
function restrictions(folder, pure) {
  const banned = LAYERS[folder] ?? [];
  return {
    paths: pure ? [VSCODE] : [],
    patterns: banned.map((name) => ({
      group: pathsTo(name),
      message: `src/${folder}/ may not import ${name}: layers import downwards only. See LAYERS in eslint.config.mjs.`,
    })),
  };
}

const layerBlocks = Object.keys(LAYERS).flatMap((folder) => [
  {
    files: [`src/${folder}/**/*.ts`],
    ignores: PURE,
    rules: { '@typescript-eslint/no-restricted-imports': ['error', restrictions(folder, false)] },
  },
  {
    files: PURE.filter((glob) => glob.startsWith(`src/${folder}/`)),
    rules: { '@typescript-eslint/no-restricted-imports': ['error', restrictions(folder, true)] },
  },
]);

export default tseslint.config(
  {
    ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test-results/**', 'reports/**', '.stryker-tmp/**', '**/*.vsix'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...tseslint.configs.stylistic,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })],
      // Without these, import-x reads only .js files when it follows imports, and would see no cycle at all.
      'import-x/extensions': ['.ts'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
    },
    rules: {
      curly: ['warn', 'multi-line'],
      eqeqeq: ['warn', 'smart'],
      'no-console': 'off',
      '@typescript-eslint/no-floating-promises': 'warn',
      '@typescript-eslint/no-misused-promises': ['warn', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/no-unused-vars': ['warn', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/naming-convention': ['warn', { selector: 'import', format: ['camelCase', 'PascalCase'] }],
      '@typescript-eslint/consistent-type-imports': ['warn', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // No circle of imports in the extension: each module can be read (and tested) after what it imports.
    files: ['src/**/*.ts'],
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  // Top-level pure modules (settings, customerRef).
  {
    files: PURE.filter((glob) => !glob.slice('src/'.length).includes('/')),
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { paths: [VSCODE] }] },
  },
  ...layerBlocks,
  {
    // The billing page runs in the webview's browser: it knows nothing of the host but the protocol.
    files: ['src/webview/page/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [VSCODE],
          patterns: [{ regex: '^\\.\\./(?!protocol$)|^\\.\\./\\.\\./', message: 'The webview page imports only ../protocol.' }],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: {
        require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly',
        setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly', Buffer: 'readonly', AbortController: 'readonly',
        fetch: 'readonly', setInterval: 'readonly', clearInterval: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
);
