/**
 * Test support for code that talks to @actions/core: the real input readers, with every side effect
 * (log lines, masks, outputs, failure) replaced by a recording mock.
 * Mock it with `vi.mock('@actions/core', async (orig) => (await import('./support/core-mock.js')).mockCore(orig))`
 * (vi.spyOn cannot patch an ESM namespace); the helpers here read what the mock recorded.
 */
import * as core from '@actions/core'
import { vi, type Mock } from 'vitest'
import { actionEnv } from '../../scripts/run-action.js'
import { forgetSecrets } from '../../src/secrets.js'

/** Puts the inputs in process.env as the runner would, with action.yml's defaults for the rest. */
export function setInputs(inputs: Record<string, string>): void {
  for (const key of Object.keys(process.env)) if (key.startsWith('INPUT_')) delete process.env[key]
  for (const [key, value] of Object.entries(actionEnv(inputs))) if (key.startsWith('INPUT_')) process.env[key] = value
}

const mocked = (fn: unknown): Mock => fn as Mock

/** What the mocked core recorded since the last clearCore(). */
export const recorded = {
  outputs: (): Record<string, string> =>
    Object.fromEntries(mocked(core.setOutput).mock.calls.map(([k, v]) => [k, String(v)])),
  failure: (): string | undefined => mocked(core.setFailed).mock.calls[0]?.[0] as string | undefined,
  warnings: (): string[] => mocked(core.warning).mock.calls.map(([m]) => String(m)),
  info: (): string[] => mocked(core.info).mock.calls.map(([m]) => String(m)),
  notices: (): string[] => mocked(core.notice).mock.calls.map(([m]) => String(m)),
  debug: (): string[] => mocked(core.debug).mock.calls.map(([m]) => String(m)),
  masks: (): string[] => mocked(core.setSecret).mock.calls.map(([m]) => String(m))
}

export function clearCore(): void {
  vi.clearAllMocks()
  // Each run of the action is a new process: it knows no secret yet.
  forgetSecrets()
}

/** The error a promise is rejected with; a promise that resolves fails the test. */
export async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise
  } catch (error) {
    return error as Error
  }
  throw new Error('it succeeded')
}
