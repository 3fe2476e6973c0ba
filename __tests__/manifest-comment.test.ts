/**
 * comment: true in manifest mode: the plan table on the pull request, in one comment per step that later
 * runs edit, with no secret in it, and never a reason for the step to fail. The built bundle against the
 * emulator and the GitHub stand-in.
 */
import { describe, expect, it } from 'vitest'
import { EMULATOR_DEFAULTS } from '../emulator/server.js'
import { pullRequestEvent, pushEvent, REPOSITORY } from '../scripts/github-events.js'
import type { ActionRun, GitHubEvent } from '../scripts/run-action.js'
import { runChecked } from './support/bundle.js'
import { useEmulator, useGitHub } from './support/emulator.js'
import { useManifestWorkspaces } from './support/manifest.js'

const kapso = useEmulator()
const github = useGitHub(REPOSITORY)
const NUMBER = EMULATOR_DEFAULTS.phoneNumberId
const PATH = '.kapso/webhooks.yml'
const SECRET = 'orders-secret-0123456789abcdef'
const ORDERS = 'https://api.acme.dev/kapso/orders'
const STATUS = 'https://api.acme.dev/kapso/status'
const PLACE = {
  GITHUB_WORKFLOW_REF: `${REPOSITORY}/.github/workflows/kapso.yml@refs/pull/7/merge`,
  GITHUB_JOB: 'webhooks',
  GITHUB_ACTION: 'webhooks'
}

const entry = (name: string, url: string, more = ''): string =>
  `  ${name}:\n    phone-number-id: "${NUMBER}"\n    url: ${url}\n    events: [whatsapp.message.received]\n${more}`
const ONE = `webhooks:\n${entry('orders', ORDERS, '    secret-key-env: ORDERS_SECRET\n')}`
const TWO = `${ONE}${entry('status', STATUS)}`

const workspaceWith = useManifestWorkspaces()

/** The bundle in manifest mode with comment: true, on this event, the manifest in a workspace of its own. */
async function step(manifest: string, event: GitHubEvent, inputs: Record<string, string> = {}): Promise<ActionRun> {
  const workspace = workspaceWith(PATH, manifest)
  const run = await runChecked(
    {
      'api-key': EMULATOR_DEFAULTS.apiKey,
      'api-url': kapso.apiUrl('platform'),
      manifest: PATH,
      comment: 'true',
      ...inputs
    },
    {
      secrets: [SECRET],
      env: { ...PLACE, GITHUB_WORKSPACE: workspace, ORDERS_SECRET: SECRET, KAPSO_ACTION_BACKOFF_MS: '20' },
      options: { event: { ...event, apiUrl: github.apiUrl } }
    }
  )
  expect(run.stderr).toBe('')
  return run
}

const writes = (): string[] => github.requests.filter((r) => /^(POST|PATCH) \/repos\//.test(r))

describe('manifest mode with comment: true', () => {
  it('puts the plan on the pull request in one comment, edited when the plan changes, left when it does not', async () => {
    const planned = await step(ONE, pullRequestEvent('synchronize', 7), { 'dry-run': 'true' })
    expect(planned.exitCode, planned.stdout).toBe(0)
    expect(github.comments()).toHaveLength(1)
    const [first] = github.comments()
    expect(first?.pullRequest).toBe(7)
    expect(first?.body).toContain(
      `### Kapso webhooks: .kapso/webhooks.yml, upsert (dry run: the plan, nothing written)`
    )
    expect(first?.body).toContain('| orders | would create |')
    expect(first?.body).not.toContain(SECRET)

    github.requests.length = 0
    await step(ONE, pullRequestEvent('synchronize', 7), { 'dry-run': 'true' })
    expect(writes()).toEqual([])

    const again = await step(TWO, pullRequestEvent('synchronize', 7), { 'dry-run': 'true' })
    expect(again.stdout).toContain('Updated the comment on pull request #7')
    expect(github.comments()).toHaveLength(1)
    expect(github.comments()[0]?.id).toBe(first?.id)
    expect(github.comments()[0]?.body).toContain('| status | would create |')
    expect(kapso.webhooks('platform')).toHaveLength(0)
  })

  it('on a push (no pull request) applies the file and only notes that there is nowhere to comment', async () => {
    const run = await step(ONE, pushEvent())
    expect(run.exitCode, run.stdout).toBe(0)
    expect(run.stdout).toMatch(/::notice::comment is true, but this push event is about no pull request/)
    expect(github.comments()).toHaveLength(0)
    expect(kapso.webhooks('platform').map((w) => w.url)).toEqual([ORDERS])
  })

  it('without pull-requests: write warns, naming it, and the step still succeeds with its plan', async () => {
    github.setCommentPermission('read')
    const run = await step(ONE, pullRequestEvent('synchronize', 7), { 'dry-run': 'true' })
    expect(run.exitCode, run.stdout).toBe(0)
    expect(run.stdout).toMatch(/::warning::.*pull-requests: write/)
    expect(JSON.parse(run.outputs.plan ?? '[]')).toMatchObject([{ name: 'orders', action: 'create' }])
    expect(github.comments()).toHaveLength(0)
  })
})
