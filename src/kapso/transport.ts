import * as core from '@actions/core'
import { HttpClient, type HttpClientResponse } from '@actions/http-client'

/**
 * The retry policy, in one place:
 * - 429: wait as Retry-After says (seconds or an HTTP date), at most MAX_RETRY_AFTER_SECONDS, then retry
 *   any method: Kapso did not handle the request.
 * - 5xx, an unreadable body (HTML error page, malformed JSON), a reset connection or a timeout: retry with
 *   exponential backoff and jitter. GET, PATCH and DELETE are safe to repeat. A POST may have been applied:
 *   before it is sent again, `reconcile` looks for its effect, and adopts it when found.
 * - A DELETE that gets 404 after an attempt with an unknown outcome was deleted by that attempt.
 * - Any other 4xx is final at once.
 */
export const MAX_RETRY_AFTER_SECONDS = 60
const MAX_BACKOFF_MS = 30_000
const MAX_MESSAGE_LENGTH = 500

export interface TransportOptions {
  /** Who answers, for messages: "Kapso", "GitHub". */
  service: string
  /** Sent with every request (the credentials among them). */
  headers: Record<string, string>
  userAgent: string
  /** Attempts per request, the first included. */
  maxAttempts: number
  /** Per attempt: connecting, waiting for the answer and reading it. */
  timeoutMs: number
  /** The first backoff delay; each retry doubles it. */
  backoffMs: number
}

export interface RequestSpec {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  url: string
  payload?: unknown
  /** What the step was doing, for messages: "creating a webhook for …". */
  doing: string
  /** For a POST: finds what an attempt with an unknown outcome may have created. */
  reconcile?: () => Promise<Record<string, unknown> | undefined>
}

export interface Reply {
  status: number
  body: Record<string, unknown> | null
}

/** The service gave a final answer that is not a success; the caller turns it into a message. */
export class StatusError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown> | null
  ) {
    super(`HTTP ${status}`)
    this.name = 'StatusError'
  }
}

/** A failure with a message a user can act on. */
export class KapsoError extends Error {
  constructor(
    message: string,
    readonly status?: number
  ) {
    super(message)
    this.name = 'KapsoError'
  }
}

/** How one attempt ended when it did not succeed. */
interface Failure {
  /** For the final message: "HTTP 503 (Kapso said: …)", "connection reset (ECONNRESET)". */
  summary: string
  status?: number
  /** Whether Kapso may have carried out the request although no success came back. */
  mayHaveApplied: boolean
  /** A 429: the service is rate-limiting. */
  rateLimited?: boolean
  /** Milliseconds the service asked us to wait (Retry-After on a 429). */
  retryAfterMs?: number
  /** Kapso's error body, when it answered. */
  body?: Record<string, unknown> | null
}

export class Transport {
  private readonly http: HttpClient

  constructor(private readonly options: TransportOptions) {
    // No redirects: following one to another host would hand it the X-API-Key header.
    // Proxies: HttpClient honours https_proxy / HTTPS_PROXY / http_proxy / HTTP_PROXY and no_proxy / NO_PROXY.
    this.http = new HttpClient(options.userAgent, [], {
      allowRedirects: false,
      allowRetries: false,
      socketTimeout: options.timeoutMs,
      headers: { Accept: 'application/json', ...options.headers }
    })
  }

  async request(spec: RequestSpec): Promise<Reply> {
    const { method, doing } = spec
    const { maxAttempts, service } = this.options
    let uncertain = false
    let last: Failure | undefined
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      if (last) {
        const waitMs = last.retryAfterMs ?? this.backoff(attempt - 1)
        if (last.rateLimited) {
          const how = last.retryAfterMs === undefined ? '' : ' as it asks'
          core.notice(`${service} is rate-limiting these requests (HTTP 429) while ${doing}: waiting ${Math.ceil(waitMs / 1000)} s${how}, then trying again (attempt ${attempt} of ${maxAttempts}).`)
        } else {
          core.info(`Retrying ${doing} in ${(waitMs / 1000).toFixed(1)} s (attempt ${attempt} of ${maxAttempts}): ${last.summary}.`)
        }
        await sleep(waitMs)
        if (uncertain && spec.reconcile) {
          const found = await spec.reconcile()
          if (found) {
            core.info(`The earlier attempt at ${doing} did reach ${service}: using what it made instead of sending it again.`)
            return { status: 201, body: { data: found } }
          }
        }
      }

      const outcome = await this.attempt(spec, attempt)
      if (!('summary' in outcome)) return outcome
      if (outcome.status === 404 && uncertain && method === 'DELETE') return { status: 204, body: null }
      if (outcome.status !== undefined && outcome.status < 500 && outcome.status !== 429) {
        throw new StatusError(outcome.status, outcome.body ?? null)
      }
      if (outcome.retryAfterMs !== undefined && outcome.retryAfterMs > MAX_RETRY_AFTER_SECONDS * 1000) {
        throw new KapsoError(
          `${service} is rate-limiting these requests (HTTP 429) while ${doing} and asks to wait ${Math.ceil(outcome.retryAfterMs / 1000)} s, ` +
            `more than the ${MAX_RETRY_AFTER_SECONDS} s this step will sleep. Nothing was changed by this request; re-run the job later.`,
          429
        )
      }
      if (outcome.mayHaveApplied) uncertain = true
      if (uncertain && method === 'POST' && !spec.reconcile) {
        throw new KapsoError(`The outcome of ${doing} is unknown (${outcome.summary}); it was not sent again. Re-run to pick up ${service}'s state.`, outcome.status)
      }
      last = outcome
    }
    throw new KapsoError(
      `Gave up ${doing} after ${maxAttempts} attempt${maxAttempts === 1 ? '' : 's'}; the last one ended with ${last?.summary ?? 'no answer'}.` +
        (uncertain && method !== 'GET' ? ` ${service} may have applied it: a re-run finds out and converges.` : ''),
      last?.status
    )
  }

  /** One attempt, with its own deadline. Resolves with the reply on success, or how it failed. */
  private async attempt(spec: RequestSpec, attempt: number): Promise<Reply | Failure> {
    const { method, url, payload } = spec
    const started = Date.now()
    const path = new URL(url).pathname
    const log = (result: string): void => {
      // Method, path, result, duration, attempt: never a body or a header (they carry the secret and the key).
      core.debug(`${method} ${path} -> ${result} (${Date.now() - started} ms, attempt ${attempt})`)
    }
    let response: HttpClientResponse | undefined
    let text: string
    try {
      const sending = this.http.request(
        method,
        url,
        payload === undefined ? null : JSON.stringify(payload),
        payload === undefined ? {} : { 'Content-Type': 'application/json' }
      )
      response = await withDeadline(sending, this.options.timeoutMs)
      text = await withDeadline(response.readBody(), Math.max(1, this.options.timeoutMs - (Date.now() - started)), () => response?.message.destroy())
    } catch (error) {
      const failure = networkFailure(error, this.options.timeoutMs, new URL(url).host)
      log(failure.summary)
      return failure
    }
    const status = response.message.statusCode ?? 0
    log(String(status))
    const body = parseJson(text)
    if (status >= 200 && status < 300) {
      if (body !== null || method === 'DELETE') return { status, body }
      // A success whose body cannot be read: for a POST, the webhook may exist all the same.
      return { summary: `HTTP ${status} with a body that is not JSON`, mayHaveApplied: method !== 'GET' }
    }
    const said = kapsoMessage(body)
    const looksLikeHtml = body === null && /^\s*</.test(text)
    return {
      status,
      body,
      summary: `HTTP ${status}${said ? ` (${this.options.service} said: ${said})` : looksLikeHtml ? ' (an HTML error page)' : ''}`,
      // A 5xx may come after the change was made; 429 and 4xx mean it was not.
      mayHaveApplied: status >= 500,
      rateLimited: status === 429,
      retryAfterMs: status === 429 ? retryAfterMs(response.message.headers['retry-after']) : undefined
    }
  }

  /** Exponential backoff with jitter: base × 2^(n-1), between half and all of it, capped. */
  private backoff(retry: number): number {
    const ceiling = Math.min(MAX_BACKOFF_MS, this.options.backoffMs * 2 ** (retry - 1))
    return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2)
  }
}

function networkFailure(error: unknown, timeoutMs: number, host: string): Failure {
  if (error instanceof DeadlineError || (error instanceof Error && error.message.startsWith('Request timeout'))) {
    return { summary: `no answer within ${timeoutMs / 1000} s (request-timeout-seconds)`, mayHaveApplied: true }
  }
  const code = (error as NodeJS.ErrnoException).code
  // Refused or unresolvable: nothing was sent, so nothing can have been applied.
  const notSent = code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN'
  const what = notSent ? `could not connect to ${host}` : 'the connection failed'
  return { summary: `${what} (${clean(code ?? (error as Error).message ?? String(error))})`, mayHaveApplied: !notSent }
}

class DeadlineError extends Error {}

function withDeadline<T>(promise: Promise<T>, ms: number, onExpire?: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onExpire?.()
      reject(new DeadlineError())
    }, ms)
  })
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer))
}

/** Retry-After as seconds or an HTTP date, in milliseconds; undefined when absent or unreadable. */
export function retryAfterMs(header: string | string[] | undefined, now = Date.now()): number | undefined {
  const value = Array.isArray(header) ? header[0] : header
  if (value === undefined || value.trim() === '') return undefined
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000
  // An HTTP date ("Sat, 28 Nov 2026 10:00:30 GMT"): V8's Date.parse alone would take "-5" for a year.
  if (!/[a-z]{3}/i.test(value) || !/\d{1,2}:\d{2}:\d{2}/.test(value)) return undefined
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

export function parseJson(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null
  } catch {
    return null
  }
}

/** The error text, wherever this body keeps it: `error`, `error.message`, `message` or `detail`. */
export function kapsoMessage(body: Record<string, unknown> | null): string {
  if (!body) return ''
  const error = body.error
  const parts = [
    typeof error === 'string' ? error : (error as Record<string, unknown> | undefined)?.message,
    body.message,
    body.detail
  ].filter((part): part is string => typeof part === 'string' && part !== '')
  return clean([...new Set(parts)].join(': '))
}

/** Text from the network made safe for one log line. */
export function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\x00-\x1f\x7f]+/g, ' ').trim()
  return flat.length > MAX_MESSAGE_LENGTH ? `${flat.slice(0, MAX_MESSAGE_LENGTH)}...` : flat
}
