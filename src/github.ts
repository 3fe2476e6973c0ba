import { readFileSync } from 'node:fs'
import { KapsoError, StatusError, type Transport } from './kapso/transport.js'

/**
 * What the runner tells the step about its workflow run, read from the environment it sets
 * (GITHUB_EVENT_NAME, GITHUB_EVENT_PATH, GITHUB_REPOSITORY, GITHUB_API_URL). Read with the standard
 * library: @actions/github would add Octokit to every run's start-up for two REST calls.
 */
export interface GitHubContext {
  eventName: string
  /** The webhook payload of the event that started the run ({} when there is none). */
  payload: Record<string, unknown>
  /** owner/name */
  repository: string
  apiUrl: string
}

export function readGitHubContext(env: NodeJS.ProcessEnv = process.env): GitHubContext {
  let payload: Record<string, unknown> = {}
  const path = env.GITHUB_EVENT_PATH
  if (path) {
    try {
      payload = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>
    } catch {
      payload = {}
    }
  }
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    payload,
    repository: env.GITHUB_REPOSITORY ?? '',
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '')
  }
}

type Json = Record<string, unknown> | undefined
const field = (value: unknown, key: string): Json => (value as Json)?.[key] as Json

const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_target']

/** The pull request the event is about, on pull_request and pull_request_target events. */
export function eventPullRequest(context: GitHubContext): number | undefined {
  if (!PULL_REQUEST_EVENTS.includes(context.eventName)) return undefined
  const number = field(context.payload, 'pull_request')?.number ?? context.payload.number
  return typeof number === 'number' ? number : undefined
}

export function isPullRequestClosed(context: GitHubContext): boolean {
  return PULL_REQUEST_EVENTS.includes(context.eventName) && context.payload.action === 'closed'
}

/** A pull request whose head lives in another repository: GitHub gives its runs no secrets. */
export function isForkPullRequest(context: GitHubContext): boolean {
  const pullRequest = field(context.payload, 'pull_request')
  if (!PULL_REQUEST_EVENTS.includes(context.eventName) || !pullRequest) return false
  const head = field(field(pullRequest, 'head'), 'repo')?.full_name
  const base = field(field(pullRequest, 'base'), 'repo')?.full_name
  return head !== base
}

/** The commit a deployment_status event is about (Vercel and other deployers send these). */
export function deploymentSha(context: GitHubContext): string | undefined {
  if (context.eventName !== 'deployment_status') return undefined
  const sha = field(context.payload, 'deployment')?.sha
  return typeof sha === 'string' && /^[0-9a-f]{7,64}$/i.test(sha) ? sha : undefined
}

/** The two things the action asks GitHub's REST API. */
export class GitHubApi {
  constructor(
    private readonly transport: Transport,
    private readonly context: GitHubContext
  ) {}

  /** 'open' or 'closed'; undefined when GitHub has no such pull request. */
  async pullRequestState(number: number): Promise<'open' | 'closed' | undefined> {
    const body = await this.get(`/pulls/${number}`, `reading pull request #${number}`)
    const state = Array.isArray(body) ? undefined : body?.state
    return state === 'open' || state === 'closed' ? state : undefined
  }

  /** The open pull requests that contain this commit, most recently updated first. */
  async openPullRequestsWith(sha: string): Promise<number[]> {
    const body = await this.get(`/commits/${sha}/pulls`, `finding the pull request of commit ${sha.slice(0, 7)}`)
    const list = Array.isArray(body) ? (body as Record<string, unknown>[]) : []
    return list.filter((pr) => pr.state === 'open' && typeof pr.number === 'number').map((pr) => pr.number as number)
  }

  private async get(path: string, doing: string): Promise<Record<string, unknown> | unknown[] | undefined> {
    const url = `${this.context.apiUrl}/repos/${this.context.repository}${path}`
    try {
      const { body } = await this.transport.request({ method: 'GET', url, doing })
      // JSON arrays come through as objects: GitHub's lists are arrays.
      return (body as Record<string, unknown> | unknown[] | null) ?? undefined
    } catch (error) {
      if (!(error instanceof StatusError)) throw error
      if (error.status === 404) return undefined
      if (error.status === 401 || error.status === 403) {
        throw new KapsoError(
          `GitHub refused ${doing} (HTTP ${error.status}). Check github-token: it needs pull-requests: read on ${this.context.repository}` +
            ` (add "permissions: pull-requests: read" to the job).`,
          error.status
        )
      }
      throw new KapsoError(`GitHub answered HTTP ${error.status} while ${doing}.`, error.status)
    }
  }
}
