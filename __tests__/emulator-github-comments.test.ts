/**
 * The GitHub stand-in's pull request comments: listed a page at a time with GitHub's Link header, created
 * and updated by the token's identity, refused with 403 when the token may not write (or read) them; who
 * the token is (GraphQL viewer); and the control routes that seed comments and set the permission.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { GitHubEmulator } from '../emulator/github.js'

const REPO = 'octo-org/shop'
const TOKEN = 'test-token'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read loosely, as a test does
type Reply = { status: number; json: any; link: string | null }

let github: GitHubEmulator
beforeAll(async () => {
  github = await GitHubEmulator.start({ repository: REPO, token: TOKEN })
})
afterAll(() => github.close())
beforeEach(() => {
  github.setComments([])
  github.setCommentPermission('write')
})

async function request(method: string, path: string, body?: unknown, token: string | null = TOKEN): Promise<Reply> {
  const response = await fetch(`${github.apiUrl}${path}`, {
    method,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    headers: token === null ? {} : { Authorization: `token ${token}` }
  })
  return { status: response.status, json: await response.json(), link: response.headers.get('link') }
}
const comments = (number: number, query = ''): Promise<Reply> =>
  request('GET', `/repos/${REPO}/issues/${number}/comments${query}`)
const post = (number: number, body: unknown): Promise<Reply> =>
  request('POST', `/repos/${REPO}/issues/${number}/comments`, body)
const patch = (id: number, body: unknown): Promise<Reply> =>
  request('PATCH', `/repos/${REPO}/issues/comments/${id}`, body)

describe('pull request comments', () => {
  it("creates a comment as the token's identity, lists it in GitHub's shape, and updates it", async () => {
    const created = await post(7, { body: 'hello' })
    expect(created.status).toBe(201)
    expect(created.json).toMatchObject({
      id: expect.any(Number),
      body: 'hello',
      user: { login: 'github-actions[bot]', type: 'Bot' },
      html_url: `https://github.com/${REPO}/pull/7#issuecomment-${created.json.id}`
    })
    expect((await comments(7)).json).toEqual([created.json])
    expect((await comments(8)).json).toEqual([])
    const updated = await patch(created.json.id, { body: 'edited' })
    expect(updated).toMatchObject({ status: 200, json: { id: created.json.id, body: 'edited' } })
    expect(github.comments()).toMatchObject([{ id: created.json.id, pullRequest: 7, body: 'edited' }])
    expect(github.requests).toContain(`PATCH /repos/${REPO}/issues/comments/${created.json.id}`)
  })

  it('lists a page at a time, oldest first, with a Link to the next and the last page', async () => {
    github.setComments(Array.from({ length: 5 }, (_, i) => ({ pullRequest: 7, author: 'octocat', body: `c${i}` })))
    const first = await comments(7, '?per_page=2')
    expect(first.json.map((c: { body: string }) => c.body)).toEqual(['c0', 'c1'])
    expect(first.link).toBe(
      `<${github.apiUrl}/repos/${REPO}/issues/7/comments?per_page=2&page=2>; rel="next", ` +
        `<${github.apiUrl}/repos/${REPO}/issues/7/comments?per_page=2&page=3>; rel="last"`
    )
    const last = await comments(7, '?per_page=2&page=3')
    expect(last.json.map((c: { body: string }) => c.body)).toEqual(['c4'])
    expect(last.link).toBeNull()
    expect((await comments(7, '?per_page=2&page=4')).json).toEqual([])
    // GitHub's default page is 30, its largest 100.
    github.setComments(Array.from({ length: 150 }, () => ({ pullRequest: 7, author: 'octocat', body: 'x' })))
    expect((await comments(7)).json).toHaveLength(30)
    expect((await comments(7, '?per_page=500')).json).toHaveLength(100)
  })

  it('answers who the token is to GraphQL viewer', async () => {
    const viewer = await request('POST', '/graphql', { query: 'query { viewer { login } }' })
    expect(viewer.json).toEqual({ data: { viewer: { login: 'github-actions[bot]' } } })
    const other = await GitHubEmulator.start({ repository: REPO, token: TOKEN, login: 'octo-bot' })
    try {
      const asked = await fetch(`${other.apiUrl}/graphql`, {
        method: 'POST',
        body: JSON.stringify({ query: 'query { viewer { login } }' }),
        headers: { Authorization: `Bearer ${TOKEN}` }
      })
      expect(await asked.json()).toEqual({ data: { viewer: { login: 'octo-bot' } } })
    } finally {
      await other.close()
    }
  })

  it('refuses writes with 403 when the token may only read, and everything when it may not read', async () => {
    github.setComments([{ id: 5, pullRequest: 7, author: 'octocat', body: 'LGTM' }])
    github.setCommentPermission('read')
    const forbidden = { status: 403, json: { message: 'Resource not accessible by integration', status: '403' } }
    expect(await post(7, { body: 'x' })).toMatchObject(forbidden)
    expect(await patch(5, { body: 'x' })).toMatchObject(forbidden)
    expect((await comments(7)).status).toBe(200)
    github.setCommentPermission('none')
    expect(await comments(7)).toMatchObject(forbidden)
    expect(github.comments()).toMatchObject([{ body: 'LGTM' }])
  })

  it.each([
    ['no body', {}, 422],
    ['an empty body', { body: '' }, 422],
    ['a body over 65,536 characters', { body: 'x'.repeat(65_537) }, 422],
    ['text that is not JSON', '{', 400]
  ])('refuses a comment with %s', async (_, body, status) => {
    expect((await post(7, body)).status).toBe(status)
    expect(github.comments()).toEqual([])
  })

  it('answers 404 to an update of a comment it does not have, and 401 without the token', async () => {
    expect((await patch(999, { body: 'x' })).status).toBe(404)
    expect((await request('GET', `/repos/${REPO}/issues/7/comments`, undefined, null)).status).toBe(401)
  })
})

describe('the comment control routes', () => {
  it('PUT /_github/comments seeds comments, without a token, and GET shows them', async () => {
    const seeded = [{ id: 3, pullRequest: 7, author: 'octocat', body: 'a quote' }]
    const put = await request('PUT', '/_github/comments', seeded, null)
    expect(put).toMatchObject({ status: 200, json: { data: [seeded[0]] } })
    expect((await request('GET', '/_github/comments', undefined, null)).json.data).toMatchObject(seeded)
    // New comments take ids after the seeded ones.
    expect((await post(7, { body: 'mine' })).json.id).toBeGreaterThan(3)
  })

  it.each([
    ['not an array', { pullRequest: 1 }, 'Invalid comments: the body must be a JSON array of comments'],
    [
      'a bad author',
      [{ pullRequest: 1, author: 'a b', body: '' }],
      'Invalid comments: comment 0: author must be a GitHub login'
    ],
    [
      'no pull request',
      [{ author: 'octocat', body: '' }],
      'Invalid comments: comment 0: pullRequest must be a whole number ≥ 1'
    ]
  ])('PUT /_github/comments refuses %s and changes nothing', async (_, body, message) => {
    expect(await request('PUT', '/_github/comments', body, null)).toMatchObject({ status: 422, json: { message } })
    expect(github.comments()).toEqual([])
  })

  it('PUT /_github/permissions sets what the token may do with comments', async () => {
    expect(await request('PUT', '/_github/permissions', { 'pull-requests': 'read' }, null)).toMatchObject({
      status: 200,
      json: { data: { 'pull-requests': 'read' } }
    })
    expect((await post(7, { body: 'x' })).status).toBe(403)
    expect((await request('PUT', '/_github/permissions', { 'pull-requests': 'admin' }, null)).status).toBe(422)
    expect((await request('POST', '/_github/permissions', {}, null)).status).toBe(405)
  })
})
