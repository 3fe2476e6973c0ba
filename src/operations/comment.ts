import { createHash } from 'node:crypto'
import { AnswerError } from '../boundary/parse.js'
import { StepTimeout } from '../deadline.js'
import { ActionError, StatusError } from '../errors.js'
import type { GitHubContext } from '../github/context.js'
import type { CommentApi } from '../github/types.js'
import * as log from '../log.js'
import { outsideText, redact } from '../secrets.js'

/** What a step's comment begins with, hidden when GitHub renders it. */
const MARK = 'kapso-webhook-action:comment'
/** GitHub refuses a comment longer than 65,536 characters: a body past this is cut, with a line that says so. */
export const MAX_COMMENT_LENGTH = 60_000

/**
 * The hidden line that marks one step's comment: the same on every run of the step, and another for another
 * step. A step is its place in the workflow (the workflow file, the job's id, the step's id: see
 * github/context.ts) and the `parts` its mode adds (single-webhook mode: the scope, the kind and the name, so
 * that the legs of a matrix over phone numbers keep a comment each). Hashed: the place is the runner's text,
 * and a comment's hidden line must not be able to end early.
 */
export function commentMarker(context: GitHubContext, parts: readonly string[] = []): string {
  const { workflow = '', job = '', step = '' } = context.place ?? {}
  const hash = createHash('sha256')
    .update(JSON.stringify([workflow, job, step, ...parts]))
    .digest('hex')
  return `<!-- ${MARK} ${hash.slice(0, 24)} -->`
}

/** Which step keeps the comment up to date: its id, job and workflow, as the runner names them. */
export function stepLine(context: GitHubContext): string {
  const { workflow, job, step } = context.place ?? { workflow: '', job: '', step: '' }
  const at = [step && `step ${step}`, job && `job ${job}`, workflow && `workflow ${workflow}`].filter(Boolean)
  const place = at.length ? ` (${at.join(', ')})` : ''
  return `Kept up to date by kapso-webhook-action${place}: each run edits this comment.`
}

/** A step's comment: its marker (commentMarker) and its Markdown, without the marker. */
export interface PullRequestComment {
  marker: string
  body: string
}

/** Where the comment goes. */
export interface CommentTarget {
  /** The pull request the step acted for; undefined on an event without one (a notice says so). */
  pullRequest: number | undefined
  /** The event's name, for that notice. */
  eventName: string
  /** GitHub's comments; undefined when github-token is empty (a warning says so). */
  comments: CommentApi | undefined
}

/**
 * Posts the step's comment on the pull request, or updates the one it posted on an earlier run: the oldest
 * comment the token's identity wrote that begins with the marker (one that quotes it is never touched).
 * An unchanged comment is left alone. The body goes through the same masking as the log, so it holds no
 * secret. Never throws and never fails the step: whatever goes wrong is a warning (a missing
 * pull-requests: write among them, named), for the step's work in Kapso is done by then.
 */
export async function commentOnPullRequest(comment: PullRequestComment, target: CommentTarget): Promise<void> {
  const { pullRequest, comments } = target
  if (pullRequest === undefined) {
    log.notice(
      `comment is true, but this ${target.eventName || 'run'} event is about no pull request: no comment was posted.`
    )
    return
  }
  if (!comments) {
    log.warning(
      'comment is true, but github-token is empty: no comment was posted. Leave github-token at its default, ' +
        '${{ github.token }}, with "permissions: pull-requests: write".'
    )
    return
  }
  const body = `${comment.marker}\n${cutToFit(redact(comment.body))}`
  let stage = 'reading its comments'
  try {
    const earlier = await comments.findComment(pullRequest, comment.marker)
    if (earlier?.body === body) {
      log.info(`The comment on pull request #${pullRequest} already says this: left as it is${where(earlier.url)}.`)
      return
    }
    stage = earlier ? `updating comment ${earlier.id}` : 'posting a comment'
    const posted = earlier
      ? await comments.updateComment(earlier.id, body)
      : await comments.createComment(pullRequest, body, comment.marker)
    log.info(`${earlier ? 'Updated the' : 'Posted a'} comment on pull request #${pullRequest}${where(posted.url)}.`)
  } catch (error) {
    log.warning(commentFailure(error, pullRequest, stage))
  }
}

function where(url: string | undefined): string {
  return url ? `: ${url}` : ''
}

/** A body GitHub takes: past MAX_COMMENT_LENGTH, cut at a line, with a line that says where the rest is. */
function cutToFit(body: string): string {
  if (body.length <= MAX_COMMENT_LENGTH) return body
  const cut = body.slice(0, MAX_COMMENT_LENGTH)
  return `${cut.slice(0, Math.max(cut.lastIndexOf('\n'), 0))}\n\n_Cut to fit a comment: the job summary has it all._`
}

/** The warning when the comment could not be posted: what to add when it is a permission, else what happened. */
function commentFailure(error: unknown, pullRequest: number, stage: string): string {
  const prefix = `Could not comment on pull request #${pullRequest} (${stage})`
  const suffix = ": the step's work in Kapso is done, only the comment is missing."
  if (error instanceof StatusError) {
    if (error.status === 401) return `${prefix}: GitHub refused github-token (HTTP 401)${suffix}`
    if (error.status === 403 || error.status === 404) {
      return (
        `${prefix}: GitHub answered HTTP ${error.status}, as it does when github-token may not write to pull ` +
        `requests. Add "permissions: pull-requests: write" to the job (a pull request from a fork gets a ` +
        `read-only token whatever it asks)${suffix}`
      )
    }
    return `${prefix}: GitHub answered HTTP ${error.status}${suffix}`
  }
  if (error instanceof ActionError || error instanceof AnswerError || error instanceof StepTimeout)
    return `${prefix}: ${error.message.replace(/\.$/, '')}${suffix}`
  const name = error instanceof Error ? outsideText(error.name, 40) : typeof error
  return `${prefix}: an unexpected error (${name}), a fault of this action: please report it${suffix}`
}
