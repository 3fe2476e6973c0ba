import { defineConfig, mergeConfig } from 'vitest/config'
import { spawningTests } from './scripts/spawning-tests.js'
import base from './vitest.config.js'

/**
 * The tests `npm run mutate` runs against each mutant of src/: the in-process ones, those that import
 * from ../src. Left out, because no mutant of src/ can change what they see:
 * - the spawned-bundle tests (scripts/spawning-tests.ts finds them, as .ci/run does): they run
 *   dist/index.js, built before the mutants exist, so they test dist/, not the mutated src/; and Stryker's
 *   copy of the project has no dist/ (stryker.config.mjs ignores it), so they would fail its first run;
 * - the emulator's own tests: they import emulator/ only;
 * - release: it runs scripts/release/release.sh in a git sandbox.
 * A new test file is sorted by these rules without a change here.
 */
const NOT_IN_PROCESS = [...spawningTests(), '__tests__/emulator*.test.ts', '__tests__/release.test.ts']

export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: NOT_IN_PROCESS
    }
  })
)
