/**
 * Kept-alive tunnels through an HTTP proxy, for Kapso's requests (kapso/transport.ts).
 *
 * @actions/http-client tunnels through a proxy with the `tunnel` package, whose agent destroys each socket
 * as soon as its request is done: every request paid a new CONNECT and a new TLS handshake. Here the proxy is
 * one more step in opening a connection of Node's own Agent: the CONNECT, then TLS over the tunnel (with the
 * Agent's TLS session cache), after which the Agent keeps the connection for the next request to that host,
 * at most `maxSockets` of them, and `destroy()` closes them all.
 *
 * Whether a request goes through the proxy stays http-client's decision (getProxyUrl: HTTPS_PROXY,
 * HTTP_PROXY, NO_PROXY, loopback never proxied); the proxy's user and password are sent as the tunnel
 * package sent them, in a Proxy-Authorization header, as they stand in the URL.
 * Loaded by kapso/routes.ts when a request goes through a proxy: importing it loads node:https and TLS.
 */
import { Agent as HttpAgent, request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http'
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https'
import type { Duplex } from 'node:stream'
import type { Socket } from 'node:net'

type Created = (error: Error | null, socket?: Duplex) => void

interface ConnectionOptions {
  host?: string | null
  port?: number | string | null
  timeout?: number
  [key: string]: unknown
}

export interface TunnelOptions {
  /** Connections open at once to one host, busy or idle. */
  maxSockets: number
  /** How long the proxy may take to answer the CONNECT. */
  timeoutMs: number
}

/** An Agent for `https:` targets (`http:` with `secure` false) that reaches each host through the proxy. */
export function tunnelAgent(secure: boolean, proxy: URL, options: TunnelOptions): HttpAgent {
  const settings = { keepAlive: true, maxSockets: options.maxSockets, scheduling: 'lifo' as const }
  if (secure) {
    const agent = new HttpsAgent(settings)
    const tls = (HttpsAgent.prototype as unknown as { createConnection: (o: ConnectionOptions) => Duplex })
      .createConnection
    overrideConnection(agent, proxy, options, (socket, connection) => tls.call(agent, { ...connection, socket }))
    return agent
  }
  const agent = new HttpAgent(settings)
  overrideConnection(agent, proxy, options, (socket) => socket)
  return agent
}

/** Opens each of the agent's connections as a tunnel, then `wrap` (TLS for an https: target) over it. */
function overrideConnection(
  agent: HttpAgent,
  proxy: URL,
  options: TunnelOptions,
  wrap: (socket: Socket, connection: ConnectionOptions) => Duplex
): void {
  Object.assign(agent, {
    createConnection: (connection: ConnectionOptions, created: Created): undefined => {
      openTunnel(proxy, options.timeoutMs, `${connection.host ?? ''}:${connection.port ?? ''}`, (error, socket) => {
        if (error || !socket) return created(error ?? new Error('no tunnel'))
        let wrapped: Duplex
        try {
          wrapped = wrap(socket, connection)
        } catch (cause) {
          socket.destroy()
          return created(cause instanceof Error ? cause : new Error(String(cause)))
        }
        created(null, wrapped)
      })
      return undefined
    }
  })
}

/** A CONNECT to `target` ("host:port") through the proxy; the tunnel's socket, or why there is none. */
function openTunnel(
  proxy: URL,
  timeoutMs: number,
  target: string,
  done: (error: Error | null, socket?: Socket) => void
): void {
  const headers: Record<string, string> = { host: target }
  if (proxy.username || proxy.password)
    headers['Proxy-Authorization'] = `Basic ${Buffer.from(`${proxy.username}:${proxy.password}`).toString('base64')}`
  const secureProxy = proxy.protocol === 'https:'
  const request: ClientRequest = (secureProxy ? httpsRequest : httpRequest)({
    host: proxy.hostname,
    port: proxy.port || (secureProxy ? 443 : 80),
    method: 'CONNECT',
    path: target,
    headers,
    agent: false,
    timeout: timeoutMs
  })
  // The same words and code as the tunnel package, so that a failed tunnel reads as it did.
  const failed = (why: string): Error =>
    Object.assign(new Error(`tunneling socket could not be established, ${why}`), { code: 'ECONNRESET' })
  request.once('connect', (response: IncomingMessage, socket: Socket, head: Buffer) => {
    request.removeAllListeners('error')
    request.removeAllListeners('timeout')
    request.on('error', () => {})
    if (response.statusCode !== 200 || head.length > 0) {
      socket.destroy()
      return done(failed(response.statusCode !== 200 ? `statusCode=${response.statusCode}` : 'the proxy sent data'))
    }
    // The CONNECT's timeout stays on the socket: from here the Agent and each request set their own.
    socket.setTimeout(0)
    done(null, socket)
  })
  request.once('timeout', () => request.destroy(failed(`no answer from the proxy within ${timeoutMs / 1000} s`)))
  request.once('error', (error) =>
    done(failed(`cause=${error.message.replace(/^tunneling socket could not be established, /, '')}`))
  )
  request.end()
}
