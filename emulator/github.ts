/**
 * A local stand-in for what the action asks GitHub: the pull requests that hold a commit (REST), the
 * states of pull requests by number (GraphQL, many in one query by alias), who the token is (GraphQL
 * `viewer`), and pull request comments (REST, see github-comments.ts). Point GITHUB_API_URL at it, as on
 * GitHub Enterprise Server; Octokit sends GraphQL to GITHUB_API_URL/graphql.
 *
 * GET /rate_limit answers as GitHub does (the action asks it to open its connection ahead of a sweep's
 * queries). It counts connections and requests in flight, and can hold every answer (latencyMs).
 *
 * Control routes, which take no token (like the Kapso emulator's /_emulator/…): GET /_github/pulls lists
 * the pull requests; PUT /_github/pulls with a JSON array of PullRequestFixture replaces them (and clears
 * the recorded requests), answering 200 {"data": [...]}, or 400 / 422 {"message"} with nothing changed;
 * GET /_github/requests lists the requests recorded. GET /_github/comments lists the comments; PUT
 * /_github/comments with a JSON array of CommentFixture replaces them; PUT /_github/permissions with
 * {"pull-requests": "write" | "read" | "none"} sets what the token may do with comments.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http'
import { createServer as createHttpsServer, Server as HttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import {
  COMMENT_PERMISSIONS,
  CommentStore,
  commentsProblem,
  type CommentFixture,
  type CommentPermission,
  type Reply,
  type StoredComment
} from './github-comments.js'
import { copyFixture, presentPullRequest, pullRequestProblem, type PullRequestFixture } from './github-pulls.js'
import { readBody } from './http.js'

export type { CommentFixture, CommentPermission, StoredComment } from './github-comments.js'

export { parsePullRequestFlag, type PullRequestFixture } from './github-pulls.js'

export interface GitHubEmulatorOptions {
  /** owner/name: the only repository it knows. */
  repository: string
  /** The only token accepted, as `Authorization: token …` or `Bearer …`. */
  token: string
  /** Serve HTTPS (for a test that reaches it through a proxy, by a name only the proxy knows). */
  tls?: { key: string; cert: string }
  /** Default 0: a free port. */
  port?: number
  /** Default 127.0.0.1. */
  host?: string
  pulls?: PullRequestFixture[]
  /** Who the token is (GraphQL viewer, and the author of the comments it writes); default github-actions[bot]. */
  login?: string
  /** What the token may do with pull request comments; default write. */
  commentPermission?: CommentPermission
  /** Hold every answer this long (default 0), so that requests overlap as they would over a network. */
  latencyMs?: number
}

/** GitHub's answer to GET /rate_limit (its documented shape, the numbers made up). */
const RATE_LIMIT = {
  resources: {
    core: { limit: 5000, used: 1, remaining: 4999, reset: 1_900_000_000 },
    graphql: { limit: 5000, used: 0, remaining: 5000, reset: 1_900_000_000 }
  },
  rate: { limit: 5000, used: 1, remaining: 4999, reset: 1_900_000_000 }
}

export class GitHubEmulator {
  /** Every request as "METHOD path", and for GraphQL the pull request numbers asked for. */
  readonly requests: string[] = []
  /** When each TCP connection was accepted (Date.now()), since the last setPullRequests. */
  readonly connectionTimes: number[] = []
  /** Requests received and not yet answered, now; and the most at once since the last setPullRequests. */
  inFlight = 0
  maxInFlight = 0
  private latencyMs = 0
  private pulls: PullRequestFixture[] = []
  private readonly commentStore: CommentStore

  private constructor(
    private readonly server: Server,
    readonly repository: string,
    readonly token: string,
    login: string
  ) {
    this.commentStore = new CommentStore(login, repository)
  }

  static async start(options: GitHubEmulatorOptions): Promise<GitHubEmulator> {
    const server = options.tls ? createHttpsServer(options.tls) : createServer()
    const emulator = new GitHubEmulator(
      server,
      options.repository,
      options.token,
      options.login ?? 'github-actions[bot]'
    )
    emulator.pulls = (options.pulls ?? []).map(copyFixture)
    emulator.commentStore.permission = options.commentPermission ?? 'write'
    emulator.latencyMs = options.latencyMs ?? 0
    server.on('connection', () => emulator.connectionTimes.push(Date.now()))
    server.on('request', (req, res) => {
      emulator.maxInFlight = Math.max(emulator.maxInFlight, ++emulator.inFlight)
      res.on('close', () => emulator.inFlight--)
      void readBody(req).then(
        async (body) => {
          const [status, answer, headers = {}] = emulator.answer(req, body)
          if (emulator.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, emulator.latencyMs))
          res
            .writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers })
            .end(JSON.stringify(answer))
        },
        () => res.destroy()
      )
    })
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve)
    })
    return emulator
  }

  /** http://host:port, or https:// when serving TLS: what GITHUB_API_URL should be. */
  get apiUrl(): string {
    const { address, port } = this.server.address() as AddressInfo
    return `${this.server instanceof HttpsServer ? 'https' : 'http'}://${address.includes(':') ? `[${address}]` : address}:${port}`
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port
  }

  /** The pull requests it knows, as given. */
  pullRequests(): PullRequestFixture[] {
    return this.pulls.map(copyFixture)
  }

  /** Holds every answer this long from now on (0: none), as a network's round trip would. */
  setLatency(ms: number): void {
    this.latencyMs = ms
  }

  /** Replaces the pull requests, and forgets the requests recorded so far. */
  setPullRequests(pulls: PullRequestFixture[]): void {
    this.pulls = pulls.map(copyFixture)
    this.requests.length = 0
    this.connectionTimes.length = 0
    this.maxInFlight = this.inFlight
  }

  /** The pull request comments, oldest first. */
  comments(): StoredComment[] {
    return this.commentStore.list()
  }

  /** Replaces the comments (someone else's, say). */
  setComments(comments: CommentFixture[]): void {
    this.commentStore.replace(comments)
  }

  /** What the token may do with comments: write, read (a write answers 403) or none (everything 403). */
  setCommentPermission(permission: CommentPermission): void {
    this.commentStore.permission = permission
  }

  async close(): Promise<void> {
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  private answer(req: IncomingMessage, body: string): Reply {
    const method = req.method ?? 'GET'
    const url = new URL(req.url ?? '/', 'http://github')
    const path = url.pathname
    if (path.startsWith('/_github/')) return this.control(method, path, body)
    const authorization = req.headers.authorization
    if (authorization !== `token ${this.token}` && authorization !== `Bearer ${this.token}`) {
      this.requests.push(`${method} ${path}`)
      return [401, { message: 'Bad credentials' }]
    }
    if (method === 'POST' && path === '/graphql') return this.graphql(body)
    this.requests.push(`${method} ${path}`)
    if (method === 'GET' && path === '/rate_limit') return [200, RATE_LIMIT]
    const prefix = `/repos/${this.repository}`
    if (!path.startsWith(`${prefix}/`)) return [404, { message: 'Not Found' }]
    const comments = this.commentStore.answer(method, path.slice(prefix.length), url.searchParams, body, this.apiUrl)
    if (comments) return comments
    if (method !== 'GET') return [404, { message: 'Not Found' }]
    const commit = /^\/commits\/([0-9a-f]+)\/pulls$/.exec(path.slice(prefix.length))
    if (!commit) return [404, { message: 'Not Found' }]
    const holding = this.pulls.filter((p) => p.shas?.includes(commit[1] as string))
    return [200, holding.map((p) => presentPullRequest(p, this.repository, this.apiUrl))]
  }

  /** The out-of-band routes: look at and set the pull requests, look at the requests. */
  private control(method: string, path: string, body: string): Reply {
    if (path === '/_github/pulls' && method === 'GET') return [200, { data: this.pullRequests() }]
    if (path === '/_github/requests' && method === 'GET') return [200, { data: [...this.requests] }]
    if (path === '/_github/comments' || path === '/_github/permissions') return this.commentControl(method, path, body)
    if (path !== '/_github/pulls') return [404, { message: 'Not Found' }]
    if (method !== 'PUT') return [405, { message: 'Method not allowed: GET or PUT /_github/pulls' }]
    let pulls: unknown
    try {
      pulls = JSON.parse(body)
    } catch {
      return [400, { message: 'Problems parsing JSON' }]
    }
    const problem = pullRequestProblem(pulls)
    if (problem) return [422, { message: `Invalid pull requests: ${problem}` }]
    this.setPullRequests(pulls as PullRequestFixture[])
    return [200, { data: this.pullRequests() }]
  }

  /** The comment control routes: GET and PUT /_github/comments, PUT /_github/permissions. */
  private commentControl(method: string, path: string, body: string): Reply {
    if (path === '/_github/comments' && method === 'GET') return [200, { data: this.comments() }]
    if (method !== 'PUT') return [405, { message: `Method not allowed: ${path} takes PUT` }]
    let value: unknown
    try {
      value = JSON.parse(body)
    } catch {
      return [400, { message: 'Problems parsing JSON' }]
    }
    if (path === '/_github/permissions') {
      const permission = (value as { 'pull-requests'?: unknown } | null)?.['pull-requests']
      if (!COMMENT_PERMISSIONS.includes(permission as CommentPermission))
        return [422, { message: `pull-requests must be one of ${COMMENT_PERMISSIONS.join(', ')}` }]
      this.setCommentPermission(permission as CommentPermission)
      return [200, { data: { 'pull-requests': permission } }]
    }
    const problem = commentsProblem(value)
    if (problem) return [422, { message: `Invalid comments: ${problem}` }]
    this.setComments(value as CommentFixture[])
    return [200, { data: this.comments() }]
  }

  /** Answers `repository(owner, name) { prN: pullRequest(number: N) { number state } … }` as GitHub does. */
  private graphql(body: string): Reply {
    let request: { query?: unknown; variables?: Record<string, unknown> }
    try {
      request = JSON.parse(body) as typeof request
    } catch {
      return [400, { message: 'Problems parsing JSON' }]
    }
    const query = typeof request.query === 'string' ? request.query : ''
    if (/^\s*query\s*\{\s*viewer\s*\{\s*login\s*\}\s*\}\s*$/.test(query)) {
      this.requests.push('POST /graphql (viewer)')
      return [200, { data: { viewer: { login: this.commentStore.login } } }]
    }
    const asked = [...query.matchAll(/(\w+)\s*:\s*pullRequest\(number:\s*(\d+)\)/g)].map(
      (m) => [m[1] as string, Number(m[2])] as const
    )
    this.requests.push(`POST /graphql (pull requests ${asked.map(([, n]) => n).join(', ')})`)
    const variables = request.variables ?? {}
    if (`${String(variables.owner)}/${String(variables.repo)}` !== this.repository) {
      return [
        200,
        { data: { repository: null }, errors: [{ type: 'NOT_FOUND', message: 'Could not resolve to a Repository.' }] }
      ]
    }
    const repository: Record<string, unknown> = {}
    const errors: unknown[] = []
    for (const [alias, number] of asked) {
      const pull = this.pulls.find((p) => p.number === number)
      repository[alias] = pull ? { number, state: pull.state.toUpperCase() } : null
      if (!pull)
        errors.push({
          type: 'NOT_FOUND',
          path: ['repository', alias],
          message: `Could not resolve to a PullRequest with the number of ${number}.`
        })
    }
    return [200, errors.length ? { data: { repository }, errors } : { data: { repository } }]
  }
}
