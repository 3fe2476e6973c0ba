/**
 * The GitHub stand-in's pull request comments, as GitHub's REST API serves them (a pull request's comments
 * are its issue's): GET /repos/{owner}/{repo}/issues/{number}/comments, paginated by per_page (at most 100)
 * and page with a Link header; POST to the same path; PATCH /repos/{owner}/{repo}/issues/comments/{id}. The
 * token's identity (GraphQL `viewer`) writes them. Its permission on pull requests is `write` (the default),
 * `read` (a write answers 403, as GitHub does for a token without pull-requests: write) or `none` (every
 * comment route answers 403). Any pull request number has comments: the stand-in does not check it exists.
 */

export type CommentPermission = 'write' | 'read' | 'none'
export const COMMENT_PERMISSIONS: readonly CommentPermission[] = ['write', 'read', 'none']

/** A comment as the control route takes it: someone's comment on a pull request. */
export interface CommentFixture {
  id?: number
  pullRequest: number
  /** A login: a bot's ends in [bot]. */
  author: string
  body: string
}

export interface StoredComment extends Required<CommentFixture> {
  createdAt: string
  updatedAt: string
}

/** GitHub's limit on a comment's body. */
const MAX_BODY = 65_536
const FORBIDDEN = { message: 'Resource not accessible by integration', status: '403' }
const LOGIN = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}(\[bot\])?$/

export type Reply = [number, unknown, Record<string, string>?]

export class CommentStore {
  private comments: StoredComment[] = []
  private nextId = 1001
  permission: CommentPermission = 'write'

  constructor(
    readonly login: string,
    private readonly repository: string
  ) {}

  /** The comments, oldest first. */
  list(): StoredComment[] {
    return this.comments.map((c) => ({ ...c }))
  }

  /** Replaces the comments; those without an id get the next ones. */
  replace(fixtures: CommentFixture[]): void {
    this.comments = fixtures.map((f) => this.stored(f))
  }

  /** Answers a comment route (path after /repos/{owner}/{repo}), or undefined when it is none. */
  answer(method: string, path: string, query: URLSearchParams, body: string, apiUrl: string): Reply | undefined {
    const list = /^\/issues\/([1-9][0-9]{0,9})\/comments$/.exec(path)
    const one = /^\/issues\/comments\/([1-9][0-9]{0,15})$/.exec(path)
    if (!list && !one) return undefined
    if (this.permission === 'none') return [403, FORBIDDEN]
    const number = Number(list?.[1])
    if (list && method === 'GET') return this.page(number, query, apiUrl, path)
    if (this.permission === 'read' && (method === 'POST' || method === 'PATCH')) return [403, FORBIDDEN]
    const text = readBody(body)
    if (list && method === 'POST') {
      if (typeof text !== 'string') return text
      const comment = this.stored({ pullRequest: number, author: this.login, body: text })
      this.comments.push(comment)
      return [201, present(comment, apiUrl, this.repository)]
    }
    if (one && method === 'PATCH') {
      const comment = this.comments.find((c) => c.id === Number(one[1]))
      if (!comment) return [404, { message: 'Not Found' }]
      if (typeof text !== 'string') return text
      Object.assign(comment, { body: text, updatedAt: new Date().toISOString() })
      return [200, present(comment, apiUrl, this.repository)]
    }
    return [404, { message: 'Not Found' }]
  }

  private page(number: number, query: URLSearchParams, apiUrl: string, path: string): Reply {
    const perPage = Math.min(100, Math.max(1, Number(query.get('per_page')) || 30))
    const page = Math.max(1, Number(query.get('page')) || 1)
    const all = this.comments.filter((c) => c.pullRequest === number)
    const last = Math.max(1, Math.ceil(all.length / perPage))
    const items = all.slice((page - 1) * perPage, page * perPage).map((c) => present(c, apiUrl, this.repository))
    const at = (n: number): string => `<${apiUrl}/repos/${this.repository}${path}?per_page=${perPage}&page=${n}>`
    const links = page < last ? [`${at(page + 1)}; rel="next"`, `${at(last)}; rel="last"`] : []
    return [200, items, links.length ? { Link: links.join(', ') } : {}]
  }

  private stored(fixture: CommentFixture): StoredComment {
    const id = fixture.id ?? this.nextId
    this.nextId = Math.max(this.nextId, id + 1)
    const now = new Date().toISOString()
    return { ...fixture, id, createdAt: now, updatedAt: now }
  }
}

/** The body of a create or update: `{"body": "…"}`, or the 400 / 422 GitHub answers. */
function readBody(text: string): string | Reply {
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    return [400, { message: 'Problems parsing JSON' }]
  }
  const value = (body as { body?: unknown } | null)?.body
  if (typeof value !== 'string' || value === '') return [422, { message: 'Validation Failed: body is missing' }]
  if (value.length > MAX_BODY)
    return [422, { message: 'Validation Failed: body is too long (maximum is 65536 characters)' }]
  return value
}

/** A comment as GitHub's REST API shows one: the fields a client reads, and a few more. */
function present(comment: StoredComment, apiUrl: string, repository: string): Record<string, unknown> {
  const bot = comment.author.endsWith('[bot]')
  return {
    id: comment.id,
    node_id: `IC_${comment.id}`,
    url: `${apiUrl}/repos/${repository}/issues/comments/${comment.id}`,
    html_url: `https://github.com/${repository}/pull/${comment.pullRequest}#issuecomment-${comment.id}`,
    body: comment.body,
    user: { login: comment.author, id: comment.author.length, type: bot ? 'Bot' : 'User' },
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    author_association: bot ? 'NONE' : 'MEMBER'
  }
}

/** Why a list of comments is refused, or undefined when it is one. */
export function commentsProblem(value: unknown): string | undefined {
  if (!Array.isArray(value)) return 'the body must be a JSON array of comments'
  for (const [index, item] of value.entries()) {
    const { id, pullRequest, author, body } = (item ?? {}) as Record<string, unknown>
    const problem =
      typeof item !== 'object' || item === null
        ? 'must be an object'
        : id !== undefined && !(Number.isSafeInteger(id) && (id as number) >= 1)
          ? 'id must be a whole number ≥ 1'
          : !(Number.isSafeInteger(pullRequest) && (pullRequest as number) >= 1)
            ? 'pullRequest must be a whole number ≥ 1'
            : typeof author !== 'string' || !LOGIN.test(author)
              ? 'author must be a GitHub login'
              : typeof body !== 'string'
                ? 'body must be a string'
                : undefined
    if (problem) return `comment ${index}: ${problem}`
  }
  return undefined
}
