import type { IncomingMessage } from 'node:http'
import { errorText } from '../boundary/kapso.js'
import * as log from '../log.js'
import { isFailure, retryAfterMs, withRetries, type Failure, type RetryOptions } from '../retry.js'
import { outsideText } from '../secrets.js'
import type { RealHttpClient } from '../shims/http-client.js'
import { openConnections, type Connections } from './connections.js'
import type { Routes } from './routes.js'

/** The most an answer may hold, Kapso's or GitHub's: a webhook page is a few hundred KB at most. */
export const MAX_BODY_BYTES = 16 * 1024 * 1024

export interface TransportOptions extends RetryOptions {
  /** Sent with every request (the credentials among them). */
  headers: Record<string, string>
  userAgent: string
  /** Connections open at once to one host, direct or tunnelled through a proxy (default 4). */
  connections?: number
  /** http-client and the routes, made (and a first connection opened) before the transport: see early.ts. */
  early?: Promise<Connections>
}

export interface RequestSpec {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  url: string
  payload?: unknown
  /** What the step was doing, for messages: "creating a webhook for …". */
  doing: string
  /** For a POST: finds what an attempt with an unknown outcome may have created. */
  reconcile?: () => Promise<Reply | undefined>
}

/** A success: the status and the JSON body, unparsed (undefined when there was none). */
export interface Reply {
  status: number
  body: unknown
  /** The answer's length in characters, for the bounds of a list read over many pages. */
  size?: number
}

/**
 * One HttpClient for one service, keeping its connections open between requests (one TLS handshake for
 * the whole step while requests go one at a time, at most `connections` at once), under the retry policy
 * of retry.ts. Redirects are never followed: following one to another host would hand it the X-API-Key
 * header. Proxies: HttpClient decides as ever (https_proxy / HTTPS_PROXY, no_proxy / NO_PROXY), but a
 * proxied request goes through a kept-alive tunnel of kapso/tunnel.ts rather than a new one each time. The
 * HttpClient is made at the first request (see shims/http-client.ts): a step that stops before one never
 * loads http, https and TLS.
 */
export class Transport {
  private http: RealHttpClient | undefined
  private loading: Promise<RealHttpClient> | undefined
  private routes: Routes | undefined

  constructor(private readonly options: TransportOptions) {}

  request(spec: RequestSpec): Promise<Reply> {
    return withRetries<Reply>(this.options, {
      method: spec.method,
      doing: spec.doing,
      attempt: (number, timeoutMs) => this.attempt(spec, number, timeoutMs),
      reconcile: spec.reconcile,
      gone: () => ({ status: 204, body: undefined })
    })
  }

  /** Closes the kept-alive connections and tunnels, so that nothing holds the process open. */
  close(): void {
    this.http?.dispose()
    this.routes?.close()
  }

  private client(): Promise<RealHttpClient> {
    const maxSockets = this.options.connections ?? 4
    this.loading ??= (this.options.early ?? openConnections(maxSockets, this.options.timeoutMs)).then(
      ({ HttpClient, routes }) => {
        routes.setTimeout(this.options.timeoutMs)
        this.routes = routes
        return (this.http = new HttpClient(this.options.userAgent, [routes], {
          allowRedirects: false,
          allowRetries: false,
          keepAlive: true,
          maxSockets,
          socketTimeout: this.options.timeoutMs,
          headers: { Accept: 'application/json', ...this.options.headers }
        }))
      }
    )
    return this.loading
  }

  /** One attempt within `timeoutMs`: the reply on success, or how it failed; traced in the debug log. */
  private async attempt(spec: RequestSpec, attempt: number, timeoutMs: number): Promise<Reply | Failure> {
    const { method, url } = spec
    const http = await this.client()
    await this.routes?.route(url)
    const started = Date.now()
    const trace = (result: string): void => {
      // Method, path, result, duration, attempt: never a body or a header (they carry the secret and the key).
      log.debug(`${method} ${new URL(url).pathname} -> ${result} (${Date.now() - started} ms, attempt ${attempt})`)
    }
    let answer: Answer
    try {
      answer = await exchange(http, spec, timeoutMs, started)
    } catch (error) {
      const bound = timeoutMs < this.options.timeoutMs ? 'timeout-seconds' : 'request-timeout-seconds'
      const failure = networkFailure(error, timeoutMs, bound, new URL(url).host)
      trace(failure.summary)
      return failure
    }
    trace(String(answer.status))
    return replyOf(method, answer, this.options.service)
  }
}

/** An answer as it came: its status, its text (unparsed), and the Retry-After it named. */
interface Answer {
  status: number
  text: string
  retryAfter: string | undefined
}

/**
 * Sends the request and reads the whole answer, both within `timeoutMs` of `started`; throws when either
 * fails (DeadlineError, TooLargeError, or the connection's error).
 */
async function exchange(http: RealHttpClient, spec: RequestSpec, timeoutMs: number, started: number): Promise<Answer> {
  const { method, url, payload } = spec
  const sending = http.request(
    method,
    url,
    payload === undefined ? null : JSON.stringify(payload),
    payload === undefined ? {} : { 'Content-Type': 'application/json' }
  )
  const { message } = await withDeadline(sending, timeoutMs)
  const text = await withDeadline(readCapped(message), Math.max(1, timeoutMs - (Date.now() - started)), () =>
    message.destroy()
  )
  // Node's Agent takes the connection back once the request is also written out, which over TLS can come
  // after the answer's end: a request sent at once would open another connection. One turn of the loop first.
  await new Promise((resolve) => setImmediate(resolve))
  return { status: message.statusCode ?? 0, text, retryAfter: message.headers['retry-after'] }
}

/** A 2xx with a JSON body (any body for a DELETE) as the reply; any other answer as how it failed. */
function replyOf(
  method: RequestSpec['method'],
  { status, text, retryAfter }: Answer,
  service: string
): Reply | Failure {
  const body = parseJson(text)
  if (status >= 200 && status < 300) {
    if (body !== undefined || method === 'DELETE') return { status, body, size: text.length }
    // A success whose body cannot be read: for a POST, the webhook may exist all the same.
    return { failed: true, summary: `HTTP ${status} with a body that is not JSON`, mayHaveApplied: method !== 'GET' }
  }
  const said = errorText(body)
  const looksLikeHtml = body === undefined && /^\s*</.test(text)
  return {
    failed: true,
    status,
    body,
    summary: `HTTP ${status}${said ? ` (${service} said: ${said})` : looksLikeHtml ? ' (an HTML error page)' : ''}`,
    // A 5xx may come after the change was made; 429 and 4xx mean it was not.
    mayHaveApplied: status >= 500,
    rateLimited: status === 429,
    retryAfterMs: status === 429 ? retryAfterMs(retryAfter) : undefined
  }
}

export { isFailure }

function networkFailure(error: unknown, timeoutMs: number, bound: string, host: string): Failure {
  if (error instanceof DeadlineError || (error instanceof Error && error.message.startsWith('Request timeout'))) {
    return {
      failed: true,
      summary: `no answer within ${(timeoutMs / 1000).toFixed(timeoutMs % 1000 ? 1 : 0)} s (${bound})`,
      mayHaveApplied: true
    }
  }
  if (error instanceof TooLargeError) return { failed: true, summary: error.message, mayHaveApplied: true }
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  // Refused or unresolvable: nothing was sent, so nothing can have been applied.
  const notSent = code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN'
  const what = notSent ? `could not connect to ${host}` : 'the connection failed'
  const cause = typeof code === 'string' ? code : error instanceof Error ? error.message : String(error)
  return { failed: true, summary: `${what} (${outsideText(cause, 120)})`, mayHaveApplied: !notSent }
}

class DeadlineError extends Error {}
class TooLargeError extends Error {}

function withDeadline<T>(promise: Promise<T>, ms: number, onExpire?: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      // Settle first: destroying the response emits an error of its own, which must not win the race.
      reject(new DeadlineError())
      onExpire?.()
    }, ms)
  })
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer))
}

/** The body as text, refusing more than MAX_BODY_BYTES. */
function readCapped(message: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    message.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        // Settle first: destroying the message emits 'aborted' at once, which must not win.
        reject(new TooLargeError(`an answer larger than ${MAX_BODY_BYTES / 1024 / 1024} MiB`))
        message.destroy()
      } else chunks.push(chunk)
    })
    message.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    message.on('error', reject)
    message.on('aborted', () => reject(new Error('ECONNRESET')))
  })
}

/** Any JSON value, or undefined when the text is not JSON. */
export function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}
