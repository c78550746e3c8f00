// Mutation testing (npm run test:mutation): Stryker copies the project into .stryker-tmp/, instruments the pure
// modules there (every mutant compiled in, switched on at run time), rebuilds the unit-test bundles from those
// instrumented sources with esbuild, and runs them with mocha, each mutant against only the tests that cover it.
// Reports: reports/mutation/ (HTML and JSON); the incremental file lets a rerun reuse every unchanged result.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: [
    'src/api/**/*.ts',
    'src/export/**/*.ts',
    'src/presentation/**/*.ts',
    'src/tree/model/**/*.ts',
    'src/settings.ts',
  ],
  buildCommand: 'node esbuild.js --only=unit',
  testRunner: 'mocha',
  // The l10n test reads src/ as text (instrumented here) and covers none of the mutated code.
  mochaOptions: { spec: ['out/test/unit/**/*.test.js'], ignore: ['out/test/unit/l10n.test.js'] },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  coverageAnalysis: 'perTest',
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  reporters: ['html', 'json', 'clear-text', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowEmojis: false, logTests: false, reportScoreTable: true },
  thresholds: { high: 85, low: 80, break: null },
  // Most of the unit tests wait on real timers and a real HTTP sandbox, not the CPU: three runners beside the
  // checker keep two cores busy.
  concurrency: 4,
  // A mutant in module-level code (constants, schemas) is only seen after a reload of every test file: Stryker
  // would rerun the whole suite for each. They are reported as ignored instead; see README (Testing).
  ignoreStatic: true,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
