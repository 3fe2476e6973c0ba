import { expect } from 'vitest'
import { EMULATOR_DEFAULTS } from '../../emulator/server.js'
import { findLeaks } from '../../scripts/leaks.js'
import { FAKE_GITHUB_TOKEN, runAction, type ActionRun, type RunOptions } from '../../scripts/run-action.js'

export interface CheckedRun {
  /** Secrets besides the emulator's API key and the GitHub token; those shorter than 10 characters cannot be scanned for and are left out. */
  secrets?: string[]
  /** More environment (RUNNER_DEBUG is on already). */
  env?: Record<string, string>
  options?: RunOptions
}

/**
 * Runs dist/index.js as the runner does, with debug logging on, and checks what every run must hold,
 * whatever it was asked: no known secret nor 10 characters of one in the log, the job summary or an output
 * (the secret-key output aside: it is one on purpose, and masked), no stack trace, no raw JavaScript error.
 */
export async function runChecked(
  inputs: Record<string, string>,
  { secrets = [], env = {}, options = {} }: CheckedRun = {}
): Promise<ActionRun> {
  const run = await runAction(inputs, { RUNNER_DEBUG: '1', ...env }, options)
  const known = [EMULATOR_DEFAULTS.apiKey, FAKE_GITHUB_TOKEN, ...secrets].filter((secret) => secret.length >= 10)
  const log = `${run.stdout}\n${run.stderr}`
  expect(findLeaks(log, known)).toEqual([])
  const shown = [
    run.summary,
    ...Object.entries(run.outputs)
      .filter(([name]) => name !== 'secret-key')
      .map(([, value]) => value)
  ]
  expect(findLeaks(shown.join('\n'), known)).toEqual([])
  expect(log).not.toMatch(/\n\s+at .+:\d+:\d+/)
  expect(log).not.toMatch(/is not a function|Cannot read propert|Maximum call stack|unexpected error/i)
  return run
}
