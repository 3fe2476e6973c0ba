import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['__tests__/**/*.test.ts'],
    // Spawned-bundle tests start real processes against the emulator: give them room on a 2-core runner.
    testTimeout: 30_000,
    // Retries back off from 20 ms instead of 1 s, here and in the bundles the tests spawn (they inherit it).
    env: { KAPSO_ACTION_BACKOFF_MS: '20' }
  }
})
