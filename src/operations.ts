import * as core from '@actions/core'
import { randomBytes } from 'node:crypto'
import { deploymentSha } from './github.js'
import type { ActionInputs, DesiredWebhook } from './inputs.js'
import type { Webhook, WebhookFields } from './kapso/client.js'
import { formatRecord, RECORD_HEADER, recordedPullRequest, recordEntry } from './ownership.js'
import { describeCreate, planCreate, planUpdate, publicView, type FieldChange } from './plan.js'

/** The calls the operations make; KapsoClient is the real one, tests may pass another. */
export interface WebhookApi {
  findByUrl(url: string): Promise<Webhook[]>
  listAll(): Promise<Webhook[]>
  get(id: string): Promise<Webhook | undefined>
  /** existingIds: webhooks with this URL before the create, so that a retried create can find its own. */
  create(fields: WebhookFields, existingIds: readonly string[]): Promise<Webhook>
  update(id: string, fields: WebhookFields): Promise<Webhook>
  remove(id: string): Promise<boolean>
}

/** What the action asks GitHub; GitHubApi is the real one. */
export interface PullRequestApi {
  pullRequestState(number: number): Promise<'open' | 'closed' | undefined>
  openPullRequestsWith(sha: string): Promise<number[]>
}

export type Result = 'created' | 'updated' | 'unchanged' | 'deleted' | 'absent' | 'skipped'

/** One webhook a sweep looked at, and why it goes. */
export interface SweepEntry {
  id: string
  url: string
  pullRequest?: number
  reason: string
}

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
  /** Ids this step deleted (or, in a dry run, would delete). */
  deletedIds: string[]
  /** For a sweep: what went, or would go. */
  swept?: SweepEntry[]
}

const nothing = { secretKey: '', changes: [], deletedIds: [] }

/** Carries out the operation the inputs ask for. In a dry run, reads only. */
export async function applyOperation(inputs: ActionInputs, api: WebhookApi, github?: PullRequestApi): Promise<Outcome> {
  switch (inputs.operation) {
    case 'create': {
      // What has this URL already: a create retried after a lost answer must not mistake it for its own.
      const before = await api.findByUrl(inputs.desired.url as string)
      return create(inputs, api, github, before.map((w) => w.id))
    }
    case 'delete':
      return remove(inputs, api)
    case 'upsert':
      return upsert(inputs, api, github)
    case 'sweep':
      return sweep(inputs, api, github)
  }
}

async function upsert(inputs: ActionInputs, api: WebhookApi, github: PullRequestApi | undefined): Promise<Outcome> {
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
  if (!existing) return create(inputs, api, github, [])

  // The ownership record stays as it is: who created the webhook does not change with an update.
  const record = recordEntry(existing.headers)
  const wanted: DesiredWebhook = record ? { ...desired, headers: { ...desired.headers, [record[0]]: record[1] } } : desired
  const { changes, patch } = planUpdate(wanted, existing)
  const secretKey = desired.secretKey ?? existing.secret_key ?? ''
  if (changes.length === 0) {
    return { ...nothing, result: 'unchanged', webhookId: existing.id, url: existing.url, secretKey, webhook: publicView(existing) }
  }
  const updated = inputs.dryRun ? { ...existing, ...patch } : await api.update(existing.id, patch)
  return {
    ...nothing,
    result: 'updated',
    webhookId: updated.id,
    url: updated.url,
    secretKey: inputs.dryRun ? secretKey : (updated.secret_key ?? secretKey),
    webhook: publicView(updated),
    changes
  }
}

async function create(inputs: ActionInputs, api: WebhookApi, github: PullRequestApi | undefined, existingIds: string[]): Promise<Outcome> {
  const { desired } = inputs
  const generated = desired.secretKey === undefined
  let secretKey = desired.secretKey ?? ''
  if (generated && !inputs.dryRun) {
    // 256 bits from the CSPRNG, hex like Kapso's signatures; masked before anything else sees it.
    secretKey = randomBytes(32).toString('hex')
    core.setSecret(secretKey)
  }
  const headers = { ...desired.headers }
  if (inputs.context.repository) {
    const pullRequest = inputs.pullRequest ?? (await deploymentPullRequest(inputs, github))
    headers[RECORD_HEADER] = formatRecord({ repository: inputs.context.repository, pullRequest })
  }
  const body = planCreate({ ...desired, headers }, secretKey)
  const changes = describeCreate(body, generated)
  if (inputs.dryRun) {
    return { ...nothing, result: 'created', webhookId: '', url: desired.url ?? '', secretKey, webhook: publicView(body), changes }
  }
  const created = await api.create(body, existingIds)
  // Kapso's copy is the one in force (an adopted webhook may come from another run at the same moment).
  const inForce = created.secret_key || secretKey
  return { ...nothing, result: 'created', webhookId: created.id, url: created.url, secretKey: inForce, webhook: publicView(created), changes }
}

/**
 * On a deployment_status event (Vercel and other deployers), the pull request is the open one that holds
 * the deployed commit. Not finding it is no failure: the webhook is then recorded without one.
 */
async function deploymentPullRequest(inputs: ActionInputs, github: PullRequestApi | undefined): Promise<number | undefined> {
  const sha = deploymentSha(inputs.context)
  if (!sha || !github) return undefined
  try {
    const [number] = await github.openPullRequestsWith(sha)
    if (number === undefined) core.info(`No open pull request holds commit ${sha.slice(0, 7)}: the webhook is recorded without one.`)
    return number
  } catch (error) {
    core.warning(`${(error as Error).message} The webhook is recorded without a pull request, so operation sweep will not remove it.`)
    return undefined
  }
}

async function remove(inputs: ActionInputs, api: WebhookApi): Promise<Outcome> {
  const { webhookId, desired } = inputs
  let targets: Webhook[]
  if (webhookId) {
    const found = await api.get(webhookId)
    targets = found ? [found] : []
  } else if (desired.url) {
    targets = await api.findByUrl(desired.url)
  } else {
    // auto on a closed pull request, with no url: the webhooks this action recorded for that pull request.
    const pullRequest = inputs.pullRequest
    if (pullRequest === undefined) throw new Error('operation delete needs url or webhook-id to know what to delete.')
    targets = (await api.listAll()).filter((webhook) => recordedPullRequest(webhook.headers, inputs.context.repository) === pullRequest)
  }
  const deleted: Webhook[] = []
  for (const target of targets) {
    // Gone meanwhile (another run, or a person) is the state we want: count only what this step removed.
    if (inputs.dryRun || (await api.remove(target.id))) deleted.push(target)
  }
  const last = deleted[deleted.length - 1]
  if (!last) return { ...nothing, result: 'absent', webhookId: '', url: desired.url ?? '' }
  return {
    ...nothing,
    result: 'deleted',
    webhookId: deleted.map((w) => w.id).join(','),
    url: last.url,
    webhook: publicView(last),
    deletedIds: deleted.map((w) => w.id)
  }
}

/**
 * Deletes the webhooks this action created for this repository's pull requests that are closed now,
 * or (with max-age) older than max-age. A webhook without the record, recorded for another repository,
 * or recorded without a pull request is never touched.
 */
async function sweep(inputs: ActionInputs, api: WebhookApi, github: PullRequestApi | undefined): Promise<Outcome> {
  const repository = inputs.context.repository
  if (!repository || !github) throw new Error('operation sweep needs GITHUB_REPOSITORY, which the runner sets: run it in a GitHub workflow.')
  const all = await api.listAll()
  const ours = all.flatMap((webhook) => {
    const pullRequest = recordedPullRequest(webhook.headers, repository)
    return pullRequest === undefined ? [] : [{ webhook, pullRequest }]
  })
  core.info(`${all.length} webhooks in ${inputs.scope.input} ${inputs.scope.id}; ${ours.length} recorded for pull requests of ${repository}; the others are left alone.`)

  const states = new Map<number, 'open' | 'closed' | undefined>()
  for (const pullRequest of new Set(ours.map((o) => o.pullRequest))) {
    const state = await github.pullRequestState(pullRequest)
    if (state === undefined) core.warning(`GitHub has no pull request #${pullRequest} in ${repository}: its webhooks are kept.`)
    states.set(pullRequest, state)
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
  const deletedIds: string[] = []
  for (const entry of swept) {
    if (inputs.dryRun || (await api.remove(entry.id))) deletedIds.push(entry.id)
  }
  return { ...nothing, result: deletedIds.length ? 'deleted' : 'absent', webhookId: deletedIds.join(','), url: '', deletedIds, swept }
}
