import { Deadline, StepTimeout } from './deadline.js'
import { ActionError, StatusError } from './errors.js'
import * as log from './log.js'

/**
 * The retry policy, in one place, for every request to Kapso and GitHub:
 * - A rate limit (429; for GitHub also a 403 that names a wait, see boundary/github.ts): wait as the service
 *   asks (Retry-After, or until its limit resets), then retry any method: the service did not handle the
 *   request. A wait longer than MAX_RETRY_AFTER_SECONDS, or than the step has left, fails at once, saying
 *   who asked to wait how long; a rate limit that names no wait is backed off from like a 5xx.
 * - 5xx, an unreadable answer, a reset connection or no answer in time: retry with exponential backoff and
 *   jitter. GET, PATCH and DELETE are safe to repeat. A POST may have been applied: before it is sent
 *   again, `reconcile` looks for its effect, and adopts it when found; without one it is never resent.
 * - A DELETE that gets 404 after an attempt with an unknown outcome was deleted by that attempt.
 * - Any other 4xx is final at once.
 * - Nothing waits or sends past the step's deadline (timeout-seconds).
 */
export const MAX_RETRY_AFTER_SECONDS = 60
const MAX_BACKOFF_MS = 30_000

export interface RetryOptions {
  /** Who answers, for messages: "Kapso", "GitHub". */
  service: string
  /** Attempts per request, the first included. */
  maxAttempts: number
  /** The bound of one attempt. */
  timeoutMs: number
  /** The first backoff delay; each retry doubles it. */
  backoffMs: number
  deadline: Deadline
}

/** How one attempt ended when it did not succeed. */
export interface Failure {
  failed: true
  /** For the final message: "HTTP 503 (Kapso said: …)", "connection reset (ECONNRESET)". */
  summary: string
  status?: number
  /** Whether the service may have carried out the request although no success came back. */
  mayHaveApplied: boolean
  /** The service says it is rate-limiting: retried whatever the status. */
  rateLimited?: boolean
  /** Milliseconds the service asked us to wait (Retry-After on a 429, or until GitHub's limit resets). */
  retryAfterMs?: number
  /** The service's answer, unparsed, when it gave one. */
  body?: unknown
}

export interface RetriedRequest<T> {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  /** What the step was doing, for messages: "creating a webhook for …". */
  doing: string
  /** One attempt within `timeoutMs`: the value, or how it failed. */
  attempt: (number: number, timeoutMs: number) => Promise<T | Failure>
  /** For a POST: finds what an attempt with an unknown outcome may have made. */
  reconcile?: () => Promise<T | undefined>
  /** What a DELETE's 404 after an uncertain attempt stands for. */
  gone?: () => T
}

export function isFailure(value: unknown): value is Failure {
  return typeof value === 'object' && value !== null && (value as Failure).failed === true
}

export async function withRetries<T>(options: RetryOptions, spec: RetriedRequest<T>): Promise<T> {
  const { maxAttempts, service, deadline } = options
  const { method, doing } = spec
  let uncertain = false
  let last: Failure | undefined
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    if (last) {
      const waitMs = last.retryAfterMs ?? backoff(options.backoffMs, attempt - 1)
      if (waitMs >= deadline.remainingMs())
        throw new StepTimeout(doing, uncertain && method !== 'GET', deadline.seconds)
      if (last.rateLimited) {
        const how = last.retryAfterMs === undefined ? '' : ' as it asks'
        log.notice(
          `${rateLimiting(service, last, doing)}: waiting ${Math.ceil(waitMs / 1000)} s${how}, then trying again ` +
            `(attempt ${attempt} of ${maxAttempts}).`
        )
      } else {
        log.info(
          `Retrying ${doing} in ${(waitMs / 1000).toFixed(1)} s (attempt ${attempt} of ${maxAttempts}): ` +
            `${last.summary}.`
        )
      }
      await sleep(waitMs)
      if (uncertain && spec.reconcile) {
        const found = await spec.reconcile().catch((error: unknown) => {
          throw new ActionError(
            `The outcome of ${doing} is unknown (${last?.summary ?? 'no answer'}), and looking for what it made ` +
              `failed: ` +
              `${error instanceof Error ? error.message : String(error)} ${service} may hold it: a re-run finds it ` +
              `and converges.`,
            (error as ActionError | undefined)?.status
          )
        })
        if (found !== undefined) {
          log.info(
            `The earlier attempt at ${doing} did reach ${service}: using what it made instead of sending it again.`
          )
          return found
        }
      }
    }
    const remaining = deadline.remainingMs()
    if (remaining <= 0) throw new StepTimeout(doing, uncertain && method !== 'GET', deadline.seconds)
    const outcome = await spec.attempt(attempt, Math.min(options.timeoutMs, remaining))
    if (!isFailure(outcome)) return outcome
    if (outcome.status === 404 && uncertain && method === 'DELETE' && spec.gone) return spec.gone()
    if (outcome.status !== undefined && outcome.status < 500 && outcome.status !== 429 && !outcome.rateLimited)
      throw new StatusError(outcome.status, outcome.body)
    const tooLong = tooLongAWait(options, doing, outcome, uncertain && method !== 'GET')
    if (tooLong) throw tooLong
    if (outcome.mayHaveApplied) uncertain = true
    if (uncertain && method === 'POST' && !spec.reconcile) {
      throw new ActionError(
        `The outcome of ${doing} is unknown (${outcome.summary}); it was not sent again. Re-run to pick up ` +
          `${service}'s state.`,
        outcome.status
      )
    }
    if (deadline.remainingMs() <= 0) throw new StepTimeout(doing, uncertain && method !== 'GET', deadline.seconds)
    last = outcome
  }
  throw new ActionError(
    `Gave up ${doing} after ${maxAttempts} attempt${maxAttempts === 1 ? '' : 's'}; the last one ended with ` +
      `${last?.summary ?? 'no answer'}.` +
      (uncertain && method !== 'GET' ? ` ${service} may have applied it: a re-run finds out and converges.` : ''),
    last?.status
  )
}

/** "Kapso is rate-limiting these requests (HTTP 429) while …": as the service said so (its status, or the summary). */
function rateLimiting(service: string, failure: Failure, doing: string): string {
  return `${service} is rate-limiting these requests (${
    failure.status === undefined ? failure.summary : `HTTP ${failure.status}`
  }) while ${doing}`
}

/**
 * The error when the service asks for a wait the step will not make: longer than MAX_RETRY_AFTER_SECONDS, or
 * than the step has left (it does not run out of time waiting for a retry that could not be sent).
 */
function tooLongAWait(
  options: RetryOptions,
  doing: string,
  outcome: Failure,
  earlierMayHaveApplied: boolean
): ActionError | undefined {
  const waitMs = outcome.retryAfterMs
  if (waitMs === undefined) return undefined
  const { deadline, service } = options
  const left = deadline.remainingMs()
  const overCap = waitMs > MAX_RETRY_AFTER_SECONDS * 1000
  // With no time left at all, the step ran out of time, whatever the wait.
  if (!overCap && (waitMs < left || left <= 0)) return undefined
  const limit = overCap
    ? `the ${MAX_RETRY_AFTER_SECONDS} s this step will sleep`
    : `the ${Math.floor(left / 100) / 10} s left of timeout-seconds (${deadline.seconds})`
  const later = `re-run the job later${overCap ? '' : ' or raise timeout-seconds'}`
  return new ActionError(
    `${rateLimiting(service, outcome, doing)} and asks to wait ${Math.ceil(waitMs / 1000)} s, more than ${limit}. ` +
      (earlierMayHaveApplied
        ? `${service} may have applied an earlier attempt: ${later}; the re-run finds out and converges.`
        : `Nothing was changed by this request; ${later}.`),
    outcome.status ?? 429
  )
}

/** Exponential backoff with jitter: base × 2^(n-1), between half and all of it, capped. */
function backoff(baseMs: number, retry: number): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** (retry - 1))
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2)
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/** Retry-After as seconds or an HTTP date, in milliseconds; undefined when absent or unreadable. */
export function retryAfterMs(header: string | string[] | undefined, now = Date.now()): number | undefined {
  const value = Array.isArray(header) ? header[0] : header
  if (value === undefined || value.trim() === '') return undefined
  // Any number of digits: a wait of 10^12 s is still a wait asked for (and refused as too long), not no header.
  if (/^\s*\d+\s*$/.test(value)) return Number(value.trim().slice(0, 20)) * 1000
  // An HTTP date ("Sat, 28 Nov 2026 10:00:30 GMT"): V8's Date.parse alone would take "-5" for a year.
  if (value.length > 64 || !/[a-z]{3}/i.test(value) || !/\d{1,2}:\d{2}:\d{2}/.test(value)) return undefined
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}
