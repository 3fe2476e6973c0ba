/**
 * The Platform API's webhook routes, as shared/kapso-api/platform-openapi.yaml (0.2.0) describes them:
 * phone-number webhooks under /whatsapp/phone_numbers/{phone_number_id}/webhooks[/{webhook_id}] and
 * the project's under /whatsapp/webhooks[/{webhook_id}]. The test endpoint and the deliveries list are
 * deliveries.ts's; this module hands them on.
 */
import type { ApiRequest, RouteContext } from './context.js'
import { readQuery, readWebhookInput, type QuerySpec } from './fields.js'
import type { Scope } from './rules.js'
import { ApiError, EMULATOR_PROJECT_ID, isProjectScoped, offsetPage, type Answer, type StoredWebhook } from './store.js'
import { newestFirst, saveWebhook } from './webhooks.js'

const NUMBER_ROUTE = /^\/whatsapp\/phone_numbers\/([^/]+)\/webhooks(?:\/([^/]+))?$/
const PROJECT_ROUTE = /^\/whatsapp\/webhooks(?:\/([^/]+))?$/
const TEST_ROUTE = /^\/whatsapp\/webhooks\/([^/]+)\/test$/

const PAGING: Record<string, QuerySpec> = {
  page: { type: 'integer', min: 1, default: 1 },
  per_page: { type: 'integer', min: 1, default: 20 },
  kind: { type: 'enum', values: ['kapso', 'meta'] }
}
/** listWhatsappPhoneNumberWebhooks takes these filters; listWhatsappProjectWebhooks only kind and paging. */
const NUMBER_FILTERS: Record<string, QuerySpec> = {
  ...PAGING,
  url_contains: { type: 'string' },
  active: { type: 'boolean' },
  created_after: { type: 'date-time' },
  created_before: { type: 'date-time' }
}

export function routePlatform(context: RouteContext, request: ApiRequest): Answer {
  const { method, path } = request
  if (path === '/webhook_deliveries') {
    if (method !== 'GET') throw new ApiError(405, 'Method not allowed')
    return context.deliveries.list(request.query)
  }
  const test = TEST_ROUTE.exec(path)
  if (test) {
    if (method !== 'POST') throw new ApiError(405, 'Method not allowed')
    return context.deliveries.test(findWebhook(context, test[1]), request.body, request.query)
  }
  const number = NUMBER_ROUTE.exec(path)
  if (number) return routeNumber(context, request, decodeURIComponent(number[1] ?? ''), number[2])
  const project = PROJECT_ROUTE.exec(path)
  if (project) return routeProject(context, request, project[1])
  throw new ApiError(404, 'Not found')
}

function routeNumber(
  context: RouteContext,
  { method, path, query, body }: ApiRequest,
  phoneNumberId: string,
  rawId: string | undefined
): Answer {
  if (!context.scopes.platform.has(phoneNumberId)) throw new ApiError(404, 'Phone number not found')
  if (rawId === undefined) {
    if (method === 'GET') return listPlatform(context, path, query, NUMBER_FILTERS, (w) => w.scopeId === phoneNumberId)
    if (method !== 'POST') throw new ApiError(405, 'Method not allowed')
    const input = readWebhookInput('number-create', body)
    return created(saveWebhook(context, { api: 'platform', scope: 'phone_number', scopeId: phoneNumberId, input }))
  }
  const webhook = findWebhook(context, rawId)
  if (webhook.scopeId !== phoneNumberId) throw new ApiError(404, 'WhatsApp webhook not found')
  return routeItem(context, method, body, webhook)
}

function routeProject(
  context: RouteContext,
  { method, path, query, body }: ApiRequest,
  rawId: string | undefined
): Answer {
  if (rawId === undefined) {
    if (method === 'GET') return listPlatform(context, path, query, PAGING, () => true)
    if (method !== 'POST') throw new ApiError(405, 'Method not allowed')
    const input = readWebhookInput('project-create', body)
    const phoneNumberId = input.phone_number_id
    if (phoneNumberId !== undefined && !context.scopes.platform.has(phoneNumberId))
      throw new ApiError(404, 'Phone number not found')
    const [scope, scopeId]: [Scope, string] =
      phoneNumberId === undefined ? ['project', EMULATOR_PROJECT_ID] : ['phone_number', phoneNumberId]
    return created(saveWebhook(context, { api: 'platform', scope, scopeId, input }))
  }
  return routeItem(context, method, body, findWebhook(context, rawId))
}

function routeItem(context: RouteContext, method: string, body: unknown, webhook: StoredWebhook): Answer {
  switch (method) {
    case 'GET':
      return { status: 200, body: { data: presentPlatform(webhook) } }
    case 'PATCH': {
      const input = readWebhookInput('platform-update', body)
      const scope: Scope = isProjectScoped(webhook) ? 'project' : 'phone_number'
      const saved = saveWebhook(context, { api: 'platform', scope, scopeId: webhook.scopeId, input, before: webhook })
      return { status: 200, body: { data: presentPlatform(saved) } }
    }
    case 'DELETE':
      context.store.delete(webhook.id)
      return { status: 204 }
  }
  throw new ApiError(405, 'Method not allowed')
}

/** Any Platform API webhook of the project, number-scoped or not. */
function findWebhook(context: RouteContext, rawId: string | undefined): StoredWebhook {
  const webhook = context.store.get(decodeURIComponent(rawId ?? ''))
  if (!webhook || webhook.api !== 'platform') throw new ApiError(404, 'WhatsApp webhook not found')
  return webhook
}

const created = (webhook: StoredWebhook): Answer => ({ status: 201, body: { data: presentPlatform(webhook) } })

function listPlatform(
  context: RouteContext,
  path: string,
  query: URLSearchParams,
  specs: Record<string, QuerySpec>,
  inScope: (w: StoredWebhook) => boolean
): Answer {
  const params = readQuery(query, specs)
  const kind = context.settings.lies.ignoreKindFilter ? undefined : params.kind
  // V1SPEC url_contains: "Filter by URL substring": of the stored URL, case and all.
  const found = newestFirst(context.store.listed('platform'))
    .filter(inScope)
    .filter((w) => kind === undefined || w.kind === kind)
    .filter((w) => params.url_contains === undefined || w.url.includes(params.url_contains as string))
    .filter((w) => params.active === undefined || w.active === params.active)
    .filter((w) => params.created_after === undefined || Date.parse(w.created_at) > (params.created_after as number))
    .filter((w) => params.created_before === undefined || Date.parse(w.created_at) < (params.created_before as number))
  const page = offsetPage(found, params.page as number, params.per_page as number, presentPlatform)
  return { status: 200, body: page, headers: pagingHeaders(`${context.apiUrl('platform')}${path}`, query, page.meta) }
}

/** X-Total, X-Total-Pages, X-Per-Page, X-Page and an RFC 5988 Link header, as the spec lists them. */
function pagingHeaders(url: string, query: URLSearchParams, meta: Record<string, number>): Record<string, string> {
  const { page = 1, per_page: perPage = 20, total_pages: last = 1, total_count: total = 0 } = meta
  const link = (to: number, rel: string): string => {
    const params = new URLSearchParams(query)
    params.set('page', String(to))
    params.set('per_page', String(perPage))
    return `<${url}?${params}>; rel="${rel}"`
  }
  const links = [link(1, 'first')]
  if (page > 1) links.push(link(Math.min(page - 1, last), 'prev'))
  if (page < last) links.push(link(page + 1, 'next'))
  links.push(link(last, 'last'))
  return {
    'X-Total': String(total),
    'X-Total-Pages': String(last),
    'X-Per-Page': String(perPage),
    'X-Page': String(page),
    Link: links.join(', ')
  }
}

/** The Platform API's WhatsappWebhook: nulls for what does not apply (buffering off, no number, meta). */
export function presentPlatform(w: StoredWebhook): Record<string, unknown> {
  const buffering = w.buffer_enabled
  return {
    id: w.id,
    url: w.url,
    kind: w.kind,
    events: [...w.events],
    active: w.active,
    created_at: w.created_at,
    updated_at: w.updated_at,
    project_id: EMULATOR_PROJECT_ID,
    phone_number_id: isProjectScoped(w) ? null : w.scopeId,
    secret_key: w.secret_key === '' ? null : w.secret_key,
    headers: Object.keys(w.headers).length ? { ...w.headers } : null,
    buffer_enabled: buffering,
    buffer_window_seconds: buffering ? w.buffer_window_seconds : null,
    max_buffer_size: buffering ? w.max_buffer_size : null,
    buffer_events: buffering ? [...w.buffer_events] : [],
    inactivity_minutes: w.inactivity_minutes,
    payload_version: w.kind === 'meta' ? null : w.payload_version
  }
}
