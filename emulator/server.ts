/**
 * A local, in-memory stand-in for Kapso's webhook API, both generations, on loopback HTTP.
 *
 * It follows shared/kapso-api/NOTES.md: the legacy API under /api/v1/whatsapp_configs/{uuid}/whatsapp_webhooks
 * and the Platform API under /platform/v1/whatsapp/phone_numbers/{id}/webhooks, with Kapso's auth (401),
 * unknown scopes (404), validation (422 with {"error": …}), paging ({data, meta}), defaults and response
 * shapes (the Platform API's nulls for unused buffer fields). Where Kapso's behaviour is unknown it is
 * stricter than Kapso is likely to be (unknown fields and query parameters are refused, URLs must be
 * https), so that a request Kapso might reject fails here first.
 */
import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createServer as createHttpsServer, Server as HttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'

export type Api = 'legacy' | 'platform'

export interface EmulatorOptions {
  /** The only API key accepted. */
  apiKey?: string
  /** Legacy WhatsApp configuration UUIDs that exist. */
  configIds?: string[]
  /** Platform API phone number ids (Meta's) that exist. */
  phoneNumberIds?: string[]
  host?: string
  port?: number
  /** Serve HTTPS with this key and certificate (PEM) instead of HTTP. */
  tls?: { key: string; cert: string }
}

/** A webhook as the emulator keeps it: every field with a value, as Kapso stores it. */
export interface StoredWebhook {
  id: string
  api: Api
  scopeId: string
  url: string
  secret_key: string
  events: string[]
  active: boolean
  headers: Record<string, string>
  buffer_enabled: boolean
  buffer_window_seconds: number
  max_buffer_size: number
  buffer_events: string[]
  inactivity_minutes: number
  kind: 'kapso' | 'meta'
  payload_version: string
  created_at: string
  updated_at: string
}

/** What can go wrong with one request, as a network or Kapso's front end might make it go wrong. */
export type Fault =
  /** This answer instead of the real one; nothing is handled. */
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  /** An HTML error page from a proxy (502 unless given); nothing is handled. */
  | { kind: 'html'; status?: number }
  /** Handled, then answered with the real status and a truncated JSON body. */
  | { kind: 'malformed' }
  /** The connection is dropped before the request is handled. */
  | { kind: 'reset-before' }
  /** Handled (the change is committed), then the connection is dropped before any answer. */
  | { kind: 'reset-after' }
  /** Held for `ms` before handling; dropped unhandled if the client gives up first, as a hung upstream would. */
  | { kind: 'delay'; ms: number }

/** A fault for the next API request that matches. */
export interface FaultRule {
  /** Only requests with this method (default: any). */
  method?: string
  /** Only requests whose API-relative path matches (default: any). */
  path?: RegExp
  fault: Fault
}

/** Random faults on random requests, reproducible from the seed. */
export interface ChaosOptions {
  /** Chance that a request gets a fault, 0 to 1. */
  rate: number
  seed: number
  faults: Fault[]
}

export interface RecordedRequest {
  api: Api | 'other'
  method: string
  /** Path relative to the API's base URL, e.g. /whatsapp_configs/…/whatsapp_webhooks. */
  path: string
  query: [string, string][]
  body: unknown
  status: number
}

export const EMULATOR_DEFAULTS = {
  apiKey: 'kapso-emulator-key',
  configId: '3f1c2b8e-7d4a-4c59-9e21-5b6f0a8d7c13',
  phoneNumberId: '106540352242922'
} as const

/** The scope that exists by default on each API generation. */
export function defaultScopeId(api: Api): string {
  return api === 'legacy' ? EMULATOR_DEFAULTS.configId : EMULATOR_DEFAULTS.phoneNumberId
}

export const EMULATOR_PROJECT_ID = '0c9a7e52-1b3d-4f6e-8a90-2d4c6b8e0f11'

// Kept apart from src/events.ts on purpose: the emulator stands for Kapso, and must not learn its rules
// from the code it tests.
const EVENTS = [
  'whatsapp.message.received',
  'whatsapp.message.sent',
  'whatsapp.message.delivered',
  'whatsapp.message.read',
  'whatsapp.message.failed',
  'whatsapp.conversation.created',
  'whatsapp.conversation.ended',
  'whatsapp.conversation.inactive'
]
const BUFFERABLE = ['whatsapp.message.received']
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const BASES: [Api, string][] = [
  ['legacy', '/api/v1'],
  ['platform', '/platform/v1']
]
const SCOPE_PATHS: Record<Api, RegExp> = {
  legacy: /^\/whatsapp_configs\/([^/]+)\/whatsapp_webhooks(?:\/([^/]+))?$/,
  platform: /^\/whatsapp\/phone_numbers\/([^/]+)\/webhooks(?:\/([^/]+))?$/
}
const LIST_QUERY: Record<Api, string[]> = {
  legacy: ['page', 'per_page', 'q[url_cont]', 'q[active_eq]'],
  platform: ['page', 'per_page', 'url_contains', 'kind', 'active', 'created_after', 'created_before']
}

/** A 4xx answer with Kapso's error body. */
class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string
  ) {
    super(message)
  }
}

export class KapsoEmulator {
  readonly requests: RecordedRequest[] = []
  /** How many faults were applied since the last reset. */
  faultsInjected = 0
  private readonly rules: FaultRule[] = []
  private chaosState?: { options: ChaosOptions; random: () => number }
  private readonly store = new Map<string, StoredWebhook>()
  private readonly apiKey: string
  private readonly scopes: Record<Api, Set<string>>
  private lastTime = 0

  private constructor(
    private readonly server: Server,
    options: EmulatorOptions
  ) {
    this.apiKey = options.apiKey ?? EMULATOR_DEFAULTS.apiKey
    this.scopes = {
      legacy: new Set(options.configIds ?? [EMULATOR_DEFAULTS.configId]),
      platform: new Set(options.phoneNumberIds ?? [EMULATOR_DEFAULTS.phoneNumberId])
    }
  }

  static async start(options: EmulatorOptions = {}): Promise<KapsoEmulator> {
    const server = options.tls ? createHttpsServer(options.tls) : createServer()
    const emulator = new KapsoEmulator(server, options)
    server.on('request', (req, res) => void emulator.handle(req, res))
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve)
    })
    return emulator
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port
  }

  /** http://host:port (https:// when serving TLS), the server's origin. */
  get origin(): string {
    const { address, port } = this.server.address() as AddressInfo
    const scheme = this.server instanceof HttpsServer ? 'https' : 'http'
    return `${scheme}://${address.includes(':') ? `[${address}]` : address}:${port}`
  }

  /** The api-url to give the action for each generation. */
  apiUrl(api: Api): string {
    return `${this.origin}${api === 'legacy' ? '/api/v1' : '/platform/v1'}`
  }

  /** The webhooks held, oldest first; optionally only one scope's. */
  webhooks(api?: Api, scopeId?: string): StoredWebhook[] {
    return [...this.store.values()].filter((w) => (!api || w.api === api) && (!scopeId || w.scopeId === scopeId))
  }

  /** Requests that would change state (create, update, delete). */
  writes(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET')
  }

  /** Puts a webhook in place as if someone had created it earlier; fields not given take Kapso's defaults. */
  seed(api: Api, scopeId: string, fields: Partial<Omit<StoredWebhook, 'id' | 'api' | 'scopeId'>> & { url: string }): StoredWebhook {
    const now = this.timestamp()
    const webhook: StoredWebhook = {
      ...this.defaults(api, scopeId),
      secret_key: `seeded-${randomUUID()}`,
      events: ['whatsapp.message.received'],
      created_at: now,
      updated_at: now,
      ...fields
    }
    this.store.set(webhook.id, webhook)
    return webhook
  }

  /** Applies the fault to the next API request that matches the rule. Rules are used in order, once each. */
  inject(rule: FaultRule): void {
    this.rules.push(rule)
  }

  /** From now on, each API request gets a random fault with the given chance; `undefined` stops it. */
  chaos(options: ChaosOptions | undefined): void {
    this.chaosState = options && { options, random: seededRandom(options.seed) }
  }

  reset(): void {
    this.store.clear()
    this.requests.length = 0
    this.rules.length = 0
    this.chaosState = undefined
    this.faultsInjected = 0
  }

  async close(): Promise<void> {
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://emulator')
    const raw = await readBody(req)
    let clientGone = false
    res.on('close', () => (clientGone = !res.writableFinished))
    const record: RecordedRequest = { api: 'other', method: req.method ?? 'GET', path: url.pathname, query: [...url.searchParams], body: undefined, status: 0 }
    let status = 500
    let payload: unknown
    let fault: Fault | undefined
    try {
      if (url.pathname.startsWith('/_emulator/')) {
        ;[status, payload] = this.control(record.method, url.pathname)
      } else {
        const base = BASES.find(([, prefix]) => url.pathname.startsWith(`${prefix}/`))
        if (!base) throw new ApiError(404, 'Not found')
        record.api = base[0]
        record.path = url.pathname.slice(base[1].length)
        this.requests.push(record)
        fault = this.takeFault(record)
        if (fault) this.faultsInjected++
        switch (fault?.kind) {
          case 'status':
            record.status = fault.status
            res.writeHead(fault.status, { 'Content-Type': 'application/json; charset=utf-8', ...fault.headers }).end(JSON.stringify(fault.body ?? {}))
            return
          case 'html':
            record.status = fault.status ?? 502
            res.writeHead(record.status, { 'Content-Type': 'text/html' }).end('<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>')
            return
          case 'reset-before':
            req.socket.destroy()
            return
          case 'delay':
            await new Promise((resolve) => setTimeout(resolve, fault?.kind === 'delay' ? fault.ms : 0))
            if (clientGone || req.socket.destroyed) return
        }
        if (raw !== '') {
          try {
            record.body = JSON.parse(raw)
          } catch {
            record.body = raw
            throw new ApiError(400, 'Invalid JSON in request body')
          }
        }
        if (req.headers['x-api-key'] !== this.apiKey) throw new ApiError(401, 'Invalid or missing API key')
        ;[status, payload] = this.route(base[0], record.method, record.path, url.searchParams, record.body)
      }
    } catch (error) {
      status = error instanceof ApiError ? error.status : 500
      payload = { error: error instanceof ApiError ? error.message : `Emulator fault: ${String(error)}` }
    }
    record.status = status
    if (fault?.kind === 'reset-after') {
      req.socket.destroy()
      return
    }
    const text = status === 204 ? '' : JSON.stringify(payload)
    if (status === 204) res.writeHead(204).end()
    else res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' }).end(fault?.kind === 'malformed' ? text.slice(0, Math.floor(text.length / 2)) : text)
  }

  private takeFault(request: RecordedRequest): Fault | undefined {
    const index = this.rules.findIndex((rule) => (!rule.method || rule.method === request.method) && (!rule.path || rule.path.test(request.path)))
    if (index !== -1) return this.rules.splice(index, 1)[0]?.fault
    const chaos = this.chaosState
    if (!chaos || chaos.random() >= chaos.options.rate) return undefined
    return chaos.options.faults[Math.floor(chaos.random() * chaos.options.faults.length)]
  }

  /** Out-of-process helpers for workflows and the demo: look at and clear the state. */
  private control(method: string, path: string): [number, unknown] {
    if (method === 'GET' && path === '/_emulator/webhooks') return [200, { data: this.webhooks() }]
    if (method === 'GET' && path === '/_emulator/requests') return [200, { data: this.requests }]
    if (method === 'POST' && path === '/_emulator/reset') {
      this.reset()
      return [204, undefined]
    }
    throw new ApiError(404, 'Not found')
  }

  private route(api: Api, method: string, path: string, query: URLSearchParams, body: unknown): [number, unknown] {
    const match = SCOPE_PATHS[api].exec(path)
    if (!match) throw new ApiError(404, 'Not found')
    const scopeId = decodeURIComponent(match[1] ?? '')
    const id = match[2] === undefined ? undefined : decodeURIComponent(match[2])
    if (!this.scopes[api].has(scopeId)) throw new ApiError(404, api === 'legacy' ? 'WhatsApp config not found' : 'Phone number not found')

    if (id === undefined) {
      if (method === 'GET') return [200, this.list(api, scopeId, query)]
      if (method === 'POST') return [201, { data: this.present(this.create(api, scopeId, body)) }]
      throw new ApiError(405, 'Method not allowed')
    }
    const webhook = UUID.test(id) ? this.store.get(id) : undefined
    if (!webhook || webhook.api !== api || webhook.scopeId !== scopeId) throw new ApiError(404, 'WhatsApp webhook not found')
    if (query.size > 0) throw new ApiError(400, `Unknown query parameter: ${[...query.keys()][0]}`)
    if (method === 'GET') return [200, { data: this.present(webhook) }]
    if (method === 'PATCH') return [200, { data: this.present(this.update(webhook, body)) }]
    if (method === 'DELETE') {
      this.store.delete(webhook.id)
      return [204, undefined]
    }
    throw new ApiError(405, 'Method not allowed')
  }

  private list(api: Api, scopeId: string, query: URLSearchParams): unknown {
    for (const key of query.keys()) {
      if (!LIST_QUERY[api].includes(key)) throw new ApiError(400, `Unknown query parameter: ${key}`)
    }
    const page = integerParam(query, 'page', 1, 1, Infinity)
    const perPage = integerParam(query, 'per_page', 20, 1, 100)
    const contains = query.get(api === 'legacy' ? 'q[url_cont]' : 'url_contains')
    const active = query.get(api === 'legacy' ? 'q[active_eq]' : 'active')
    const kind = query.get('kind')
    if (kind !== null && kind !== 'kapso' && kind !== 'meta') throw new ApiError(422, 'kind must be kapso or meta')
    const all = this.webhooks(api, scopeId)
      .filter((w) => contains === null || w.url.includes(contains))
      .filter((w) => active === null || String(w.active) === active)
      .filter((w) => kind === null || w.kind === kind)
      .reverse() // most recent first
    const totalPages = Math.max(1, Math.ceil(all.length / perPage))
    return {
      data: all.slice((page - 1) * perPage, page * perPage).map((w) => this.present(w)),
      meta: { page, per_page: perPage, total_pages: totalPages, total_count: all.length }
    }
  }

  private create(api: Api, scopeId: string, body: unknown): StoredWebhook {
    const fields = this.validate(api, body, false)
    for (const required of ['url', 'secret_key', 'events'] as const) {
      if (fields[required] === undefined) throw new ApiError(422, `${humanise(required)} can't be blank`)
    }
    const now = this.timestamp()
    const webhook: StoredWebhook = { ...this.defaults(api, scopeId), created_at: now, updated_at: now, ...fields } as StoredWebhook
    this.store.set(webhook.id, webhook)
    return webhook
  }

  private update(webhook: StoredWebhook, body: unknown): StoredWebhook {
    const fields = this.validate(webhook.api, body, true)
    if (fields.kind !== undefined && fields.kind !== webhook.kind) throw new ApiError(422, 'Kind cannot be changed after creation')
    Object.assign(webhook, fields, { updated_at: this.timestamp() })
    return webhook
  }

  private defaults(api: Api, scopeId: string): StoredWebhook {
    return {
      id: randomUUID(),
      api,
      scopeId,
      url: '',
      secret_key: '',
      events: [],
      active: true,
      headers: {},
      buffer_enabled: false,
      buffer_window_seconds: 5,
      max_buffer_size: 50,
      buffer_events: ['whatsapp.message.received'],
      inactivity_minutes: 60,
      kind: 'kapso',
      payload_version: 'v2',
      created_at: '',
      updated_at: ''
    }
  }

  /** The `whatsapp_webhook` object of a create or update, checked as Kapso documents it. */
  private validate(api: Api, body: unknown, partial: boolean): Partial<StoredWebhook> {
    if (!isObject(body) || !isObject(body.whatsapp_webhook)) throw new ApiError(422, 'param is missing or the value is empty: whatsapp_webhook')
    const extra = Object.keys(body).filter((key) => key !== 'whatsapp_webhook')
    if (extra.length) throw new ApiError(422, `Unknown parameter: ${extra[0]}`)
    const input = body.whatsapp_webhook
    const allowed = ['url', 'secret_key', 'events', 'active', 'headers', 'buffer_enabled', 'buffer_window_seconds', 'max_buffer_size', 'buffer_events', 'inactivity_minutes']
    if (api === 'platform') allowed.push('kind', 'payload_version')
    const out: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(input)) {
      if (!allowed.includes(key)) throw new ApiError(422, `Unknown attribute: ${key}`)
      // The Platform API takes null for its nullable fields: it means "leave as is" here.
      if (value === null && api === 'platform' && partial && key !== 'url' && key !== 'events') continue
      out[key] = checkField(key, value)
    }
    if (!partial && out.kind === 'meta') throw new ApiError(422, 'This emulator serves kapso-kind webhooks only')
    return out as Partial<StoredWebhook>
  }

  /** The webhook as each API returns it. */
  private present(w: StoredWebhook): Record<string, unknown> {
    const common = {
      id: w.id,
      url: w.url,
      secret_key: w.secret_key,
      events: [...w.events],
      active: w.active,
      headers: Object.keys(w.headers).length ? { ...w.headers } : null,
      buffer_enabled: w.buffer_enabled
    }
    if (w.api === 'legacy') {
      return {
        ...common,
        buffer_window_seconds: w.buffer_window_seconds,
        max_buffer_size: w.max_buffer_size,
        buffer_events: [...w.buffer_events],
        inactivity_minutes: w.inactivity_minutes,
        created_at: w.created_at,
        updated_at: w.updated_at
      }
    }
    // The Platform API nulls the buffer settings while buffering is off.
    return {
      ...common,
      kind: w.kind,
      buffer_window_seconds: w.buffer_enabled ? w.buffer_window_seconds : null,
      max_buffer_size: w.buffer_enabled ? w.max_buffer_size : null,
      buffer_events: w.buffer_enabled ? [...w.buffer_events] : [],
      inactivity_minutes: w.inactivity_minutes,
      payload_version: w.payload_version,
      phone_number_id: w.scopeId,
      project_id: EMULATOR_PROJECT_ID,
      created_at: w.created_at,
      updated_at: w.updated_at
    }
  }

  /** Strictly increasing timestamps, so that "most recent" is never a tie. */
  private timestamp(): string {
    this.lastTime = Math.max(Date.now(), this.lastTime + 1)
    return new Date(this.lastTime).toISOString()
  }
}

function checkField(key: string, value: unknown): unknown {
  const name = humanise(key)
  switch (key) {
    case 'url': {
      if (typeof value !== 'string' || value === '') throw new ApiError(422, `${name} can't be blank`)
      let parsed: URL
      try {
        parsed = new URL(value)
      } catch {
        throw new ApiError(422, `${name} is not a valid URL`)
      }
      if (parsed.protocol !== 'https:') throw new ApiError(422, `${name} must use https`)
      return value
    }
    case 'secret_key':
      if (typeof value !== 'string' || value === '') throw new ApiError(422, `${name} can't be blank`)
      return value
    case 'events':
      return eventList(name, value, EVENTS, false)
    case 'buffer_events':
      return eventList(name, value, BUFFERABLE, true)
    case 'active':
    case 'buffer_enabled':
      if (typeof value !== 'boolean') throw new ApiError(422, `${name} must be true or false`)
      return value
    case 'headers':
      if (!isObject(value) || Object.values(value).some((v) => typeof v !== 'string')) {
        throw new ApiError(422, `${name} must be an object of strings`)
      }
      return { ...value }
    case 'buffer_window_seconds':
      return integerField(name, value, 1, 60)
    case 'max_buffer_size':
      return integerField(name, value, 1, 100)
    case 'inactivity_minutes':
      return integerField(name, value, 1, 1440)
    case 'kind':
      if (value !== 'kapso' && value !== 'meta') throw new ApiError(422, `${name} must be kapso or meta`)
      return value
    case 'payload_version':
      if (value !== 'v1' && value !== 'v2') throw new ApiError(422, `${name} must be v1 or v2`)
      return value
  }
  return value
}

function eventList(name: string, value: unknown, allowed: string[], emptyOk: boolean): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw new ApiError(422, `${name} must be a list of event names`)
  if (!emptyOk && value.length === 0) throw new ApiError(422, `${name} can't be blank`)
  const unknown = value.find((v) => !allowed.includes(v as string))
  if (unknown !== undefined) throw new ApiError(422, `${name} includes an unsupported event: ${unknown}`)
  return [...(value as string[])]
}

function integerField(name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new ApiError(422, `${name} must be an integer`)
  if (value < min || value > max) throw new ApiError(422, `${name} must be between ${min} and ${max}`)
  return value
}

function integerParam(query: URLSearchParams, key: string, fallback: number, min: number, max: number): number {
  const raw = query.get(key)
  if (raw === null) return fallback
  const value = /^[0-9]+$/.test(raw) ? Number(raw) : NaN
  if (!(value >= min && value <= max)) throw new ApiError(422, `${key} must be an integer between ${min} and ${max}`)
  return value
}

/** mulberry32: a small seeded generator, so that a chaos run can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function humanise(key: string): string {
  const words = key.replace(/_/g, ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}
