/**
 * Creating and updating a webhook, the same way on every route: the schema-checked fields are merged
 * over the stored webhook (or Kapso's defaults), a meta webhook's events are normalised away, the
 * stricter rules are enforced, and only then is anything stored.
 */
import type { RouteContext } from './context.js'
import type { WebhookInput } from './fields.js'
import { enforceRules, type Scope } from './rules.js'
import type { Api, StoredWebhook } from './store.js'

export interface Change {
  api: Api
  scope: Scope
  scopeId: string
  input: WebhookInput
  /** The webhook to update; absent for a create. */
  before?: StoredWebhook
}

export function saveWebhook(context: RouteContext, { api, scope, scopeId, input, before }: Change): StoredWebhook {
  const { store, settings } = context
  const sent: WebhookInput = { ...input }
  delete sent.phone_number_id
  const result: StoredWebhook = { ...(before ?? store.blank(api, scopeId)), ...sent } as StoredWebhook
  if (result.kind === 'meta') {
    // "any events you send are normalized to an empty list, since Meta decides what it sends" (V1SPEC)
    delete sent.events
    result.events = []
  }
  const siblings = scope === 'phone_number' ? store.all(api, scopeId).filter((w) => w.id !== result.id) : []
  enforceRules({ api, scope, sent, result, before, siblings, projectEventsPlan: settings.projectEventsPlan })
  if (sent.url !== undefined && settings.lies.storeUrl) result.url = settings.lies.storeUrl(sent.url)
  if (!before) return store.put(result, settings.listLagMs)
  // Updated in place, so that a caller holding the stored object sees the change.
  return Object.assign(before, result, { updated_at: store.timestamp() })
}

/** The webhooks in answer order: most recent first. */
export function newestFirst(webhooks: StoredWebhook[]): StoredWebhook[] {
  return [...webhooks].reverse()
}
