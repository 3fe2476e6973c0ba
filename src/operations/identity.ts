import { deploymentSha } from '../github/context.js'
import type { ActionInputs } from '../inputs/index.js'
import * as log from '../log.js'
import type { OwnershipRecord, PullRequestOwner } from '../ownership.js'
import { deployedFor, deploymentSkip } from './deployment.js'
import type { Effects } from './types.js'

/** The name recorded on a cleanup step's webhook when the step gives none: it is the job's, not the pull request's. */
export const JOB_NAME = 'job'

/** Who the step's webhook belongs to, and so how it is found. */
export interface Identity {
  /** The ownership record a webhook this step creates carries; undefined outside a GitHub workflow. */
  record?: OwnershipRecord
  /**
   * Set when the webhook is a pull request's: it is then found by its record, whatever its URL, so that a
   * new deployment URL moves it instead of adding a second webhook. Unset: the URL is the identity.
   */
  owner?: PullRequestOwner
  /**
   * cleanup on a pull request: the webhook is the job's, found by its URL among the webhooks recorded for
   * this owner (the step's name, or "job"), so that no other webhook at that URL is ever taken for it.
   */
  urlOwner?: PullRequestOwner
  /** Set when an upsert has nothing to do on this event (a deployment out of date, or late): the notice. */
  skip?: string
}

/**
 * On a pull request (its own events, or a deployment of the head commit of an open pull request), the
 * webhook is that pull request's, one per name. Elsewhere (push, schedule, dispatch, a deployment no pull
 * request has as its head) it is found by its URL. With cleanup on, it is the job's (see urlOwner).
 */
export async function identify(inputs: ActionInputs, effects: Effects): Promise<Identity> {
  const repository = inputs.context.repository
  if (!repository) return {}
  const deployment = inputs.pullRequest === undefined ? await deploymentPullRequest(inputs, effects) : undefined
  const pullRequest = inputs.pullRequest ?? deployment?.number
  const name = inputs.name ?? (inputs.cleanup && pullRequest !== undefined ? JOB_NAME : undefined)
  const record: OwnershipRecord = {
    repository,
    ...(pullRequest !== undefined && { pullRequest }),
    ...(name !== undefined && { name })
  }
  if (pullRequest === undefined) return { record, ...(deployment?.skip && { skip: deployment.skip }) }
  const owner = { ...record, pullRequest }
  if (deployment?.skip) return { record, owner, skip: deployment.skip }
  return inputs.cleanup ? { record, urlOwner: owner } : { record, owner }
}

/** "pull request #42", or "pull request #42 (name worker)": the words for an owner in messages. */
export function describeOwner(owner: PullRequestOwner): string {
  return `pull request #${owner.pullRequest}${owner.name ? ` (name ${owner.name})` : ''}`
}

/** Whose the step's webhook is outside a workflow, for the warnings about others at its URL. */
export const OUTSIDE = 'this step, which runs outside a GitHub workflow (no GITHUB_REPOSITORY) and so records none'

/**
 * Whose a webhook with this record is, in messages: "pull request #42 of octo-org/app", "pull request #42
 * (name worker) of octo-org/app", "octo-org/app without a pull request (name worker)", "entry orders of
 * manifest .kapso/webhooks.yml of octo-org/app".
 */
export function describeRecord(record: OwnershipRecord): string {
  if (record.manifest !== undefined)
    return `entry ${record.name ?? '(none)'} of manifest ${record.manifest} of ${record.repository}`
  const name = record.name ? ` (name ${record.name})` : ''
  return record.pullRequest === undefined
    ? `${record.repository} without a pull request${name}`
    : `pull request #${record.pullRequest}${name} of ${record.repository}`
}

/** On a deployment or deployment_status event, the pull request of the deployed commit, as GitHub says. */
async function deploymentPullRequest(
  inputs: ActionInputs,
  { github }: Effects
): Promise<{ number?: number; skip?: string } | undefined> {
  const sha = deploymentSha(inputs.context)
  if (!sha) return undefined
  const deployed = await deployedFor(sha, inputs.context, github)
  if (deployed.state === 'none') return noPullRequest(sha, inputs.requested === 'auto')
  const skip = deploymentSkip(sha, deployed)
  if (!skip) log.info(`The deployed commit ${sha.slice(0, 7)} is the head of pull request #${deployed.number}.`)
  return { number: deployed.number, ...(skip && { skip }) }
}

/**
 * A deployment whose commit is no pull request's head: a branch deployed before its pull request is opened,
 * or production. auto keeps webhooks for pull requests only: a webhook made here would be recorded for no
 * pull request, and neither a close nor a sweep would ever remove it. Asked for by name (upsert), it is
 * found by its URL, as on a push, with a warning that it stays.
 */
function noPullRequest(sha: string, auto: boolean): { skip?: string } | undefined {
  const commit =
    `No pull request has the deployed commit ${sha.slice(0, 7)} as its head (a branch without one yet, ` +
    `or production)`
  if (auto) {
    return {
      skip:
        `${commit}: operation auto keeps webhooks for pull requests only, so nothing was done. ` +
        "A pull request's webhook comes with its branch's next deployment once it is open; for production, use a " +
        'push workflow with a stable URL.'
    }
  }
  log.warning(
    `${commit}: the webhook is found by its url, as on a push, and recorded without a pull request: closing a pull ` +
      `request or a sweep will not remove it.`
  )
  return undefined
}
