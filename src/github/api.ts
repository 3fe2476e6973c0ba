import * as github from '@actions/github'
import { rateLimitWaitMs, readGraphqlErrors } from '../boundary/github-errors.js'
import {
  parseCommitPulls,
  parsePullRequestStates,
  pullRequestAlias,
  type CommitPullRequest
} from '../boundary/github.js'
import type { Deadline } from '../deadline.js'
import { mapBounded } from '../concurrency.js'
import { ActionError, StatusError } from '../errors.js'
import * as log from '../log.js'
import type { PullRequestApi } from './types.js'
import { isFailure, withRetries, type Failure, type RetryOptions } from '../retry.js'
import { MAX_BODY_BYTES } from '../kapso/transport.js'
import { outsideText } from '../secrets.js'
import { count } from '../text.js'
import { cappedFetch } from './capped-fetch.js'

/** GraphQL allows many aliases in one query; 100 keeps each query small and well under GitHub's limits. */
export const PULL_REQUESTS_PER_QUERY = 100

/** The longest the calls wait for the request that opens the connection ahead (see GitHubApi.prepare). */
const WARM_UP_MS = 3000

export interface GitHubApiOptions extends Omit<RetryOptions, 'service'> {
  token: string
  userAgent: string
  deadline: Deadline
  /** GraphQL queries in flight at once (KAPSO_ACTION_CONCURRENCY); default 1. */
  concurrency?: number
  /** The fetch to use (github/lazy.ts gives one that keeps its connections); @actions/github's by default. */
  fetch?: typeof fetch
}

/**
 * The two things the action asks GitHub about pull requests, through @actions/github's Octokit (GHES URLs,
 * proxies and the workflow context come with it), and the request under the retry policy that comments.ts
 * shares. Loaded only when a step calls GitHub: see github/lazy.ts.
 */
export class GitHubApi implements PullRequestApi {
  readonly octokit: ReturnType<typeof github.getOctokit>
  private readonly retry: RetryOptions
  /** The proxy-aware fetch, with a bound on the size of an answer: given with each call. */
  readonly fetch: typeof fetch
  private readonly concurrency: number
  /** The request that opens the connection ahead of the calls (see prepare). */
  private warming: Promise<void> | undefined

  constructor(options: GitHubApiOptions) {
    this.retry = { ...options, service: 'GitHub' }
    this.concurrency = options.concurrency ?? 1
    this.octokit = github.getOctokit(options.token, {
      userAgent: options.userAgent,
      // Octokit would print server text (deprecation notices) raw to stderr: through our log, as outside text.
      log: {
        debug: () => {},
        info: () => {},
        warn: (message: string) => log.debug(`GitHub: ${outsideText(message, 300)}`),
        error: (message: string) => log.debug(`GitHub: ${outsideText(message, 300)}`)
      }
      // No `request` here: it would replace, not join, the proxy-aware fetch @actions/github sets there.
    })
    // That proxy-aware fetch, with a bound on the size of an answer; given with each call.
    const proxyFetch =
      options.fetch ??
      (this.octokit.request.endpoint.DEFAULTS as { request?: { fetch?: typeof fetch } }).request?.fetch ??
      fetch
    this.fetch = cappedFetch(proxyFetch, MAX_BODY_BYTES)
  }

  /**
   * Opens the connection to GitHub ahead of the calls, with the one request that costs nothing (GET
   * /rate_limit does not count against the rate limit), so that the calls find it open. What it answers is
   * not read; a failure is only traced: the calls that follow report their own. The calls wait for it, so
   * that they use that connection and no more are in flight than the bound; it waits at most
   * WARM_UP_MS for its answer, so that a server slow to give it holds them up no longer than that.
   */
  prepare(): void {
    const ms = Math.min(WARM_UP_MS, this.retry.timeoutMs, this.retry.deadline.remainingMs())
    const started = Date.now()
    this.warming ??= this.octokit
      .request('GET /rate_limit', {
        request: { signal: AbortSignal.timeout(Math.max(1, ms)), redirect: 'error', fetch: this.fetch }
      })
      .then(
        (answer) => answer.status,
        (error: unknown) => {
          const status = (error as { status?: unknown } | undefined)?.status
          return typeof status === 'number' ? status : 'no answer'
        }
      )
      .then((status) => log.debug(`GitHub: connection opened ahead (${String(status)}, ${Date.now() - started} ms)`))
  }

  /** The pull requests, open and closed, that contain this commit. */
  async pullRequestsWith(sha: string): Promise<CommitPullRequest[]> {
    const doing = `finding the pull request of commit ${sha.slice(0, 7)}`
    const { owner, repo } = github.context.repo
    const data = await this.call(doing, (signal) =>
      this.octokit.rest.repos
        .listPullRequestsAssociatedWithCommit({
          owner,
          repo,
          commit_sha: sha,
          per_page: 100,
          request: { signal, redirect: 'error', fetch: this.fetch }
        })
        .then((r) => r.data as unknown)
    )
    return parseCommitPulls(data, doing)
  }

  /**
   * 'open' or 'closed' for each, undefined where GitHub has no such pull request: one query per 100, up to
   * `concurrency` at once, the answers taken in the numbers' order (the first failing query's error wins).
   */
  async pullRequestStates(numbers: readonly number[]): Promise<Map<number, 'open' | 'closed' | undefined>> {
    const batches: number[][] = []
    for (let i = 0; i < numbers.length; i += PULL_REQUESTS_PER_QUERY)
      batches.push(numbers.slice(i, i + PULL_REQUESTS_PER_QUERY))
    const answers = await mapBounded(batches, this.concurrency, (batch) => this.statesOf(batch))
    return new Map(answers.flatMap((answer) => [...answer]))
  }

  /** One query: the states of at most PULL_REQUESTS_PER_QUERY pull requests. */
  private async statesOf(batch: number[]): Promise<Map<number, 'open' | 'closed' | undefined>> {
    const { owner, repo } = github.context.repo
    const doing = `reading the state of ${count(batch.length, 'pull request')} of ${owner}/${repo}`
    const fields = batch.map((n) => `${pullRequestAlias(n)}: pullRequest(number: ${n}) { number state }`).join(' ')
    const query = `query($owner: String!, $repo: String!) { repository(owner: $owner, name: $repo) { ${fields} } }`
    const request = (signal: AbortSignal): Promise<unknown> =>
      this.octokit.graphql<unknown>(query, { owner, repo, request: { signal, redirect: 'error', fetch: this.fetch } })
    const data = await this.call(doing, request, (error) => graphqlOutcome(error, batch, doing))
    if (typeof data === 'object' && data !== null && (data as { repository?: unknown }).repository === null) {
      throw new ActionError(
        `GitHub answered that there is no repository ${owner}/${repo} while ${doing}: github-token cannot see it. ` +
          `Check github-token: it needs pull-requests: read on ${owner}/${repo}.`
      )
    }
    return parsePullRequestStates(data, batch, doing)
  }

  /** One read under the retry policy; a final refusal as the ActionError that says which permission to add. */
  private call(
    doing: string,
    request: (signal: AbortSignal) => Promise<unknown>,
    graphql?: (error: GraphqlError) => unknown
  ): Promise<unknown> {
    const warmed = this.warming ?? Promise.resolve()
    return warmed
      .then(() => this.send<unknown>('GET', doing, request, { graphql }))
      .catch((error: unknown) => {
        throw error instanceof StatusError ? refused(error.status, doing) : error
      })
  }

  /**
   * One request under the retry policy (retry.ts), with a final status as StatusError for the caller to
   * read. Redirects are not followed (each call says so: the token would go along). A GraphQL answer with
   * errors goes to `graphql`, which returns its data or how it failed; a POST whose outcome is unknown is
   * sent again only after `reconcile` found nothing.
   */
  send<T>(
    method: 'GET' | 'POST' | 'PATCH',
    doing: string,
    request: (signal: AbortSignal) => Promise<T>,
    more: { graphql?: (error: GraphqlError) => unknown; reconcile?: () => Promise<T | undefined> } = {}
  ): Promise<T> {
    const { graphql, reconcile } = more
    return withRetries<T>(this.retry, {
      method,
      doing,
      ...(reconcile && { reconcile }),
      attempt: async (attempt, timeoutMs) => {
        const started = Date.now()
        const signal = AbortSignal.timeout(timeoutMs)
        try {
          const data = await request(signal)
          // An answer cut off by the timeout reads as an empty body: it is no answer, not a wrong one.
          if (signal.aborted)
            return {
              failed: true,
              summary: `no answer within ${Math.round(timeoutMs / 1000)} s`,
              mayHaveApplied: method !== 'GET'
            }
          log.debug(`GitHub ${doing} -> ok (${Date.now() - started} ms, attempt ${attempt})`)
          return data
        } catch (error) {
          const failure = graphql && isGraphqlError(error) ? graphql(error) : toFailure(error, timeoutMs)
          if (!isFailure(failure)) return failure as T
          log.debug(`GitHub ${doing} -> ${failure.summary} (${Date.now() - started} ms, attempt ${attempt})`)
          return failure
        }
      }
    })
  }
}

function refused(status: number, doing: string): ActionError {
  if (status === 401 || status === 403 || status === 404) {
    const { owner, repo } = github.context.repo
    return new ActionError(
      `GitHub refused ${doing} (HTTP ${status}). Check github-token: it needs pull-requests: read on ${owner}/${repo}` +
        ` (add "permissions: pull-requests: read" to the job).`,
      status
    )
  }
  return new ActionError(`GitHub answered HTTP ${status} while ${doing}.`, status)
}

interface OctokitError {
  name?: string
  status?: number
  message?: string
  response?: { headers?: Record<string, string | undefined> }
  cause?: unknown
}

/** An answer with errors from GitHub's GraphQL API, as Octokit reports it: HTTP 200, with data or not. */
export interface GraphqlError {
  name: 'GraphqlResponseError'
  message?: string
  errors?: unknown
  data?: unknown
  headers?: Record<string, string | undefined>
}

function isGraphqlError(error: unknown): error is GraphqlError {
  return (error as GraphqlError | undefined)?.name === 'GraphqlResponseError'
}

/**
 * The data of a GraphQL answer with errors, when they say only "no such pull request" (see
 * readGraphqlErrors); a failure to retry when GitHub is rate-limiting, or when an error leaves a pull
 * request's state unknown.
 */
export function graphqlOutcome(error: GraphqlError, numbers: readonly number[], doing: string): unknown {
  const { rateLimit, failed } = readGraphqlErrors(error.errors, numbers)
  if (rateLimit) {
    return {
      failed: true,
      summary: `a ${rateLimit} error in its GraphQL answer`,
      mayHaveApplied: false,
      rateLimited: true,
      retryAfterMs: rateLimitWaitMs(error.headers)
    } satisfies Failure
  }
  if (failed) {
    const said = outsideText(failed.message, 200)
    return {
      failed: true,
      summary: `an error for pull request #${failed.number} in GitHub's GraphQL answer${
        said ? ` (GitHub said: ${said})` : ''
      }`,
      mayHaveApplied: false
    } satisfies Failure
  }
  if (error.data !== undefined && error.data !== null) return error.data
  throw new ActionError(
    `GitHub's GraphQL answer while ${doing} has errors and no data: ${outsideText(error.message ?? '', 300)}`
  )
}

function toFailure(error: unknown, timeoutMs: number): Failure {
  const e = (error ?? {}) as OctokitError
  if (e.name === 'TimeoutError' || e.name === 'AbortError')
    return { failed: true, summary: `no answer within ${Math.round(timeoutMs / 1000)} s`, mayHaveApplied: true }
  const cause = (e.cause as { message?: string } | undefined)?.message ?? ''
  if (/redirect/i.test(`${e.message ?? ''} ${cause}`)) {
    throw new ActionError(
      'GitHub answered with a redirect, which is not followed (the token would go along). Check GITHUB_API_URL.'
    )
  }
  const status = typeof e.status === 'number' && e.status >= 400 ? e.status : undefined
  // Octokit reports a network failure as a 500 with the cause's message. A write cut off may have been
  // applied, as one that got a 5xx may (a read applies nothing: retry.ts asks only of writes).
  if (status === undefined || (status === 500 && e.response === undefined)) {
    return {
      failed: true,
      summary: `the connection failed (${outsideText(e.message ?? String(error), 120)})`,
      mayHaveApplied: true
    }
  }
  // A 403 that names a wait is GitHub rate-limiting; one that does not is GitHub refusing the token.
  const waitMs = status === 403 || status === 429 ? rateLimitWaitMs(e.response?.headers) : undefined
  const rateLimited = status === 429 || waitMs !== undefined
  return {
    failed: true,
    status,
    summary: `HTTP ${status}`,
    mayHaveApplied: status >= 500,
    rateLimited,
    retryAfterMs: waitMs
  }
}
