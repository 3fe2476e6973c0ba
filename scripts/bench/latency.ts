/**
 * The bench's latency link: a TCP relay on 127.0.0.1 in front of a server (the emulator, or the CONNECT
 * proxy) that behaves like a network path with a round-trip time: each chunk is held RTT/2 in each
 * direction, in order, and a new connection costs one more RTT before its first byte arrives (TCP's
 * handshake). TLS passes through untouched. It counts the connections it carried.
 */
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net'

export interface LatencyLink {
  port: number
  /** Connections opened through it since the last reset. */
  connections: number
  /** The round-trip time from now on, in ms (0: a plain relay). */
  rttMs: number
  reset(): void
  close(): Promise<void>
}

export async function startLatencyLink(targetPort: number, rttMs = 0): Promise<LatencyLink> {
  const sockets = new Set<Socket>()
  const link: LatencyLink = {
    port: 0,
    connections: 0,
    rttMs,
    reset: () => (link.connections = 0),
    close: async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise((resolve) => server.close(resolve))
    }
  }
  const server: Server = createServer((client) => {
    link.connections++
    const oneWay = link.rttMs / 2
    const upstream = connect(targetPort, '127.0.0.1')
    for (const socket of [client, upstream]) {
      socket.setNoDelay(true)
      sockets.add(socket)
      socket.on('close', () => sockets.delete(socket))
      socket.on('error', () => {
        client.destroy()
        upstream.destroy()
      })
    }
    // The handshake: the first bytes from the client arrive one RTT later than the one-way delay says.
    const opened = Date.now() + link.rttMs
    relay(client, upstream, (now) => Math.max(now + oneWay, opened + oneWay))
    relay(upstream, client, (now) => now + oneWay)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  link.port = (server.address() as AddressInfo).port
  return link
}

/** Copies from → to, each chunk (and the end) delivered at `due(arrival)`, in order, never before an earlier one. */
function relay(from: Socket, to: Socket, due: (now: number) => number): void {
  const queue: { at: number; action: () => void }[] = []
  let timer: NodeJS.Timeout | undefined
  const pump = (): void => {
    timer = undefined
    const now = Date.now()
    while (queue.length && (queue[0]?.at ?? 0) <= now) queue.shift()?.action()
    if (queue.length) timer = setTimeout(pump, (queue[0]?.at ?? now) - now)
  }
  const later = (action: () => void): void => {
    queue.push({ at: Math.max(due(Date.now()), queue[queue.length - 1]?.at ?? 0), action })
    if (!timer) pump()
  }
  let ended = false
  from.on('data', (chunk: Buffer) => later(() => to.writable && to.write(chunk)))
  from.on('end', () => {
    ended = true
    later(() => to.end())
  })
  // A connection cut without an end is cut on the other side too.
  from.on('close', () => ended || later(() => to.destroy()))
}
