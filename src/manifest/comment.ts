/** Manifest mode's pull request comment: the plan table, on the pull request the step ran for. */
import { eventPullRequest } from '../github/context.js'
import type { CommentApi } from '../github/types.js'
import type { ManifestInputs } from '../inputs/manifest.js'
import { md } from '../operations/comment-body.js'
import { commentMarker, commentOnPullRequest, stepLine } from '../operations/comment.js'
import { manifestPlanMarkdown, type PlanRow } from './table.js'

/**
 * Posts, or updates, the step's one comment with what it did or (in a dry run) plans: one per step and
 * manifest path (the marker), so a planning step and an applying one keep their own.
 */
export async function commentOnPlan(
  path: string,
  plan: PlanRow[],
  inputs: ManifestInputs,
  comments: CommentApi | undefined
): Promise<void> {
  const { context, dryRun, operation } = inputs
  const heading =
    `### Kapso webhooks: ${md(path)}, ${operation}` + (dryRun ? ' (dry run: the plan, nothing written)' : '')
  await commentOnPullRequest(
    {
      marker: commentMarker(context, ['manifest', path]),
      body: [heading, '', manifestPlanMarkdown(plan, dryRun), '', `<sub>${md(stepLine(context))}</sub>`].join('\n')
    },
    { pullRequest: eventPullRequest(context), eventName: context.eventName, comments }
  )
}
