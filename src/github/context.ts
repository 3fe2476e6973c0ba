import { readFileSync } from 'node:fs'
import { GITHUB_LOGIN, parseEvent, type EventFacts } from '../boundary/github.js'
import { isRepositoryName } from '../ownership.js'
import { hasControl } from '../text.js'
import { parseUrl } from '../urls.js'

/**
 * What the runner tells the step about its workflow run, read from the variables it sets. Read here, with
 * the standard library, because every run needs these few facts while most never call GitHub: loading
 * @actions/github for its `context` would put Octokit and undici on every start. The module that calls
 * GitHub (api.ts) is loaded only when a call is made, and uses the package's own context.
 */
export interface GitHubContext extends EventFacts {
  eventName: string
  /** owner/name, when the runner gave a valid one. */
  repository: string
  /** Who started the run (GITHUB_ACTOR): a user or app login, like octocat or dependabot[bot]. */
  actor?: string
  /** The GitHub the run is on (GITHUB_SERVER_URL), as an https origin, for links to its pull requests. */
  serverUrl?: string
  /** Where the step stands in its workflow, the same on every run of it; empty parts outside a runner. */
  place?: StepPlace
}

/**
 * The workflow file (GITHUB_WORKFLOW_REF without its @ref, which differs between a pull request's runs and a
 * push's; else the workflow's name, GITHUB_WORKFLOW), the job's id (GITHUB_JOB), and the step (GITHUB_ACTION:
 * its id, or, for a step without one, the action's name with _2, _3… for the second, third such step).
 */
export interface StepPlace {
  workflow: string
  job: string
  step: string
}

const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_target']
const DEPENDABOT = 'dependabot[bot]'

export function readGitHubContext(env: NodeJS.ProcessEnv = process.env): GitHubContext {
  let payload: unknown = {}
  const path = env.GITHUB_EVENT_PATH
  if (path) {
    try {
      payload = JSON.parse(readFileSync(path, 'utf8'))
    } catch {
      payload = {}
    }
  }
  const repository = env.GITHUB_REPOSITORY ?? ''
  const eventName = env.GITHUB_EVENT_NAME ?? ''
  const actor = env.GITHUB_ACTOR ?? ''
  const server = parseUrl(env.GITHUB_SERVER_URL || 'https://github.com')
  return {
    ...parseEvent(payload),
    // GitHub's event names are snake_case words; anything else is no event this step knows.
    eventName: /^[a-z_]{1,64}$/.test(eventName) ? eventName : '',
    repository: isRepositoryName(repository) ? repository : '',
    // A GitHub login, an app's with [bot]: anything else is no actor this step can name.
    ...(GITHUB_LOGIN.test(actor) && { actor }),
    // Only an https origin is linked to: anything else is no server this step links to.
    ...(server?.protocol === 'https:' && { serverUrl: server.origin }),
    place: {
      workflow: placeName((env.GITHUB_WORKFLOW_REF ?? '').replace(/@[^@]*$/, '') || (env.GITHUB_WORKFLOW ?? '')),
      job: placeName(env.GITHUB_JOB ?? ''),
      step: placeName(env.GITHUB_ACTION ?? '')
    }
  }
}

/** A part of the step's place as the runner gave it, when it is printable and short; else none. */
function placeName(value: string): string {
  return value.length <= 512 && !hasControl(value) ? value : ''
}

/** The pull request the event is about, on pull_request and pull_request_target events. */
export function eventPullRequest(context: GitHubContext): number | undefined {
  return PULL_REQUEST_EVENTS.includes(context.eventName) ? context.pullRequest : undefined
}

export function isPullRequestClosed(context: GitHubContext): boolean {
  return PULL_REQUEST_EVENTS.includes(context.eventName) && context.action === 'closed'
}

/** A pull request whose head lives in another repository: GitHub gives its runs no secrets. */
export function isForkPullRequest(context: GitHubContext): boolean {
  if (!PULL_REQUEST_EVENTS.includes(context.eventName) || context.pullRequest === undefined) return false
  return context.headRepository !== context.baseRepository
}

const DEPLOYMENT_EVENTS = ['deployment', 'deployment_status']

/** The commit a deployment or deployment_status event is about (Vercel and other deployers send these). */
export function deploymentSha(context: GitHubContext): string | undefined {
  return DEPLOYMENT_EVENTS.includes(context.eventName) ? context.deploymentSha : undefined
}

/**
 * A run Dependabot started: GitHub gives it Dependabot's secrets only, not the repository's Actions
 * secrets, on pull_request, push, deployment_status and the other events it triggers, re-runs included
 * (GitHub's docs: "Troubleshooting Dependabot on GitHub Actions").
 */
export function isDependabotRun(context: GitHubContext): boolean {
  // On pull_request_target, GitHub goes by the pull request's author instead (Dependabot's docs).
  return (
    context.actor === DEPENDABOT ||
    (context.eventName === 'pull_request_target' && context.pullRequestAuthor === DEPENDABOT)
  )
}

/** The state of a deployment_status event that is not a success (pending, in_progress, failure…), else undefined. */
export function unfinishedDeployment(context: GitHubContext): string | undefined {
  return context.eventName === 'deployment_status' && context.deploymentState !== 'success'
    ? (context.deploymentState ?? 'unknown')
    : undefined
}
