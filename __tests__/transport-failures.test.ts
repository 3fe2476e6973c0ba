/**
 * How kapso/transport.ts classifies each way a request can end, against a real loopback server (the
 * HttpClient goes through node:http, which no fetch mock sees): what counts as success, what may have
 * been applied (a POST is then never sent again blindly), what was not (sent again), what the user is
 * told, and that the API key goes to api-url's host and nowhere else.
 */
import * as core from '@actions/core'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Deadline, StepTimeout } from '../src/deadline.js'
import { ActionError, StatusError } from '../src/errors.js'
import { Transport, type RequestSpec } from '../src/kapso/transport.js'
import { maskSecret } from '../src/secrets.js'
import { clearCore, failure, recorded } from './support/core.js'

vi.mock('@actions/core', async (orig) => (await import('./support/core-mock.js')).mockCore(orig))

const API_KEY = 'kapso_test_key_0123456789abcdef'
const SECRET = 'whsec_0123456789abcdefghij'

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void

interface Seen {
  method: string
  path: string
  headers: IncomingMessage['headers']
  body: string
}

/** A loopback server that answers each request with the next handler (the last one repeats) and records it. */
class Loopback {
  readonly seen: Seen[] = []
  connections = 0
  private handlers: Handler[] = []
  private constructor(private readonly server: Server) {}

  static async start(): Promise<Loopback> {
    const server = createServer()
    const loopback = new Loopback(server)
    server.on('connection', () => loopback.connections++)
    server.on('request', (req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (chunk: Buffer) => chunks.push(chunk))
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8')
        loopback.seen.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body })
        const handler = loopback.handlers[Math.min(loopback.seen.length, loopback.handlers.length) - 1]
        if (handler) handler(req, res, body)
        else res.writeHead(500).end()
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    return loopback
  }

  answer(...handlers: Handler[]): void {
    this.handlers = handlers
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/v1/whatsapp_webhooks`
  }

  async close(): Promise<void> {
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }
}

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Handler =>
  (_req, res) =>
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(body))
const raw =
  (status: number, text: string, headers: Record<string, string> = {}): Handler =>
  (_req, res) =>
    res.writeHead(status, headers).end(text)
const reset: Handler = (req) => req.socket.destroy()
const silent: Handler = () => undefined

let server: Loopback
const transports: Transport[] = []

beforeEach(async () => {
  clearCore()
  maskSecret(API_KEY)
  maskSecret(SECRET)
  server = await Loopback.start()
})
afterEach(async () => {
  for (const transport of transports.splice(0)) transport.close()
  await server.close()
})

function transport(over: { maxAttempts?: number; timeoutMs?: number; deadlineSeconds?: number } = {}): Transport {
  const made = new Transport({
    service: 'Kapso',
    maxAttempts: over.maxAttempts ?? 2,
    timeoutMs: over.timeoutMs ?? 5_000,
    backoffMs: 1,
    deadline: new Deadline(over.deadlineSeconds ?? 60),
    headers: { 'X-API-Key': API_KEY },
    userAgent: 'kapso-webhook-action/test'
  })
  transports.push(made)
  return made
}

const creating = (): RequestSpec => ({
  method: 'POST',
  url: server.url,
  payload: { whatsapp_webhook: { url: 'https://a.example.com/hook', secret_key: SECRET } },
  doing: 'creating a webhook for https://a.example.com/hook'
})
const listing = (): RequestSpec => ({ method: 'GET', url: `${server.url}?page=1`, doing: 'listing webhooks' })

describe('success', () => {
  it('is a 2xx with a JSON body, or a DELETE with none', async () => {
    server.answer(json(201, { data: { id: 'x' } }))
    expect(await transport().request(creating())).toEqual({
      status: 201,
      body: { data: { id: 'x' } },
      size: '{"data":{"id":"x"}}'.length
    })
    server.answer(raw(204, ''))
    expect(
      await transport().request({ method: 'DELETE', url: `${server.url}/x`, doing: 'deleting webhook x' })
    ).toEqual({ status: 204, body: undefined, size: 0 })
  })

  it('is not a 300, whatever its body says', async () => {
    server.answer(json(300, { data: [] }))
    const error = await failure(transport().request(listing()))
    expect(error).toBeInstanceOf(StatusError)
    expect(error).toMatchObject({ status: 300 })
    expect(server.seen).toHaveLength(1)
  })

  it("keeps one connection open for all of a step's requests", async () => {
    server.answer(json(200, { data: [] }))
    const client = transport()
    await client.request(listing())
    await client.request(listing())
    await client.request(listing())
    expect(server.connections).toBe(1)
  })

  it('sends the API key, asks for JSON, and names its content only when it sends some', async () => {
    server.answer(json(200, { data: [] }), json(201, { data: {} }))
    await transport().request(listing())
    await transport().request(creating())
    const [get, post] = server.seen
    expect(get?.headers).toMatchObject({
      'x-api-key': API_KEY,
      accept: 'application/json',
      'user-agent': 'kapso-webhook-action/test'
    })
    expect(get?.headers['content-type']).toBeUndefined()
    expect(get?.body).toBe('')
    expect(post?.headers['content-type']).toBe('application/json')
    expect(JSON.parse(post?.body ?? '')).toEqual(creating().payload)
  })
})

describe('an answer that may have been applied: a POST is not sent again', () => {
  it.each([
    ['HTTP 500', json(500, { error: 'boom' }), 'HTTP 500 (Kapso said: boom)', 500],
    [
      'HTTP 503 with an HTML page',
      raw(503, '\n  <html><body>Service Unavailable</body></html>'),
      'HTTP 503 (an HTML error page)',
      503
    ],
    ['HTTP 502 with plain text', raw(502, 'Bad gateway <upstream>'), 'HTTP 502', 502],
    ['HTTP 504 with JSON that says nothing', json(504, {}), 'HTTP 504', 504],
    ['a 201 whose body is not JSON', raw(201, '{"data": {"id": '), 'HTTP 201 with a body that is not JSON', undefined],
    ['a 200 with no body', raw(200, ''), 'HTTP 200 with a body that is not JSON', undefined],
    ['a reset connection', reset, 'the connection failed (ECONNRESET)', undefined]
  ])('%s', async (_what, handler, summary, status) => {
    server.answer(handler, json(201, { data: {} }))
    const error = await failure(transport().request(creating()))
    expect(error).toBeInstanceOf(ActionError)
    expect(error.message).toBe(
      `The outcome of creating a webhook for https://a.example.com/hook is unknown (${summary}); it was not sent again. Re-run to pick up Kapso's state.`
    )
    expect((error as ActionError).status).toBe(status)
    expect(server.seen).toHaveLength(1)
  })

  it('no answer in time', async () => {
    server.answer(silent)
    const error = await failure(transport({ timeoutMs: 300 }).request(creating()))
    expect(error.message).toBe(
      "The outcome of creating a webhook for https://a.example.com/hook is unknown (no answer within 0.3 s (request-timeout-seconds)); it was not sent again. Re-run to pick up Kapso's state."
    )
    expect(server.seen).toHaveLength(1)
  })

  it('an answer too large to read', async () => {
    server.answer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.end(Buffer.alloc(16 * 1024 * 1024 + 1, 0x20))
    })
    const error = await failure(transport().request(creating()))
    expect(error.message).toMatch(
      /^The outcome of creating a webhook for https:\/\/a\.example\.com\/hook is unknown \(an answer larger than 16 MiB\); it was not sent again\./
    )
    // Refused, not read to its end and found unreadable.
    expect(error.message).not.toContain('HTTP 200')
    expect(server.seen).toHaveLength(1)
  })

  it('and a reconcile is asked before the POST goes out again', async () => {
    server.answer(json(502, {}), json(201, { data: { id: 'second' } }))
    const reconcile = vi.fn(async () => undefined)
    expect(await transport().request({ ...creating(), reconcile })).toEqual({
      status: 201,
      body: { data: { id: 'second' } },
      size: '{"data":{"id":"second"}}'.length
    })
    expect(reconcile).toHaveBeenCalledTimes(1)
    expect(server.seen).toHaveLength(2)
  })
})

describe('an answer that was not applied: sent again, a POST too', () => {
  it('HTTP 429, with a notice, waiting as Retry-After says', async () => {
    server.answer(json(429, { error: 'Rate limit exceeded' }, { 'Retry-After': '0' }), json(201, { data: { id: 'x' } }))
    expect(await transport().request(creating())).toEqual({
      status: 201,
      body: { data: { id: 'x' } },
      size: '{"data":{"id":"x"}}'.length
    })
    expect(server.seen).toHaveLength(2)
    expect(recorded.notices()[0]).toBe(
      'Kapso is rate-limiting these requests (HTTP 429) while creating a webhook for https://a.example.com/hook: waiting 0 s as it asks, then trying again (attempt 2 of 2).'
    )
  })

  it('a refused connection, which names the host', async () => {
    const closed = await Loopback.start()
    const url = closed.url
    await closed.close()
    const error = await failure(transport().request({ ...creating(), url }))
    expect(error.message).toBe(
      `Gave up creating a webhook for https://a.example.com/hook after 2 attempts; the last one ended with could not connect to ${new URL(url).host} (ECONNREFUSED).`
    )
  })

  it('but not a 4xx: that is final', async () => {
    server.answer(json(409, { error: 'conflict' }), json(201, { data: {} }))
    const error = await failure(transport().request(creating()))
    expect(error).toBeInstanceOf(StatusError)
    expect(error).toMatchObject({ status: 409, body: { error: 'conflict' } })
    expect(server.seen).toHaveLength(1)
  })
})

describe('a DELETE', () => {
  it('counts a 404 after a lost answer as done: the lost attempt deleted it', async () => {
    server.answer(reset, json(404, { error: 'Not found' }))
    expect(
      await transport().request({ method: 'DELETE', url: `${server.url}/x`, doing: 'deleting webhook x' })
    ).toEqual({ status: 204, body: undefined })
    expect(server.seen.map((r) => r.method)).toEqual(['DELETE', 'DELETE'])
  })
})

describe('a GET', () => {
  it('is sent again after a 5xx or an unreadable answer, and ends saying how the last one went', async () => {
    server.answer(json(503, { message: 'down for maintenance' }), raw(200, 'not json'))
    const error = await failure(transport().request(listing()))
    expect(server.seen).toHaveLength(2)
    expect(error.message).toBe(
      'Gave up listing webhooks after 2 attempts; the last one ended with HTTP 200 with a body that is not JSON.'
    )
  })

  it('honours Retry-After on a 429 only: a 503 asking for two minutes is retried as any 503', async () => {
    server.answer(json(503, {}, { 'Retry-After': '120' }), json(200, { data: [] }))
    expect(await transport().request(listing())).toEqual({
      status: 200,
      body: { data: [] },
      size: '{"data":[]}'.length
    })
    expect(core.notice).not.toHaveBeenCalled()
  })

  it("names timeout-seconds when the step's bound, not the request's, cut the attempt short", async () => {
    server.answer(silent)
    const error = await failure(transport({ timeoutMs: 30_000, deadlineSeconds: 1 }).request(listing()))
    expect(error).toBeInstanceOf(StepTimeout)
    expect(recorded.debug()[0]).toMatch(
      /^GET \/api\/v1\/whatsapp_webhooks -> no answer within 1(\.0)? s \(timeout-seconds\) \(\d+ ms, attempt 1\)$/
    )
  })

  it('says a whole number of seconds without a decimal', async () => {
    server.answer(silent)
    const error = await failure(transport({ timeoutMs: 1_000, maxAttempts: 1 }).request(listing()))
    expect(error.message).toBe(
      'Gave up listing webhooks after 1 attempt; the last one ended with no answer within 1 s (request-timeout-seconds).'
    )
  })
})

describe('the API key and the secret stay where they belong', () => {
  it('follows no redirect: the key never reaches the host it points to', async () => {
    const elsewhere = await Loopback.start()
    try {
      elsewhere.answer(json(200, { data: [] }))
      server.answer(raw(307, '', { Location: elsewhere.url }))
      const error = await failure(transport().request(listing()))
      expect(error).toBeInstanceOf(StatusError)
      expect(error).toMatchObject({ status: 307 })
      expect(elsewhere.seen).toHaveLength(0)
    } finally {
      await elsewhere.close()
    }
  })

  it('traces method, path, status, time and attempt only: no query, body or header', async () => {
    server.answer(json(422, { error: `secret_key ${SECRET} is invalid`, key: API_KEY }))
    const error = await failure(transport().request({ ...creating(), url: `${server.url}?key=${API_KEY}` }))
    expect(error).toMatchObject({ status: 422 })
    const lines = recorded.debug()
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^POST \/api\/v1\/whatsapp_webhooks -> 422 \(\d{1,5} ms, attempt 1\)$/)
  })
})
