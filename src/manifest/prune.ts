/**
 * The webhooks a manifest owns (recorded for this repository and this manifest's path, whatever the entry
 * name), and their deletion: prune deletes those no entry kept, operation delete all of them. Where it looks:
 * on the Platform API, the project's whole list (every phone number's webhooks and the project's, both
 * kinds), so that a webhook whose phone number left the file is found too; on the legacy API, which has no
 * such list, the configurations the file names. Nothing recorded otherwise is ever deleted.
 */
import type { Webhook, WebhookKind } from '../boundary/kapso.js'
import type { ManifestInputs } from '../inputs/manifest.js'
import { describeScope, type Scope } from '../kapso/scope.js'
import { readRecord } from '../ownership.js'
import type { WebhookApi } from '../operations/index.js'
import { PROJECT, type ManifestClients } from './clients.js'
import { groupKey } from './reconcile.js'
import type { PlanRow } from './table.js'
import type { Manifest } from './types.js'

const KINDS: WebhookKind[] = ['kapso', 'meta']

interface Owned {
  webhook: Webhook
  api: WebhookApi
  scope: string
}

/**
 * Deletes (a dry run: would delete) the manifest's webhooks whose id is not in `kept`, one request apiece,
 * and returns their plan rows. One gone meanwhile is the state wanted, and is not counted.
 */
export async function deleteOwned(
  manifest: Manifest,
  inputs: ManifestInputs,
  clients: ManifestClients,
  kept: Set<string>,
  listed: Map<string, Webhook[]> = new Map()
): Promise<PlanRow[]> {
  const owned = await listOwned(manifest, inputs, clients, listed)
  const rows: PlanRow[] = []
  for (const { webhook, api, scope } of owned) {
    if (kept.has(webhook.id.toLowerCase())) continue
    if (!inputs.dryRun && !(await api.remove(webhook.id))) continue
    const name = readRecord(webhook.headers)?.name ?? ''
    rows.push({ name, action: 'delete', webhookId: webhook.id, url: webhook.url, changes: [], scope })
  }
  return rows
}

/** Every webhook recorded for this manifest where it looks (see above), each once, with the client that deletes it. */
async function listOwned(
  manifest: Manifest,
  inputs: ManifestInputs,
  clients: ManifestClients,
  listed: Map<string, Webhook[]>
): Promise<Owned[]> {
  const ours = (webhook: Webhook): boolean => {
    const record = readRecord(webhook.headers)
    return (
      record !== undefined &&
      record.pullRequest === undefined &&
      record.manifest === manifest.path &&
      record.repository.toLowerCase() === inputs.repository.toLowerCase()
    )
  }
  const found = new Map<string, Owned>()
  const add = (webhook: Webhook, api: WebhookApi, scope: string): void => {
    if (ours(webhook) && !found.has(webhook.id.toLowerCase()))
      found.set(webhook.id.toLowerCase(), { webhook, api, scope })
  }
  const legacy = new Map<string, Scope>()
  for (const entry of manifest.entries) if (entry.scope.kind === 'legacy') legacy.set(entry.scope.id, entry.scope)
  for (const scope of legacy.values()) {
    const api = clients.for(scope, 'kapso')
    const listing = listed.get(groupKey({ scope, kind: 'kapso' })) ?? (await api.listAll())
    for (const webhook of listing) add(webhook, api, describeScope(scope))
  }
  const platform = manifest.entries.some((entry) => entry.scope.kind !== 'legacy') || legacy.size === 0
  if (platform) {
    for (const kind of KINDS) {
      for (const webhook of await clients.for(PROJECT, kind, true).listAll()) {
        const number = webhook.phone_number_id
        add(webhook, clients.ofWebhook(webhook), number ? `phone-number-id ${number}` : describeScope(PROJECT))
      }
    }
  }
  return [...found.values()]
}
