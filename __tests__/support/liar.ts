/**
 * A loopback server that answers whatever a test wants: each request goes to `answer`, which may return a
 * raw answer (status, headers, body text, or a hang/trickle), or undefined to pass the request on to a
 * real KapsoEmulator (so that a test can lie about one request and let the others be handled for real).
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach } from 'vitest'

export interface Seen {
  method: string
  path: string
  query: URLSearchParams
  body: string
  headers: IncomingMessage['headers']
}
export interface RawAnswer {
  status?: number
  headers?: Record<string, string>
  body?: string
  hang?: boolean
  trickle?: { everyMs: number; chunk: string }
  destroy?: boolean
}
export type Answerer = (req: Seen, index: number) => RawAnswer | undefined | Promise<RawAnswer | undefined>

export class Liar {
  readonly seen: Seen[] = []
  private constructor(
    private readonly server: Server,
    public answer: Answerer,
    private readonly upstream?: string
  ) {}

  static async start(answer: Answerer, upstream?: string): Promise<Liar> {
    const server = createServer()
    const liar = new Liar(server, answer, upstream)
    server.on('request', (req, res) => void liar.handle(req, res))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    return liar
  }

  get origin(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
  }

  async close(): Promise<void> {
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const body = Buffer.concat(chunks).toString('utf8')
    const url = new URL(req.url ?? '/', 'http://liar')
    const seen: Seen = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      body,
      headers: req.headers
    }
    this.seen.push(seen)
    const answer = await this.answer(seen, this.seen.length - 1)
    if (!answer) return this.forward(req, res, body)
    if (answer.destroy) return void req.socket.destroy()
    if (answer.hang) return
    res.writeHead(answer.status ?? 200, { 'Content-Type': 'application/json', ...answer.headers })
    if (answer.trickle) {
      const { everyMs, chunk } = answer.trickle
      const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write(chunk)), everyMs)
      return
    }
    res.end(answer.body ?? '')
  }

  private forward(req: IncomingMessage, res: ServerResponse, body: string): void {
    if (!this.upstream) {
      res.writeHead(500).end('{"error":"no upstream"}')
      return
    }
    const target = new URL(req.url ?? '/', this.upstream)
    const out = httpRequest(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers)
      up.pipe(res)
    })
    out.on('error', () => res.destroy())
    out.end(body)
  }
}

/**
 * Liars for the tests of one file, each closed after its test: `const startLiar = useLiars()`, then
 * `const liar = await startLiar(answer)` inside a test.
 */
export function useLiars(): (answer: Answerer, upstream?: string) => Promise<Liar> {
  const open: Liar[] = []
  afterEach(async () => {
    await Promise.all(open.splice(0).map((liar) => liar.close()))
  })
  return async (answer, upstream) => {
    const liar = await Liar.start(answer, upstream)
    open.push(liar)
    return liar
  }
}
