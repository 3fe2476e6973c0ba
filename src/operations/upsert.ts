import type { Webhook } from '../boundary/kapso.js'
import type { ActionInputs } from '../inputs/index.js'
import { describeScope } from '../kapso/scope.js'
import * as log from '../log.js'
import { hasRecordHeader, isRecordedFor, type PullRequestOwner } from '../ownership.js'
import { listIds } from '../text.js'
import { sameUrl } from '../urls.js'
import { describeRecord, identify, OUTSIDE, type Identity } from './identity.js'
import { create, findById, updateExisting } from './provision.js'
import { removeEach } from './remove.js'
import { emptyOutcomeParts, type Effects, type Outcome } from './types.js'

/**
 * Finds the webhook and makes it what the inputs describe: create, update or nothing. Found by webhook-id
 * when given; on a pull request, by its ownership record (a new URL moves it); elsewhere, by its URL.
 */
export async function upsert(inputs: ActionInputs, effects: Effects): Promise<Outcome> {
  if (inputs.webhookId) return updateExisting(await findById(inputs, effects.api, inputs.webhookId), inputs, effects)
  const identity = await identify(inputs, effects)
  if (identity.skip) {
    log.notice(identity.skip)
    return { ...emptyOutcomeParts, result: 'skipped', webhookId: '', url: '' }
  }
  if (identity.owner) return upsertOwned(inputs, effects, identity, identity.owner)
  return upsertAtUrl(inputs, effects, identity)
}

/**
 * The webhook found by its URL (push, schedule, dispatch; cleanup's job webhook). Those at the URL recorded
 * exactly as the step records its own are its own: the newest is kept, the others deleted. Those recorded
 * for another repository, pull request or name are never taken. One without any record (made by hand, or
 * by an older version) is taken as before when the step has none of its own, except with cleanup on.
 * Outside a workflow the step has no record, and cannot tell whose a recorded webhook is: it takes only one
 * without any record.
 */
async function upsertAtUrl(inputs: ActionInputs, effects: Effects, identity: Identity): Promise<Outcome> {
  const url = inputs.desired.url as string
  const matches = await effects.api.findByUrl(url)
  const existing = matches.map((webhook) => webhook.id)
  const record = identity.record
  const unrecorded = identity.urlOwner ? [] : matches.filter((webhook) => !hasRecordHeader(webhook.headers))
  if (!record) {
    warnAboutOthersAt(
      url,
      matches.filter((webhook) => hasRecordHeader(webhook.headers)),
      OUTSIDE,
      inputs
    )
    return unrecorded.length > 0
      ? updateNewest(unrecorded, inputs, effects, '')
      : create(inputs, effects, existing, identity)
  }
  const whose = describeRecord(record)
  const [kept, ...older] = matches.filter((webhook) => isRecordedFor(webhook.headers, record))
  const taken = kept ? [kept, ...older] : unrecorded
  warnAboutOthersAt(
    url,
    matches.filter((webhook) => !taken.includes(webhook)),
    whose,
    inputs
  )
  if (taken.length === 0) return create(inputs, effects, existing, identity)
  if (!kept) return updateNewest(unrecorded, inputs, effects, ' without a record of this action')
  const why =
    `${older.length + 1} webhooks of ${describeScope(inputs.scope)} have url ${url} and are recorded for ${whose} ` +
    `(${DUPLICATES}: a concurrency group per ${record.pullRequest === undefined ? 'workflow' : 'pull request'} ` +
    `prevents the second)`
  return keepNewest(kept, older, inputs, effects, why)
}

/** How one step can leave two webhooks, for the warning that deletes all but one. */
const DUPLICATES =
  "a create whose answer was lost while Kapso's list lagged behind it, or two runs at once, can each leave one"

/** The most recent of these (at least one) is updated; the others are named and left as they are. */
function updateNewest(matches: Webhook[], inputs: ActionInputs, effects: Effects, which: string): Promise<Outcome> {
  const [newest, ...rest] = matches as [Webhook, ...Webhook[]]
  if (rest.length > 0) {
    log.warning(
      `${matches.length} webhooks of ${describeScope(inputs.scope)}${which} have url ${inputs.desired.url}. Updating ` +
        `the most recent, ${newest.id}; ` +
        `left as they are: ${listIds(rest.map((w) => w.id))}. Remove those with operation delete and webhook-id.`
    )
  }
  return updateExisting(newest, inputs, effects)
}

/**
 * The pull request's webhook, found by its record whatever its URL: the newest is kept and made what the
 * inputs describe (a new deployment URL included); any others recorded for the same pull request and name
 * (see DUPLICATES) are deleted. Webhooks not recorded for it are never touched.
 */
async function upsertOwned(
  inputs: ActionInputs,
  effects: Effects,
  identity: Identity,
  owner: PullRequestOwner
): Promise<Outcome> {
  const url = inputs.desired.url as string
  const mine = (webhook: Webhook): boolean => isRecordedFor(webhook.headers, owner)
  const all = await effects.api.listAll(mine)
  const [kept, ...older] = all.filter(mine)
  const atUrl = all.filter((webhook) => sameUrl(webhook.url, url))
  warnAboutOthersAt(
    url,
    atUrl.filter((webhook) => !mine(webhook)),
    describeRecord(owner),
    inputs
  )
  if (!kept)
    return {
      ...(await create(
        inputs,
        effects,
        atUrl.map((webhook) => webhook.id),
        identity
      )),
      owner
    }
  const why =
    `${older.length + 1} webhooks were recorded for ${describeRecord(owner)} ` +
    `(${DUPLICATES}: a concurrency group per pull request prevents the second)`
  return { ...(await keepNewest(kept, older, inputs, effects, why)), owner }
}

/**
 * The step's own webhook, when it has several: the newest is kept and made what the inputs describe, the
 * others are deleted (a dry run only says it would), and the warning says why there were several.
 */
async function keepNewest(
  kept: Webhook,
  older: Webhook[],
  inputs: ActionInputs,
  effects: Effects,
  why: string
): Promise<Outcome> {
  const outcome = await updateExisting(kept, inputs, effects)
  if (older.length === 0) return outcome
  const removed = await removeEach(older, effects.api, inputs.dryRun)
  log.warning(
    `${why}: kept the newest, ${kept.id}; ${inputs.dryRun ? 'would delete' : 'deleted'} ` +
      `${listIds(older.map((webhook) => webhook.id))}.`
  )
  return { ...outcome, deletedIds: removed.map((webhook) => webhook.id) }
}

/** Webhooks with the URL that are not the step's are left alone, but Kapso will deliver to the URL once for each. */
function warnAboutOthersAt(url: string, others: Webhook[], whose: string, inputs: ActionInputs): void {
  if (others.length === 0) return
  const one = others.length === 1
  const scope = describeScope(inputs.scope)
  log.warning(
    `${
      one
        ? `Webhook ${others[0]?.id} of ${scope} also has`
        : `${others.length} webhooks of ${scope} (${listIds(others.map((w) => w.id))}) also have`
    } ` +
      `url ${url}, but ${one ? 'it is' : 'they are'} not recorded for ${whose} (made by hand, by another workflow, ` +
      `or for another pull request): left as ${one ? 'it is' : 'they are'}. Kapso delivers each event to that URL ` +
      `once for each webhook.`
  )
}
