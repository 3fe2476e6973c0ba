/**
 * Webhook deliveries: POST /whatsapp/webhooks/{webhook_id}/test really POSTs a signed sample event to
 * the webhook's URL, after answering, and GET /webhook_deliveries lists what happened, as the Platform
 * API's spec and Kapso's delivery docs describe it (shared/kapso-api/NOTES.md §2.6, §2.7, §5). An attempt
 * that gets no 2xx is retried after settings.deliveryRetryDelaysMs (Kapso's 10, 40 and 90 s), each times
 * settings.deliveryTimeScale; the delivery stays pending until one gets a 2xx or the last one fails.
 */
import { createHash, createHmac, randomUUID } from 'node:crypto'
import { request as httpRequest, type ClientRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { rootCertificates } from 'node:tls'
import type { LookupFunction } from 'node:net'
import type { EmulatorSettings, RouteContext } from './context.js'
import { readQuery } from './fields.js'
import { enforceTestRules } from './rules.js'
import { conversationNumberOf, samplePayload } from './samples.js'
import { ApiError, EMULATOR_PROJECT_ID, isObject, isProjectScoped, type Answer, type StoredWebhook } from './store.js'

/** One delivery as the emulator records it: the spec's WebhookDelivery, plus what was sent. */
export interface StoredDelivery {
  id: string
  webhook_id: string
  webhook_url: string
  event: string
  status: 'pending' | 'delivered' | 'failed'
  /** The endpoint's answer to the last attempt; null when it gave none (refused, timed out, TLS failed). */
  response_status: number | null
  attempt_count: number
  created_at: string
  last_attempt_at: string | null
  delivered_at: string | null
  failed_at: string | null
  whatsapp_config_id: string | null
  phone_number_id: string | null
  conversation_phone_number: string | null
  /** The exact body sent (what the signature is over) and the headers sent with it. */
  request: { body: string; headers: Record<string, string> }
}

const PUBLIC_FIELDS = [
  'id',
  'event',
  'status',
  'response_status',
  'delivered_at',
  'failed_at',
  'last_attempt_at',
  'attempt_count',
  'created_at',
  'webhook_id',
  'webhook_url',
  'whatsapp_config_id',
  'phone_number_id',
  'conversation_phone_number'
] as const
const PERIODS: Record<string, number> = { '24h': 86_400_000, '7d': 7 * 86_400_000, '30d': 30 * 86_400_000 }

export class DeliveryService {
  private readonly records: StoredDelivery[] = []
  private readonly work = new Set<{ cancel: () => void }>()
  private waiters: (() => void)[] = []

  constructor(private readonly context: () => RouteContext) {}

  /** Every delivery, oldest first. */
  all(): StoredDelivery[] {
    return this.records.map((d) => ({ ...d, request: { ...d.request, headers: { ...d.request.headers } } }))
  }

  /** Resolves once no delivery attempt is in flight or waiting for a retry. */
  settled(): Promise<void> {
    return this.work.size === 0 ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve))
  }

  /** Forgets every delivery and drops attempts in flight or waiting. */
  clear(): void {
    for (const item of [...this.work]) item.cancel()
    this.work.clear()
    this.records.length = 0
    this.wake()
  }

  /**
   * POST /whatsapp/webhooks/{webhook_id}/test: answers at once, delivers after. `event_type` may come in
   * the JSON body (the spec) or the query (Kapso's own test.js sends `?event_type=…` with no body).
   */
  test(webhook: StoredWebhook, body: unknown, query: URLSearchParams): Answer {
    const asked = askedEventType(body, query)
    enforceTestRules({ webhook, eventType: asked })
    const event = asked ?? webhook.events[0] ?? 'whatsapp.message.received'
    const delivery = this.record(webhook, event)
    this.later(0, () => this.attempt(delivery))
    return { status: 200, body: { data: { success: true } } }
  }

  private record(webhook: StoredWebhook, event: string): StoredDelivery {
    const { store } = this.context()
    const id = randomUUID()
    const configId = isProjectScoped(webhook) ? null : configIdOf(webhook.scopeId)
    const now = store.timestamp()
    const body = JSON.stringify(
      samplePayload(event, webhook, { projectId: EMULATOR_PROJECT_ID, configId, uniqueId: id, now: new Date(now) })
    )
    const delivery: StoredDelivery = {
      id,
      webhook_id: webhook.id,
      webhook_url: webhook.url,
      event,
      status: 'pending',
      response_status: null,
      attempt_count: 0,
      created_at: now,
      last_attempt_at: null,
      delivered_at: null,
      failed_at: null,
      whatsapp_config_id: configId,
      phone_number_id: isProjectScoped(webhook) ? null : webhook.scopeId,
      conversation_phone_number: conversationNumberOf(event, webhook),
      request: { body, headers: deliveryHeaders(webhook, event, id, body) }
    }
    this.records.push(delivery)
    return delivery
  }

  private async attempt(delivery: StoredDelivery): Promise<void> {
    const { settings, store } = this.context()
    delivery.attempt_count++
    delivery.last_attempt_at = store.timestamp()
    const answer = await this.post(delivery, settings)
    if (!this.records.includes(delivery)) return
    delivery.response_status = answer
    // Read again: a test may have changed the settings while the attempt was in flight.
    const { deliveryRetryDelaysMs: delays, deliveryTimeScale: scale } = this.context().settings
    if (answer !== null && answer >= 200 && answer < 300) {
      delivery.status = 'delivered'
      delivery.delivered_at = store.timestamp()
    } else if (delivery.attempt_count <= delays.length) {
      delivery.status = 'pending'
      this.later((delays[delivery.attempt_count - 1] ?? 0) * scale, () => this.attempt(delivery))
    } else {
      delivery.status = 'failed'
      delivery.failed_at = store.timestamp()
    }
  }

  /** One POST of the delivery; resolves with the endpoint's status, or null when there was no answer in time. */
  private post(
    delivery: StoredDelivery,
    { receiverTimeoutMs: timeoutMs, deliveryCa: ca, deliveryHosts }: EmulatorSettings
  ): Promise<number | null> {
    const url = new URL(delivery.webhook_url)
    const send = url.protocol === 'http:' ? httpRequest : httpsRequest
    const route = deliveryHosts?.[url.host]
    const options = {
      method: 'POST',
      // Routed elsewhere, the request still names the webhook's host, without the port it is routed to.
      headers: route ? { ...delivery.request.headers, Host: url.host } : delivery.request.headers,
      agent: false as const,
      ...(ca ? { ca: [...rootCertificates, ...[ca].flat()] } : {}),
      ...hostRoute(route)
    }
    return new Promise((resolve) => {
      let req: ClientRequest
      try {
        req = send(url, options)
      } catch {
        resolve(null) // e.g. a custom header value Node will not send
        return
      }
      const item = { cancel: () => req.destroy() }
      const timer = setTimeout(() => req.destroy(), timeoutMs)
      let answered = false
      const finish = (status: number | null): void => {
        if (answered) return
        answered = true
        clearTimeout(timer)
        this.work.delete(item)
        resolve(status)
      }
      req.on('response', (res) => {
        res.resume()
        finish(res.statusCode ?? null)
      })
      req.on('error', () => finish(null))
      req.on('close', () => finish(null))
      this.work.add(item)
      req.end(delivery.request.body)
    })
  }

  private later(ms: number, run: () => Promise<void>): void {
    const timer = setTimeout(() => {
      this.work.delete(item)
      void run().finally(() => this.wake())
    }, ms)
    const item = { cancel: () => clearTimeout(timer) }
    this.work.add(item)
  }

  private wake(): void {
    if (this.work.size > 0) return
    const waiters = this.waiters
    this.waiters = []
    for (const resolve of waiters) resolve()
  }

  /** GET /webhook_deliveries: filtered, newest first, in cursor pages. */
  list(query: URLSearchParams): Answer {
    const params = readQuery(query, {
      status: { type: 'enum', values: ['pending', 'delivered', 'failed'] },
      event: { type: 'string' },
      webhook_id: { type: 'uuid' },
      errors_only: { type: 'boolean', default: false },
      period: { type: 'enum', values: Object.keys(PERIODS), default: '24h' },
      limit: { type: 'integer', min: 1, max: 100, default: 20 },
      before: { type: 'string' },
      after: { type: 'string' }
    })
    const since = Date.now() - (PERIODS[params.period as string] ?? 0)
    const found = [...this.records]
      .reverse()
      .filter((d) => params.status === undefined || d.status === params.status)
      .filter((d) => params.event === undefined || d.event === params.event)
      .filter((d) => params.webhook_id === undefined || d.webhook_id === params.webhook_id)
      .filter((d) => !params.errors_only || d.status === 'failed')
      .filter((d) => Date.parse(d.created_at) >= since)
    return {
      status: 200,
      body: cursorPage(found, params, `${this.context().apiUrl('platform')}/webhook_deliveries`, query)
    }
  }
}

/**
 * The `event_type` asked for, from the body or the query; undefined for Kapso's default test event. Given
 * in both with different values, the request is refused rather than one of them silently ignored: no
 * source says which one Kapso reads first. The same value in both is one request.
 */
function askedEventType(body: unknown, query: URLSearchParams): string | undefined {
  const input = body ?? {}
  if (!isObject(input)) throw new ApiError(422, 'Request body must be a JSON object')
  const inBody = input.event_type
  if (inBody !== undefined && inBody !== null && typeof inBody !== 'string')
    throw new ApiError(422, 'Event type must be a string')
  const given = [
    ...(typeof inBody === 'string' ? [['body', inBody]] : []),
    ...query.getAll('event_type').map((value) => ['query', value])
  ]
  const values = [...new Set(given.map(([, value]) => value))]
  if (values.length > 1) {
    throw new ApiError(
      422,
      `Event type is given more than once, with different values: ${given.map(([where, value]) => `${JSON.stringify(value)} (${where})`).join(', ')}`
    )
  }
  return values[0]
}

function cursorPage(
  found: StoredDelivery[],
  params: Record<string, unknown>,
  base: string,
  query: URLSearchParams
): unknown {
  const limit = params.limit as number
  const at = (cursor: unknown): number => {
    const index = found.findIndex((d) => d.id === Buffer.from(String(cursor), 'base64').toString('utf8'))
    if (index === -1) throw new ApiError(422, 'Invalid cursor')
    return index
  }
  const start =
    params.after !== undefined
      ? at(params.after) + 1
      : params.before !== undefined
        ? Math.max(0, at(params.before) - limit)
        : 0
  const end = params.after === undefined && params.before !== undefined ? at(params.before) : start + limit
  const page = found.slice(start, end)
  const cursor = (d: StoredDelivery | undefined): string | undefined => d && Buffer.from(d.id).toString('base64')
  const link = (key: 'after' | 'before', value: string | undefined): string | null => {
    if (value === undefined) return null
    const next = new URLSearchParams(query)
    next.delete('after')
    next.delete('before')
    next.set(key, value)
    return `${base}?${next}`
  }
  const first = cursor(page[0])
  const last = cursor(page[page.length - 1])
  return {
    data: page.map((d) => Object.fromEntries(PUBLIC_FIELDS.map((key) => [key, d[key]]))),
    paging: {
      cursors: { ...(first && { before: first }), ...(last && { after: last }) },
      next: start + page.length < found.length ? link('after', last) : null,
      previous: start > 0 ? link('before', first) : null
    }
  }
}

/** Kapso's delivery headers (NOTES §5), after the webhook's own custom headers so that those cannot replace them. */
function deliveryHeaders(
  webhook: StoredWebhook,
  event: string,
  deliveryId: string,
  body: string
): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(webhook.headers))
    headers[name] = typeof value === 'string' ? value : JSON.stringify(value)
  headers['Content-Type'] = 'application/json'
  headers['X-Webhook-Event'] = event
  if (webhook.kind === 'meta') {
    // "X-Idempotency-Key header (SHA256 hash of the payload)" for meta webhooks (DOCS-OVR).
    headers['X-Idempotency-Key'] = createHash('sha256').update(body).digest('hex')
  } else {
    headers['X-Idempotency-Key'] = deliveryId
    headers['X-Webhook-Payload-Version'] = webhook.payload_version
  }
  if (webhook.secret_key !== '')
    headers['X-Webhook-Signature'] = createHmac('sha256', webhook.secret_key).update(body).digest('hex')
  return headers
}

/**
 * Where a delivery to a host connects instead (deliveryHosts): its address and port, as a hosts file would
 * say. The request still names the host, and TLS still checks the certificate against it.
 */
function hostRoute(target: string | undefined): { port?: number; lookup?: LookupFunction } {
  if (!target) return {}
  const { hostname, port } = new URL(`http://${target}`)
  const address = hostname.replace(/^\[|\]$/g, '')
  const family = address.includes(':') ? 6 : 4
  const lookup = ((_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void): void => {
    if (options.all) callback(null, [{ address, family }])
    else callback(null, address, family)
  }) as LookupFunction
  return { port: Number(port) || undefined, lookup }
}

/** A stable Kapso config UUID for a phone number id (Kapso keeps both; NOTES §0). */
function configIdOf(phoneNumberId: string): string {
  const hex = createHash('sha256').update(`whatsapp-config:${phoneNumberId}`).digest('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}
