import type { Webhook } from '../boundary/kapso.js'
import type { ActionInputs } from '../inputs/index.js'
import { describeScope } from '../kapso/scope.js'
import * as log from '../log.js'
import { isRecordedFor, type PullRequestOwner } from '../ownership.js'
import { listIds } from '../text.js'
import { sameUrl } from '../urls.js'
import { describeOwner, identify, type Identity } from './identity.js'
import { create, findById, updateExisting } from './provision.js'
import { removeEach } from './remove.js'
import { nothing, type Effects, type Outcome } from './types.js'

/**
 * Finds the webhook and makes it what the inputs describe: create, update or nothing. Found by webhook-id
 * when given; on a pull request, by its ownership record (a new URL moves it); elsewhere, by its URL.
 */
export async function upsert(inputs: ActionInputs, effects: Effects): Promise<Outcome> {
  if (inputs.webhookId) return updateExisting(await findById(inputs, effects.api, inputs.webhookId), inputs, effects)
  const identity = await identify(inputs, effects)
  if (identity.skip) {
    log.notice(identity.skip)
    return { ...nothing, result: 'skipped', webhookId: '', url: '' }
  }
  if (identity.owner) return upsertOwned(inputs, effects, identity, identity.owner)
  const { desired, scope } = inputs
  const url = desired.url as string
  let matches = await effects.api.findByUrl(url)
  if (identity.urlOwner) {
    // The job's webhook: only one recorded as the job's is taken, never another at the same URL.
    const owner = identity.urlOwner
    warnAboutOthersAt(url, matches.filter((webhook) => !isRecordedFor(webhook.headers, owner)), owner, inputs)
    const existing = matches.map((webhook) => webhook.id)
    matches = matches.filter((webhook) => isRecordedFor(webhook.headers, owner))
    if (!matches[0]) return create(inputs, effects, existing, identity)
  }
  if (matches.length > 1) {
    log.warning(
      `${matches.length} webhooks of ${describeScope(scope)} have url ${desired.url}. Updating the most recent, ${matches[0]?.id}; ` +
        `left as they are: ${listIds(matches.slice(1).map((w) => w.id))}. Remove those with operation delete and webhook-id.`
    )
  }
  return matches[0] ? updateExisting(matches[0], inputs, effects) : create(inputs, effects, [], identity)
}

/**
 * The pull request's webhook, found by its record whatever its URL: the newest is kept and made what the
 * inputs describe (a new deployment URL included); any others recorded for the same pull request and name
 * (earlier versions made one per URL) are deleted. Webhooks not recorded for it are never touched.
 */
async function upsertOwned(inputs: ActionInputs, effects: Effects, identity: Identity, owner: PullRequestOwner): Promise<Outcome> {
  const url = inputs.desired.url as string
  const mine = (webhook: Webhook): boolean => isRecordedFor(webhook.headers, owner)
  const all = await effects.api.listAll(mine)
  const [kept, ...older] = all.filter(mine)
  const atUrl = all.filter((webhook) => sameUrl(webhook.url, url))
  warnAboutOthersAt(url, atUrl.filter((webhook) => !mine(webhook)), owner, inputs)
  if (!kept) return { ...(await create(inputs, effects, atUrl.map((webhook) => webhook.id), identity)), owner }
  const outcome = { ...(await updateExisting(kept, inputs, effects)), owner }
  if (older.length === 0) return outcome
  const removed = await removeEach(older, effects.api, inputs.dryRun)
  const verb = inputs.dryRun ? 'would delete' : 'deleted'
  log.warning(
    `${older.length + 1} webhooks were recorded for ${describeOwner(owner)} of ${owner.repository} ` +
      '(earlier versions of this action made one per URL; two runs at once can each make one: a concurrency group per pull request prevents that): ' +
      `kept the newest, ${kept.id}; ${verb} ${older.map((webhook) => webhook.id).join(', ')}.`
  )
  return { ...outcome, deletedIds: removed.map((webhook) => webhook.id) }
}

/** Webhooks with the URL that are not this pull request's are left alone, but Kapso will deliver to the URL once for each. */
function warnAboutOthersAt(url: string, others: Webhook[], owner: PullRequestOwner, inputs: ActionInputs): void {
  if (others.length === 0) return
  log.warning(
    `${others.length === 1 ? `Webhook ${others[0]?.id} of ${describeScope(inputs.scope)} also has` : `${others.length} webhooks of ${describeScope(inputs.scope)} (${others.map((w) => w.id).join(', ')}) also have`} ` +
      `url ${url}, but ${others.length === 1 ? 'it is' : 'they are'} not recorded for ${describeOwner(owner)} of ${owner.repository} (made by hand, by another workflow, ` +
      `or for another pull request): left as they are. Kapso delivers each event to that URL once for each webhook.`
  )
}

