/**
 * Requests where order does not matter, in flight together: never more than the bound, the results (and
 * the error, when one fails) those of one request after another whatever order the answers come in, and
 * one rate limit holds back every request of its service. In process, with made-up answers and delays.
 */
import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { mapBounded, RateGate, readConcurrency, settleBounded } from '../src/concurrency.js'
import { Deadline, StepTimeout } from '../src/deadline.js'
import { ActionError } from '../src/errors.js'
import { readList } from '../src/kapso/list.js'
import type { Reply } from '../src/kapso/transport.js'
import { withRetries, type Failure } from '../src/retry.js'

// The log's lines (a rate-limit notice, a mask) go to the mock, not into the test run's output.
vi.mock('@actions/core', async (orig) => (await import('./support/core-mock.js')).mockCore(orig))

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** Runs `work` as a request would, counting how many are in flight at once. */
function counted<T, R>(
  work: (item: T, index: number) => Promise<R>
): {
  work: (item: T, index: number) => Promise<R>
  peak: () => number
} {
  let now = 0
  let peak = 0
  return {
    work: async (item, index) => {
      peak = Math.max(peak, ++now)
      try {
        return await work(item, index)
      } finally {
        now--
      }
    },
    peak: () => peak
  }
}

describe('KAPSO_ACTION_CONCURRENCY', () => {
  it('is 4 when unset or empty, and any whole number of at least 1 when set', () => {
    expect(readConcurrency(undefined)).toBe(4)
    expect(readConcurrency(' ')).toBe(4)
    expect(readConcurrency('1')).toBe(1)
    expect(readConcurrency(' 12 ')).toBe(12)
  })

  it.each(['0', '-1', '2.5', '1e3', 'four', '0x10', '99999999999999999999'])(
    'refuses %s, naming the variable and what it takes',
    (raw) => {
      expect(() => readConcurrency(raw)).toThrow(
        new ActionError(
          `KAPSO_ACTION_CONCURRENCY must be a whole number of at least 1 (requests in flight at once; default 4); ` +
            `got "${raw}".`
        )
      )
    }
  )
})

describe('mapBounded', () => {
  it('keeps the items in order and never more than the bound in flight, whatever order they end in', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(8), { maxLength: 30 }),
        fc.integer({ min: 1, max: 6 }),
        async (delays, bound) => {
          const run = counted(async (ms: number, index: number) => {
            await sleep(ms)
            return index
          })
          expect(await mapBounded(delays, bound, run.work)).toEqual(delays.map((_, i) => i))
          expect(run.peak()).toBeLessThanOrEqual(bound)
          if (delays.length >= bound) expect(run.peak()).toBe(bound)
        }
      ),
      { numRuns: 40 }
    )
  })

  it('after a failure starts no further item, waits for those in flight, and throws the earliest failure', async () => {
    const started: number[] = []
    const ended: number[] = []
    const work = async (ms: number, index: number): Promise<number> => {
      started.push(index)
      await sleep(ms)
      ended.push(index)
      if (index === 1 || index === 2) throw new Error(`item ${index} failed`)
      return index
    }
    // Item 2 fails first (5 ms), item 1 later (30 ms): the error is item 1's, as one after another gives.
    await expect(mapBounded([40, 30, 5, 5, 5, 5], 3, work)).rejects.toThrow('item 1 failed')
    expect(started).toEqual([0, 1, 2])
    expect(ended.sort()).toEqual([0, 1, 2])
  })

  it('settleBounded tells each item apart: done, failed, or never started', async () => {
    const ends = await settleBounded([1, 2, 3, 4], 1, async (n) => {
      if (n === 2) throw new Error('no')
      return n * 10
    })
    expect(ends.map((end) => end.status)).toEqual(['fulfilled', 'rejected', 'skipped', 'skipped'])
  })
})

describe('the rate gate', () => {
  const options = (gate: RateGate) => ({
    service: 'Kapso',
    maxAttempts: 3,
    timeoutMs: 5000,
    backoffMs: 1,
    deadline: new Deadline(30),
    gate
  })
  const rateLimited = (retryAfterMs: number): Failure => ({
    failed: true,
    status: 429,
    summary: 'HTTP 429',
    mayHaveApplied: false,
    rateLimited: true,
    retryAfterMs
  })

  it('holds every other request of the service until the wait one was told has passed', async () => {
    const gate = new RateGate()
    const starts: Record<string, number[]> = { a: [], b: [] }
    let told = 0
    const a = withRetries(options(gate), {
      method: 'GET',
      doing: 'reading page 2',
      attempt: async (n) => {
        starts.a?.push(Date.now())
        if (n === 1) {
          told = Date.now()
          return rateLimited(300)
        }
        return 'a'
      }
    })
    await sleep(50)
    // Sent after the 429: it does not start before the 300 ms Kapso asked for.
    const b = withRetries(options(gate), {
      method: 'GET',
      doing: 'reading page 3',
      attempt: async () => {
        starts.b?.push(Date.now())
        return 'b'
      }
    })
    expect(await Promise.all([a, b])).toEqual(['a', 'b'])
    expect(starts.b?.[0]).toBeGreaterThanOrEqual(told + 290)
  })

  it('never waits past the deadline: a hold longer than what is left ends the request at once', async () => {
    const gate = new RateGate()
    gate.hold(5000)
    const started = Date.now()
    const request = withRetries(
      { ...options(gate), deadline: new Deadline(1) },
      { method: 'GET', doing: 'reading page 4', attempt: async () => 'never' }
    )
    await expect(request).rejects.toBeInstanceOf(StepTimeout)
    expect(Date.now() - started).toBeLessThan(500)
  })
})

describe('a list read with pages in flight together', () => {
  const id = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
  /** A server's page: webhooks drawn from a few ids (so pages repeat some), a page count or none. */
  const page: fc.Arbitrary<Page> = fc.record({
    webhooks: fc.array(
      fc.record({
        n: fc.nat(40),
        kind: fc.constantFrom('kapso', 'kapso', 'meta'),
        day: fc.integer({ min: 1, max: 4 })
      }),
      { maxLength: 6 }
    ),
    totalPages: fc.option(fc.integer({ min: 0, max: 9 }), { nil: undefined }),
    fails: fc.nat(9).map((n) => n === 0),
    delayMs: fc.nat(6)
  })

  interface Page {
    webhooks: { n: number; kind: string; day: number }[]
    totalPages?: number
    fails: boolean
    delayMs: number
  }

  const read = async (pages: Page[], concurrency: number): Promise<string> => {
    const run = counted(async (n: number): Promise<Reply> => {
      const p = pages[n - 1]
      await sleep(p?.delayMs ?? 0)
      if (p?.fails) throw new ActionError(`page ${n} failed`)
      const data = (p?.webhooks ?? []).map((w) => ({
        id: id(w.n),
        url: `https://pr-${w.n}.preview.example.com/api/whatsapp`,
        kind: w.kind,
        events: ['whatsapp.message.received'],
        created_at: `2026-01-0${w.day}T00:00:00Z`
      }))
      return { status: 200, body: { data, meta: { total_pages: p?.totalPages ?? null } }, size: 100 }
    })
    try {
      const found = await readList({
        doing: 'listing',
        fetchPage: (n) => run.work(n, n),
        keep: (w) => w.kind === 'kapso',
        keepSecret: () => false,
        concurrency,
        checkDeadline: () => {}
      })
      expect(run.peak()).toBeLessThanOrEqual(concurrency)
      return found.map((w) => w.id).join(' ')
    } catch (error) {
      return `error: ${(error as Error).message}`
    }
  }

  it('finds the same webhooks in the same order, or fails the same way, as reading one page at a time', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(page, { minLength: 1, maxLength: 9 }),
        fc.integer({ min: 2, max: 5 }),
        async (pages, c) => {
          expect(await read(pages, c)).toBe(await read(pages, 1))
        }
      ),
      { numRuns: 60 }
    )
  })
})
