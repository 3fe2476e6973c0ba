/**
 * A local, in-memory stand-in for Kapso's webhook API, both generations, on loopback HTTP (or HTTPS).
 *
 * It follows shared/kapso-api/NOTES.md and Kapso's published OpenAPI files: the legacy API under
 * /api/v1/whatsapp_configs/{uuid}/whatsapp_webhooks (legacy.ts) and the Platform API under /platform/v1
 * (platform.ts: phone-number and project webhooks; deliveries.ts: test deliveries that really reach the
 * webhook's URL, and the deliveries list), with Kapso's auth (401), unknown scopes (404), validation
 * (422 with {"error": …}), plan limits (402), paging, defaults and response shapes. Where it is stricter
 * than the schemas, each rule is one Kapso's prose states, listed in rules.ts.
 *
 * This module is the request plumbing (faults, lies, auth, routing; http.ts writes the answers), the
 * control endpoints and the public class; it re-exports what tests and scripts import from here.
 */
import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createServer as createHttpsServer, Server as HttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { DEFAULT_SETTINGS, type EmulatorSettings, type RouteContext } from './context.js'
import { DeliveryService, type StoredDelivery } from './deliveries.js'
import { FaultPlan, type ChaosOptions, type FaultRule } from './faults.js'
import { routeLegacy } from './legacy.js'
import { routePlatform } from './platform.js'
import { answerUnhandled, guard, readBody, send } from './http.js'
import {
  ApiError,
  EMULATOR_DEFAULTS,
  EMULATOR_PROJECT_ID,
  WebhookStore,
  type Answer,
  type Api,
  type StoredWebhook
} from './store.js'

export { DEFAULT_SETTINGS, type EmulatorSettings, type Lies } from './context.js'
export type { StoredDelivery } from './deliveries.js'
export { EVENT_CATALOG, KAPSO_EVENTS, PHONE_NUMBER_EVENTS, PROJECT_EVENTS } from './events.js'
export { seededRandom, type ChaosOptions, type Fault, type FaultRule } from './faults.js'
export { STRICTER_RULES, type StricterRule } from './rules.js'
export { defaultScopeId, EMULATOR_DEFAULTS, EMULATOR_PROJECT_ID, type Api, type StoredWebhook } from './store.js'

export interface EmulatorOptions extends Partial<EmulatorSettings> {
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

export interface RecordedRequest {
  api: Api | 'other'
  method: string
  /** Path relative to the API's base URL, e.g. /whatsapp_configs/…/whatsapp_webhooks. */
  path: string
  query: [string, string][]
  body: unknown
  status: number
  /** The JSON body answered (after any rewrite); undefined for a 204 or when no answer was sent. */
  responseBody?: unknown
  /** When the request arrived, and when its answer was sent or the connection dropped (Date.now()). */
  receivedAt: number
  answeredAt?: number
}

/** Where each API generation is served, as Kapso serves it. */
const BASES: Record<Api, string> = { legacy: '/api/v1', platform: '/platform/v1' }

export class KapsoEmulator {
  readonly requests: RecordedRequest[] = []
  /** How many faults were applied since the last reset. */
  faultsInjected = 0
  /** TCP connections accepted since the last reset: fewer than requests means keep-alive at work. */
  connections = 0
  /** API requests received and not yet answered (or dropped), now. */
  inFlight = 0
  /** The most API requests in flight at once since the last reset: the client's concurrency, as seen here. */
  maxInFlight = 0
  /** The only API key accepted. */
  readonly apiKey: string
  private readonly store = new WebhookStore()
  private readonly faults = new FaultPlan()
  private readonly delivery = new DeliveryService(() => this.context)
  private readonly scopes: Record<Api, Set<string>>
  private readonly initialSettings: EmulatorSettings
  private settings: EmulatorSettings

  private constructor(
    private readonly server: Server,
    options: EmulatorOptions
  ) {
    this.apiKey = options.apiKey ?? EMULATOR_DEFAULTS.apiKey
    this.scopes = {
      legacy: new Set(options.configIds ?? [EMULATOR_DEFAULTS.configId]),
      platform: new Set(options.phoneNumberIds ?? [EMULATOR_DEFAULTS.phoneNumberId])
    }
    this.initialSettings = {
      projectEventsPlan: options.projectEventsPlan ?? DEFAULT_SETTINGS.projectEventsPlan,
      receiverTimeoutMs: options.receiverTimeoutMs ?? DEFAULT_SETTINGS.receiverTimeoutMs,
      deliveryRetryDelaysMs: [...(options.deliveryRetryDelaysMs ?? DEFAULT_SETTINGS.deliveryRetryDelaysMs)],
      deliveryTimeScale: options.deliveryTimeScale ?? DEFAULT_SETTINGS.deliveryTimeScale,
      deliveryCa: options.deliveryCa,
      deliveryHosts: options.deliveryHosts,
      listLagMs: options.listLagMs ?? DEFAULT_SETTINGS.listLagMs,
      lies: options.lies ?? DEFAULT_SETTINGS.lies
    }
    checkSettings(this.initialSettings)
    this.settings = cloneSettings(this.initialSettings)
  }

  static async start(options: EmulatorOptions = {}): Promise<KapsoEmulator> {
    const server = options.tls ? createHttpsServer(options.tls) : createServer()
    const emulator = new KapsoEmulator(server, options)
    server.on('connection', () => emulator.connections++)
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
    return `${this.origin}${BASES[api]}`
  }

  /** The webhooks held, oldest first; optionally only one scope's (a project-scoped webhook's scope is EMULATOR_PROJECT_ID). */
  webhooks(api?: Api, scopeId?: string): StoredWebhook[] {
    return this.store.all(api, scopeId)
  }

  /** Requests that would change state (create, update, delete, test). */
  writes(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET')
  }

  /** Every delivery made by a test request, oldest first, with the exact body and headers sent. */
  deliveries(): StoredDelivery[] {
    return this.delivery.all()
  }

  /** Resolves once no delivery is in flight or waiting for a retry. */
  settleDeliveries(): Promise<void> {
    return this.delivery.settled()
  }

  /** Puts a webhook in place as if someone had created it earlier; fields not given take Kapso's defaults. No rule is checked. */
  seed(
    api: Api,
    scopeId: string,
    fields: Partial<Omit<StoredWebhook, 'id' | 'api' | 'scopeId'>> & { url: string }
  ): StoredWebhook {
    const events = scopeId === EMULATOR_PROJECT_ID ? ['whatsapp.phone_number.created'] : ['whatsapp.message.received']
    return this.store.put({
      ...this.store.blank(api, scopeId),
      secret_key: `seeded-${randomUUID()}`,
      events,
      ...fields
    })
  }

  /** Applies the fault to the next API request that matches the rule. Rules are used in order, once each. */
  inject(rule: FaultRule): void {
    this.faults.add(rule)
  }

  /** From now on, each API request gets a random fault with the given chance; `undefined` stops it. */
  chaos(options: ChaosOptions | undefined): void {
    this.faults.chaos(options)
  }

  /** Changes settings (plan, delivery timeout, retries and time scale, trusted CA, list lag, lies) until the next reset(). */
  configure(settings: Partial<EmulatorSettings>): void {
    checkSettings(settings)
    Object.assign(this.settings, settings)
  }

  /** Forgets webhooks, deliveries, requests, faults and counts, and restores the settings given to start(). */
  reset(): void {
    this.store.clear()
    this.delivery.clear()
    this.requests.length = 0
    this.faults.clear()
    this.faultsInjected = 0
    this.connections = 0
    this.maxInFlight = this.inFlight
    this.settings = cloneSettings(this.initialSettings)
  }

  async close(): Promise<void> {
    this.delivery.clear()
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  private get context(): RouteContext {
    return {
      store: this.store,
      settings: this.settings,
      scopes: this.scopes,
      deliveries: this.delivery,
      apiUrl: (api) => this.apiUrl(api)
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://emulator')
    const raw = await readBody(req)
    let clientGone = false
    res.on('close', () => (clientGone = !res.writableFinished))
    const record: RecordedRequest = {
      api: 'other',
      method: req.method ?? 'GET',
      path: url.pathname,
      query: [...url.searchParams],
      body: undefined,
      status: 0,
      receivedAt: Date.now()
    }
    const base = (Object.entries(BASES) as [Api, string][]).find(([, prefix]) => url.pathname.startsWith(`${prefix}/`))
    if (url.pathname.startsWith('/_emulator/') || !base) {
      send(
        res,
        guard(() => this.control(record.method, url.pathname))
      )
      return
    }
    record.api = base[0]
    record.path = url.pathname.slice(base[1].length)
    this.requests.push(record)
    this.inFlight++
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight)
    res.on('close', () => {
      this.inFlight--
      record.answeredAt = Date.now()
    })
    const fault = this.faults.take(record.method, record.path)
    if (fault) this.faultsInjected++
    if (fault && answerUnhandled(fault, req, res, record)) return
    const hold = (fault?.kind === 'delay' ? fault.ms : 0) + (this.settings.lies.latencyMs ?? 0)
    if (hold > 0) {
      await new Promise((resolve) => setTimeout(resolve, hold))
      if (clientGone || req.socket.destroyed) return
    }
    const answer = guard(() => this.route(base[0], record, url.searchParams, raw, req.headers['x-api-key']))
    if (fault?.kind === 'reset-after') {
      record.status = answer.status
      req.socket.destroy()
      return
    }
    if (fault?.kind === 'rewrite' && answer.status !== 204) answer.body = fault.body(answer.body)
    if (fault?.kind === 'status-after')
      Object.assign(answer, { status: fault.status, body: fault.body ?? { error: 'Bad Gateway' }, headers: undefined })
    record.status = answer.status
    record.responseBody = answer.body
    send(res, answer, fault?.kind === 'malformed')
  }

  private route(
    api: Api,
    record: RecordedRequest,
    query: URLSearchParams,
    raw: string,
    apiKey: string | string[] | undefined
  ): Answer {
    if (raw !== '') {
      try {
        record.body = JSON.parse(raw)
      } catch {
        record.body = raw
        throw new ApiError(400, 'Invalid JSON in request body')
      }
    }
    if (apiKey !== this.apiKey) throw new ApiError(401, 'Invalid or missing API key')
    const request = { method: record.method, path: record.path, query, body: record.body }
    return api === 'legacy' ? routeLegacy(this.context, request) : routePlatform(this.context, request)
  }

  /** Out-of-process helpers for workflows and the demo: look at and clear the state. */
  private control(method: string, path: string): Answer {
    if (method === 'GET' && path === '/_emulator/webhooks') return { status: 200, body: { data: this.webhooks() } }
    if (method === 'GET' && path === '/_emulator/requests') return { status: 200, body: { data: this.requests } }
    if (method === 'GET' && path === '/_emulator/deliveries') return { status: 200, body: { data: this.deliveries() } }
    if (method === 'POST' && path === '/_emulator/reset') {
      this.reset()
      return { status: 204 }
    }
    throw new ApiError(404, 'Not found')
  }
}

/** Refuses settings under which deliveries could not be scheduled, rather than retrying at odd times. */
function checkSettings(settings: Partial<EmulatorSettings>): void {
  const { deliveryTimeScale: scale, deliveryRetryDelaysMs: delays } = settings
  if (scale !== undefined && !(Number.isFinite(scale) && scale >= 0))
    throw new RangeError(`deliveryTimeScale must be a finite number ≥ 0, not ${scale}`)
  if (delays?.some((ms) => !(Number.isFinite(ms) && ms >= 0)))
    throw new RangeError(`deliveryRetryDelaysMs must hold finite numbers ≥ 0, not ${delays.join(', ')}`)
  const lag = settings.listLagMs
  if (lag !== undefined && !(Number.isFinite(lag) && lag >= 0))
    throw new RangeError(`listLagMs must be a finite number ≥ 0, not ${lag}`)
}

function cloneSettings(settings: EmulatorSettings): EmulatorSettings {
  return {
    ...settings,
    deliveryRetryDelaysMs: [...settings.deliveryRetryDelaysMs],
    ...(settings.deliveryHosts && { deliveryHosts: { ...settings.deliveryHosts } }),
    lies: { ...settings.lies }
  }
}
