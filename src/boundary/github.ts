import * as v from 'valibot'
import { isRepositoryName } from '../ownership.js'
import { retryAfterMs } from '../retry.js'
import { hasControl } from '../text.js'
import { AnswerError, parseAnswer, wholeNumber } from './parse.js'

/**
 * GitHub's answers, defined by schema: the event that started the run (as the runner wrote it), the pull
 * requests of a commit (REST), the states of pull requests (GraphQL), the errors of a GraphQL answer, and
 * the headers that say GitHub is rate-limiting.
 */

/** GitHub numbers pull requests with 32-bit integers, from 1: as the ownership record reads them back. */
const positive = v.pipe(
  wholeNumber('a pull request number'),
  v.minValue(1, 'a pull request number'),
  v.maxValue(2 ** 31 - 1, 'a pull request number')
)
const fullName = v.pipe(
  v.string('owner/name'),
  v.check((name) => isRepositoryName(name), 'owner/name')
)

/** A GitHub login, an app's with [bot]: the event's pull request author, and GITHUB_ACTOR (github/context.ts). */
export const GITHUB_LOGIN = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}(\[bot\])?$/
const login = v.pipe(v.string(), v.regex(GITHUB_LOGIN))

/** A branch name as git allows it, short enough to print: no control characters, spaces or "..". */
const gitRef = v.pipe(
  v.string(),
  v.check(
    (ref) =>
      ref.length > 0 && ref.length <= 255 && !hasControl(ref) && !/[\s~^:?*[\\]/.test(ref) && !ref.includes('..'),
    'a branch name'
  )
)

/** Any field of the event that is absent or of another shape counts as absent: the event is only read. */
const repositoryOf = v.fallback(
  v.optional(
    v.object({
      repo: v.fallback(v.nullish(v.object({ full_name: v.fallback(v.optional(fullName), undefined) })), undefined)
    })
  ),
  undefined
)
const eventSchema = v.object({
  action: v.fallback(v.optional(v.string()), undefined),
  number: v.fallback(v.optional(positive), undefined),
  pull_request: v.fallback(
    v.optional(
      v.object({
        number: v.fallback(v.optional(positive), undefined),
        head: repositoryOf,
        base: repositoryOf,
        user: v.fallback(v.optional(v.object({ login: v.fallback(v.optional(login), undefined) })), undefined)
      })
    ),
    undefined
  ),
  deployment_status: v.fallback(
    v.optional(v.object({ state: v.fallback(v.optional(v.pipe(v.string(), v.regex(/^[a-z_]{1,32}$/))), undefined) })),
    undefined
  ),
  deployment: v.fallback(
    v.optional(
      v.object({
        sha: v.fallback(v.optional(v.pipe(v.string(), v.regex(/^[0-9a-f]{7,64}$/i))), undefined),
        ref: v.fallback(v.optional(gitRef), undefined)
      })
    ),
    undefined
  )
})

/** What the action reads of the event that started the run. */
export interface EventFacts {
  /** The event's action: opened, closed, … */
  action?: string
  /** The pull request of a pull_request or pull_request_target event. */
  pullRequest?: number
  /** The head and base repositories of that pull request (a fork's differ). */
  headRepository?: string
  baseRepository?: string
  /** Who opened that pull request: dependabot[bot] for Dependabot's. */
  pullRequestAuthor?: string
  /** The state a deployment_status event reports: success, failure, error, pending, in_progress, queued. */
  deploymentState?: string
  /** The commit and the branch (or tag) of a deployment or deployment_status event. */
  deploymentSha?: string
  deploymentRef?: string
}

export function parseEvent(payload: unknown): EventFacts {
  const result = v.safeParse(eventSchema, typeof payload === 'object' && payload !== null ? payload : {})
  if (!result.success) return {}
  const event = result.output
  return {
    action: event.action,
    pullRequest: event.pull_request?.number ?? event.number,
    headRepository: event.pull_request?.head?.repo?.full_name,
    baseRepository: event.pull_request?.base?.repo?.full_name,
    pullRequestAuthor: event.pull_request?.user?.login,
    deploymentState: event.deployment_status?.state,
    deploymentSha: event.deployment?.sha,
    deploymentRef: event.deployment?.ref
  }
}

/** The pull requests of a commit are asked for 100 at a time (per_page): a longer list is not read. */
const MAX_COMMIT_PULLS = 100
const commitPullSchema = v.object(
  {
    number: positive,
    state: v.string('a state'),
    head: v.nullish(
      v.object(
        {
          ref: v.nullish(gitRef),
          sha: v.nullish(v.pipe(v.string('a commit id'), v.regex(/^[0-9a-f]{40,64}$/i, 'a commit id')))
        },
        'an object with ref and sha'
      )
    )
  },
  'a pull request'
)
const commitPullsSchema = v.pipe(
  v.array(v.unknown(), 'a list'),
  v.maxLength(MAX_COMMIT_PULLS, `a list of at most the ${MAX_COMMIT_PULLS} asked for`),
  v.array(commitPullSchema, 'a list')
)

/** A pull request that holds a commit: its number, whether it is open, its head branch and that branch's head now. */
export interface CommitPullRequest {
  number: number
  state: 'open' | 'closed'
  headRef?: string
  headSha?: string
}

/** The pull requests GitHub lists for a commit, open and closed (a merged one is closed). */
export function parseCommitPulls(data: unknown, doing: string): CommitPullRequest[] {
  return parseAnswer(commitPullsSchema, data, 'GitHub', doing).map((pull) => ({
    number: pull.number,
    state: pull.state === 'open' ? 'open' : 'closed',
    ...(pull.head?.ref ? { headRef: pull.head.ref } : {}),
    ...(pull.head?.sha ? { headSha: pull.head.sha.toLowerCase() } : {})
  }))
}

const stateSchema = v.nullish(
  v.object(
    { number: positive, state: v.picklist(['OPEN', 'CLOSED', 'MERGED'], 'OPEN, CLOSED or MERGED') },
    'a pull request'
  )
)

/** The GraphQL alias of pull request N in a query for many. */
export const pullRequestAlias = (number: number): string => `pr${number}`

/**
 * The states of the pull requests asked for by alias (pull request N as `prN`): open, closed (merged
 * counts as closed), or undefined where GitHub has no such pull request.
 */
export function parsePullRequestStates(
  data: unknown,
  numbers: readonly number[],
  doing: string
): Map<number, 'open' | 'closed' | undefined> {
  const entries = Object.fromEntries(numbers.map((n) => [pullRequestAlias(n), stateSchema]))
  const schema = v.object(
    { repository: v.nullish(v.object(entries, 'an object of pull requests')) },
    'a JSON object with repository'
  )
  const repository = parseAnswer(schema, data, 'GitHub', doing).repository as
    Record<string, v.InferOutput<typeof stateSchema>> | null | undefined
  const states = new Map<number, 'open' | 'closed' | undefined>()
  for (const number of numbers) {
    const pull = repository?.[pullRequestAlias(number)]
    if (pull && pull.number !== number)
      throw new AnswerError(
        `GitHub's answer while ${doing} has ${pullRequestAlias(number)} that is not pull request #${number}.`
      )
    states.set(number, pull ? (pull.state === 'OPEN' ? 'open' : 'closed') : undefined)
  }
  return states
}

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
