import { expect } from 'vitest'
import type { GitHubEmulator } from '../../emulator/github.js'
import type { KapsoEmulator } from '../../emulator/server.js'
import { REPOSITORY } from '../../scripts/github-events.js'
import { emulatorInputs, type ActionRun, type GitHubEvent } from '../../scripts/run-action.js'
import { runChecked } from './bundle.js'
import { useEmulator, useGitHub } from './emulator.js'

/** The ownership record's header, and a record of this repository with these fields after it. */
export const RECORD = 'X-Provisioned-By'
export const record = (fields: string): string => `kapso-webhook-action; repository=${REPOSITORY}; ${fields}`

export interface PreviewRun {
  /** The state the main step saved, to run as its post step. */
  postState?: Record<string, string>
  /** A liar in front of GitHub (GITHUB_API_URL), or of Kapso (api-url). */
  githubUrl?: string
  apiUrl?: string
  /** More of the runner's environment (GITHUB_JOB, GITHUB_ACTION…). */
  env?: Record<string, string>
}

/**
 * A preview's world for spawned-bundle tests: the emulator, the GitHub stand-in, and a step that runs the
 * bundle on the Platform API for an event, every run scanned for leaks and silent on stderr.
 */
export function usePreviews(): {
  kapso: KapsoEmulator
  github: GitHubEmulator
  step: (inputs: Record<string, string>, event: GitHubEvent, more?: PreviewRun) => Promise<ActionRun>
} {
  const kapso = useEmulator()
  const github = useGitHub(REPOSITORY)
  const step = async (
    inputs: Record<string, string>,
    event: GitHubEvent,
    more: PreviewRun = {}
  ): Promise<ActionRun> => {
    const run = await runChecked(
      {
        ...emulatorInputs(kapso, 'platform'),
        events: 'whatsapp.message.received, whatsapp.message.sent',
        ...(more.apiUrl && { 'api-url': more.apiUrl }),
        ...inputs
      },
      {
        secrets: kapso.webhooks().map((w) => w.secret_key),
        env: more.env,
        options: { event: { ...event, apiUrl: more.githubUrl ?? github.apiUrl }, postState: more.postState }
      }
    )
    expect(run.stderr).toBe('')
    return run
  }
  return { kapso, github, step }
}

/** operation auto with this url, and more inputs. */
export const auto = (url: string, more: Record<string, string> = {}): Record<string, string> => ({
  operation: 'auto',
  url,
  ...more
})
