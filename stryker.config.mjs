// @ts-check
/**
 * Mutation testing of src/ (npm run mutate): StrykerJS changes src/ one small edit at a time and runs the
 * in-process tests (vitest.mutate.config.ts says which, and why the spawned-bundle ones are left out)
 * against each; a mutant no test notices "survives". Not part of npm test or CI: a full run of the ~2,900
 * mutants took 76 minutes on a 2-core machine shared with other work (about 80 minutes of CPU), and
 * `npm run mutate -- --incremental` re-tests only the mutants whose code or tests changed (20 minutes after
 * editing four test files). The report is written to reports/mutation/ (git-ignored); the table of scores
 * per file is printed at the end.
 *
 * @stryker-mutator/* stay on 9: version 10 needs Node 22 (see .github/dependabot.yml).
 */
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'

const ROOT = dirname(fileURLToPath(import.meta.url))

// The tests run in a copy of the project under .stryker-tmp/, where ../shared/ (Kapso's OpenAPI, beside the
// repository) is not beside it: name the files' real place, so that the contract test runs instead of skipping.
const SHARED = join(ROOT, '..', 'shared', 'kapso-api')
for (const [name, file] of [
  ['KAPSO_LEGACY_OPENAPI', 'legacy-openapi-platform.yaml'],
  ['KAPSO_PLATFORM_OPENAPI', 'platform-openapi.yaml']
]) {
  if (!process.env[name] && existsSync(join(SHARED, file))) process.env[name] = join(SHARED, file)
}

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts' },
  // Each mutant runs only the tests that reached it in the first, instrumented run.
  coverageAnalysis: 'perTest',
  mutate: [
    'src/**/*.ts',
    // The entry point: its top-level await runs the action and ends the process on import, so no
    // in-process test can load it; the spawned-bundle tests cover its two lines.
    '!src/index.ts'
  ],
  // dist/ is what the spawned tests run, and none of them run here; reports are Stryker's own output.
  ignorePatterns: ['dist', 'reports', 'coverage'],
  concurrency: 2,
  reporters: ['html', 'json', 'clear-text', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // The table of scores per file is printed at the end; each survivor is in the HTML and JSON reports.
  clearTextReporter: { reportMutants: false, reportTests: false },
  // `npm run mutate -- --incremental` re-tests only what changed since the last run, from this file.
  incrementalFile: 'reports/stryker-incremental.json',
  thresholds: { high: 85, low: 70, break: null },
  tempDirName: '.stryker-tmp',
  // Also after a failed run: ESLint (eslint .) would otherwise lint the copies of the project left in it.
  cleanTempDir: 'always'
}

export default config
