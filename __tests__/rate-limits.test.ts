/**
 * Rate limits and transient GraphQL errors, through the built bundle as the runner runs it, a liar in front
 * of GitHub (GITHUB_API_URL) or of Kapso (api-url): a limit GitHub signals (403 or 429 with Retry-After, or
 * x-ratelimit-remaining 0 with x-ratelimit-reset) is waited out within the step's time, never read as a
 * permissions problem; a wait longer than the step may sleep, or than it has left, fails at once, saying
 * who asked to wait how long; an error GitHub's GraphQL gives for one pull request that is not NOT_FOUND
 * is not "no such pull request". Every run is scanned for leaks.
 */
import { describe, expect, it } from 'vitest'
import { defaultScopeId } from '../emulator/server.js'
import { rateLimitWaitMs, readGraphqlErrors } from '../src/boundary/github-errors.js'
import {
  commitSha,
  deploymentStatusEvent,
  pullRequestEvent,
  REPOSITORY,
  scheduleEvent
} from '../scripts/github-events.js'
import type { ActionRun, GitHubEvent } from '../scripts/run-action.js'
import { useLiars, type Liar, type RawAnswer } from './support/liar.js'
import { auto, RECORD, record, usePreviews } from './support/previews.js'

const { kapso, github, step } = usePreviews()
const scopeId = defaultScopeId('platform')
const startLiar = useLiars()

const PERMISSIONS = 'Check github-token: it needs pull-requests: read'
const epochIn = (seconds: number): string => String(Math.floor(Date.now() / 1000) + seconds)
const secondary = (status: number, retryAfter: string): RawAnswer => ({
  status,
  headers: { 'Retry-After': retryAfter },
  body: '{"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again."}'
})
const primary = (status: number, reset: string): RawAnswer => ({
  status,
  headers: { 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
  body: '{"message":"API rate limit exceeded for installation ID 1."}'
})

/** A deployment of commit `seed`'s preview, whose pull request (#21) GitHub holds. */
function deployment(seed: string): { sha: string; short: string; event: GitHubEvent; url: string } {
  const sha = commitSha(seed)
  github.setPullRequests([{ number: 21, state: 'open', shas: [sha] }])
  const host = `shop-${seed}-octo-org.vercel.app`
  return {
    sha,
    short: sha.slice(0, 7),
    event: deploymentStatusEvent('vercel', { environment: 'preview', sha, url: `https://${host}` }),
    url: `https://${host}/api/whatsapp`
  }
}

/**
 * The liar answers `first` to the first requests, and passes the rest on to the GitHub stand-in; so too the
 * GET /rate_limit a sweep sends to open its connection ahead, which is no query of the action's.
 */
function githubAnswering(...first: RawAnswer[]): Promise<Liar> {
  let index = 0
  return startLiar((req) => (req.path === '/rate_limit' ? undefined : first[index++]), github.apiUrl)
}

/** What the liar saw, but for the connection a sweep opens ahead (GET /rate_limit). */
const queries = (liar: Liar): unknown[] => liar.seen.filter((seen) => seen.path !== '/rate_limit')

const errors = (run: ActionRun): string[] => run.stdout.split('\n').filter((line) => line.startsWith('::error::'))

describe("GitHub's REST API rate-limiting the step (a deployment's pull request)", () => {
  it.each([403, 429])(
    'a secondary limit (HTTP %i, Retry-After: 1) is waited out, with a notice, and the step goes on',
    async (status) => {
      const d = deployment(`sec${status}`)
      const front = await githubAnswering(secondary(status, '1'))
      const started = Date.now()
      const run = await step(auto(d.url), d.event, { githubUrl: front.origin })
      expect(run.exitCode, run.stdout).toBe(0)
      expect(run.outputs.result).toBe('created')
      expect(run.stdout).toContain(
        `::notice::GitHub is rate-limiting these requests (HTTP ${status}) while finding the pull request of commit ${d.short}: waiting 1 s as it asks, then trying again (attempt 2 of 5).`
      )
      expect(run.stdout).not.toContain(PERMISSIONS)
      expect(queries(front)).toHaveLength(2)
      expect(Date.now() - started).toBeGreaterThanOrEqual(1_000)
    }
  )

  it('a primary limit (HTTP 403, x-ratelimit-remaining 0) is waited out until x-ratelimit-reset, and the step goes on', async () => {
    const d = deployment('primary')
    const front = await githubAnswering(primary(403, epochIn(2)))
    const run = await step(auto(d.url), d.event, { githubUrl: front.origin })
    expect(run.exitCode, run.stdout).toBe(0)
    expect(run.outputs.result).toBe('created')
    expect(run.stdout).toMatch(
      new RegExp(
        `::notice::GitHub is rate-limiting these requests \\(HTTP 403\\) while finding the pull request of commit ${d.short}: waiting [1-3] s as it asks, then trying again \\(attempt 2 of 5\\)\\.`
      )
    )
    expect(queries(front)).toHaveLength(2)
  })

  it('a wait longer than the step will sleep fails at once, saying GitHub asks to wait that long, not to check the token', async () => {
    const d = deployment('long')
    const front = await githubAnswering(secondary(403, '120'))
    const started = Date.now()
    const run = await step(auto(d.url), d.event, { githubUrl: front.origin })
    expect(run.exitCode).toBe(1)
    expect(errors(run)).toEqual([
      `::error::GitHub is rate-limiting these requests (HTTP 403) while finding the pull request of commit ${d.short} and asks to wait 120 s, ` +
        'more than the 60 s this step will sleep. Nothing was changed by this request; re-run the job later.'
    ])
    expect(queries(front)).toHaveLength(1)
    expect(Date.now() - started).toBeLessThan(15_000)
    expect(kapso.webhooks()).toEqual([])
  })

  it('a reset further away than the step has left fails at once, saying how long GitHub asks to wait and how much time was left', async () => {
    const d = deployment('reset')
    const front = await githubAnswering(primary(403, epochIn(50)))
    const run = await step(auto(d.url, { 'timeout-seconds': '20' }), d.event, { githubUrl: front.origin })
    expect(run.exitCode).toBe(1)
    const [error = ''] = errors(run)
    expect(error).toMatch(
      new RegExp(
        `^::error::GitHub is rate-limiting these requests \\(HTTP 403\\) while finding the pull request of commit ${d.short} and asks to wait (49|50|51) s, ` +
          'more than the 1\\d(\\.\\d)? s left of timeout-seconds \\(20\\)\\. Nothing was changed by this request; re-run the job later or raise timeout-seconds\\.$'
      )
    )
    expect(error).not.toContain('ran out of time')
    expect(queries(front)).toHaveLength(1)
  })

  it.each([
    ['no rate-limit header', {}],
    ['x-ratelimit-remaining not 0', { 'x-ratelimit-remaining': '4999', 'x-ratelimit-reset': epochIn(2) }]
  ])('a 403 with %s is a permissions problem, said as before, and not sent again', async (_what, headers) => {
    const d = deployment('perm')
    const front = await githubAnswering({
      status: 403,
      headers,
      body: '{"message":"Resource not accessible by integration"}'
    })
    const run = await step(auto(d.url), d.event, { githubUrl: front.origin })
    expect(run.exitCode).toBe(1)
    expect(errors(run)).toEqual([
      `::error::GitHub refused finding the pull request of commit ${d.short} (HTTP 403). ${PERMISSIONS} on ${REPOSITORY} (add "permissions: pull-requests: read" to the job).`
    ])
    expect(run.stdout).not.toContain('rate-limiting')
    expect(queries(front)).toHaveLength(1)
  })
})

describe('Kapso rate-limiting the step', () => {
  it('asking to wait 59 s with 30 s of timeout-seconds: says Kapso asked that, and what was left, not that the step ran out of time', async () => {
    const liar = await startLiar(() => ({
      status: 429,
      headers: { 'Retry-After': '59' },
      body: '{"error":"Rate limit exceeded"}'
    }))
    const started = Date.now()
    const run = await step(
      auto('https://pr-31.preview.example.com/api/whatsapp', { 'timeout-seconds': '30' }),
      pullRequestEvent('opened', 31),
      { apiUrl: `${liar.origin}/platform/v1` }
    )
    expect(run.exitCode).toBe(1)
    const [error = ''] = errors(run)
    expect(error).toMatch(
      new RegExp(
        `^::error::Kapso is rate-limiting these requests \\(HTTP 429\\) while listing the webhooks of phone-number-id ${scopeId} and asks to wait 59 s, ` +
          'more than the (29\\.\\d|30) s left of timeout-seconds \\(30\\)\\. Nothing was changed by this request; re-run the job later or raise timeout-seconds\\.$'
      )
    )
    expect(run.stdout).not.toContain('ran out of time')
    expect(queries(liar)).toHaveLength(1)
    expect(Date.now() - started).toBeLessThan(15_000)
  })
})

describe("GitHub's GraphQL answers for sweep", () => {
  const sweep = (more: { githubUrl?: string } = {}): Promise<ActionRun> =>
    step({ operation: 'sweep', url: '', events: '' }, scheduleEvent({ repository: REPOSITORY }), more)
  /** Webhooks recorded for pull requests #7 (open) and #8 (closed). */
  function seedTwo(): { closed: string } {
    kapso.seed('platform', scopeId, {
      url: 'https://pr-7.preview.example.com/h',
      events: ['whatsapp.message.received'],
      headers: { [RECORD]: record('pull-request=7') }
    })
    const closed = kapso.seed('platform', scopeId, {
      url: 'https://pr-8.preview.example.com/h',
      events: ['whatsapp.message.received'],
      headers: { [RECORD]: record('pull-request=8') }
    })
    github.setPullRequests([
      { number: 7, state: 'open' },
      { number: 8, state: 'closed' }
    ])
    return { closed: closed.id }
  }
  /** As GitHub answers when resolving pr8 failed: data null for it, an error whose path ends with its alias. */
  const failedFor8 = (type?: string): RawAnswer => ({
    body: JSON.stringify({
      data: { repository: { pr7: { number: 7, state: 'OPEN' }, pr8: null } },
      errors: [
        {
          ...(type && { type }),
          path: ['repository', 'pr8'],
          locations: [{ line: 1, column: 80 }],
          message: 'Something went wrong while executing your query.'
        }
      ]
    })
  })

  it('NOT_FOUND for a pull request is "no such pull request": its webhooks are kept, with a warning', async () => {
    seedTwo()
    github.setPullRequests([{ number: 7, state: 'open' }])
    const run = await sweep()
    expect(run.exitCode, run.stdout).toBe(0)
    expect(run.stdout).toContain(`::warning::GitHub has no pull request #8 in ${REPOSITORY}: its webhooks are kept.`)
    expect(kapso.webhooks()).toHaveLength(2)
  })

  it.each([undefined, 'INTERNAL', 'SERVICE_UNAVAILABLE'])(
    'another error for one pull request (type %s) is sent again, and the sweep goes on once GitHub answers',
    async (type) => {
      const { closed } = seedTwo()
      const front = await githubAnswering(failedFor8(type))
      const run = await sweep({ githubUrl: front.origin })
      expect(run.exitCode, run.stdout).toBe(0)
      expect(run.stdout).not.toContain('GitHub has no pull request #8')
      expect(queries(front)).toHaveLength(2)
      expect(run.outputs).toMatchObject({ result: 'deleted', 'deleted-ids': closed })
    }
  )

  it("an error for one pull request that persists fails the sweep, naming the pull request and GitHub's message, deleting nothing", async () => {
    seedTwo()
    const liar = await startLiar(() => failedFor8('INTERNAL'))
    const run = await sweep({ githubUrl: liar.origin })
    expect(run.exitCode).toBe(1)
    expect(errors(run)).toEqual([
      `::error::Gave up reading the state of 2 pull requests of ${REPOSITORY} after 5 attempts; the last one ended with an error for pull request #8 in GitHub's GraphQL answer ` +
        '(GitHub said: Something went wrong while executing your query.).'
    ])
    expect(run.stdout).not.toContain('GitHub has no pull request #8')
    expect(queries(liar)).toHaveLength(5)
    expect(kapso.webhooks()).toHaveLength(2)
  })

  it('a RATE_LIMITED error is a rate limit: waited out until x-ratelimit-reset, then the sweep goes on', async () => {
    const { closed } = seedTwo()
    const front = await githubAnswering({
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': epochIn(1) },
      body: JSON.stringify({
        data: null,
        errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded for installation ID 1.' }]
      })
    })
    const run = await sweep({ githubUrl: front.origin })
    expect(run.exitCode, run.stdout).toBe(0)
    expect(run.stdout).toMatch(
      new RegExp(
        `::notice::GitHub is rate-limiting these requests \\(a RATE_LIMITED error in its GraphQL answer\\) while reading the state of 2 pull requests of ${REPOSITORY}: waiting [0-2] s as it asks, then trying again \\(attempt 2 of 5\\)\\.`
      )
    )
    expect(queries(front)).toHaveLength(2)
    expect(run.outputs['deleted-ids']).toBe(closed)
  })

  it('a secondary limit on the GraphQL endpoint (HTTP 403, Retry-After: 1) is waited out too', async () => {
    const { closed } = seedTwo()
    const front = await githubAnswering(secondary(403, '1'))
    const run = await sweep({ githubUrl: front.origin })
    expect(run.exitCode, run.stdout).toBe(0)
    expect(run.stdout).toContain(
      `::notice::GitHub is rate-limiting these requests (HTTP 403) while reading the state of 2 pull requests of ${REPOSITORY}: waiting 1 s as it asks, then trying again (attempt 2 of 5).`
    )
    expect(run.outputs['deleted-ids']).toBe(closed)
  })
})

describe("reading GitHub's rate-limit headers", () => {
  const now = Date.parse('2026-11-28T10:00:00Z')
  const epoch = (seconds: number): string => String(now / 1000 + seconds)

  it('takes Retry-After (seconds or a date), or the time until x-ratelimit-reset when x-ratelimit-remaining is 0, the longer of the two', () => {
    expect(rateLimitWaitMs({ 'retry-after': '3' }, now)).toBe(3_000)
    expect(rateLimitWaitMs({ 'retry-after': 'Sat, 28 Nov 2026 10:00:30 GMT' }, now)).toBe(30_000)
    expect(rateLimitWaitMs({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': epoch(90) }, now)).toBe(90_000)
    expect(rateLimitWaitMs({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': epoch(-5) }, now)).toBe(0)
    expect(
      rateLimitWaitMs({ 'retry-after': '3', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': epoch(90) }, now)
    ).toBe(90_000)
    expect(
      rateLimitWaitMs({ 'retry-after': '120', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': epoch(90) }, now)
    ).toBe(120_000)
  })

  it('names no wait without those signals: a 403 is then a refusal', () => {
    expect(rateLimitWaitMs(undefined, now)).toBeUndefined()
    expect(rateLimitWaitMs({}, now)).toBeUndefined()
    expect(rateLimitWaitMs({ 'x-ratelimit-remaining': '4999', 'x-ratelimit-reset': epoch(90) }, now)).toBeUndefined()
    expect(rateLimitWaitMs({ 'x-ratelimit-remaining': '0' }, now)).toBeUndefined()
    expect(rateLimitWaitMs({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': 'soon' }, now)).toBeUndefined()
    expect(rateLimitWaitMs({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '-1' }, now)).toBeUndefined()
    expect(rateLimitWaitMs({ 'retry-after': 'later' }, now)).toBeUndefined()
  })
})

describe("reading the errors of GitHub's GraphQL answer for pull request states", () => {
  const notFound = (alias: string): unknown => ({
    type: 'NOT_FOUND',
    path: ['repository', alias],
    message: 'Could not resolve to a PullRequest.'
  })

  it("takes NOT_FOUND at a pull request's alias, and errors that name no pull request, as nothing to act on", () => {
    expect(
      readGraphqlErrors([notFound('pr8'), { type: 'NOT_FOUND', message: 'Could not resolve to a Repository.' }], [7, 8])
    ).toEqual({})
    expect(readGraphqlErrors([{ type: 'INTERNAL', path: ['repository', 'pr9'], message: 'x' }], [7, 8])).toEqual({})
    expect(readGraphqlErrors('not a list', [7, 8])).toEqual({})
  })

  it("takes any other error for a pull request as its state unknown: the first one, with GitHub's message", () => {
    expect(
      readGraphqlErrors([notFound('pr7'), { path: ['repository', 'pr8'], message: 'Something went wrong' }], [7, 8])
    ).toEqual({ failed: { number: 8, message: 'Something went wrong' } })
    expect(
      readGraphqlErrors(
        [
          { type: 'FORBIDDEN', path: ['repository', 'pr7'] },
          { type: 'INTERNAL', path: ['repository', 'pr8'], message: 'y' }
        ],
        [7, 8]
      )
    ).toEqual({ failed: { number: 7, message: '' } })
    // NOT_FOUND below the alias (a field of the pull request) does not say the pull request is not there.
    expect(readGraphqlErrors([{ type: 'NOT_FOUND', path: ['repository', 'pr8', 'state'], message: 'z' }], [8])).toEqual(
      { failed: { number: 8, message: 'z' } }
    )
  })

  it('takes RATE_LIMITED (or RATE_LIMIT) anywhere as a rate limit, before anything else', () => {
    expect(
      readGraphqlErrors(
        [
          { path: ['repository', 'pr8'], message: 'x' },
          { type: 'RATE_LIMITED', message: 'API rate limit exceeded' }
        ],
        [8]
      )
    ).toEqual({ rateLimit: 'RATE_LIMITED' })
    expect(readGraphqlErrors([{ type: 'RATE_LIMIT', message: 'API rate limit already exceeded' }], [8])).toEqual({
      rateLimit: 'RATE_LIMIT'
    })
  })

  it('reads an error of another shape as one without type, message or path', () => {
    expect(readGraphqlErrors([42, null, { type: 7, path: 'repository.pr8', message: ['x'] }], [8])).toEqual({})
    expect(readGraphqlErrors([{ type: 7, path: ['repository', 'pr8'] }], [8])).toEqual({
      failed: { number: 8, message: '' }
    })
  })
})
