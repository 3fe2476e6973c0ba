/**
 * A local stand-in for the two GitHub REST endpoints the action reads: a pull request, and the pull
 * requests that hold a commit. Point GITHUB_API_URL at it, as on GitHub Enterprise Server.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface PullRequestFixture {
  number: number
  state: 'open' | 'closed'
  /** Commits this pull request holds. */
  shas?: string[]
}

export class GitHubEmulator {
  /** Every request as "METHOD path". */
  readonly requests: string[] = []
  private pulls: PullRequestFixture[] = []

  private constructor(
    private readonly server: Server,
    private readonly repository: string,
    private readonly token: string
  ) {}

  static async start(options: { repository: string; token: string }): Promise<GitHubEmulator> {
    const server = createServer()
    const emulator = new GitHubEmulator(server, options.repository, options.token)
    server.on('request', (req, res) => {
      const path = new URL(req.url ?? '/', 'http://github').pathname
      emulator.requests.push(`${req.method} ${path}`)
      const [status, body] = emulator.answer(req.method ?? 'GET', path, req.headers.authorization)
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body))
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    return emulator
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
  }

  setPullRequests(pulls: PullRequestFixture[]): void {
    this.pulls = pulls
    this.requests.length = 0
  }

  async close(): Promise<void> {
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  private answer(method: string, path: string, authorization: string | undefined): [number, unknown] {
    if (authorization !== `Bearer ${this.token}`) return [401, { message: 'Bad credentials' }]
    const prefix = `/repos/${this.repository}`
    if (method !== 'GET' || !path.startsWith(`${prefix}/`)) return [404, { message: 'Not Found' }]
    const rest = path.slice(prefix.length)
    const pull = /^\/pulls\/(\d+)$/.exec(rest)
    if (pull) {
      const found = this.pulls.find((p) => p.number === Number(pull[1]))
      return found ? [200, { number: found.number, state: found.state }] : [404, { message: 'Not Found' }]
    }
    const commit = /^\/commits\/([0-9a-f]+)\/pulls$/.exec(rest)
    if (commit) return [200, this.pulls.filter((p) => p.shas?.includes(commit[1] as string)).map((p) => ({ number: p.number, state: p.state }))]
    return [404, { message: 'Not Found' }]
  }
}
