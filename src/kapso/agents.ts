/**
 * The agents that carry Kapso's requests, one per route (kapso/routes.ts): Node's own kept-alive Agent to
 * go direct, a tunnel agent (kapso/tunnel.ts, a chunk of its own) through a proxy. Loaded at the first
 * route; node:https and TLS only for an https: route, so a step that stops before any request loads neither.
 *
 * `preopen` opens an agent's first connection to a host before there is a request to send on it: the
 * action does so while it still reads its inputs and loads its code (src/early.ts), so that the TCP and
 * TLS handshakes (two round trips) happen during that work rather than after it.
 */
import { Agent as HttpAgent } from 'node:http'
import { isIP } from 'node:net'
import type { Duplex } from 'node:stream'
import { unbracketed } from '../urls.js'
import type { TunnelOptions } from './tunnel.js'

export type { TunnelOptions }

/** Kept alive for the step, at most `maxSockets` to a host, the most recently used first. */
export async function agentFor(secure: boolean, proxy: URL | undefined, options: TunnelOptions): Promise<HttpAgent> {
  if (proxy) return (await import('./tunnel.js')).tunnelAgent(secure, proxy, options)
  const settings = { keepAlive: true, maxSockets: options.maxSockets, scheduling: 'lifo' as const }
  if (!secure) return new HttpAgent(settings)
  const { Agent: HttpsAgent } = await import('node:https')
  return new HttpsAgent(settings)
}

type Created = (error: Error | null, socket?: Duplex) => void
type CreateConnection = (this: HttpAgent, options: Record<string, unknown>, created: Created) => Duplex | undefined
interface OwnAgent {
  createConnection: CreateConnection
  options: Record<string, unknown>
  getName(options: Record<string, unknown>): string
}

/** A connection opened ahead of its request: `close` ends it when no request took it. */
export interface Preopened {
  /** Settles once the connection is under way: its first packet sent (or the attempt over). */
  started: Promise<void>
  close(): void
}

/**
 * Opens one connection of `agent` to host:port now, as the agent itself would (direct: TCP, then TLS with
 * the agent's options and SNI; through a proxy: the CONNECT, then TLS), and hands it to the agent's first
 * request to that host and port. A connection that failed or closed meanwhile, or on which the server spoke
 * first, is not handed on: that request opens its own, and whatever went wrong is that request's to report.
 */
export function preopen(agent: HttpAgent, host: string, port: number): Preopened {
  const own = agent as unknown as OwnAgent
  const original = own.createConnection
  const options: Record<string, unknown> = { ...own.options, host, port, servername: isIP(host) ? '' : host }
  options._agentKey = own.getName(options)
  // Like Node's Agent: a connection returned at once (direct) is the answer, a later callback (net's 'connect'
  // listener) is not; a tunnel comes through the callback alone.
  const connect = (connection: Record<string, unknown>, created: Created): Duplex | undefined => {
    const returned = original.call(agent, connection, created)
    if (returned) created(null, returned)
    return returned
  }
  let settled = false
  let closed = false
  let socket: Duplex | undefined
  let taker: { created: Created; connection: Record<string, unknown> } | undefined
  const swallow = (): void => {}
  const give = ({ created, connection }: NonNullable<typeof taker>): void => {
    const open = socket
    socket = undefined
    // Ended by the server (not yet destroyed: its own end is still being written), or bytes that came before
    // any request (a 408 for an idle connection), which would be read as that request's answer.
    if (open && !open.destroyed && open.readable && open.readableLength === 0) {
      open.removeListener('error', swallow)
      created(null, open)
    } else {
      open?.destroy()
      connect(connection, created)
    }
  }
  const opened = (error: Error | null, opening?: Duplex): void => {
    if (settled) return
    settled = true
    // Closed with a request waiting: that request still gets its connection (the agent closes it after).
    if (closed && !taker) return void opening?.destroy()
    if (!error && opening) {
      opening.on('error', swallow)
      socket = opening
    }
    if (taker) give(taker)
  }
  const returned = connect({ ...options }, opened)
  own.createConnection = function (this: HttpAgent, connection, created) {
    if (unbracketed(String(connection.host)) !== host || Number(connection.port) !== port)
      return original.call(this, connection, created)
    own.createConnection = original
    taker = { created, connection }
    if (settled) give(taker)
    return undefined
  }
  return {
    started: underWay(returned, host),
    close: () => {
      closed = true
      if (own.createConnection !== original && !taker) own.createConnection = original
      socket?.destroy()
      socket = undefined
    }
  }
}

/**
 * Net connects on a later tick: at once for an IP address, after the DNS lookup for a name ('lookup' comes
 * just before the connect). Waited for, so that the code loaded next does not hold the first packet back,
 * but a lookup for no longer than LOOKUP_WAIT_MS: a slow resolver must not hold back the step's own checks
 * (an input error is reported without waiting for DNS). A tunnel's CONNECT is sent like a direct connection.
 */
function underWay(socket: Duplex | undefined, host: string): Promise<void> {
  const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))
  const net = socket as (Duplex & { connecting?: boolean }) | undefined
  if (!net?.connecting || isIP(host)) return tick()
  return new Promise<void>((resolve) => {
    const timer = setTimeout(() => done(), LOOKUP_WAIT_MS)
    const done = (): void => {
      clearTimeout(timer)
      for (const event of EVENTS) net.removeListener(event, done)
      resolve()
    }
    for (const event of EVENTS) net.once(event, done)
  }).then(tick)
}
const EVENTS = ['lookup', 'connect', 'error', 'close'] as const
const LOOKUP_WAIT_MS = 25
