import { afterAll, beforeAll, beforeEach } from 'vitest'
import { KapsoEmulator, type EmulatorOptions } from '../../emulator/server.js'
import { clearCore } from './core.js'

/**
 * One emulator for the test file, started before its tests and closed after them, its state reset before
 * each test. Returns a stand-in that forwards to the running emulator.
 */
export function useEmulator(options: EmulatorOptions = {}, beforeEachTest: () => void = () => {}): KapsoEmulator {
  let running: KapsoEmulator | undefined
  beforeAll(async () => {
    running = await KapsoEmulator.start(options)
  })
  afterAll(() => running?.close())
  beforeEach(() => {
    running?.reset()
    beforeEachTest()
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

/** The same, for tests of run() in-process: the @actions/core mock is cleared before each test too. */
export function useEmulatorWithMockedCore(): KapsoEmulator {
  return useEmulator({}, clearCore)
}
