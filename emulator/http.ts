/**
 * The HTTP side of an answer: Kapso's error body for what a route throws, the faults that answer
 * without handling, and writing a JSON answer (or a truncated one).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Fault } from './faults.js'
import type { RecordedRequest } from './server.js'
import { ApiError, type Answer } from './store.js'

/** The route's answer, or Kapso's error body for what it threw. */
export function guard(route: () => Answer): Answer {
  try {
    return route()
  } catch (error) {
    if (error instanceof ApiError) return { status: error.status, body: { error: error.message } }
    return { status: 500, body: { error: `Emulator fault: ${String(error)}` } }
  }
}

/** Faults that answer (or drop the connection) without handling the request; true when one did. */
export function answerUnhandled(
  fault: Fault,
  req: IncomingMessage,
  res: ServerResponse,
  record: RecordedRequest
): boolean {
  switch (fault.kind) {
    case 'status':
      record.status = fault.status
      res
        .writeHead(fault.status, { 'Content-Type': 'application/json; charset=utf-8', ...fault.headers })
        .end(JSON.stringify(fault.body ?? {}))
      return true
    case 'html':
      record.status = fault.status ?? 502
      res
        .writeHead(record.status, { 'Content-Type': 'text/html' })
        .end('<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>')
      return true
    case 'reset-before':
      req.socket.destroy()
      return true
  }
  return false
}

export function send(res: ServerResponse, answer: Answer, truncate = false): void {
  if (answer.status === 204) {
    res.writeHead(204, answer.headers).end()
    return
  }
  const text = answer.body === undefined ? '' : JSON.stringify(answer.body)
  res
    .writeHead(answer.status, { 'Content-Type': 'application/json; charset=utf-8', ...answer.headers })
    .end(truncate ? text.slice(0, Math.floor(text.length / 2)) : text)
}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}
