/**
 * A local stand-in for what the action asks GitHub: the pull requests that hold a commit (REST) and the
 * states of pull requests by number (GraphQL, many in one query by alias). Point GITHUB_API_URL at it,
 * as on GitHub Enterprise Server; Octokit sends GraphQL to GITHUB_API_URL/graphql.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http'
import { createServer as createHttpsServer, Server as HttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { readBody } from './http.js'

export interface PullRequestFixture {
  number: number
  state: 'open' | 'closed' | 'merged'
  /** Commits this pull request holds. */
  shas?: string[]
}

export class GitHubEmulator {
  /** Every request as "METHOD path", and for GraphQL the pull request numbers asked for. */
  readonly requests: string[] = []
  private pulls: PullRequestFixture[] = []

  private constructor(
    private readonly server: Server,
    private readonly repository: string,
    private readonly token: string
  ) {}

  /** With `tls`, it serves HTTPS (for a test that reaches it through a proxy, by a name only the proxy knows). */
  static async start(options: { repository: string; token: string; tls?: { key: string; cert: string } }): Promise<GitHubEmulator> {
    const server = options.tls ? createHttpsServer(options.tls) : createServer()
    const emulator = new GitHubEmulator(server, options.repository, options.token)
    server.on('request', (req, res) => {
      void readBody(req).then(
        (body) => {
          const [status, answer] = emulator.answer(req, body)
          res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(answer))
        },
        () => res.destroy()
      )
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    return emulator
  }

  /** http://127.0.0.1:port, or https:// when serving TLS. */
  get apiUrl(): string {
    return `${this.server instanceof HttpsServer ? 'https' : 'http'}://127.0.0.1:${this.port}`
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port
  }

  setPullRequests(pulls: PullRequestFixture[]): void {
    this.pulls = pulls
    this.requests.length = 0
  }

  async close(): Promise<void> {
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  private answer(req: IncomingMessage, body: string): [number, unknown] {
    const method = req.method ?? 'GET'
    const path = new URL(req.url ?? '/', 'http://github').pathname
    const authorization = req.headers.authorization
    if (authorization !== `token ${this.token}` && authorization !== `Bearer ${this.token}`) {
      this.requests.push(`${method} ${path}`)
      return [401, { message: 'Bad credentials' }]
    }
    if (method === 'POST' && path === '/graphql') return this.graphql(body)
    this.requests.push(`${method} ${path}`)
    const prefix = `/repos/${this.repository}`
    if (method !== 'GET' || !path.startsWith(`${prefix}/`)) return [404, { message: 'Not Found' }]
    const commit = /^\/commits\/([0-9a-f]+)\/pulls$/.exec(path.slice(prefix.length))
    if (commit) return [200, this.pulls.filter((p) => p.shas?.includes(commit[1] as string)).map((p) => ({ number: p.number, state: p.state === 'open' ? 'open' : 'closed' }))]
    return [404, { message: 'Not Found' }]
  }

  /** Answers `repository(owner, name) { prN: pullRequest(number: N) { number state } … }` as GitHub does. */
  private graphql(body: string): [number, unknown] {
    let request: { query?: unknown; variables?: Record<string, unknown> }
    try {
      request = JSON.parse(body) as typeof request
    } catch {
      return [400, { message: 'Problems parsing JSON' }]
    }
    const query = typeof request.query === 'string' ? request.query : ''
    const asked = [...query.matchAll(/(\w+)\s*:\s*pullRequest\(number:\s*(\d+)\)/g)].map((m) => [m[1] as string, Number(m[2])] as const)
    this.requests.push(`POST /graphql (pull requests ${asked.map(([, n]) => n).join(', ')})`)
    const variables = request.variables ?? {}
    if (`${String(variables.owner)}/${String(variables.repo)}` !== this.repository) {
      return [200, { data: { repository: null }, errors: [{ type: 'NOT_FOUND', message: 'Could not resolve to a Repository.' }] }]
    }
    const repository: Record<string, unknown> = {}
    const errors: unknown[] = []
    for (const [alias, number] of asked) {
      const pull = this.pulls.find((p) => p.number === number)
      repository[alias] = pull ? { number, state: pull.state.toUpperCase() } : null
      if (!pull) errors.push({ type: 'NOT_FOUND', path: ['repository', alias], message: `Could not resolve to a PullRequest with the number of ${number}.` })
    }
    return [200, errors.length ? { data: { repository }, errors } : { data: { repository } }]
  }
}
