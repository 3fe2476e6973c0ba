/**
 * Each entry's webhook made what the entry describes, with the single-webhook operations (provision.ts):
 * found by its ownership record in its scope and kind; else an existing webhook at its URL is adopted (one
 * without a record, or recorded by this repository's single-webhook step, or by this manifest under a name
 * no entry has now); else created. Entries go one after another, each scope and kind listed once.
 */
import type { Webhook } from '../boundary/kapso.js'
import type { ActionInputs } from '../inputs/index.js'
import type { ManifestInputs } from '../inputs/manifest.js'
import { describeScope } from '../kapso/scope.js'
import * as log from '../log.js'
import { describeRecord } from '../operations/identity.js'
import { create, updateExisting } from '../operations/provision.js'
import type { Effects, Outcome } from '../operations/index.js'
import { formatRecord, hasRecordHeader, isRecordedFor, readRecord, RECORD_HEADER, recordEntry } from '../ownership.js'
import { planUpdate } from '../plan.js'
import { listIds } from '../text.js'
import { sameUrl } from '../urls.js'
import type { ManifestClients } from './clients.js'
import type { PlanRow } from './table.js'
import type { Manifest, ManifestEntry } from './types.js'

export interface Reconciled {
  /** One row per entry, in the file's order. */
  rows: PlanRow[]
  /** The ids of the entries' webhooks (lower case): what prune keeps. */
  kept: Set<string>
  /** What each scope and kind listed, for prune to look through again without a request. */
  listed: Map<string, Webhook[]>
}

/** The key of a scope and kind. */
export function groupKey(entry: Pick<ManifestEntry, 'scope' | 'kind'>): string {
  return [entry.scope.kind, entry.scope.id, entry.kind].join(' ')
}

export async function reconcileEntries(
  manifest: Manifest,
  inputs: ManifestInputs,
  clients: ManifestClients,
  effects: Omit<Effects, 'api'>
): Promise<Reconciled> {
  const done: Reconciled = { rows: [], kept: new Set(), listed: new Map() }
  const names = new Set(manifest.entries.map((entry) => entry.name))
  const rows = new Map<ManifestEntry, PlanRow>()
  for (const group of groups(manifest.entries)) {
    const first = group[0] as ManifestEntry
    const api = clients.for(first.scope, first.kind)
    // The secrets kept are those of the webhooks an entry may take: compared with secret-key-env's.
    const candidate = (webhook: Webhook): boolean =>
      group.some(
        (entry) => isRecordedFor(webhook.headers, entry.record) || sameUrl(webhook.url, entry.desired.url ?? '')
      )
    const listing = await api.listAll(candidate)
    done.listed.set(groupKey(first), listing)
    for (const entry of group) {
      const row = await reconcileEntry(entry, listing, { ...effects, api }, { inputs, names, kept: done.kept })
      rows.set(entry, row)
      if (row.webhookId) done.kept.add(row.webhookId.toLowerCase())
    }
  }
  done.rows = manifest.entries.map((entry) => rows.get(entry) as PlanRow)
  return done
}

interface Context {
  inputs: ManifestInputs
  /** The names of the manifest's entries now. */
  names: Set<string>
  kept: Set<string>
}

async function reconcileEntry(
  entry: ManifestEntry,
  listing: Webhook[],
  effects: Effects,
  context: Context
): Promise<PlanRow> {
  const inputs = entryInputs(context.inputs, entry)
  const [own, ...older] = listing.filter((webhook) => isRecordedFor(webhook.headers, entry.record))
  if (own) {
    if (older.length > 0) {
      log.warning(
        `${entry.name}: ${older.length + 1} webhooks are recorded for it; kept the newest, ${own.id}. ` +
          `${context.inputs.prune ? 'The others are pruned' : 'prune is false: the others stay'}: ` +
          `${listIds(older.map((webhook) => webhook.id))}.`
      )
    }
    return row(entry, await updateExisting(own, inputs, effects))
  }
  const url = entry.desired.url as string
  const atUrl = listing.filter((webhook) => sameUrl(webhook.url, url))
  const [adoptable] = atUrl.filter((webhook) => mayAdopt(webhook, context))
  if (adoptable) return adopt(entry, adoptable, inputs, effects)
  if (atUrl.length > 0) {
    log.warning(
      `${entry.name}: ${listIds(atUrl.map((webhook) => webhook.id))} at ${url} in ${describeScope(entry.scope)} ` +
        `${atUrl.length === 1 ? 'is' : 'are'} recorded for someone else (another repository, manifest or pull ` +
        'request): left as it is; a webhook of its own is created. Kapso delivers each event once for each webhook.'
    )
  }
  return row(
    entry,
    await create(
      inputs,
      effects,
      atUrl.map((webhook) => webhook.id),
      { record: entry.record }
    )
  )
}

/**
 * Whether an entry may take over this webhook at its URL: one without any record (made by hand, or by an
 * older version), or recorded for this repository with no pull request by a single-webhook step (moving
 * to a manifest) or by this manifest under a name no entry has now (a renamed entry). Never a preview's,
 * another repository's or another manifest's, nor one whose record this version cannot read.
 */
function mayAdopt(webhook: Webhook, { inputs, names, kept }: Context): boolean {
  if (kept.has(webhook.id.toLowerCase())) return false
  if (!hasRecordHeader(webhook.headers)) return true
  const record = readRecord(webhook.headers)
  if (!record || record.pullRequest !== undefined) return false
  if (record.repository.toLowerCase() !== inputs.repository.toLowerCase()) return false
  return record.manifest === undefined || (record.manifest === inputs.path && !names.has(record.name ?? ''))
}

/** The webhook at the entry's URL made the entry's, its record rewritten: an update ("adopted" in the plan). */
async function adopt(entry: ManifestEntry, found: Webhook, inputs: ActionInputs, effects: Effects): Promise<PlanRow> {
  const before = readRecord(found.headers)
  const text = `${entry.name}: adopting webhook ${found.id} at ${found.url} (${
    before ? `recorded for ${describeRecord(before)}` : 'no ownership record'
  }): it is recorded for entry ${entry.name} of ${entry.record.manifest} from now on.`
  // A single-webhook step that still runs would no longer know the webhook as its own, and make another.
  if (before && before.manifest === undefined) log.warning(`${text} Remove the workflow step that made it.`)
  else log.info(text)
  const headers = { ...found.headers }
  const held = recordEntry(headers)
  if (held) delete headers[held[0]]
  const unrecorded = { ...found, headers }
  const recorded = {
    ...inputs,
    desired: { ...inputs.desired, headers: { ...inputs.desired.headers, [RECORD_HEADER]: formatRecord(entry.record) } }
  }
  const outcome = await updateExisting(unrecorded, recorded, effects)
  const changes = planUpdate(inputs.desired, unrecorded).changes.map((change) => change.input)
  return { ...row(entry, outcome), changes: [...changes, 'ownership-record'], adopted: true }
}

/** The single-webhook inputs an entry stands for, so that the single-webhook operations reconcile it. */
function entryInputs(inputs: ManifestInputs, entry: ManifestEntry): ActionInputs {
  return {
    apiKey: inputs.apiKey,
    apiUrl: entry.apiUrl.url,
    defaultApiUrl: entry.apiUrl.isDefault,
    scope: entry.scope,
    requested: 'upsert',
    operation: 'upsert',
    dryRun: inputs.dryRun,
    maxAttempts: inputs.maxAttempts,
    requestTimeoutSeconds: inputs.requestTimeoutSeconds,
    timeoutSeconds: inputs.timeoutSeconds,
    desired: entry.desired,
    cleanup: false,
    comment: false,
    githubToken: inputs.githubToken,
    context: inputs.context
  }
}

const ACTIONS = { created: 'create', updated: 'update', unchanged: 'unchanged' } as const

function row(entry: ManifestEntry, outcome: Outcome): PlanRow {
  const action = ACTIONS[outcome.result as keyof typeof ACTIONS]
  const changes = outcome.changes.map((change) => change.input).filter((input) => !input.startsWith('('))
  return {
    name: entry.name,
    action,
    webhookId: outcome.webhookId,
    url: outcome.url || (entry.desired.url ?? ''),
    changes: [...new Set(changes)],
    scope: describeScope(entry.scope)
  }
}

/** The entries by scope and kind, in the order each group first appears. */
function groups(entries: ManifestEntry[]): ManifestEntry[][] {
  const byKey = new Map<string, ManifestEntry[]>()
  for (const entry of entries) {
    const key = groupKey(entry)
    byKey.set(key, [...(byKey.get(key) ?? []), entry])
  }
  return [...byKey.values()]
}
