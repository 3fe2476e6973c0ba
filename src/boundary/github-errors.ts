import * as v from 'valibot'
import { retryAfterMs } from '../retry.js'
import { pullRequestAlias } from './github.js'

/**
 * What GitHub's errors say: that it is rate-limiting (its headers), and which pull requests a GraphQL answer
 * with errors leaves unknown. Apart from boundary/github.ts because only github/api.ts reads them: they load
 * with GitHub's client, in its chunk, on a run that calls GitHub, not with every start.
 */

/**
 * How long GitHub asks to wait before the next request, when a 403 or 429 says it is rate-limiting (its docs,
 * "Rate limits for the REST API"): Retry-After, in seconds, for a secondary limit; x-ratelimit-remaining 0
 * with x-ratelimit-reset, in UTC epoch seconds, for a primary one. The longer wait when both are given;
 * undefined when neither is (a 403 is then GitHub refusing the token).
 */
export function rateLimitWaitMs(
  headers: Readonly<Record<string, unknown>> | undefined,
  now = Date.now()
): number | undefined {
  const header = (name: string): string | undefined => {
    const value = headers?.[name]
    return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined
  }
  const after = retryAfterMs(header('retry-after'), now)
  const reset = header('x-ratelimit-reset')?.trim()
  const untilReset =
    header('x-ratelimit-remaining')?.trim() === '0' && reset !== undefined && /^\d{1,12}$/.test(reset)
      ? Math.max(0, Number(reset) * 1000 - now)
      : undefined
  return after === undefined || untilReset === undefined ? (after ?? untilReset) : Math.max(after, untilReset)
}

const graphqlErrorSchema = v.object({
  type: v.fallback(v.optional(v.string()), undefined),
  message: v.fallback(v.optional(v.string()), undefined),
  path: v.fallback(v.optional(v.array(v.union([v.string(), v.number()]))), undefined)
})

/** What the errors of a GraphQL answer for pull request states say, besides "no such pull request". */
export interface GraphqlErrors {
  /** GitHub is rate-limiting: the error type it gave (RATE_LIMITED, or RATE_LIMIT as it also spells it). */
  rateLimit?: 'RATE_LIMITED' | 'RATE_LIMIT'
  /** The first error for one of the pull requests that is not NOT_FOUND at its alias: its state is unknown. */
  failed?: { number: number; message: string }
}

/**
 * Reads the errors of a GraphQL answer for these pull requests (pull request N as alias `prN`). GitHub says
 * it has no pull request N with an error of type NOT_FOUND whose path ends with `prN` (and null for it in
 * the data): that is not an error here. Any other error for `prN` (no type, INTERNAL, SERVICE_UNAVAILABLE…)
 * leaves its state unknown. An error that names no pull request is left to the data (a repository GitHub
 * cannot find, say), a rate limit aside.
 */
export function readGraphqlErrors(errors: unknown, numbers: readonly number[]): GraphqlErrors {
  const aliases = new Map(numbers.map((n) => [pullRequestAlias(n), n]))
  let failed: GraphqlErrors['failed']
  for (const item of Array.isArray(errors) ? (errors as unknown[]) : []) {
    const parsed = v.safeParse(graphqlErrorSchema, item)
    const {
      type,
      message,
      path = []
    } = parsed.success ? parsed.output : { type: undefined, message: undefined, path: [] }
    if (type === 'RATE_LIMITED' || type === 'RATE_LIMIT') return { rateLimit: type }
    const number = path.map((step) => aliases.get(String(step))).find((n) => n !== undefined)
    if (number === undefined) continue
    const notFound = type === 'NOT_FOUND' && path.at(-1) === pullRequestAlias(number)
    if (!notFound) failed ??= { number, message: message ?? '' }
  }
  return failed ? { failed } : {}
}
