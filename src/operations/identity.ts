import type { OpenPullRequest } from '../boundary/github.js'
import { AnswerError } from '../boundary/parse.js'
import { ActionError } from '../errors.js'
import { deploymentSha } from '../github/context.js'
import type { ActionInputs } from '../inputs/index.js'
import * as log from '../log.js'
import type { OwnershipRecord, PullRequestOwner } from '../ownership.js'
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
   * Set on a deployment of a commit that is no longer its pull request's head: a newer deployment is on its
   * way or done, and this one must not take the webhook back to an older URL.
   */
  stale?: { pullRequest: number; head: string }
}

/**
 * On a pull request (its own events, or a deployment of a commit an open pull request holds), the webhook
 * is that pull request's, one per name. Elsewhere (push, schedule, dispatch, a deployment no open pull
 * request holds) it is found by its URL. With cleanup on, the webhook is the job's: found by its URL, and
 * recorded under the step's name, or "job", so that the pull request's own webhook is never taken for it.
 */
export async function identify(inputs: ActionInputs, effects: Effects): Promise<Identity> {
  const repository = inputs.context.repository
  if (!repository) return {}
  const deployed = inputs.pullRequest === undefined ? await deploymentPullRequest(inputs, effects) : undefined
  const pullRequest = inputs.pullRequest ?? deployed?.number
  const name = inputs.name ?? (inputs.cleanup && pullRequest !== undefined ? JOB_NAME : undefined)
  const record: OwnershipRecord = { repository, ...(pullRequest !== undefined && { pullRequest }), ...(name !== undefined && { name }) }
  if (pullRequest === undefined || inputs.cleanup) return { record }
  const sha = deploymentSha(inputs.context)?.toLowerCase()
  const stale = deployed?.headSha && sha && !deployed.headSha.startsWith(sha) ? { pullRequest, head: deployed.headSha } : undefined
  if (deployed && !stale) log.info(`The deployed commit ${sha?.slice(0, 7)} is pull request #${pullRequest}'s.`)
  return { record, owner: { ...record, pullRequest }, ...(stale && { stale }) }
}

/** "pull request #42", or "pull request #42 (name worker)": the words for an owner in messages. */
export function describeOwner(owner: PullRequestOwner): string {
  return `pull request #${owner.pullRequest}${owner.name ? ` (name ${owner.name})` : ''}`
}

/**
 * On a deployment or deployment_status event (Vercel and other deployers), the pull request is the open one
 * that holds the deployed commit. Not finding it is no failure: the webhook is then found by its URL.
 */
async function deploymentPullRequest(inputs: ActionInputs, { github }: Effects): Promise<OpenPullRequest | undefined> {
  const sha = deploymentSha(inputs.context)
  if (!sha) return undefined
  const fallback = 'the webhook is found by its url and recorded without a pull request, so closing the pull request will not remove it'
  if (!github) {
    log.warning(`github-token is empty, so the pull request of commit ${sha.slice(0, 7)} cannot be asked for: ${fallback}. Leave github-token at its default.`)
    return undefined
  }
  try {
    return choosePullRequest(await github.openPullRequestsWith(sha), sha, inputs.context.deploymentRef)
  } catch (error) {
    if (!(error instanceof ActionError || error instanceof AnswerError)) throw error
    log.warning(`${error.message} So ${fallback}; operation sweep will not remove it either.`)
    return undefined
  }
}

/**
 * The deployment's pull request: the one whose branch was deployed, else the only one, else the oldest
 * (with a warning). Vercel's deployments name the commit, not the branch, as their ref: no help there.
 */
function choosePullRequest(open: OpenPullRequest[], sha: string, ref: string | undefined): OpenPullRequest | undefined {
  const branch = ref === undefined || /^[0-9a-f]{40,64}$/i.test(ref) ? undefined : ref
  const ofBranch = branch === undefined ? [] : open.filter((pull) => pull.headRef === branch)
  const candidates = ofBranch.length > 0 ? ofBranch : open
  const [first, ...more] = [...candidates].sort((a, b) => a.number - b.number)
  if (!first) {
    log.info(`No open pull request holds commit ${sha.slice(0, 7)}: the webhook is found by its url, as on a push.`)
    return undefined
  }
  if (more.length > 0) {
    log.warning(`Commit ${sha.slice(0, 7)} is in ${candidates.length} open pull requests (${candidates.map((p) => `#${p.number}`).join(', ')}): its webhook is pull request #${first.number}'s, the oldest.`)
  }
  return first
}
