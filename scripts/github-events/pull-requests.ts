/** Pull request, push, schedule and manual-run events. */
import type { GitHubEvent } from '../run-action.js'
import {
  type Json,
  REPOSITORY,
  DEVELOPER,
  CONTRIBUTOR,
  MAINTAINER,
  DEPENDABOT,
  CREATED,
  UPDATED,
  type EventTarget,
  commitSha,
  numberOf,
  split,
  account,
  repositoryObject,
  withApiUrl
} from './common.js'

export type PullRequestAction =
  'opened' | 'synchronize' | 'reopened' | 'closed' | 'edited' | 'labeled' | 'ready_for_review'

export interface PullRequestOptions extends EventTarget {
  /** The head branch is in the author's fork (<author>/<name>), not in the repository. */
  fork?: boolean
  /** The fork was deleted after the pull request was opened: GitHub then sends head.repo as null. */
  headRepoDeleted?: boolean
  /** pull_request.user.login. Default: octo-dev, or a-contributor for a fork. */
  author?: string
  /** On closed: merged (then the sender is, by default, the maintainer who merged) or closed unmerged (default). */
  merged?: boolean
  eventName?: 'pull_request' | 'pull_request_target'
  headRef?: string
  headSha?: string
  /** The branch the pull request merges into. Default: main. */
  baseRef?: string
  title?: string
  /** Who caused this event: sender.login, and so GITHUB_ACTOR. Default: the author, or MAINTAINER on a merge. */
  sender?: string
}

/**
 * A pull_request (or pull_request_target: the same payload) event. Shape: octokit/webhooks
 * payload-examples/api.github.com/pull_request/closed.payload.json; synchronize adds before/after
 * (WebhookPullRequestSynchronize in GitHub's OpenAPI description). Both events set GITHUB_HEAD_REF and
 * GITHUB_BASE_REF from head.ref and base.ref (github/docs variables.md); on closed, `merged` tells a merge
 * from a close (events-that-trigger-workflows.md, "when a pull request merges").
 */
export function pullRequestEvent(
  action: PullRequestAction,
  number: number,
  options: PullRequestOptions = {}
): GitHubEvent {
  const repository = options.repository ?? REPOSITORY
  const [owner, name] = split(repository)
  const author = options.author ?? (options.fork ? CONTRIBUTOR : DEVELOPER)
  const headOwner = options.fork ? author : owner
  const headRepository = options.fork ? `${author}/${name}` : repository
  const headRef = options.headRef ?? `feature/preview-${number}`
  const headSha = options.headSha ?? commitSha(`${headRepository}:${headRef}:${number}`)
  const baseRef = options.baseRef ?? 'main'
  const closed = action === 'closed'
  const merged = closed && options.merged === true
  const sender = options.sender ?? (merged ? MAINTAINER : author)
  const pullUrl = `https://api.github.com/repos/${repository}/pulls/${number}`
  const payload: Json = {
    action,
    number,
    ...(action === 'synchronize' && { before: commitSha(`${headSha}^`), after: headSha }),
    pull_request: {
      url: pullUrl,
      id: numberOf(`pull:${repository}#${number}`),
      html_url: `https://github.com/${repository}/pull/${number}`,
      number,
      state: closed ? 'closed' : 'open',
      locked: false,
      title: options.title ?? `Preview change #${number}`,
      user: account(author),
      body: null,
      created_at: CREATED,
      updated_at: UPDATED,
      closed_at: closed ? UPDATED : null,
      merged_at: merged ? UPDATED : null,
      merge_commit_sha: commitSha(`merge:${repository}#${number}`),
      draft: false,
      head: {
        label: `${headOwner}:${headRef}`,
        ref: headRef,
        sha: headSha,
        user: account(headOwner),
        repo: options.headRepoDeleted ? null : repositoryObject(headRepository, options.fork === true)
      },
      base: {
        label: `${owner}:${baseRef}`,
        ref: baseRef,
        sha: commitSha(`${repository}:${baseRef}`),
        user: account(owner, 'Organization'),
        repo: repositoryObject(repository)
      },
      author_association: options.fork || author.endsWith('[bot]') ? 'CONTRIBUTOR' : 'MEMBER',
      auto_merge: null,
      merged,
      mergeable: closed ? null : true,
      merged_by: merged ? account(MAINTAINER) : null,
      maintainer_can_modify: options.fork === true,
      commits: 1,
      additions: 12,
      deletions: 3,
      changed_files: 2
    },
    repository: repositoryObject(repository),
    sender: account(sender)
  }
  return withApiUrl(
    { eventName: options.eventName ?? 'pull_request', repository, payload, actor: sender },
    options.apiUrl
  )
}

export interface DependabotOptions extends Omit<PullRequestOptions, 'fork' | 'author' | 'headRepoDeleted'> {
  /** The npm package Dependabot bumps, and from which version to which. */
  dependency?: string
  from?: string
  to?: string
}

/**
 * A pull request Dependabot opened: its branch is in the repository itself (dependabot/<ecosystem>/<name>-<version>),
 * so it is no fork pull request, yet GitHub runs it like one. "Workflows initiated by Dependabot
 * (github.actor == 'dependabot[bot]')" on pull_request, push, deployment, deployment_status and others get
 * Dependabot secrets only and a read-only GITHUB_TOKEN, even when re-run by someone else; on
 * pull_request_target, a pull request whose author is dependabot[bot] gets a read-only token and no secrets
 * at all (github/docs troubleshooting-dependabot-on-github-actions.md). The actor is Dependabot for the
 * events it causes (opened, synchronize on a rebase); a human who merges (or pushes) is that event's actor.
 */
export function dependabotPullRequestEvent(
  action: PullRequestAction,
  number: number,
  options: DependabotOptions = {}
): GitHubEvent {
  const { dependency = 'lodash', from = '4.17.20', to = '4.17.21', ...rest } = options
  return pullRequestEvent(action, number, {
    headRef: `dependabot/npm_and_yarn/${dependency}-${to}`,
    title: `Bump ${dependency} from ${from} to ${to}`,
    ...rest,
    author: DEPENDABOT
  })
}

// ---------------------------------------------------------------------------------------------------
// push, schedule, workflow_dispatch

export interface PushOptions extends EventTarget {
  /** refs/heads/<branch>. Default: refs/heads/main. */
  ref?: string
  before?: string
  after?: string
  /** Who pushed: pusher.name, sender.login and GITHUB_ACTOR. Default: octo-dev. */
  pusher?: string
}

/** A push (shape: octokit/webhooks payload-examples/api.github.com/push/payload.json). */
export function pushEvent(options: PushOptions = {}): GitHubEvent {
  const repository = options.repository ?? REPOSITORY
  const pusher = options.pusher ?? DEVELOPER
  const ref = options.ref ?? 'refs/heads/main'
  const after = options.after ?? commitSha(`${repository}:${ref}:push`)
  const before = options.before ?? commitSha(`${after}^`)
  const email = `${numberOf(`user:${pusher}`)}+${pusher}@users.noreply.github.com`
  const commit = {
    id: after,
    tree_id: commitSha(`tree:${after}`),
    distinct: true,
    message: 'Update the webhook handler',
    timestamp: '2026-01-15T10:04:11+01:00',
    url: `https://github.com/${repository}/commit/${after}`,
    author: { name: pusher, email, username: pusher },
    committer: { name: pusher, email, username: pusher },
    added: [],
    removed: [],
    modified: ['api/whatsapp.ts']
  }
  const payload: Json = {
    ref,
    before,
    after,
    repository: repositoryObject(repository),
    pusher: { name: pusher, email },
    sender: account(pusher),
    created: false,
    deleted: false,
    forced: false,
    base_ref: null,
    compare: `https://github.com/${repository}/compare/${before.slice(0, 12)}...${after.slice(0, 12)}`,
    commits: [commit],
    head_commit: commit
  }
  return withApiUrl({ eventName: 'push', repository, payload, actor: pusher }, options.apiUrl)
}

export interface ScheduleOptions extends EventTarget {
  /** The cron line that fired, which github.event.schedule carries. */
  cron?: string
  /** The user who last changed the cron line (or re-enabled the workflow): the run's actor. Default: octo-maintainer. */
  actor?: string
}

/**
 * A scheduled run. GitHub documents no webhook payload for it ("Not applicable"); the event file holds the
 * cron line that fired as `schedule`, and the actor is whoever last changed that cron line or re-enabled the
 * workflow (events-that-trigger-workflows.md, "actor for scheduled workflows").
 */
export function scheduleEvent(options: ScheduleOptions = {}): GitHubEvent {
  const repository = options.repository ?? REPOSITORY
  return withApiUrl(
    {
      eventName: 'schedule',
      repository,
      payload: { schedule: options.cron ?? '17 3 * * *' },
      actor: options.actor ?? MAINTAINER
    },
    options.apiUrl
  )
}

export interface WorkflowDispatchOptions extends EventTarget {
  ref?: string
  /** Who pressed "Run workflow" (or called the API). Default: octo-maintainer. */
  actor?: string
  workflow?: string
}

/** A manual run (shape: octokit/webhooks payload-examples/api.github.com/workflow_dispatch/payload.json). */
export function workflowDispatchEvent(
  inputs: Record<string, string> = {},
  options: WorkflowDispatchOptions = {}
): GitHubEvent {
  const repository = options.repository ?? REPOSITORY
  const actor = options.actor ?? MAINTAINER
  const payload: Json = {
    inputs,
    ref: options.ref ?? 'refs/heads/main',
    repository: repositoryObject(repository),
    sender: account(actor),
    workflow: options.workflow ?? '.github/workflows/preview-webhook.yml'
  }
  return withApiUrl({ eventName: 'workflow_dispatch', repository, payload, actor }, options.apiUrl)
}

// ---------------------------------------------------------------------------------------------------
// deployment and deployment_status
