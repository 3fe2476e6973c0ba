import type { Webhook } from '../boundary/kapso.js'
import { AnswerError } from '../boundary/parse.js'
import { settleBounded } from '../concurrency.js'
import { StepTimeout } from '../deadline.js'
import { ActionError } from '../errors.js'
import type { ActionInputs } from '../inputs/index.js'
import { describeScope, inScope } from '../kapso/scope.js'
import * as log from '../log.js'
import { hasRecordHeader, isRecordedFor, recordedPullRequest, type OwnershipRecord } from '../ownership.js'
import { publicView } from '../plan.js'
import { count, listIds } from '../text.js'
import { describeOwner, describeRecord, identify, OUTSIDE } from './identity.js'
import { emptyOutcomeParts, type Effects, type Outcome, type SweepEntry, type WebhookApi } from './types.js'

/**
 * Deletes webhook-id (one request); on a pull request, every webhook recorded for it under the step's name,
 * whatever its URL (a url given is not needed, nor used); elsewhere, every webhook with the url.
 */
export async function remove(inputs: ActionInputs, effects: Effects): Promise<Outcome> {
  const { webhookId, desired } = inputs
  const { api } = effects
  if (webhookId) return removeById(inputs, api, webhookId)
  const identity = await identify(inputs, effects)
  // A delete goes by the record on a pull request: the pull request's webhook, or the job's with cleanup on.
  const owner = identity.owner ?? identity.urlOwner
  let targets: Webhook[]
  if (owner) {
    if (desired.url)
      log.info(`On ${describeOwner(owner)} the webhooks recorded for it are deleted, whatever their url.`)
    targets = (await api.listAll()).filter((webhook) => isRecordedFor(webhook.headers, owner))
  } else if (desired.url) {
    targets = deletableAtUrl(await api.findByUrl(desired.url), identity.record, desired.url)
  } else if (inputs.pullRequest !== undefined && !inputs.context.repository) {
    throw new ActionError(
      'operation delete on a pull request needs GITHUB_REPOSITORY, which the runner sets, to know what is recorded ' +
        'for it: run it in a GitHub workflow.'
    )
  } else {
    throw new ActionError('operation delete needs url or webhook-id to know what to delete.')
  }
  const deleted = await removeEach(targets, api, inputs.dryRun, effects.concurrency)
  const last = deleted[deleted.length - 1]
  if (!last)
    return { ...emptyOutcomeParts, result: 'absent', webhookId: '', url: owner ? '' : (desired.url ?? ''), owner }
  const ids = deleted.map((w) => w.id)
  return {
    ...emptyOutcomeParts,
    result: 'deleted',
    webhookId: ids.join(','),
    url: last.url,
    webhook: publicView(last),
    deletedIds: ids,
    owner
  }
}

/**
 * Off a pull request, the webhooks at the URL the step may delete: its own (recorded as it records them) and
 * those without any record (made by hand). One recorded for another repository, pull request or name (or
 * with a record this version cannot read) is someone else's: left, with a warning. Outside a workflow the
 * step has no record: it deletes only webhooks without one.
 */
function deletableAtUrl(matches: Webhook[], record: OwnershipRecord | undefined, url: string): Webhook[] {
  const others = matches.filter(
    (webhook) => hasRecordHeader(webhook.headers) && !(record && isRecordedFor(webhook.headers, record))
  )
  if (others.length > 0) {
    const one = others.length === 1
    log.warning(
      `${
        one
          ? `Webhook ${others[0]?.id} also has`
          : `${others.length} webhooks (${listIds(others.map((w) => w.id))}) also have`
      } url ${url}, ` +
        `but ${one ? 'it is' : 'they are'} recorded for someone else than ` +
        `${record ? describeRecord(record) : OUTSIDE} (another repository, pull request or name): ` +
        `left as ${one ? 'it is' : 'they are'}. Delete ${one ? 'it' : 'them'} with webhook-id if ${
          one ? 'it is' : 'they are'
        } stale.`
    )
  }
  return matches.filter((webhook) => !others.includes(webhook))
}

/**
 * By webhook-id. On the legacy API, where every webhook is kapso-kind and the path holds the scope, the
 * DELETE goes straight out: one request when the webhook exists. On the Platform API the webhook is read
 * first, so that a meta-kind webhook (a phone number's raw Meta forwarding, often production's) or one of
 * another scope is never deleted by a mistaken id. A dry run reads it to tell whether it is there.
 */
async function removeById(inputs: ActionInputs, api: WebhookApi, id: string): Promise<Outcome> {
  const gone = { ...emptyOutcomeParts, result: 'absent' as const, webhookId: '', url: '' }
  if (inputs.scope.kind === 'legacy' && !inputs.dryRun) {
    return (await api.remove(id))
      ? { ...emptyOutcomeParts, result: 'deleted', webhookId: id, url: '', deletedIds: [id] }
      : gone
  }
  const found = await api.get(id)
  if (!found) return gone
  if (found.kind !== inputs.desired.kind) {
    throw new ActionError(
      `webhook-id ${id} is a ${found.kind}-kind webhook; this step deletes ${inputs.desired.kind}-kind webhooks only ` +
        `(the kind input). Nothing was deleted.`
    )
  }
  if (!inScope(inputs.scope, found)) {
    throw new ActionError(`webhook-id ${id} is not a webhook of ${describeScope(inputs.scope)}; nothing was deleted.`)
  }
  const done = {
    ...emptyOutcomeParts,
    result: 'deleted' as const,
    webhookId: id,
    url: found.url,
    webhook: publicView(found),
    deletedIds: [id]
  }
  if (inputs.dryRun) return done
  return (await api.remove(id)) ? done : gone
}

/**
 * Deletes the webhooks this action created for this repository's pull requests that are closed now,
 * or (with max-age) older than max-age. A webhook without the record, recorded for another repository,
 * or recorded without a pull request is never touched.
 */
export async function sweep(inputs: ActionInputs, { api, github, concurrency }: Effects): Promise<Outcome> {
  const repository = inputs.context.repository
  if (!repository || !github)
    throw new ActionError(
      'operation sweep needs GITHUB_REPOSITORY, which the runner sets: run it in a GitHub workflow.'
    )
  // GitHub's client loads, and its connection opens, while Kapso lists.
  github.prepare?.()
  const all = await api.listAll()
  const ours = all.flatMap((webhook) => {
    const pullRequest = recordedPullRequest(webhook.headers, repository)
    return pullRequest === undefined ? [] : [{ webhook, pullRequest }]
  })
  const others = all.length - ours.length
  log.info(
    `${count(all.length, 'webhook')} in ${describeScope(inputs.scope)}; ${ours.length} recorded for pull requests of ` +
      `${repository}` +
      (others === 0 ? '.' : `; ${others === 1 ? 'the other is' : `the ${others} others are`} left alone.`)
  )

  const numbers = [...new Set(ours.map((o) => o.pullRequest))].sort((a, b) => a - b)
  const states =
    numbers.length > 0 ? await github.pullRequestStates(numbers) : new Map<number, 'open' | 'closed' | undefined>()
  for (const number of numbers) {
    if (states.get(number) === undefined) {
      const kept =
        inputs.maxAgeMs === undefined ? 'its webhooks are kept' : 'its webhooks are kept unless older than max-age'
      log.warning(`GitHub has no pull request #${number} in ${repository}: ${kept}.`)
    }
  }
  const now = Date.now()
  const swept: SweepEntry[] = []
  for (const { webhook, pullRequest } of ours) {
    const age = now - (Date.parse(webhook.created_at ?? '') || now)
    const reason =
      states.get(pullRequest) === 'closed'
        ? `pull request #${pullRequest} is closed`
        : inputs.maxAgeMs !== undefined && age > inputs.maxAgeMs
          ? `older than max-age (created ${webhook.created_at})`
          : undefined
    if (reason) swept.push({ id: webhook.id, url: webhook.url, pullRequest, reason })
  }
  const deletedIds = (await removeEach(swept, api, inputs.dryRun, concurrency)).map((entry) => entry.id)
  return {
    ...emptyOutcomeParts,
    result: deletedIds.length ? 'deleted' : 'absent',
    webhookId: deletedIds.join(','),
    url: '',
    deletedIds,
    swept
  }
}

/**
 * Deletes each, one request apiece, up to `concurrency` at once, and returns those this step removed (in a
 * dry run, all), in the items' order. One gone meanwhile (another run, or a person) is the state wanted, but
 * not counted as this step's deletion. When a delete fails, no further one starts; those in flight finish
 * (each recorded in the step's progress as it is deleted), and the error names every webhook not deleted.
 */
export async function removeEach<T extends { id: string }>(
  items: readonly T[],
  api: WebhookApi,
  dryRun: boolean,
  concurrency = 1
): Promise<T[]> {
  if (dryRun) return [...items]
  const ends = await settleBounded(items, concurrency, (item) => api.remove(item.id))
  const failed = ends.find((end) => end.status === 'rejected')
  if (failed)
    throw notAllDeleted(
      failed.reason,
      items.filter((_, i) => ends[i]?.status !== 'fulfilled')
    )
  return items.filter((_, i) => {
    const end = ends[i]
    return end?.status === 'fulfilled' && end.value
  })
}

/**
 * The error when a delete failed: its own message, and which webhooks are still there (the failed ones and
 * those not started). An error that is no failure Kapso or the step's time caused (a fault of this action)
 * goes on as it is.
 */
function notAllDeleted(reason: unknown, left: readonly { id: string }[]): unknown {
  const known = reason instanceof ActionError || reason instanceof AnswerError || reason instanceof StepTimeout
  if (!known) return reason
  const applied =
    reason instanceof StepTimeout && reason.mayHaveApplied ? ' Kapso may have carried out that last delete.' : ''
  return new ActionError(
    `${reason.message}${applied} Not deleted: ${listIds(left.map((item) => item.id))}; a re-run deletes ` +
      `${left.length === 1 ? 'it' : 'them'}.`,
    reason instanceof ActionError ? reason.status : undefined
  )
}
