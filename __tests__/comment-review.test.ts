/**
 * A hostile review of the pull request comment: a comment the step must never edit, though it is written by
 * the same identity (every workflow of a repository comments as github-actions[bot]) and holds the step's
 * marker; and manifest mode's comment, one per step and manifest however many runs. Through the built bundle.
 */
import { describe, expect, it } from 'vitest'
import { EMULATOR_DEFAULTS } from '../emulator/server.js'
import { pullRequestEvent, REPOSITORY } from '../scripts/github-events.js'
import { runAction, type ActionRun } from '../scripts/run-action.js'
import { auto, usePreviews } from './support/previews.js'
import { useManifestWorkspaces } from './support/manifest.js'

const { kapso, github, step } = usePreviews()
const BOT = 'github-actions[bot]'
const URL_A = 'https://pr-7-a.preview.example.com/api/whatsapp'
const URL_B = 'https://pr-7-b.preview.example.com/api/whatsapp'
const place = { env: { GITHUB_JOB: 'preview', GITHUB_ACTION: 'hook' } }
const writes = (): string[] => github.requests.filter((r) => /^(POST|PATCH) \/repos\//.test(r))

describe('a comment by the same bot', () => {
  it('that quotes the step’s comment, marker and all, is never edited: the step posts its own', async () => {
    await step(auto(URL_A, { comment: 'true' }), pullRequestEvent('opened', 7), place)
    const own = github.comments()[0]?.body ?? ''
    // Another workflow of the repository (the same github-actions[bot]) quotes the step's comment; the step's
    // own comment is deleted by hand.
    const digest = `Digest of this pull request's bots:\n\n${own}`
    github.setComments([{ id: 1, pullRequest: 7, author: BOT, body: digest }])
    github.requests.length = 0
    const run = await step(auto(URL_B, { comment: 'true' }), pullRequestEvent('synchronize', 7), place)
    expect(run.exitCode, run.stdout).toBe(0)
    expect(github.comments()[0]?.body).toBe(digest)
    expect(github.comments()).toHaveLength(2)
    expect(writes()).toEqual([`POST /repos/${REPOSITORY}/issues/7/comments`])
  })
})

describe('manifest mode’s comment', () => {
  const workspaceWith = useManifestWorkspaces()
  const NUMBER = EMULATOR_DEFAULTS.phoneNumberId
  const file = (url: string): string =>
    `webhooks:\n  orders:\n    phone-number-id: "${NUMBER}"\n    url: ${url}\n    events: [whatsapp.message.received]\n`

  async function plan(path: string, text: string, inputs: Record<string, string> = {}): Promise<ActionRun> {
    const workspace = workspaceWith(path, text)
    const run = await runAction(
      {
        'api-key': EMULATOR_DEFAULTS.apiKey,
        'api-url': kapso.apiUrl('platform'),
        manifest: path,
        comment: 'true',
        ...inputs
      },
      { GITHUB_WORKSPACE: workspace, KAPSO_ACTION_BACKOFF_MS: '20', GITHUB_JOB: 'plan', GITHUB_ACTION: 'kapso' },
      { event: { ...pullRequestEvent('synchronize', 7), apiUrl: github.apiUrl } }
    )
    expect(run.exitCode, run.stdout).toBe(0)
    expect(run.stdout).not.toContain('::warning::')
    return run
  }

  it('is one per manifest however many runs, edited only when the plan changes', async () => {
    await plan('.kapso/prod.yml', file(URL_A), { 'dry-run': 'true' })
    await plan('.kapso/prod.yml', file(URL_A))
    await plan('.kapso/staging.yml', file(URL_B))
    expect(github.comments().map((c) => c.author)).toEqual([BOT, BOT])
    const [prod, staging] = github.comments()
    expect(prod?.body).toContain('Kapso webhooks: .kapso/prod.yml, upsert\n')
    expect(prod?.body).toMatch(/\| orders \| create \|/)
    expect(staging?.body).toContain('Kapso webhooks: .kapso/staging.yml, upsert')
    github.requests.length = 0
    await plan('.kapso/prod.yml', file(URL_A))
    await plan('.kapso/prod.yml', file(URL_A))
    expect(github.comments()).toHaveLength(2)
    expect(github.comments()[0]?.body).toMatch(/\| orders \| unchanged \|/)
    expect(writes()).toEqual([`PATCH /repos/${REPOSITORY}/issues/comments/${prod?.id}`])
  })
})
