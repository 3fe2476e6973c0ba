/**
 * The legacy generation, as shared/kapso-api/legacy-openapi-platform.yaml describes it:
 * /whatsapp_configs/{whatsapp_config_id}/whatsapp_webhooks[/{id}], keyed by Kapso's config UUID.
 */
import type { ApiRequest, RouteContext } from './context.js'
import { readQuery, readWebhookInput } from './fields.js'
import { ApiError, offsetPage, type Answer, type StoredWebhook } from './store.js'
import { newestFirst, saveWebhook } from './webhooks.js'

const ROUTE = /^\/whatsapp_configs\/([^/]+)\/whatsapp_webhooks(?:\/([^/]+))?$/

export function routeLegacy(context: RouteContext, { method, path, query, body }: ApiRequest): Answer {
  const match = ROUTE.exec(path)
  if (!match) throw new ApiError(404, 'Not found')
  const configId = decodeURIComponent(match[1] ?? '')
  if (!context.scopes.legacy.has(configId)) throw new ApiError(404, 'WhatsApp config not found')
  if (match[2] === undefined) {
    if (method === 'GET') return { status: 200, body: listLegacy(context, configId, query) }
    if (method !== 'POST') throw new ApiError(405, 'Method not allowed')
    const input = readWebhookInput('legacy-create', body)
    return {
      status: 201,
      body: { data: presentLegacy(saveWebhook(context, { api: 'legacy', scope: 'config', scopeId: configId, input })) }
    }
  }
  const webhook = context.store.get(decodeURIComponent(match[2]))
  if (!webhook || webhook.api !== 'legacy' || webhook.scopeId !== configId)
    throw new ApiError(404, 'WhatsApp webhook not found')
  switch (method) {
    case 'GET':
      return { status: 200, body: { data: presentLegacy(webhook) } }
    case 'PATCH': {
      const input = readWebhookInput('legacy-update', body)
      return {
        status: 200,
        body: {
          data: presentLegacy(
            saveWebhook(context, { api: 'legacy', scope: 'config', scopeId: configId, input, before: webhook })
          )
        }
      }
    }
    case 'DELETE':
      context.store.delete(webhook.id)
      return { status: 204 }
  }
  throw new ApiError(405, 'Method not allowed')
}

function listLegacy(context: RouteContext, configId: string, query: URLSearchParams): unknown {
  const params = readQuery(query, {
    page: { type: 'integer', min: 1, default: 1 },
    per_page: { type: 'integer', min: 1, max: 100, default: 20 },
    'q[url_cont]': { type: 'string' },
    'q[active_eq]': { type: 'boolean' }
  })
  // LSPEC: "Filter webhooks by URL (contains)": a substring of the stored URL, case and all (Ransack's cont).
  const contains = params['q[url_cont]'] as string | undefined
  const active = params['q[active_eq]'] as boolean | undefined
  const found = newestFirst(context.store.listed('legacy', configId))
    .filter((w) => contains === undefined || w.url.includes(contains))
    .filter((w) => active === undefined || w.active === active)
  return offsetPage(found, params.page as number, params.per_page as number, presentLegacy)
}

/** The legacy WhatsappWebhook: buffer settings always shown, no kind, no project. */
function presentLegacy(w: StoredWebhook): Record<string, unknown> {
  return {
    id: w.id,
    url: w.url,
    secret_key: w.secret_key,
    events: [...w.events],
    active: w.active,
    headers: Object.keys(w.headers).length ? { ...w.headers } : null,
    buffer_enabled: w.buffer_enabled,
    buffer_window_seconds: w.buffer_window_seconds,
    max_buffer_size: w.max_buffer_size,
    buffer_events: [...w.buffer_events],
    inactivity_minutes: w.inactivity_minutes,
    created_at: w.created_at,
    updated_at: w.updated_at
  }
}
