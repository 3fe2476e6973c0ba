import * as v from 'valibot'
import { isRepositoryName } from '../ownership.js'
import { hasControl } from '../text.js'
import { AnswerError, listOfAtMost, parseAnswer, wholeNumber } from './parse.js'

/**
 * GitHub's answers, defined by schema: the event that started the run (as the runner wrote it), the pull
 * requests of a commit (REST) and the states of pull requests (GraphQL). Its errors: boundary/github-errors.ts.
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
const commitPullsSchema = listOfAtMost(commitPullSchema, MAX_COMMIT_PULLS)

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
