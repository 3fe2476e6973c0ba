import { defineConfig, mergeConfig } from 'vitest/config'
import base from './vitest.config.js'

/**
 * The tests `npm run mutate` runs against each mutant of src/: the in-process ones, those that import
 * from ../src. Left out, because no mutant of src/ can change what they see:
 * - the spawned-bundle tests (they call runAction from scripts/run-action.ts, or scripts/chaos.ts which
 *   does): they run dist/index.js, built before the mutants exist, so they test dist/, not the mutated src/;
 * - the emulator's own tests: they import emulator/ only;
 * - release: it runs scripts/release/release.sh in a git sandbox.
 * A new in-process test file is picked up by the include of vitest.config.ts without a change here.
 */
const NOT_IN_PROCESS = [
  // spawned bundle (runAction)
  '__tests__/smoke.test.ts',
  '__tests__/faults.test.ts',
  '__tests__/previews.test.ts',
  '__tests__/proxy.test.ts',
  '__tests__/chaos.test.ts',
  // the emulator alone
  '__tests__/emulator*.test.ts',
  '__tests__/contract-platform.test.ts',
  // scripts/release
  '__tests__/release.test.ts'
]

export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: NOT_IN_PROCESS
    }
  })
)
