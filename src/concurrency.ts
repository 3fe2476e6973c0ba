import type { Deadline } from './deadline.js'
import { ActionError } from './errors.js'
import { cut, escapeControl } from './text.js'

/**
 * Requests in flight at once where their order does not matter: list pages after the first, GitHub's
 * GraphQL batches, a sweep's deletes. Four keeps a step far below Kapso's and GitHub's rate limits (a
 * 20,000-webhook sweep is still 200 pages) while it cuts the wait for many round trips by four.
 */
export const DEFAULT_CONCURRENCY = 4
const CONCURRENCY_VARIABLE = 'KAPSO_ACTION_CONCURRENCY'

/**
 * The bound from KAPSO_ACTION_CONCURRENCY, an internal knob (the bench compares 1 with the default): a
 * whole number ≥ 1; unset or empty, DEFAULT_CONCURRENCY. Anything else fails the step before any request,
 * rather than run at a bound nobody asked for.
 */
export function readConcurrency(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return DEFAULT_CONCURRENCY
  const value = Number(raw.trim())
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < 1) {
    throw new ActionError(
      `${CONCURRENCY_VARIABLE} must be a whole number of at least 1 (requests in flight at once; default ` +
        `${DEFAULT_CONCURRENCY}); got "${escapeControl(cut(raw, 40))}".`
    )
  }
  return value
}

/**
 * One service's rate-limit pause, shared by all its requests: when one is told to wait (a 429 with
 * Retry-After), none of the others starts an attempt until that wait has passed. Requests already sent
 * are not recalled.
 */
export class RateGate {
  private until = 0

  /** Holds every request back for `ms` from now; a longer hold already in force stays. */
  hold(ms: number): void {
    this.until = Math.max(this.until, Date.now() + ms)
  }

  /** Milliseconds before a request may start. */
  remainingMs(): number {
    return Math.max(0, this.until - Date.now())
  }

  /**
   * Resolves true once no hold is in force (one made meanwhile is waited out as well), or false at once
   * when the hold outlasts the deadline: the caller gives up without sleeping into it.
   */
  async pass(deadline: Deadline): Promise<boolean> {
    for (let ms = this.remainingMs(); ms > 0; ms = this.remainingMs()) {
      if (ms >= deadline.remainingMs()) return false
      await sleep(ms)
    }
    return true
  }
}

/** How one item of a bounded run ended; `skipped` when it never started because an earlier one failed. */
export type Settled<R> =
  { status: 'fulfilled'; value: R } | { status: 'rejected'; reason: unknown } | { status: 'skipped' }

/**
 * Runs `work` on each item, at most `limit` at once, started in the items' order, and resolves once every
 * started one has settled, with each item's end in the items' order. Once one fails, no further item
 * starts (as one after another would stop there); those in flight are waited for, so that nothing runs on.
 */
export async function settleBounded<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>
): Promise<Settled<R>[]> {
  const ends: Settled<R>[] = items.map(() => ({ status: 'skipped' }))
  let next = 0
  let failed = false
  const worker = async (): Promise<void> => {
    while (next < items.length && !failed) {
      const index = next++
      try {
        ends[index] = { status: 'fulfilled', value: await work(items[index] as T, index) }
      } catch (reason) {
        ends[index] = { status: 'rejected', reason }
        failed = true
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker))
  return ends
}

/**
 * Like settleBounded, but resolves with the results in the items' order, or rejects with the failure of
 * the earliest item that failed: the same as one after another would give, whatever order answers came in.
 */
export async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>
): Promise<R[]> {
  const ends = await settleBounded(items, limit, work)
  const failure = ends.find((end) => end.status === 'rejected')
  if (failure) throw failure.reason
  return ends.map((end) => (end as { value: R }).value)
}

/**
 * Reads pages 1, 2, … and hands each to `take` in page order, fetching up to `limit` pages at once ahead
 * of it. `take` returns the last page known to exist (Kapso's page count), page + 1 when only the next one
 * is known to be wanted, or anything ≤ page to stop. Only pages `take` has said exist are fetched, and at
 * most `limit` fetched or in flight beyond the one it is at, so the answers held stay bounded. A failed
 * fetch is thrown when `take` reaches its page (and ignored if `take` stops before); once one fails, no
 * further page is fetched. Nothing is left in flight when it returns or throws.
 */
export async function readPages<A>(
  limit: number,
  fetch: (page: number) => Promise<A>,
  take: (page: number, answer: A) => number
): Promise<void> {
  const fetching = new Map<number, Promise<A>>()
  const inFlight = new Set<Promise<unknown>>()
  let started = 0
  let last = 1
  let broken = false
  const start = (upTo: number): void => {
    while (!broken && started < Math.min(last, upTo)) {
      const page = ++started
      const answer = fetch(page)
      const settled = answer.then(
        () => undefined,
        () => void (broken = true)
      )
      inFlight.add(settled)
      void settled.finally(() => inFlight.delete(settled))
      fetching.set(page, answer)
    }
  }
  try {
    for (let page = 1; ; page++) {
      start(page + limit - 1)
      // Every page up to `last` was started, unless a fetch failed: then an earlier page throws first.
      const answer = fetching.get(page) ?? fetch(page)
      fetching.delete(page)
      last = take(page, await answer)
      if (last <= page) return
    }
  } finally {
    broken = true
    await Promise.all(inFlight)
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
