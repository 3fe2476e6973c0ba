import * as core from '@actions/core'
import { randomBytes } from 'node:crypto'
import type { ActionInputs } from './inputs.js'
import type { Webhook, WebhookFields } from './kapso/client.js'
import { describeCreate, planCreate, planUpdate, publicView, type FieldChange } from './plan.js'

/** The calls the operations make; KapsoClient is the real one, tests may pass another. */
export interface WebhookApi {
  findByUrl(url: string): Promise<Webhook[]>
  get(id: string): Promise<Webhook | undefined>
  /** existingIds: webhooks with this URL before the create, so that a retried create can find its own. */
  create(fields: WebhookFields, existingIds: readonly string[]): Promise<Webhook>
  update(id: string, fields: WebhookFields): Promise<Webhook>
  remove(id: string): Promise<boolean>
}

export type Result = 'created' | 'updated' | 'unchanged' | 'deleted' | 'absent'

export interface Outcome {
  result: Result
  /** Empty when a dry run would create one; comma-separated after deleting several. */
  webhookId: string
  url: string
  /** The secret in force; empty when unknown (a dry run that would generate one, or a delete). */
  secretKey: string
  /** The webhook without its secret, as it is (or would be) after this step. */
  webhook?: Record<string, unknown>
  /** Field by field, what was (or would be) written. */
  changes: FieldChange[]
}

/** Carries out the operation the inputs ask for. In a dry run, reads only. */
export async function applyOperation(inputs: ActionInputs, api: WebhookApi): Promise<Outcome> {
  switch (inputs.operation) {
    case 'create': {
      // What has this URL already: a create retried after a lost answer must not mistake it for its own.
      const before = await api.findByUrl(inputs.desired.url as string)
      return create(inputs, api, before.map((w) => w.id))
    }
    case 'delete':
      return remove(inputs, api)
    case 'upsert':
      return upsert(inputs, api)
  }
}

async function upsert(inputs: ActionInputs, api: WebhookApi): Promise<Outcome> {
  const { desired, webhookId, scope } = inputs
  let existing: Webhook | undefined
  if (webhookId) {
    existing = await api.get(webhookId)
    if (!existing) {
      throw new Error(`webhook-id ${webhookId} matches no webhook of ${scope.input} ${scope.id}. Check webhook-id, or leave it empty to find the webhook by url.`)
    }
    if (existing.kind && existing.kind !== 'kapso') {
      throw new Error(`webhook-id ${webhookId} is a ${existing.kind}-kind webhook; this action manages only kapso-kind webhooks.`)
    }
  } else {
    const matches = await api.findByUrl(desired.url as string)
    existing = matches[0]
    if (matches.length > 1) {
      core.warning(
        `${matches.length} webhooks of ${scope.input} ${scope.id} have url ${desired.url}. Updating the most recent, ${matches[0]?.id}; ` +
          `left as they are: ${matches.slice(1).map((w) => w.id).join(', ')}. Remove those with operation delete and webhook-id.`
      )
    }
  }
  if (!existing) return create(inputs, api, [])

  const { changes, patch } = planUpdate(desired, existing)
  const secretKey = desired.secretKey ?? existing.secret_key ?? ''
  if (changes.length === 0) {
    return { result: 'unchanged', webhookId: existing.id, url: existing.url, secretKey, webhook: publicView(existing), changes }
  }
  const updated = inputs.dryRun ? { ...existing, ...patch } : await api.update(existing.id, patch)
  return {
    result: 'updated',
    webhookId: updated.id,
    url: updated.url,
    secretKey: inputs.dryRun ? secretKey : (updated.secret_key ?? secretKey),
    webhook: publicView(updated),
    changes
  }
}

async function create(inputs: ActionInputs, api: WebhookApi, existingIds: string[]): Promise<Outcome> {
  const { desired } = inputs
  const generated = desired.secretKey === undefined
  let secretKey = desired.secretKey ?? ''
  if (generated && !inputs.dryRun) {
    // 256 bits from the CSPRNG, hex like Kapso's signatures; masked before anything else sees it.
    secretKey = randomBytes(32).toString('hex')
    core.setSecret(secretKey)
  }
  const body = planCreate(desired, secretKey)
  const changes = describeCreate(body, generated)
  if (inputs.dryRun) {
    return { result: 'created', webhookId: '', url: desired.url ?? '', secretKey, webhook: publicView(body), changes }
  }
  const created = await api.create(body, existingIds)
  return { result: 'created', webhookId: created.id, url: created.url, secretKey, webhook: publicView(created), changes }
}

async function remove(inputs: ActionInputs, api: WebhookApi): Promise<Outcome> {
  const { webhookId, desired } = inputs
  let targets: Webhook[]
  if (webhookId) {
    const found = await api.get(webhookId)
    targets = found ? [found] : []
  } else {
    targets = await api.findByUrl(desired.url as string)
  }
  const deleted: Webhook[] = []
  for (const target of targets) {
    // Gone meanwhile (another run, or a person) is the state we want: count only what this step removed.
    if (inputs.dryRun || (await api.remove(target.id))) deleted.push(target)
  }
  const last = deleted[deleted.length - 1]
  if (!last) return { result: 'absent', webhookId: '', url: desired.url ?? '', secretKey: '', changes: [] }
  return {
    result: 'deleted',
    webhookId: deleted.map((w) => w.id).join(','),
    url: last.url,
    secretKey: '',
    webhook: publicView(last),
    changes: []
  }
}
