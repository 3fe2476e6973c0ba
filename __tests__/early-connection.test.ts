/**
 * Kapso's connection is opened as the step starts (src/early.ts), so that its handshakes overlap the loading
 * of the action and the reading of its inputs. What a user relies on: the first request goes out on it (no
 * second connection); a connection that broke meanwhile costs nothing but a new one; a host that cannot be
 * reached reads as it always did; and nothing is sent to Kapso before every input has passed, nor any
 * connection opened by a step that has no API key (Dependabot's runs).
 */
import { createServer as createHttpServer, type Server } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { emulatorInputs, runAction } from '../scripts/run-action.js'
import { Deadline } from '../src/deadline.js'
import { openConnections, type Connections } from '../src/kapso/connections.js'
import { Transport } from '../src/kapso/transport.js'
import { useEmulator } from './support/emulator.js'

vi.mock('@actions/core', async (orig) => (await import('./support/core-mock.js')).mockCore(orig))

/** A loopback HTTP server that answers `{}` and records when each connection and request came. */
class Recorder {
  readonly events: string[] = []
  readonly sockets: Socket[] = []
  /** Closes each new connection at once, before any request can come on it. */
  dropNew = false
  private constructor(readonly server: Server) {}

  static async start(): Promise<Recorder> {
    const server = createHttpServer((req, res) => {
      recorder.events.push(`request ${req.method ?? ''}`)
      res.setHeader('Content-Type', 'application/json')
      res.end('{}')
    })
    const recorder = new Recorder(server)
    server.on('connection', (socket: Socket) => {
      recorder.events.push('connection')
      recorder.sockets.push(socket)
      if (recorder.dropNew) socket.destroy()
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    return recorder
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/v1`
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy()
    await new Promise((resolve) => this.server.close(resolve))
  }
}

const transports: Transport[] = []
function transport(early: Promise<Connections>, maxAttempts = 1): Transport {
  const made = new Transport({
    service: 'Kapso',
    maxAttempts,
    timeoutMs: 5_000,
    backoffMs: 1,
    deadline: new Deadline(60),
    headers: { 'X-API-Key': 'kapso_test_key_0123456789abcdef' },
    userAgent: 'kapso-webhook-action/test',
    early
  })
  transports.push(made)
  return made
}

/** What early.ts does: the routes made, a connection to the URL's host opened on them. */
function openEarly(url: string): Promise<Connections> {
  return openConnections(4, 5_000).then(async (connections) => {
    await connections.routes.warm(url)
    return connections
  })
}

const until = async (done: () => boolean): Promise<void> => {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 5))
}

describe('a connection opened before its request', () => {
  let server: Recorder
  beforeEach(async () => {
    server = await Recorder.start()
  })
  afterEach(async () => {
    for (const made of transports.splice(0)) made.close()
    await server.close()
  })

  it('carries the first request, and the next one too: one connection in all', async () => {
    const early = openEarly(server.url)
    await early
    await until(() => server.events.length > 0)
    expect(server.events).toEqual(['connection'])
    const kapso = transport(early)
    await kapso.request({ method: 'GET', url: `${server.url}/webhooks`, doing: 'listing webhooks' })
    await kapso.request({ method: 'POST', url: `${server.url}/webhooks`, payload: {}, doing: 'creating a webhook' })
    expect(server.events).toEqual(['connection', 'request GET', 'request POST'])
  })

  it('closed by the server before the request: the request opens another and succeeds', async () => {
    server.dropNew = true
    const early = openEarly(server.url)
    await early
    await until(() => server.events.length > 0)
    await new Promise((resolve) => setTimeout(resolve, 50))
    server.dropNew = false
    const reply = await transport(early).request({ method: 'GET', url: `${server.url}/webhooks`, doing: 'listing' })
    expect(reply.status).toBe(200)
    expect(server.events).toEqual(['connection', 'connection', 'request GET'])
  })

  it('to a host where nothing listens: the request says so as it always did', async () => {
    const port = (server.server.address() as AddressInfo).port
    await server.close()
    const url = `http://127.0.0.1:${port}/api/v1`
    const early = openEarly(url)
    await early
    await expect(
      transport(early).request({ method: 'GET', url: `${url}/webhooks`, doing: 'listing webhooks' })
    ).rejects.toThrow(`could not connect to 127.0.0.1:${port} (ECONNREFUSED)`)
    server = await Recorder.start()
  })

  it('closed unused when the step ends first: no request was sent on it', async () => {
    const early = openEarly(server.url)
    const { routes } = await early
    await until(() => server.events.length > 0)
    const socket = server.sockets[0] as Socket
    const ended = new Promise((resolve) => socket.once('close', resolve))
    routes.close()
    await ended
    expect(server.events).toEqual(['connection'])
  })
})

describe('the bundle opens it as the step starts', () => {
  const emulator = useEmulator()
  const inputs = (over: Record<string, string> = {}): Record<string, string> => ({
    ...emulatorInputs(emulator, 'legacy'),
    url: 'https://pr-4.preview.example.com/api/whatsapp',
    events: 'whatsapp.message.received',
    ...over
  })

  it.each([
    ['an address', (url: string) => url],
    ['a name to look up', (url: string) => url.replace('127.0.0.1', 'localhost')]
  ])('and makes the whole upsert on that one connection (api-url with %s)', async (_, apiUrl) => {
    const run = await runAction(inputs({ 'api-url': apiUrl(emulator.apiUrl('legacy')) }))
    expect(run.outputs.result, run.stdout).toBe('created')
    expect(emulator.requests.map((r) => r.method)).toEqual(['GET', 'POST'])
    expect(emulator.connections).toBe(1)
  })

  it('sends nothing on it when an input fails, and says which input', async () => {
    const run = await runAction(inputs({ events: 'whatsapp.message.recieved' }))
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain('events')
    expect(emulator.requests).toEqual([])
  })

  it('opens none when there is no API key (a Dependabot run)', async () => {
    const run = await runAction(inputs({ 'api-key': '' }), { GITHUB_ACTOR: 'dependabot[bot]' })
    expect(emulator.requests).toEqual([])
    expect(emulator.connections, run.stdout).toBe(0)
  })
})
