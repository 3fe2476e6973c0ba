/**
 * A CONNECT proxy for the proxy test and the bench: it knows a few host names (kapso.test, github.test),
 * all on this machine, answers 502 for any other, and counts its tunnels: each CONNECT is one, a new TCP
 * connection and (for https) a new TLS handshake for the client. Listens on 127.0.0.1.
 */
import { createServer, type Server } from 'node:http'
import { connect, type AddressInfo, type Socket } from 'node:net'

export interface ConnectProxy {
  /** http://127.0.0.1:port, for HTTPS_PROXY. */
  url: string
  /** Each tunnel asked for, as "host:port", in order. */
  tunnels: string[]
  /** The Proxy-Authorization header of each, in the same order. */
  authorizations: (string | undefined)[]
  /** How many tunnels went to each host name. */
  tunnelsTo(): Record<string, number>
  /** Forgets the tunnels counted so far. */
  reset(): void
  close(): Promise<void>
}

/** Tunnels to `hosts` (names resolved to 127.0.0.1, at the port the CONNECT names). */
export async function startConnectProxy(hosts: readonly string[]): Promise<ConnectProxy> {
  const tunnels: string[] = []
  const authorizations: (string | undefined)[] = []
  const sockets = new Set<Socket>()
  const server: Server = createServer((_req, res) => res.writeHead(405).end())
  server.on('connect', (req, client: Socket, head: Buffer) => {
    const [host, port] = (req.url ?? '').split(':')
    tunnels.push(req.url ?? '')
    authorizations.push(req.headers['proxy-authorization'])
    sockets.add(client)
    client.on('close', () => sockets.delete(client))
    if (!hosts.includes(host ?? '')) {
      client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n')
      return
    }
    const upstream = connect(Number(port), '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(client).pipe(upstream)
    })
    upstream.setNoDelay(true)
    client.setNoDelay(true)
    sockets.add(upstream)
    upstream.on('close', () => sockets.delete(upstream))
    upstream.on('error', () => client.destroy())
    client.on('error', () => upstream.destroy())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    tunnels,
    authorizations,
    tunnelsTo: () => {
      const counts: Record<string, number> = {}
      for (const tunnel of tunnels) {
        const host = tunnel.split(':')[0] ?? ''
        counts[host] = (counts[host] ?? 0) + 1
      }
      return counts
    },
    reset: () => {
      tunnels.length = 0
      authorizations.length = 0
    },
    close: async () => {
      // Tunnelled sockets leave the HTTP server's books once CONNECT succeeds: end them here.
      for (const socket of sockets) socket.destroy()
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    }
  }
}
