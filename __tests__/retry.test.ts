/**
 * The retry policy of retry.ts, attempt by attempt: what is sent again, what is not, what a POST with an
 * unknown outcome does, what the step says while it waits and when it gives up. The attempts are fakes
 * that answer from a script, so each case counts exactly what would have reached the server.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Deadline, StepTimeout } from '../src/deadline.js'
import { ActionError, StatusError } from '../src/errors.js'
import {
  isFailure,
  MAX_RETRY_AFTER_SECONDS,
  retryAfterMs,
  withRetries,
  type RetriedRequest,
  type Failure,
  type RetryOptions
} from '../src/retry.js'
import { clearCore, failure, recorded } from './support/core.js'

vi.mock('@actions/core', async (orig) => (await import('./support/core-mock.js')).mockCore(orig))

beforeEach(clearCore)
afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

const options = (over: Partial<RetryOptions> = {}): RetryOptions => ({
  service: 'Kapso',
  maxAttempts: 3,
  timeoutMs: 5_000,
  backoffMs: 1,
  deadline: new Deadline(60),
  ...over
})

const serverError = (over: Partial<Failure> = {}): Failure => ({
  failed: true,
  status: 503,
  summary: 'HTTP 503',
  mayHaveApplied: true,
  ...over
})
const lostAnswer: Failure = { failed: true, summary: 'the connection failed (ECONNRESET)', mayHaveApplied: true }
const refused: Failure = { failed: true, summary: 'could not connect to kapso (ECONNREFUSED)', mayHaveApplied: false }
const rateLimited = (retryAfter?: number): Failure => ({
  failed: true,
  status: 429,
  summary: 'HTTP 429',
  mayHaveApplied: false,
  rateLimited: true,
  retryAfterMs: retryAfter
})
const clientError = (status: number, body?: unknown): Failure => ({
  failed: true,
  status,
  body,
  summary: `HTTP ${status}`,
  mayHaveApplied: false
})

/** A spec whose attempts answer from `script` in turn (the last answer repeats), counting them. */
function scripted<T>(
  method: RetriedRequest<T>['method'],
  script: (T | Failure)[],
  extra: Partial<RetriedRequest<T>> = {}
): RetriedRequest<T> & { sent: number[] } {
  const sent: number[] = []
  return {
    method,
    doing: 'creating a webhook for https://a.example.com/hook',
    attempt: async (number, timeoutMs) => {
      sent.push(timeoutMs)
      expect(number).toBe(sent.length)
      return script[Math.min(sent.length, script.length) - 1] as T | Failure
    },
    sent,
    ...extra
  }
}

describe('what is sent again', () => {
  it('retries a 5xx, a lost answer and a refused connection, and returns the first success', async () => {
    const spec = scripted('GET', [serverError(), lostAnswer, refused, 'ok'], {})
    expect(await withRetries(options({ maxAttempts: 4 }), spec)).toBe('ok')
    expect(spec.sent).toHaveLength(4)
  })

  it('sends nothing again after any other 4xx, and hands its status and body on', async () => {
    for (const status of [400, 401, 404, 422, 499]) {
      const spec = scripted('PATCH', [clientError(status, { error: 'no' }), 'ok'])
      const error = await failure(withRetries(options(), spec))
      expect(error).toBeInstanceOf(StatusError)
      expect(error).toMatchObject({ status, body: { error: 'no' } })
      expect(spec.sent).toHaveLength(1)
    }
  })

  it('retries HTTP 500 itself', async () => {
    const spec = scripted('GET', [serverError({ status: 500, summary: 'HTTP 500' }), 'ok'])
    expect(await withRetries(options(), spec)).toBe('ok')
  })

  it('retries a 429 for every method, a POST without reconcile too: Kapso did not handle it', async () => {
    const spec = scripted('POST', [rateLimited(0), rateLimited(), 'created'])
    expect(await withRetries(options(), spec)).toBe('created')
    expect(spec.sent).toHaveLength(3)
  })

  it('stops after max attempts and says how the last one ended', async () => {
    const spec = scripted('GET', [
      serverError(),
      serverError({ summary: 'HTTP 502 (an HTML error page)', status: 502 })
    ])
    const error = await failure(withRetries(options(), spec))
    expect(spec.sent).toHaveLength(3)
    expect(error).toBeInstanceOf(ActionError)
    expect(error.message).toBe(
      'Gave up creating a webhook for https://a.example.com/hook after 3 attempts; the last one ended with HTTP 502 (an HTML error page).'
    )
    expect((error as ActionError).status).toBe(502)
  })

  it('says "attempt" for one, and that a change may have been applied when a write may have reached Kapso', async () => {
    const one = await failure(withRetries(options({ maxAttempts: 1 }), scripted('GET', [refused])))
    expect(one.message).toBe(
      'Gave up creating a webhook for https://a.example.com/hook after 1 attempt; the last one ended with could not connect to kapso (ECONNREFUSED).'
    )
    const patch = await failure(withRetries(options({ maxAttempts: 2 }), scripted('PATCH', [lostAnswer, refused])))
    expect(patch.message).toMatch(
      /ended with could not connect to kapso \(ECONNREFUSED\)\. Kapso may have applied it: a re-run finds out and converges\.$/
    )
    const notSent = await failure(withRetries(options({ maxAttempts: 2 }), scripted('PATCH', [refused])))
    expect(notSent.message).not.toContain('may have applied')
    const read = await failure(withRetries(options({ maxAttempts: 2 }), scripted('GET', [lostAnswer])))
    expect(read.message).not.toContain('may have applied')
  })
})

describe('a POST whose outcome is unknown', () => {
  it('is never sent again without a way to find what it made', async () => {
    for (const outcome of [serverError(), lostAnswer]) {
      const spec = scripted('POST', [outcome, 'created'])
      const error = await failure(withRetries(options(), spec))
      expect(spec.sent).toHaveLength(1)
      expect(error).toBeInstanceOf(ActionError)
      expect(error.message).toBe(
        `The outcome of creating a webhook for https://a.example.com/hook is unknown (${outcome.summary}); it was not sent again. Re-run to pick up Kapso's state.`
      )
      expect((error as ActionError).status).toBe(outcome.status)
    }
  })

  it('is sent again when the connection was refused: nothing reached Kapso', async () => {
    const spec = scripted('POST', [refused, 'created'])
    expect(await withRetries(options(), spec)).toBe('created')
    expect(spec.sent).toHaveLength(2)
  })

  it('adopts what the lost attempt made instead of sending it again', async () => {
    const reconcile = vi.fn(async () => 'found it')
    const spec = scripted('POST', [lostAnswer, 'created twice'], { reconcile })
    expect(await withRetries(options(), spec)).toBe('found it')
    expect(spec.sent).toHaveLength(1)
    expect(reconcile).toHaveBeenCalledTimes(1)
    expect(recorded.info()).toContain(
      'The earlier attempt at creating a webhook for https://a.example.com/hook did reach Kapso: using what it made instead of sending it again.'
    )
  })

  it('is sent again when the lost attempt made nothing, and looks again after each unknown outcome', async () => {
    const reconcile = vi.fn(async () => undefined)
    const spec = scripted('POST', [serverError(), serverError(), 'created'], { reconcile })
    expect(await withRetries(options(), spec)).toBe('created')
    expect(spec.sent).toHaveLength(3)
    expect(reconcile).toHaveBeenCalledTimes(2)
  })

  it('looks for nothing after a 429 or a refused connection: no attempt can have made anything', async () => {
    const reconcile = vi.fn(async () => 'found it')
    const spec = scripted('POST', [rateLimited(0), refused, 'created'], { reconcile })
    expect(await withRetries(options(), spec)).toBe('created')
    expect(reconcile).not.toHaveBeenCalled()
  })
})

describe('a DELETE', () => {
  it('counts a 404 after an attempt with an unknown outcome as deleted by that attempt', async () => {
    const spec = scripted('DELETE', [lostAnswer, clientError(404)], { gone: () => 'gone' })
    expect(await withRetries(options(), spec)).toBe('gone')
    expect(spec.sent).toHaveLength(2)
  })

  it('is sent again after a lost answer and a 5xx, and not taken as done until Kapso says so', async () => {
    const spec = scripted('DELETE', [lostAnswer, serverError(), 'deleted'], { gone: () => 'gone' })
    expect(await withRetries(options(), spec)).toBe('deleted')
    expect(spec.sent).toHaveLength(3)
  })

  it('passes a first 404 on: the webhook was not there', async () => {
    const error = await failure(withRetries(options(), scripted('DELETE', [clientError(404)], { gone: () => 'gone' })))
    expect(error).toMatchObject({ status: 404 })
    expect(error).toBeInstanceOf(StatusError)
  })

  it('passes a 404 after a refused connection on: that attempt reached nothing', async () => {
    const error = await failure(
      withRetries(options(), scripted('DELETE', [refused, clientError(404)], { gone: () => 'gone' }))
    )
    expect(error).toBeInstanceOf(StatusError)
  })

  it('treats a 404 on other methods as final even after a lost answer', async () => {
    const error = await failure(
      withRetries(options(), scripted('PATCH', [lostAnswer, clientError(404)], { gone: () => 'gone' }))
    )
    expect(error).toBeInstanceOf(StatusError)
  })
})

describe('rate limits', () => {
  it('waits as Retry-After asks, and says so in a notice', async () => {
    vi.useFakeTimers()
    const spec = scripted('GET', [rateLimited(1_500), 'ok'])
    const done = withRetries(options(), spec)
    await vi.advanceTimersByTimeAsync(1_499)
    expect(spec.sent).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(await done).toBe('ok')
    expect(spec.sent).toHaveLength(2)
    expect(recorded.notices()).toEqual([
      'Kapso is rate-limiting these requests (HTTP 429) while creating a webhook for https://a.example.com/hook: waiting 2 s as it asks, then trying again (attempt 2 of 3).'
    ])
    expect(recorded.info()).toEqual([])
  })

  it('backs off by itself when a 429 names no wait, and says it waits without "as it asks"', async () => {
    vi.useFakeTimers()
    const spec = scripted('GET', [rateLimited(), 'ok'])
    const done = withRetries(options({ backoffMs: 1_000 }), spec)
    await vi.runAllTimersAsync()
    expect(await done).toBe('ok')
    expect(recorded.notices()).toEqual([
      'Kapso is rate-limiting these requests (HTTP 429) while creating a webhook for https://a.example.com/hook: waiting 1 s, then trying again (attempt 2 of 3).'
    ])
  })

  it(`gives up at once when asked to wait more than ${MAX_RETRY_AFTER_SECONDS} s, and says nothing changed`, async () => {
    const spec = scripted('POST', [rateLimited(MAX_RETRY_AFTER_SECONDS * 1000 + 1_500), 'created'])
    const started = Date.now()
    const error = await failure(withRetries(options(), spec))
    expect(Date.now() - started).toBeLessThan(1_000)
    expect(spec.sent).toHaveLength(1)
    expect(error).toBeInstanceOf(ActionError)
    expect(error.message).toBe(
      'Kapso is rate-limiting these requests (HTTP 429) while creating a webhook for https://a.example.com/hook and asks to wait 62 s, ' +
        `more than the ${MAX_RETRY_AFTER_SECONDS} s this step will sleep. Nothing was changed by this request; re-run the job later.`
    )
    expect((error as ActionError).status).toBe(429)
  })

  it(`accepts a wait of exactly ${MAX_RETRY_AFTER_SECONDS} s, within the step's time`, async () => {
    vi.useFakeTimers()
    const spec = scripted('GET', [rateLimited(MAX_RETRY_AFTER_SECONDS * 1000), 'ok'])
    const done = withRetries(options({ deadline: new Deadline(MAX_RETRY_AFTER_SECONDS + 1) }), spec)
    await vi.advanceTimersByTimeAsync(MAX_RETRY_AFTER_SECONDS * 1000)
    expect(await done).toBe('ok')
    expect(spec.sent).toHaveLength(2)
  })

  it('gives up at once when asked to wait more than the step has left, saying so, not that the step ran out of time', async () => {
    vi.useFakeTimers()
    const spec = scripted('GET', [rateLimited(59_000), 'ok'])
    const error = await failure(withRetries(options({ deadline: new Deadline(30) }), spec))
    expect(spec.sent).toHaveLength(1)
    expect(error).toBeInstanceOf(ActionError)
    expect(error.message).toBe(
      'Kapso is rate-limiting these requests (HTTP 429) while creating a webhook for https://a.example.com/hook and asks to wait 59 s, ' +
        'more than the 30 s left of timeout-seconds (30). Nothing was changed by this request; re-run the job later or raise timeout-seconds.'
    )
    expect((error as ActionError).status).toBe(429)
  })

  it('counts a wait of all the time left as too long: no time would be left to send the request', async () => {
    vi.useFakeTimers()
    const spec = scripted('GET', [rateLimited(5_000), 'ok'])
    const error = await failure(withRetries(options({ deadline: new Deadline(5) }), spec))
    expect(error).toBeInstanceOf(ActionError)
    expect(spec.sent).toHaveLength(1)
  })

  it('says the step ran out of time when a rate-limited attempt used up all of it', async () => {
    const deadline = new Deadline(60)
    const spec: RetriedRequest<string> = {
      method: 'GET',
      doing: 'doing it',
      attempt: async () => {
        vi.spyOn(deadline, 'remainingMs').mockReturnValue(0)
        return rateLimited(1_000)
      }
    }
    const error = await failure(withRetries(options({ deadline }), spec))
    expect(error).toBeInstanceOf(StepTimeout)
  })

  it('says an earlier attempt may have been applied when one may have', async () => {
    vi.useFakeTimers()
    const spec = scripted('PATCH', [lostAnswer, rateLimited(59_000)])
    const done = failure(withRetries(options({ deadline: new Deadline(30) }), spec))
    await vi.runAllTimersAsync()
    const error = await done
    expect(spec.sent).toHaveLength(2)
    expect(error.message).toBe(
      'Kapso is rate-limiting these requests (HTTP 429) while creating a webhook for https://a.example.com/hook and asks to wait 59 s, ' +
        'more than the 29.9 s left of timeout-seconds (30). Kapso may have applied an earlier attempt: re-run the job later or raise timeout-seconds; the re-run finds out and converges.'
    )
  })

  it("retries any status the attempt marks as a rate limit (GitHub's 403 naming a wait), saying which", async () => {
    vi.useFakeTimers()
    const spec = scripted('GET', [{ ...rateLimited(1_000), status: 403, summary: 'HTTP 403' }, 'ok'])
    const done = withRetries(options({ service: 'GitHub' }), spec)
    await vi.runAllTimersAsync()
    expect(await done).toBe('ok')
    expect(recorded.notices()).toEqual([
      'GitHub is rate-limiting these requests (HTTP 403) while creating a webhook for https://a.example.com/hook: waiting 1 s as it asks, then trying again (attempt 2 of 3).'
    ])
  })

  it('names the rate limit by its summary when it came with no status of its own', async () => {
    vi.useFakeTimers()
    const spec = scripted('GET', [
      { ...rateLimited(), status: undefined, summary: 'a RATE_LIMITED error in its GraphQL answer' },
      'ok'
    ])
    const done = withRetries(options({ service: 'GitHub', backoffMs: 1_000 }), spec)
    await vi.runAllTimersAsync()
    expect(await done).toBe('ok')
    expect(recorded.notices()).toEqual([
      'GitHub is rate-limiting these requests (a RATE_LIMITED error in its GraphQL answer) while creating a webhook for https://a.example.com/hook: waiting 1 s, then trying again (attempt 2 of 3).'
    ])
  })

  it('treats a 403 not marked as a rate limit as final', async () => {
    const spec = scripted('GET', [{ ...clientError(403), retryAfterMs: 1_000 }, 'ok'])
    const error = await failure(withRetries(options(), spec))
    expect(error).toBeInstanceOf(StatusError)
    expect(spec.sent).toHaveLength(1)
  })
})

describe('backoff', () => {
  beforeEach(() => vi.useFakeTimers())

  /** Runs the spec to its end under fake timers and returns the waits the step announced, in seconds. */
  async function announcedWaits(random: number, backoffMs: number, attempts: number): Promise<string[]> {
    vi.spyOn(Math, 'random').mockReturnValue(random)
    const spec = scripted('GET', [serverError()])
    const done = withRetries(options({ maxAttempts: attempts, backoffMs, deadline: new Deadline(3_600) }), spec).catch(
      (error: unknown) => error
    )
    await vi.runAllTimersAsync()
    await done
    return recorded
      .info()
      .map((line) => /^Retrying .* in ([\d.]+) s \(attempt (\d+) of (\d+)\): HTTP 503\.$/.exec(line)?.[1] ?? line)
  }

  it('doubles from the first delay, each wait between half and all of its step', async () => {
    expect(await announcedWaits(0, 1_000, 4)).toEqual(['0.5', '1.0', '2.0'])
    clearCore()
    expect(await announcedWaits(0.999_999, 1_000, 4)).toEqual(['1.0', '2.0', '4.0'])
  })

  it('never waits more than 30 s between two attempts', async () => {
    expect(await announcedWaits(0.999_999, 10_000, 5)).toEqual(['10.0', '20.0', '30.0', '30.0'])
  })

  it('says which attempt comes next and why', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0)
    const spec = scripted('GET', [serverError(), 'ok'])
    const done = withRetries(options({ backoffMs: 2_000 }), spec)
    await vi.runAllTimersAsync()
    expect(await done).toBe('ok')
    expect(recorded.info()).toEqual([
      'Retrying creating a webhook for https://a.example.com/hook in 1.0 s (attempt 2 of 3): HTTP 503.'
    ])
  })
})

describe("the step's deadline", () => {
  it('bounds each attempt by the time the step has left', async () => {
    const spec = scripted('GET', ['ok'])
    await withRetries(options({ timeoutMs: 30_000, deadline: new Deadline(2) }), spec)
    expect(spec.sent[0]).toBeGreaterThan(1_000)
    expect(spec.sent[0]).toBeLessThanOrEqual(2_000)
    const roomy = scripted('GET', ['ok'])
    await withRetries(options({ timeoutMs: 700, deadline: new Deadline(60) }), roomy)
    expect(roomy.sent).toEqual([700])
  })

  it('sends nothing once the step is out of time', async () => {
    const spec = scripted('PATCH', ['ok'])
    const error = await failure(withRetries(options({ deadline: new Deadline(0) }), spec))
    expect(spec.sent).toHaveLength(0)
    expect(error).toBeInstanceOf(StepTimeout)
    expect(error).toMatchObject({
      doing: 'creating a webhook for https://a.example.com/hook',
      mayHaveApplied: false,
      seconds: 0
    })
  })

  it('does not wait past the deadline, and says whether the last write may have reached Kapso', async () => {
    const cases: [RetriedRequest<string>['method'], Failure, boolean][] = [
      ['PATCH', lostAnswer, true],
      ['PATCH', rateLimited(), false],
      ['GET', lostAnswer, false],
      ['DELETE', serverError(), true]
    ]
    for (const [method, outcome, mayHaveApplied] of cases) {
      const spec = scripted(method, [outcome, 'ok'])
      const started = Date.now()
      const error = await failure(withRetries(options({ backoffMs: 20_000, deadline: new Deadline(3) }), spec))
      expect(Date.now() - started).toBeLessThan(1_000)
      expect(spec.sent).toHaveLength(1)
      expect(error).toBeInstanceOf(StepTimeout)
      expect(error).toMatchObject({ mayHaveApplied, seconds: 3 })
    }
  })

  it('says the step ran out of time, not that it gave up, when its last attempt used up the time', async () => {
    const deadline = new Deadline(1)
    const spec: RetriedRequest<string> = {
      method: 'DELETE',
      doing: 'deleting webhook w',
      attempt: async () => {
        vi.spyOn(deadline, 'remainingMs').mockReturnValue(0)
        return lostAnswer
      }
    }
    const error = await failure(withRetries(options({ deadline, maxAttempts: 1 }), spec))
    expect(error).toBeInstanceOf(StepTimeout)
    expect(error).toMatchObject({ doing: 'deleting webhook w', mayHaveApplied: true })
    expect(recorded.info()).toEqual([])
  })
})

describe("the step's deadline, after an attempt", () => {
  /** A spec whose first attempt ends as `outcome` and leaves the step no time. */
  function lastAttempt(
    method: RetriedRequest<string>['method'],
    outcome: Failure,
    deadline: Deadline
  ): RetriedRequest<string> {
    return {
      method,
      doing: 'doing it',
      attempt: async () => {
        vi.spyOn(deadline, 'remainingMs').mockReturnValue(0)
        return outcome
      }
    }
  }

  it.each([
    ['a GET whose answer was lost', 'GET', lostAnswer, false],
    ['a PATCH that was refused', 'PATCH', refused, false],
    ['a PATCH whose answer was lost', 'PATCH', lostAnswer, true]
  ] as const)('says whether %s may have been applied', async (_what, method, outcome, mayHaveApplied) => {
    const deadline = new Deadline(60)
    const error = await failure(withRetries(options({ deadline }), lastAttempt(method, outcome, deadline)))
    expect(error).toBeInstanceOf(StepTimeout)
    expect(error).toMatchObject({ mayHaveApplied })
  })

  it('says a lost POST may have been applied when the time runs out while looking for it', async () => {
    const deadline = new Deadline(60)
    const reconcile = vi.fn(async () => {
      vi.spyOn(deadline, 'remainingMs').mockReturnValue(0)
      return undefined
    })
    const spec = scripted('POST', [lostAnswer, 'created'], { reconcile })
    const error = await failure(withRetries(options({ deadline }), spec))
    expect(reconcile).toHaveBeenCalledTimes(1)
    expect(spec.sent).toHaveLength(1)
    expect(error).toBeInstanceOf(StepTimeout)
    expect(error).toMatchObject({ mayHaveApplied: true })
  })
})

describe('isFailure', () => {
  it('tells a failure from any value an attempt may return', () => {
    expect(isFailure(lostAnswer)).toBe(true)
    for (const value of [undefined, null, 'failed', { failed: 'true' }, { status: 500 }, 0])
      expect(isFailure(value)).toBe(false)
  })
})

describe('Retry-After', () => {
  const now = Date.parse('2026-11-28T10:00:00Z')
  it('reads seconds and HTTP dates, and nothing else', () => {
    expect(retryAfterMs('60', now)).toBe(60_000)
    expect(retryAfterMs(' 0 ', now)).toBe(0)
    expect(retryAfterMs('Sat, 28 Nov 2026 10:00:30 GMT', now)).toBe(30_000)
    expect(retryAfterMs('Sat, 28 Nov 2026 09:59:00 GMT', now)).toBe(0)
    expect(retryAfterMs('soon', now)).toBeUndefined()
    expect(retryAfterMs('-5', now)).toBeUndefined()
    expect(retryAfterMs(undefined, now)).toBeUndefined()
  })
})

describe("Retry-After, read as a user's proxy might send it", () => {
  const now = Date.parse('2026-11-28T10:00:00Z')
  it('takes the first of repeated headers', () => {
    expect(retryAfterMs(['5', '60'], now)).toBe(5_000)
    expect(retryAfterMs([], now)).toBeUndefined()
  })

  it('reads seconds of any length (a wait too long is still a wait asked for), and nothing blank or fractional', () => {
    expect(retryAfterMs('123456789', now)).toBe(123_456_789_000)
    expect(retryAfterMs('1234567890', now)).toBe(1_234_567_890_000)
    expect(retryAfterMs('99999999999999999999', now)).toBe(Number('99999999999999999999') * 1000)
    expect(retryAfterMs('   ', now)).toBeUndefined()
    expect(retryAfterMs('1.5', now)).toBeUndefined()
    expect(retryAfterMs('5 s', now)).toBeUndefined()
  })

  it('reads an HTTP date only when it has a day or month name and a time', () => {
    expect(retryAfterMs('Sat, 28 Nov 2026 10:01:00 GMT', now)).toBe(60_000)
    expect(retryAfterMs('2026-11-28 10:01:00', now)).toBeUndefined()
    expect(retryAfterMs('2026-11-28T10:01:00Z', now)).toBeUndefined()
    expect(retryAfterMs('Sat, 28 Nov 2026', now)).toBeUndefined()
    expect(retryAfterMs('Sat, 28 Nov 2026 10:1:00 GMT', now)).toBeUndefined()
    expect(retryAfterMs('Sat, 28 Nov 2026 10:01:5 GMT', now)).toBeUndefined()
    expect(retryAfterMs('Sat, 28 Nov 2026 10:01:00 GMT'.padEnd(64), now)).toBe(60_000)
    expect(retryAfterMs(`Sat, 28 Nov 2026 10:01:00 GMT${' '.repeat(40)}`, now)).toBeUndefined()
    expect(retryAfterMs('Sat, 99 Nov 2026 10:01:00 GMT', now)).toBeUndefined()
  })
})
