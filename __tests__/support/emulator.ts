import { afterAll, beforeAll, beforeEach } from 'vitest'
import { GitHubEmulator } from '../../emulator/github.js'
import { KapsoEmulator, type EmulatorOptions } from '../../emulator/server.js'
import { FAKE_GITHUB_TOKEN } from '../../scripts/run-action.js'
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
  return forwarder(() => running)
}

/**
 * The GitHub stand-in for the test file, for `repository` and the token the spawned runs use (the one
 * `${{ github.token }}` gives them), its pull requests and comments cleared, and the token's permission to
 * comment restored, before each test.
 */
export function useGitHub(repository: string): GitHubEmulator {
  let running: GitHubEmulator | undefined
  beforeAll(async () => {
    running = await GitHubEmulator.start({ repository, token: FAKE_GITHUB_TOKEN })
  })
  afterAll(() => running?.close())
  beforeEach(() => {
    running?.setPullRequests([])
    running?.setComments([])
    running?.setCommentPermission('write')
    running?.setLatency(0)
  })
  return forwarder(() => running)
}

/** A stand-in that forwards to what `current` gives once it runs. */
function forwarder<T extends object>(current: () => T | undefined): T {
  const running = (): T => {
    const value = current()
    if (!value) throw new Error('the emulator is used outside a test')
    return value
  }
  return new Proxy({} as T, {
    get: (_target, key) => {
      const value: unknown = Reflect.get(running(), key)
      return typeof value === 'function' ? value.bind(running()) : value
    }
  })
}

/** The same, for tests of run() in-process: the @actions/core mock is cleared before each test too. */
export function useEmulatorWithMockedCore(): KapsoEmulator {
  return useEmulator({}, clearCore)
}
