/** The @actions/core mock: real input readers, recording mocks for every side effect. See core.ts. */
import { vi } from 'vitest'

export async function mockCore(importOriginal: () => Promise<unknown>): Promise<unknown> {
  const real = (await importOriginal()) as Record<string, unknown>
  return {
    ...real,
    setSecret: vi.fn(),
    setOutput: vi.fn(),
    setFailed: vi.fn(),
    info: vi.fn(),
    warning: vi.fn(),
    notice: vi.fn(),
    error: vi.fn(),
    debug: vi.fn()
  }
}
