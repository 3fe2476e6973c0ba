import * as v from 'valibot'
import { isRepositoryName } from '../ownership.js'
import { AnswerError, parseAnswer, wholeNumber } from './parse.js'

/**
 * GitHub's answers, defined by schema: the event that started the run (as the runner wrote it), the pull
 * requests of a commit (REST) and the states of pull requests (GraphQL).
 */

const positive = v.pipe(wholeNumber('a pull request number'), v.minValue(1, 'a pull request number'))
const fullName = v.pipe(
  v.string('owner/name'),
  v.check((name) => isRepositoryName(name), 'owner/name')
)

/** Any field of the event that is absent or of another shape counts as absent: the event is only read. */
const repositoryOf = v.fallback(v.optional(v.object({ repo: v.fallback(v.nullish(v.object({ full_name: v.fallback(v.optional(fullName), undefined) })), undefined) })), undefined)
const eventSchema = v.object({
  action: v.fallback(v.optional(v.string()), undefined),
  number: v.fallback(v.optional(positive), undefined),
  pull_request: v.fallback(
    v.optional(
      v.object({
        number: v.fallback(v.optional(positive), undefined),
        head: repositoryOf,
        base: repositoryOf
      })
    ),
    undefined
  ),
  deployment: v.fallback(v.optional(v.object({ sha: v.fallback(v.optional(v.pipe(v.string(), v.regex(/^[0-9a-f]{7,64}$/i))), undefined) })), undefined)
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
  /** The commit of a deployment_status event. */
  deploymentSha?: string
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
    deploymentSha: event.deployment?.sha
  }
}

const commitPullsSchema = v.array(v.object({ number: positive, state: v.string('a state') }, 'a pull request'), 'a list')

/** The open pull requests among those GitHub lists for a commit. */
export function parseCommitPulls(data: unknown, doing: string): number[] {
  return parseAnswer(commitPullsSchema, data, 'GitHub', doing)
    .filter((pull) => pull.state === 'open')
    .map((pull) => pull.number)
}

const stateSchema = v.nullish(v.object({ number: positive, state: v.picklist(['OPEN', 'CLOSED', 'MERGED'], 'OPEN, CLOSED or MERGED') }, 'a pull request'))

/** The GraphQL alias of pull request N in a query for many. */
export const pullRequestAlias = (number: number): string => `pr${number}`

/**
 * The states of the pull requests asked for by alias (pull request N as `prN`): open, closed (merged
 * counts as closed), or undefined where GitHub has no such pull request.
 */
export function parsePullRequestStates(data: unknown, numbers: readonly number[], doing: string): Map<number, 'open' | 'closed' | undefined> {
  const entries = Object.fromEntries(numbers.map((n) => [pullRequestAlias(n), stateSchema]))
  const schema = v.object({ repository: v.nullish(v.object(entries, 'an object of pull requests')) }, 'a JSON object with repository')
  const repository = parseAnswer(schema, data, 'GitHub', doing).repository as Record<string, v.InferOutput<typeof stateSchema>> | null | undefined
  const states = new Map<number, 'open' | 'closed' | undefined>()
  for (const number of numbers) {
    const pull = repository?.[pullRequestAlias(number)]
    if (pull && pull.number !== number) throw new AnswerError(`GitHub's answer while ${doing} has ${pullRequestAlias(number)} that is not pull request #${number}.`)
    states.set(number, pull ? (pull.state === 'OPEN' ? 'open' : 'closed') : undefined)
  }
  return states
}
