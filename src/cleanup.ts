import * as core from '@actions/core'
import { createHash } from 'node:crypto'
import type { Webhook } from './boundary/kapso.js'
import { parseSavedCreate, parseSavedWebhook, type SavedCreate, type SavedWebhook } from './boundary/state.js'
import { connect } from './connect.js'
import { Deadline } from './deadline.js'
import { readInputs, type ActionInputs } from './inputs/index.js'
import * as log from './log.js'
import type { WebhookApi } from './operations/index.js'
import { formatRecord, readRecord, sameRecord, type OwnershipRecord } from './ownership.js'
import { Progress } from './progress.js'
import { writeSummaryLine } from './summary.js'
import { sameUrl } from './urls.js'

/**
 * cleanup: true. The main step saves what its post step is to delete: the webhook it provisioned, or,
 * before a create is sent, how to find what that create may make (so that a main step that fails after
 * sending it leaves nothing behind). The post step checks each against Kapso before deleting it: it deletes
 * only a webhook recorded for this repository (and this pull request, under this name, as saved) whose
 * signing secret is the one the step set, when both are known. Any other, it leaves and says why.
 */
const PROVISIONED = 'cleanup-webhook'
const PENDING = 'cleanup-pending-create'

/** Saved once the step has provisioned the webhook (created, updated or found unchanged). */
export function saveProvisioned(id: string, url: string, record: OwnershipRecord | undefined, secretKey: string): void {
  log.saveState(PROVISIONED, JSON.stringify({ id, url, ...savedParts(record, secretKey) }))
}

/** Saved before a create is sent: the URL, the ids already there, the record it carries and the secret sent. */
export function savePendingCreate(
  url: string,
  existing: readonly string[],
  secretKey: string,
  record: OwnershipRecord | undefined
): void {
  log.saveState(PENDING, JSON.stringify({ url, existing, ...savedParts(record, secretKey) }))
}

function savedParts(record: OwnershipRecord | undefined, secretKey: string): { record?: string; secret?: string } {
  return { ...(record && { record: formatRecord(record) }), ...(secretKey && { secret: fingerprint(secretKey) }) }
}

/** The post step: deletes what the main step provisioned, or what its create made, when it is still the step's. */
export async function cleanup(failureMessage: (error: unknown, progress: Progress) => string): Promise<void> {
  const provisionedText = core.getState(PROVISIONED)
  const pendingText = core.getState(PENDING)
  if (!provisionedText && !pendingText) {
    log.debug('Nothing to clean up.')
    return
  }
  const provisioned = provisionedText ? parseSavedWebhook(provisionedText) : undefined
  const pending = !provisionedText && pendingText ? parseSavedCreate(pendingText) : undefined
  if (!provisioned && !pending) {
    log.warning(
      `Cleanup: the saved state (${provisionedText ? PROVISIONED : PENDING}) is not what this action writes; nothing ` +
        `was deleted.`
    )
    return
  }
  const progress = new Progress()
  const closers: (() => void)[] = []
  try {
    const inputs = readInputs()
    const { api } = connect(inputs, new Deadline(inputs.timeoutSeconds), progress, closers)
    const ids = provisioned
      ? await stillProvisioned(api, provisioned, inputs)
      : await madeByCreate(api, pending as SavedCreate, inputs)
    for (const id of ids) {
      const line = (await api.remove(id))
        ? `Cleanup: deleted webhook ${id}.`
        : `Cleanup: webhook ${id} was already gone.`
      log.info(line)
      await writeSummaryLine(line)
    }
  } catch (error) {
    log.fail(`Cleanup failed: ${failureMessage(error, progress)}`)
  } finally {
    for (const close of closers) close()
  }
}

/** The provisioned webhook, when Kapso still has it with the URL it had and it is still the step's. */
async function stillProvisioned(api: WebhookApi, saved: SavedWebhook, inputs: ActionInputs): Promise<string[]> {
  const webhook = await api.get(saved.id)
  if (!webhook) {
    log.info(`Cleanup: webhook ${saved.id} was already gone.`)
    return []
  }
  const why = sameUrl(webhook.url, saved.url)
    ? notTheStepsBecause(webhook, saved, inputs)
    : `it now has url ${webhook.url}, not ${saved.url} as provisioned`
  if (why) log.warning(`Cleanup: webhook ${webhook.id} was left in place: ${why}.`)
  return why ? [] : [webhook.id]
}

/** The webhooks with the URL that were not there before the create, and that carry the record it sent. */
async function madeByCreate(api: WebhookApi, saved: SavedCreate, inputs: ActionInputs): Promise<string[]> {
  const made = (await api.findByUrl(saved.url)).filter((webhook) => !saved.existing.includes(webhook.id.toLowerCase()))
  if (made.length === 0) log.info('Cleanup: the create the main step sent made no webhook; nothing to delete.')
  const ids: string[] = []
  for (const webhook of made) {
    const why = notTheStepsBecause(webhook, saved, inputs)
    if (why)
      log.warning(
        `Cleanup: webhook ${webhook.id} at ${saved.url}, new since the main step's create, was left in place: ${why}.`
      )
    else ids.push(webhook.id)
  }
  return ids
}

/**
 * Why the webhook is not the step's to delete, or undefined when it is: it must be recorded for this
 * repository (GITHUB_REPOSITORY, which the runner sets, not the saved state), with the record saved, for
 * the pull request this run is for, and carry the secret the step set when both are known.
 */
function notTheStepsBecause(
  webhook: Webhook,
  saved: SavedWebhook | SavedCreate,
  inputs: ActionInputs
): string | undefined {
  const repository = inputs.context.repository
  if (!repository) return 'without GITHUB_REPOSITORY this step cannot tell whose it is'
  const record = readRecord(webhook.headers)
  if (!record) return 'it carries no ownership record of this action (made by hand, or by a version before records)'
  if (record.repository.toLowerCase() !== repository.toLowerCase())
    return `it is recorded for ${record.repository}, not ${repository}`
  if (!saved.record || !sameRecord(record, saved.record))
    return `its ownership record is not the one the main step ${
      saved.record ? `saved (${formatRecord(saved.record)})` : 'saved: none'
    }`
  const pullRequest = inputs.pullRequest
  if (pullRequest !== undefined && record.pullRequest !== pullRequest)
    return `it is recorded for ${
      record.pullRequest === undefined ? 'no pull request' : `pull request #${record.pullRequest}`
    }, not #${pullRequest} this run is for`
  if (saved.secret && webhook.secret_key !== undefined && fingerprint(webhook.secret_key) !== saved.secret)
    return 'its signing secret is not the one this step set (changed since, or another webhook)'
  return undefined
}

function fingerprint(secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}
