/**
 * A webhook receiver on loopback HTTPS, as a preview deployment would be: /ok answers 200, /denied 401
 * (a preview behind its host's protection), /silent never answers, /flaky 401 once and then 200. It keeps
 * what it received, raw body included, so that a test can check Kapso's signature on it.
 */
import type { IncomingHttpHeaders } from 'node:http'
import { createServer, type Server } from 'node:https'
import type { AddressInfo } from 'node:net'
import { readBody } from '../emulator/http.js'
import { throwawayCertificate } from './tls.js'

export interface Received {
  path: string
  headers: IncomingHttpHeaders
  raw: string
}

export class Receiver {
  readonly received: Received[] = []
  private flakyCalls = 0

  private constructor(
    private readonly server: Server,
    /** The receiver's certificate: what the emulator must trust to deliver to it (deliveryCa). */
    readonly cert: string
  ) {}

  /** `hosts`: names its certificate also covers, for an emulator told to deliver their URLs here (deliveryHosts). */
  static async start(hosts: string[] = []): Promise<Receiver> {
    const { key, cert } = throwawayCertificate(['IP:127.0.0.1', ...hosts.map((host) => `DNS:${host}`)])
    const server = createServer({ key, cert })
    const receiver = new Receiver(server, cert)
    server.on('request', (req, res) => {
      void readBody(req).then(
        (body) => receiver.answer(req.url ?? '', req.headers, body, (status) => res.writeHead(status).end()),
        () => res.destroy()
      )
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    return receiver
  }

  /** Where it listens, as address:port: what deliveryHosts maps a host to. */
  get address(): string {
    return `127.0.0.1:${(this.server.address() as AddressInfo).port}`
  }

  /** The https:// URL of one of the receiver's paths. */
  url(path: string): string {
    return `https://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`
  }

  reset(): void {
    this.received.length = 0
    this.flakyCalls = 0
  }

  async close(): Promise<void> {
    this.server.closeAllConnections()
    await new Promise((resolve) => this.server.close(resolve))
  }

  private answer(path: string, headers: IncomingHttpHeaders, raw: string, respond: (status: number) => void): void {
    this.received.push({ path, headers, raw })
    if (path.startsWith('/silent')) return
    const denied = path.startsWith('/denied') || (path.startsWith('/flaky') && this.flakyCalls++ === 0)
    respond(denied ? 401 : 200)
  }
}
