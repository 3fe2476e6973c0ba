/**
 * The GitHub stand-in: the commit → pull requests answer in GitHub's shape, its control routes
 * (/_github/pulls, /_github/requests) that set and show the pull requests while it runs, and the
 * --pull-request flag's format.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { GitHubEmulator, parsePullRequestFlag } from '../emulator/github.js'

const REPO = 'octo-org/shop'
const TOKEN = 'test-token'
const SHA = 'a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a7b8c9d0'
const HEAD = 'ffffffffffffffffffffffffffffffffffffffff'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read loosely, as a test does
type Reply = { status: number; json: any }

let github: GitHubEmulator
beforeAll(async () => {
  github = await GitHubEmulator.start({ repository: REPO, token: TOKEN })
})
afterAll(() => github.close())
beforeEach(() => github.setPullRequests([]))

async function request(method: string, path: string, body?: string, token: string | null = TOKEN): Promise<Reply> {
  const response = await fetch(`${github.apiUrl}${path}`, {
    method,
    body,
    headers: token === null ? {} : { Authorization: `token ${token}` }
  })
  return { status: response.status, json: await response.json() }
}
const pullsOf = (sha: string): Promise<Reply> => request('GET', `/repos/${REPO}/commits/${sha}/pulls`)

describe('GET /repos/{owner}/{repo}/commits/{sha}/pulls', () => {
  it('answers the pull requests holding the commit as GitHub does: number, state, head ref and sha, base ref', async () => {
    github.setPullRequests([
      { number: 7, state: 'merged', shas: [SHA, HEAD], ref: 'feature-x' },
      { number: 8, state: 'closed', shas: [SHA] },
      { number: 9, state: 'open', shas: [HEAD] }
    ])
    const { status, json } = await pullsOf(SHA)
    expect(status).toBe(200)
    expect(json).toMatchObject([
      // GitHub's REST API has no "merged" state: closed, with merged_at. The last commit is the head.
      {
        number: 7,
        state: 'closed',
        merged_at: expect.any(String),
        head: { ref: 'feature-x', sha: HEAD, repo: { full_name: REPO } },
        base: { ref: 'main', repo: { full_name: REPO } }
      },
      { number: 8, state: 'closed', merged_at: null, head: { ref: 'pr-8', sha: SHA } }
    ])
    expect(json).toHaveLength(2)
    expect((await pullsOf('0000000')).json).toEqual([])
  })

  it('starts with the pull requests given, on the port and host given, and takes a Bearer token too', async () => {
    // The shared stand-in's port is in use: a second server there fails as any listen does.
    await expect(GitHubEmulator.start({ repository: REPO, token: TOKEN, port: github.port })).rejects.toMatchObject({
      code: 'EADDRINUSE'
    })
    const started = await GitHubEmulator.start({
      repository: REPO,
      token: TOKEN,
      host: '127.0.0.1',
      pulls: [{ number: 1, state: 'open', shas: [SHA] }]
    })
    try {
      expect(started.apiUrl).toBe(`http://127.0.0.1:${started.port}`)
      const answer = await fetch(`${started.apiUrl}/repos/${REPO}/commits/${SHA}/pulls`, {
        headers: { Authorization: `Bearer ${TOKEN}` }
      })
      expect(await answer.json()).toMatchObject([
        { number: 1, state: 'open', merged_at: null, head: { ref: 'pr-1', sha: SHA }, base: { ref: 'main' } }
      ])
    } finally {
      await started.close()
    }
  })

  it('refuses a request without the token, and knows no other repository', async () => {
    expect(await request('GET', `/repos/${REPO}/commits/${SHA}/pulls`, undefined, null)).toEqual({
      status: 401,
      json: { message: 'Bad credentials' }
    })
    expect((await request('GET', `/repos/octo-org/other/commits/${SHA}/pulls`)).status).toBe(404)
  })
})

describe('the control routes', () => {
  const put = (body: unknown): Promise<Reply> =>
    request('PUT', '/_github/pulls', typeof body === 'string' ? body : JSON.stringify(body), null)

  it('PUT /_github/pulls replaces the pull requests, without a token, and GET shows them', async () => {
    const pulls = [
      { number: 42, state: 'open', shas: [SHA], ref: 'feature-x' },
      { number: 43, state: 'merged' }
    ]
    expect(await put(pulls)).toEqual({ status: 200, json: { data: pulls } })
    expect(await request('GET', '/_github/pulls', undefined, null)).toEqual({ status: 200, json: { data: pulls } })
    expect((await pullsOf(SHA)).json).toMatchObject([{ number: 42, head: { ref: 'feature-x', sha: SHA } }])
    const graphql = await request(
      'POST',
      '/graphql',
      JSON.stringify({
        query:
          'query($owner: String!, $repo: String!) { repository(owner: $owner, name: $repo) { pr43: pullRequest(number: 43) { number state } } }',
        variables: { owner: 'octo-org', repo: 'shop' }
      })
    )
    expect(graphql.json).toEqual({ data: { repository: { pr43: { number: 43, state: 'MERGED' } } } })
    expect(await request('GET', '/_github/requests', undefined, null)).toEqual({
      status: 200,
      json: { data: [`GET /repos/${REPO}/commits/${SHA}/pulls`, 'POST /graphql (pull requests 43)'] }
    })
    await put([])
    expect((await request('GET', '/_github/requests', undefined, null)).json).toEqual({ data: [] })
  })

  it.each([
    ['not JSON', '[{', 400, 'Problems parsing JSON'],
    [
      'not an array',
      { number: 1, state: 'open' },
      422,
      'Invalid pull requests: the body must be a JSON array of pull requests'
    ],
    [
      'a number of 0',
      [{ number: 0, state: 'open' }],
      422,
      'Invalid pull requests: pull request 0: number must be a whole number ≥ 1'
    ],
    [
      'an unknown state',
      [{ number: 1, state: 'draft' }],
      422,
      'Invalid pull requests: pull request 0: state must be one of open, closed, merged'
    ],
    [
      'a bad sha',
      [{ number: 1, state: 'open', shas: ['xyz'] }],
      422,
      'Invalid pull requests: pull request 0: shas must be an array of commit SHAs (7 to 40 lower-case hex digits)'
    ],
    [
      'a bad ref',
      [{ number: 1, state: 'open', ref: 'a b' }],
      422,
      'Invalid pull requests: pull request 0: ref must be a branch name'
    ],
    [
      'a number twice',
      [
        { number: 1, state: 'open' },
        { number: 1, state: 'closed' }
      ],
      422,
      'Invalid pull requests: pull request 1: number 1 is given twice'
    ]
  ])('refuses %s and changes nothing', async (_name, body, status, message) => {
    github.setPullRequests([{ number: 5, state: 'open' }])
    expect(await put(body)).toEqual({ status, json: { message } })
    expect(github.pullRequests()).toEqual([{ number: 5, state: 'open' }])
  })

  it('answers 405 to another method and 404 to another control path', async () => {
    expect((await request('POST', '/_github/pulls', '[]', null)).status).toBe(405)
    expect((await request('GET', '/_github/nothing', undefined, null)).status).toBe(404)
  })
})

describe('--pull-request NUMBER:STATE[:SHA,…[:REF]]', () => {
  it('reads a number, a state, commits and a branch', () => {
    expect(parsePullRequestFlag('42:open')).toEqual({ number: 42, state: 'open' })
    expect(parsePullRequestFlag(`42:merged:${SHA},${HEAD}`)).toEqual({ number: 42, state: 'merged', shas: [SHA, HEAD] })
    expect(parsePullRequestFlag(`42:open:${SHA}:feature/x-1`)).toEqual({
      number: 42,
      state: 'open',
      shas: [SHA],
      ref: 'feature/x-1'
    })
  })

  it.each([['x:open'], ['42'], ['42:opened'], ['42:open:nothex'], ['-1:open']])(
    'refuses "%s", saying what it takes',
    (text) => {
      expect(() => parsePullRequestFlag(text)).toThrow(
        `--pull-request must be NUMBER:STATE[:SHA,…[:REF]], not "${text}": `
      )
    }
  )
})

describe('GET /rate_limit, connections, requests in flight and latency', () => {
  it("answers GitHub's rate-limit shape to the token, and counts connections and requests in flight", async () => {
    const answer = await request('GET', '/rate_limit')
    expect(answer.status).toBe(200)
    expect(answer.json.resources.core).toMatchObject({ limit: 5000, remaining: expect.any(Number) })
    expect((await request('GET', '/rate_limit', undefined, null)).status).toBe(401)
    expect(github.requests).toEqual(['GET /rate_limit', 'GET /rate_limit'])
    github.setLatency(100)
    const started = Date.now()
    await Promise.all([1, 2].map(() => request('GET', '/rate_limit')))
    expect(Date.now() - started).toBeGreaterThanOrEqual(95)
    expect(github.maxInFlight).toBe(2)
    // Two at once need a second connection beside any kept alive from before.
    expect(github.connectionTimes.length).toBeGreaterThanOrEqual(1)
    github.setLatency(0)
  })
})
