import { afterAll, beforeAll, beforeEach } from 'vitest'
import { KapsoEmulator } from '../../emulator/server.js'
import { clearCore } from './core.js'

/**
 * One emulator for the test file, started before its tests and closed after them; before each test its
 * state and the @actions/core mock are cleared. Returns a stand-in that forwards to the running emulator.
 */
export function useEmulatorWithMockedCore(): KapsoEmulator {
  let running: KapsoEmulator | undefined
  beforeAll(async () => {
    running = await KapsoEmulator.start()
  })
  afterAll(() => running?.close())
  beforeEach(() => {
    running?.reset()
    clearCore()
  })
  const current = (): KapsoEmulator => {
    if (!running) throw new Error('the emulator is used outside a test')
    return running
  }
  return new Proxy({} as KapsoEmulator, {
    get: (_target, key) => {
      const value: unknown = Reflect.get(current(), key)
      return typeof value === 'function' ? value.bind(current()) : value
    }
  })
}
