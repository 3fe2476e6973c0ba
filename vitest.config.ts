import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['__tests__/**/*.test.ts'],
    // Spawned-bundle tests start real processes against the emulator: give them room on a 2-core runner.
    testTimeout: 30_000
  }
})
