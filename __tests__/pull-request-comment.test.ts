/**
 * comment: true, in the single-webhook mode: one comment per step on the pull request, kept up to date on
 * every later run, never someone else's, never a secret in it, and never a reason for the step to fail.
 * Through the built bundle against the emulator and the GitHub stand-in, every run scanned for leaks.
 */
import { describe, expect, it } from 'vitest'
import { EMULATOR_DEFAULTS } from '../emulator/server.js'
import { findLeaks } from '../scripts/leaks.js'
import { commitSha, deploymentStatusEvent, pullRequestEvent, pushEvent, REPOSITORY } from '../scripts/github-events.js'
import { FAKE_GITHUB_TOKEN, type ActionRun } from '../scripts/run-action.js'
import { auto, usePreviews } from './support/previews.js'

const { kapso, github, step } = usePreviews()

const BOT = 'github-actions[bot]'
const URL_A = 'https://pr-7-a.preview.example.com/api/whatsapp'
const URL_B = 'https://pr-7-b.preview.example.com/api/whatsapp'
const MARKER = /^<!-- kapso-webhook-action:comment [0-9a-f]{24} -->\n/

/** Where a step stands in its workflow, as the runner says: the same on every run of it. */
const place = (stepId: string, job = 'preview'): Record<string, string> => ({
  GITHUB_WORKFLOW_REF: `${REPOSITORY}/.github/workflows/preview.yml@refs/pull/7/merge`,
  GITHUB_JOB: job,
  GITHUB_ACTION: stepId
})
const hook = { env: place('hook') }
const commenting = (url: string, more: Record<string, string> = {}): Record<string, string> =>
  auto(url, { comment: 'true', ...more })
const bodies = (): string[] => github.comments().map((c) => c.body)
const writes = (): string[] => github.requests.filter((r) => /^(POST|PATCH) \/repos\//.test(r))

function succeeded(run: ActionRun): void {
  expect(run.exitCode, run.stdout).toBe(0)
  expect(run.stdout).not.toContain('::warning::')
}

describe('one comment per step', () => {
  it('is posted on the first run and edited by every later one: created, updated, then left as it is', async () => {
    const first = await step(commenting(URL_A), pullRequestEvent('opened', 7), hook)
    succeeded(first)
    const [posted] = github.comments()
    expect(github.comments()).toHaveLength(1)
    expect(posted).toMatchObject({ pullRequest: 7, author: BOT })
    expect(posted?.body).toMatch(MARKER)
    expect(posted?.body).toContain(`| ${first.outputs['webhook-id']} |`)
    expect(posted?.body).toContain(`<a href="${URL_A}">`)
    expect(posted?.body).toContain('auto → upsert, created')
    expect(first.stdout).toContain(`Posted a comment on pull request #7: https://github.com/${REPOSITORY}/pull/7#`)

    const second = await step(commenting(URL_B), pullRequestEvent('synchronize', 7), hook)
    succeeded(second)
    expect(github.comments()).toHaveLength(1)
    expect(github.comments()[0]?.id).toBe(posted?.id)
    expect(bodies()[0]).toContain('auto → upsert, updated')
    expect(bodies()[0]).toContain(`<a href="${URL_B}">`)
    expect(bodies()[0]).toContain(`| url | ${URL_A} | ${URL_B} |`)
    expect(second.stdout).toContain('Updated the comment on pull request #7')

    github.requests.length = 0
    const third = await step(commenting(URL_B), pullRequestEvent('synchronize', 7), hook)
    succeeded(third)
    expect(bodies()[0]).toContain('auto → upsert, unchanged')
    const fourth = await step(commenting(URL_B), pullRequestEvent('synchronize', 7), hook)
    expect(fourth.stdout).toContain('The comment on pull request #7 already says this: left as it is')
    expect(github.comments()).toHaveLength(1)
    // Third run: one edit (updated → unchanged); fourth: none.
    expect(writes()).toEqual([`PATCH /repos/${REPOSITORY}/issues/comments/${posted?.id}`])
  })

  it('is one per step: two steps keep two comments, each about its own webhook', async () => {
    const worker = 'https://pr-7-worker.preview.example.com/api/whatsapp'
    for (let run = 0; run < 2; run++) {
      await step(commenting(URL_A), pullRequestEvent('synchronize', 7), hook)
      await step(commenting(worker, { name: 'worker' }), pullRequestEvent('synchronize', 7), { env: place('worker') })
    }
    expect(github.comments()).toHaveLength(2)
    const [api, other] = bodies()
    expect(api).toContain(`<a href="${URL_A}">`)
    expect(other).toContain(`<a href="${worker}">`)
    expect(other).toContain('### Kapso webhook worker:')
    expect(api?.split('\n')[0]).not.toBe(other?.split('\n')[0])
  })

  it('goes on the pull request whose head a deployment is, as the webhook does', async () => {
    const sha = commitSha('deployed')
    github.setPullRequests([{ number: 9, state: 'open', shas: [sha] }])
    const event = deploymentStatusEvent('vercel', { environment: 'preview', sha, url: 'https://app-9.vercel.app' })
    const run = await step({ operation: 'auto', url: 'https://app-9.vercel.app/api/kapso', comment: 'true' }, event)
    succeeded(run)
    expect(github.comments().map((c) => c.pullRequest)).toEqual([9])
    expect(bodies()[0]).toContain('auto → upsert, created')
  })

  it('says, on close, what was deleted', async () => {
    const opened = await step(commenting(URL_A), pullRequestEvent('opened', 7), hook)
    const closed = await step(commenting(URL_A), pullRequestEvent('closed', 7), hook)
    succeeded(closed)
    expect(kapso.webhooks()).toEqual([])
    expect(github.comments()).toHaveLength(1)
    expect(bodies()[0]).toContain('auto → delete, deleted')
    expect(bodies()[0]).toContain(`| ${opened.outputs['webhook-id']} |`)
    const again = await step(commenting(URL_A), pullRequestEvent('closed', 7), hook)
    succeeded(again)
    expect(bodies()[0]).toContain('no webhook of pull request #7 to delete')
  })

  it('plans in a dry run, saying nothing was written', async () => {
    const run = await step(commenting(URL_A, { 'dry-run': 'true' }), pullRequestEvent('opened', 7), hook)
    succeeded(run)
    expect(kapso.webhooks()).toEqual([])
    expect(bodies()[0]).toContain('(dry run, nothing written), would be created')
    expect(bodies()[0]).toContain('**Planned changes**')
  })
})

describe("someone else's comment", () => {
  it('is never edited, even when it quotes the marker: the step posts its own', async () => {
    await step(commenting(URL_A), pullRequestEvent('opened', 7), hook)
    const quoted = `${bodies()[0] ?? ''}\n\n> Quoted by a reviewer.`
    // The step's own comment deleted by hand; a person's and another bot's carry its marker.
    github.setComments([
      { id: 1, pullRequest: 7, author: 'octocat', body: quoted },
      { id: 2, pullRequest: 7, author: 'renovate[bot]', body: quoted }
    ])
    const before = github.comments()
    github.requests.length = 0
    const run = await step(commenting(URL_B), pullRequestEvent('synchronize', 7), hook)
    succeeded(run)
    expect(github.comments().slice(0, 2)).toEqual(before)
    expect(github.comments()).toHaveLength(3)
    expect(github.comments()[2]).toMatchObject({ author: BOT })
    expect(writes()).toEqual([`POST /repos/${REPOSITORY}/issues/7/comments`])
  })

  it('on another pull request, or by the same bot without the marker, is left alone too', async () => {
    github.setComments([
      { id: 1, pullRequest: 8, author: BOT, body: 'another pull request' },
      { id: 2, pullRequest: 7, author: BOT, body: 'a comment of another action' }
    ])
    await step(commenting(URL_A), pullRequestEvent('opened', 7), hook)
    expect(bodies().slice(0, 2)).toEqual(['another pull request', 'a comment of another action'])
    expect(github.comments()).toHaveLength(3)
  })
})

describe('a comment that cannot be posted', () => {
  it.each([
    ['may read but not write (pull-requests: read)', 'read', 'posting a comment'],
    ['may not even read', 'none', 'reading its comments']
  ] as const)('warns naming the permission when the token %s; the step succeeds', async (_, permission, stage) => {
    github.setCommentPermission(permission)
    const run = await step(commenting(URL_A), pullRequestEvent('opened', 7), hook)
    expect(run.exitCode, run.stdout).toBe(0)
    expect(run.outputs.result).toBe('created')
    expect(kapso.webhooks().map((w) => w.id)).toEqual([run.outputs['webhook-id']])
    expect(run.stdout).toContain(
      `::warning::Could not comment on pull request #7 (${stage}): GitHub answered HTTP 403, as it does when ` +
        'github-token may not write to pull requests. Add "permissions: pull-requests: write" to the job'
    )
    expect(github.comments()).toEqual([])
  })

  it('is a notice on an event without a pull request', async () => {
    const run = await step({ url: 'https://staging.example.com/api/whatsapp', comment: 'true' }, pushEvent())
    succeeded(run)
    expect(run.outputs.result).toBe('created')
    expect(run.stdout).toContain(
      '::notice::comment is true, but this push event is about no pull request: no comment was posted.'
    )
    expect(github.requests).toEqual([])
  })

  it('is a warning when github-token is empty', async () => {
    const run = await step({ ...commenting(URL_A), 'github-token': '' }, pullRequestEvent('opened', 7), hook)
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toContain('::warning::comment is true, but github-token is empty: no comment was posted.')
  })

  it('comes with no request to GitHub at all when comment is false', async () => {
    await step(auto(URL_A), pullRequestEvent('opened', 7), hook)
    expect(github.requests).toEqual([])
  })
})

describe('secrets', () => {
  it('are never in the comment: not the signing secret, not a header value, not the API key', async () => {
    const secret = 'comment-signing-secret-0123456789abcdef'
    const rotated = 'comment-rotated-secret-fedcba9876543210'
    const header = 'Bearer header-token-abcdef0123456789'
    const inputs = { 'secret-key': secret, headers: `Authorization: ${header}` }
    await step(commenting(URL_A, inputs), pullRequestEvent('opened', 7), hook)
    const created = bodies()[0] ?? ''
    await step(commenting(URL_A, { ...inputs, 'secret-key': rotated }), pullRequestEvent('synchronize', 7), hook)
    const updated = bodies()[0] ?? ''
    expect(created).toContain('(hidden, from input)')
    expect(updated).toContain('(hidden, changed)')
    const known = [secret, rotated, header, EMULATOR_DEFAULTS.apiKey, FAKE_GITHUB_TOKEN]
    expect(findLeaks(`${created}\n${updated}`, known)).toEqual([])
  })
})
