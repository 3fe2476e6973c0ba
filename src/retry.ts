import type { RateGate } from './concurrency.js'
import { Deadline, StepTimeout } from './deadline.js'
import { ActionError, StatusError } from './errors.js'
import * as log from './log.js'

/** The longest wait a service may ask for that the step sleeps through; a longer one fails at once. */
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
  /** Shared by the service's requests: a rate limit told to one holds back the next attempt of all. */
  gate?: RateGate
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

/** One request under the retry policy: how to attempt it, and what stands for it when an outcome is unknown. */
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

/**
 * Sends one request under the retry policy, the one for every request to Kapso and GitHub, and resolves
 * with the first success (or with what `reconcile` finds or `gone` stands for):
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
 * Every other end throws: StatusError for a final status, StepTimeout at the deadline, ActionError otherwise.
 */
export async function withRetries<T>(options: RetryOptions, request: RetriedRequest<T>): Promise<T> {
  const state: RetryState = { uncertain: false }
  for (let attempt = 1; attempt <= options.maxAttempts; attempt++) {
    if (state.last) {
      await waitToRetry(options, request, state.last, attempt, state)
      const found = await lookForEarlierEffect(options, request, state.last, state)
      if (found !== undefined) return found
    }
    const outcome = await attemptInTime(options, request, attempt, state)
    if (!isFailure(outcome)) return outcome
    if (deletedByEarlierAttempt(request, outcome, state)) return request.gone()
    takeFailure(options, request, outcome, state)
    state.last = outcome
  }
  throw gaveUp(options, request, state)
}

/** Where a request stands between attempts. */
interface RetryState {
  /** How the last attempt failed (none before the first). */
  last?: Failure
  /** Whether an attempt so far may have been applied although no success came back. */
  uncertain: boolean
}

/** Whether a write of this request may have been applied by an attempt so far (a GET applies nothing). */
function mayHaveApplied(request: RetriedRequest<unknown>, state: RetryState): boolean {
  return state.uncertain && request.method !== 'GET'
}

function outOfTime(options: RetryOptions, request: RetriedRequest<unknown>, state: RetryState): StepTimeout {
  return new StepTimeout(request.doing, mayHaveApplied(request, state), options.deadline.seconds)
}

/** Sleeps before attempt `attempt`, as the service asked or with backoff; saying why; never past the deadline. */
async function waitToRetry(
  options: RetryOptions,
  request: RetriedRequest<unknown>,
  last: Failure,
  attempt: number,
  state: RetryState
): Promise<void> {
  const { maxAttempts, service, deadline } = options
  const { doing } = request
  const waitMs = last.retryAfterMs ?? backoff(options.backoffMs, attempt - 1)
  if (waitMs >= deadline.remainingMs()) throw outOfTime(options, request, state)
  if (last.rateLimited) {
    options.gate?.hold(waitMs)
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
}

/**
 * What an earlier attempt with an unknown outcome made, found by `reconcile`; undefined when the outcome is
 * known, there is no `reconcile`, or it finds nothing. A failure to look ends the request.
 */
async function lookForEarlierEffect<T>(
  options: RetryOptions,
  request: RetriedRequest<T>,
  last: Failure,
  state: RetryState
): Promise<T | undefined> {
  if (!state.uncertain || !request.reconcile) return undefined
  const { service } = options
  const { doing } = request
  const found = await request.reconcile().catch((error: unknown) => {
    throw new ActionError(
      `The outcome of ${doing} is unknown (${last.summary}), and looking for what it made ` +
        `failed: ` +
        `${error instanceof Error ? error.message : String(error)} ${service} may hold it: a re-run finds it ` +
        `and converges.`,
      (error as ActionError | undefined)?.status
    )
  })
  if (found !== undefined)
    log.info(`The earlier attempt at ${doing} did reach ${service}: using what it made instead of sending it again.`)
  return found
}

/**
 * One attempt, once no rate limit told to another request holds it back, bounded by the request timeout and
 * by what is left of the step's.
 */
async function attemptInTime<T>(
  options: RetryOptions,
  request: RetriedRequest<T>,
  attempt: number,
  state: RetryState
): Promise<T | Failure> {
  if (options.gate && !(await options.gate.pass(options.deadline))) throw outOfTime(options, request, state)
  const remaining = options.deadline.remainingMs()
  if (remaining <= 0) throw outOfTime(options, request, state)
  return request.attempt(attempt, Math.min(options.timeoutMs, remaining))
}

/** A DELETE's 404 after an attempt with an unknown outcome: that attempt deleted it. */
function deletedByEarlierAttempt<T>(
  request: RetriedRequest<T>,
  outcome: Failure,
  state: RetryState
): request is RetriedRequest<T> & { gone: () => T } {
  return outcome.status === 404 && state.uncertain && request.method === 'DELETE' && request.gone !== undefined
}

/**
 * Takes in a failed attempt, or throws when it ends the request: any 4xx that is not a rate limit, a wait
 * asked for that the step will not make, a POST that may have been applied and cannot be looked for, or
 * no time left.
 */
function takeFailure(
  options: RetryOptions,
  request: RetriedRequest<unknown>,
  outcome: Failure,
  state: RetryState
): void {
  const { status } = outcome
  if (status !== undefined && status < 500 && status !== 429 && !outcome.rateLimited)
    throw new StatusError(status, outcome.body)
  const tooLong = tooLongAWait(options, request.doing, outcome, mayHaveApplied(request, state))
  if (tooLong) throw tooLong
  if (outcome.mayHaveApplied) state.uncertain = true
  if (state.uncertain && request.method === 'POST' && !request.reconcile) {
    throw new ActionError(
      `The outcome of ${request.doing} is unknown (${outcome.summary}); it was not sent again. Re-run to pick up ` +
        `${options.service}'s state.`,
      outcome.status
    )
  }
  if (options.deadline.remainingMs() <= 0) throw outOfTime(options, request, state)
}

/** The error once every attempt failed, with how the last one ended. */
function gaveUp(options: RetryOptions, request: RetriedRequest<unknown>, state: RetryState): ActionError {
  const { maxAttempts, service } = options
  const { last } = state
  return new ActionError(
    `Gave up ${request.doing} after ${maxAttempts} attempt${maxAttempts === 1 ? '' : 's'}; the last one ended with ` +
      `${last?.summary ?? 'no answer'}.` +
      (mayHaveApplied(request, state) ? ` ${service} may have applied it: a re-run finds out and converges.` : ''),
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
