/**
 * A counting TCP forwarder for the bench: listens on a loopback port, pipes each connection to the
 * emulator, and counts the connections a client opens. The emulator stays as it is; the client is given
 * the forwarder's port in api-url. Both programs under test go through it alike.
 */
import { createServer, connect, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'

export interface Forwarder {
  readonly port: number
  /** Connections accepted since start. */
  readonly connections: number
  close(): Promise<void>
}

export async function startForwarder(target: { host: string; port: number }): Promise<Forwarder> {
  let connections = 0
  const open = new Set<Socket>()
  const server = createServer((client) => {
    connections++
    const upstream = connect(target.port, target.host)
    for (const socket of [client, upstream]) {
      open.add(socket)
      socket.on('close', () => open.delete(socket))
      // A client that exits with its keep-alive socket open resets it: that is no failure of the bench.
      socket.on('error', () => {
        client.destroy()
        upstream.destroy()
      })
    }
    client.pipe(upstream).pipe(client)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', resolve)
  })
  return {
    port: (server.address() as AddressInfo).port,
    get connections() {
      return connections
    },
    async close() {
      for (const socket of open) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}
