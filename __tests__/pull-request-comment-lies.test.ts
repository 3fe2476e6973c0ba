/**
 * comment: true against a GitHub that lies: answers that are not JSON, of the wrong types, longer than asked
 * for or never ending, a viewer that is no login, a rate limit, a create whose answer is lost. The boundary
 * refuses what it cannot read; the step warns, posts nothing it cannot stand behind, and still succeeds with
 * its webhook in place. Through the built bundle, a liar in front of the GitHub stand-in.
 */
import { describe, expect, it } from 'vitest'
import { pullRequestEvent, REPOSITORY } from '../scripts/github-events.js'
import { useLiars, type RawAnswer, type Seen } from './support/liar.js'
import { auto, usePreviews } from './support/previews.js'

const { kapso, github, step } = usePreviews()
const startLiar = useLiars()

const URL_A = 'https://pr-7.preview.example.com/api/whatsapp'
const LIST = `/repos/${REPOSITORY}/issues/7/comments`
const isList = (req: Seen): boolean => req.method === 'GET' && req.path === LIST
const json = (body: unknown, more: RawAnswer = {}): RawAnswer => ({ body: JSON.stringify(body), ...more })
const foreign = (id: number): Record<string, unknown> => ({
  id,
  body: 'LGTM',
  user: { login: 'octocat', type: 'User' }
})

/** One commenting run on pull request #7 through a liar that answers what `lie` says (undefined: the truth). */
async function runThrough(lie: (req: Seen) => RawAnswer | undefined | Promise<RawAnswer | undefined>) {
  const liar = await startLiar(lie, github.apiUrl)
  const run = await step(auto(URL_A, { comment: 'true' }), pullRequestEvent('opened', 7), { githubUrl: liar.origin })
  // Whatever GitHub said, the webhook is in place and the step succeeded.
  expect(run.exitCode, run.stdout).toBe(0)
  expect(run.outputs.result).toBe('created')
  expect(kapso.webhooks()).toHaveLength(1)
  return { run, liar }
}

describe('an answer the boundary refuses is a warning, and no comment is posted on a guess', () => {
  it.each([
    ['not JSON', () => ({ body: '<html>Unicorn!</html>' }), 'is not a list'],
    ['of the wrong types', () => json([{ id: '12', body: 5 }]), 'has [0].id that is not a comment id'],
    ['a body past any comment', () => json([{ ...foreign(1), body: 'x'.repeat(300_000) }]), 'has [0].body that is'],
    [
      'longer than asked for',
      () => json(Array.from({ length: 101 }, (_, i) => foreign(i + 1))),
      'is not a list of at most the 100 asked for'
    ]
  ])('a page of comments %s', async (_, answer, said) => {
    const { run, liar } = await runThrough((req) => (isList(req) ? answer() : undefined))
    expect(run.stdout).toContain(
      `::warning::Could not comment on pull request #7 (reading its comments): GitHub's answer while reading the ` +
        `comments of pull request #7 of ${REPOSITORY} ${said}`
    )
    expect(liar.seen.filter((r) => r.method === 'POST' && r.path === LIST)).toEqual([])
    expect(github.comments()).toEqual([])
  })

  it('pages that never end: read to 10,000 comments, then no more', async () => {
    const { run, liar } = await runThrough((req) =>
      isList(req)
        ? json(Array.from({ length: 100 }, (_, i) => foreign(Number(req.query.get('page')) * 100 + i)))
        : undefined
    )
    expect(liar.seen.filter(isList)).toHaveLength(100)
    expect(run.stdout).toContain(
      "hold more than 10,000 comments: the step does not read on, nor guess which comment is its own: the step's " +
        'work in Kapso is done, only the comment is missing.'
    )
    expect(github.comments()).toEqual([])
  })

  it('a viewer that is no login', async () => {
    const { run } = await runThrough((req) =>
      req.path === '/graphql' ? json({ data: { viewer: { login: 'octo cat<script>' } } }) : undefined
    )
    expect(run.stdout).toContain("GitHub's answer while asking GitHub who github-token is has viewer.login that is not")
    expect(github.comments()).toEqual([])
  })
})

describe('what GitHub may do, handled', () => {
  it('a rate limit on the list: waits as GitHub asks, then comments', async () => {
    let limited = false
    const { run } = await runThrough((req) => {
      if (!isList(req) || limited) return undefined
      limited = true
      return json({ message: 'API rate limit exceeded' }, { status: 403, headers: { 'Retry-After': '1' } })
    })
    expect(run.stdout).toContain(
      '::notice::GitHub is rate-limiting these requests (HTTP 403) while reading the comments'
    )
    expect(run.stdout).not.toContain('::warning::')
    expect(github.comments()).toHaveLength(1)
  })

  it('a create whose answer is lost: found by its marker on the retry, not posted twice', async () => {
    let lost = false
    const { run } = await runThrough(async (req) => {
      if (req.method !== 'POST' || req.path !== LIST || lost) return undefined
      lost = true
      // GitHub takes the comment; its answer never comes back.
      await fetch(`${github.apiUrl}${req.path}`, {
        method: 'POST',
        body: req.body,
        headers: { Authorization: String(req.headers.authorization), 'Content-Type': 'application/json' }
      })
      return { destroy: true }
    })
    expect(run.stdout).toContain('did reach GitHub: using what it made instead of sending it again')
    expect(run.stdout).not.toContain('::warning::')
    expect(github.comments()).toHaveLength(1)
  })
})
