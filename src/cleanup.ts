import * as core from '@actions/core'
import { createHash } from 'node:crypto'
import { UUID } from './boundary/parse.js'
import { connect } from './connect.js'
import { Deadline } from './deadline.js'
import { readInputs } from './inputs/index.js'
import * as log from './log.js'
import type { WebhookApi } from './operations/index.js'
import { Progress } from './progress.js'
import { writeSummaryLine } from './summary.js'
import { sameUrl } from './urls.js'

/**
 * cleanup: true. The main step saves what its post step is to delete: the webhook it provisioned, or,
 * before a create is sent, how to find what that create may make (so that a main step that fails after
 * sending it leaves nothing behind). The post step checks each against Kapso before deleting it.
 */
const PROVISIONED = 'cleanup-webhook'
const PENDING = 'cleanup-pending-create'

/** Saved once the step has provisioned the webhook (created, updated or found unchanged). */
export function saveProvisioned(id: string, url: string): void {
  core.saveState(PROVISIONED, JSON.stringify({ id, url }))
}

/** Saved before a create is sent: the URL, the ids already there, and a fingerprint of the secret sent. */
export function savePendingCreate(url: string, existing: readonly string[], secretKey: string): void {
  core.saveState(PENDING, JSON.stringify({ url, existing, secret: secretKey ? fingerprint(secretKey) : '' }))
}

/** The post step: deletes what the main step provisioned, or what its create made. */
export async function cleanup(failureMessage: (error: unknown, progress: Progress) => string): Promise<void> {
  const provisioned = readState(PROVISIONED)
  const pending = readState(PENDING)
  if (!provisioned && !pending) {
    log.debug('Nothing to clean up.')
    return
  }
  const progress = new Progress()
  const closers: (() => void)[] = []
  try {
    const inputs = readInputs()
    const { api } = connect(inputs, new Deadline(inputs.timeoutSeconds), progress, closers)
    const ids = provisioned ? await stillProvisioned(api, provisioned) : await madeByCreate(api, pending ?? {})
    if (ids.length === 0 && !provisioned) log.info('Cleanup: the create the main step sent made no webhook; nothing to delete.')
    for (const id of ids) {
      const line = (await api.remove(id)) ? `Cleanup: deleted webhook ${id}.` : `Cleanup: webhook ${id} was already gone.`
      log.info(line)
      await writeSummaryLine(line)
    }
  } catch (error) {
    log.fail(`Cleanup failed: ${failureMessage(error, progress)}`)
  } finally {
    for (const close of closers) close()
  }
}

/** A saved state, as an object; undefined when absent or not one (state comes from outside the step too). */
function readState(name: string): Record<string, unknown> | undefined {
  const text = core.getState(name)
  if (!text) return undefined
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

/** The provisioned webhook, when Kapso still has it with the URL it had: an id alone is not enough to delete. */
async function stillProvisioned(api: WebhookApi, saved: Record<string, unknown>): Promise<string[]> {
  const { id, url } = saved
  if (typeof id !== 'string' || !UUID.test(id) || typeof url !== 'string') return []
  const webhook = await api.get(id)
  if (!webhook) {
    log.info(`Cleanup: webhook ${id} was already gone.`)
    return []
  }
  if (!sameUrl(webhook.url, url)) {
    log.warning(`Cleanup: webhook ${id} now has url ${webhook.url}, not ${url} as provisioned: it was left in place.`)
    return []
  }
  return [id]
}

async function madeByCreate(api: WebhookApi, saved: Record<string, unknown>): Promise<string[]> {
  const { url, existing, secret } = saved
  if (typeof url !== 'string' || !Array.isArray(existing)) return []
  const before = existing.filter((id): id is string => typeof id === 'string').map((id) => id.toLowerCase())
  const print = typeof secret === 'string' ? secret : ''
  // findByUrl gives only webhooks with this URL (normal form).
  return (await api.findByUrl(url))
    .filter((webhook) => !before.includes(webhook.id.toLowerCase()))
    .filter((webhook) => !print || webhook.secret_key === undefined || fingerprint(webhook.secret_key) === print)
    .map((webhook) => webhook.id)
}

function fingerprint(secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}
