import type { CommitPullRequest } from '../boundary/github.js'
import { ActionError } from '../errors.js'
import type { GitHubContext } from '../github/context.js'
import * as log from '../log.js'
import type { PullRequestApi } from './types.js'

/** What GitHub says of a deployed commit's pull request. */
export type DeployedFor =
  /** The head of an open pull request: the webhook is that pull request's. */
  | { state: 'head'; number: number }
  /** Held by an open pull request that has moved past it: a newer deployment is on its way or done. */
  | { state: 'stale'; number: number; head: string }
  /** The head of a pull request that is closed now: a late event, after the close removed its webhook. */
  | { state: 'closed'; number: number }
  /** No pull request's: production, or a branch without one. The URL is then the identity, as on a push. */
  | { state: 'none' }

/**
 * The pull request of a deployment's commit. A deployment names a branch (Cloudflare's) or only the commit
 * (Vercel's ref is the commit itself): a named branch must be the pull request's head branch; the commit
 * must be its head for the deployment to be its current one. GitHub lists open and closed pull requests
 * that hold the commit. Asking GitHub may not fail quietly: without the answer the webhook cannot be told
 * from a second one, so the step fails instead, and a re-run picks up.
 */
export async function deployedFor(
  sha: string,
  context: GitHubContext,
  github: PullRequestApi | undefined
): Promise<DeployedFor> {
  if (!github) {
    throw new ActionError(
      `github-token is empty: on a ${context.eventName} event the action asks GitHub which pull request holds commit ` +
        `${sha.slice(0, 7)}, ` +
        'so that a new deployment moves its webhook instead of adding one. Leave github-token at its default, ${{ ' +
        'github.token }}, with "permissions: pull-requests: read".'
    )
  }
  const ref = context.deploymentRef
  const branch = ref === undefined || /^[0-9a-f]{40,64}$/i.test(ref) ? undefined : ref
  const pulls = (await github.pullRequestsWith(sha)).filter((pull) => branch === undefined || pull.headRef === branch)
  const isHead = (pull: CommitPullRequest): boolean =>
    pull.headSha === undefined || pull.headSha.startsWith(sha.toLowerCase())
  const open = pulls.filter((pull) => pull.state === 'open')
  const heads = open.filter(isHead)
  const [head, ...moreHeads] = byNumber(heads)
  if (head) {
    if (moreHeads.length > 0) {
      log.warning(
        `Commit ${sha.slice(0, 7)} is the head of ${heads.length} open pull requests (${byNumber(heads)
          .map((p) => `#${p.number}`)
          .join(', ')}): its webhook is pull request #${head.number}'s, the oldest.`
      )
    }
    return { state: 'head', number: head.number }
  }
  const [holder] = byNumber(open)
  if (holder) return { state: 'stale', number: holder.number, head: holder.headSha ?? '' }
  const [closed] = byNumber(pulls.filter((pull) => pull.state !== 'open' && isHead(pull)))
  return closed ? { state: 'closed', number: closed.number } : { state: 'none' }
}

/** Lowest number first: the oldest pull request leads. */
function byNumber(pulls: CommitPullRequest[]): CommitPullRequest[] {
  return [...pulls].sort((a, b) => a.number - b.number)
}

/** The notice of a deployment the step leaves alone, or undefined for one it acts on. */
export function deploymentSkip(sha: string, deployed: DeployedFor): string | undefined {
  const commit = `The deployed commit ${sha.slice(0, 7)}`
  if (deployed.state === 'stale') {
    return (
      `${commit} is no longer the head of pull request #${deployed.number} (now ${deployed.head.slice(0, 7)}): this ` +
      `deployment is out of date, ` +
      "and the pull request's webhook stays with the newer one. Nothing was changed."
    )
  }
  if (deployed.state === 'closed') {
    return (
      `${commit} is the head of pull request #${deployed.number}, which is closed: a deployment that ends after ` +
      `the close gets no webhook. Nothing was changed.`
    )
  }
  return undefined
}
