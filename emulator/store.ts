/**
 * What the emulator holds: webhooks of both API generations, as Kapso stores them, and the few helpers
 * every route shares (Kapso's error answer, timestamps that never tie).
 */
import { randomUUID } from 'node:crypto'

export type Api = 'legacy' | 'platform'

/** A webhook as the emulator keeps it: every field with a value, as Kapso stores it. */
export interface StoredWebhook {
  id: string
  api: Api
  /**
   * Where the webhook lives: the WhatsApp config UUID (legacy), the phone number id (Platform API,
   * number-scoped), or the project id (Platform API, project-scoped: see `PROJECT_ID`).
   */
  scopeId: string
  url: string
  /** '' when the webhook has none (a project webhook created without one); the Platform API shows null. */
  secret_key: string
  events: string[]
  active: boolean
  /** As sent. The Platform API takes any JSON values here (its schema says so); they are kept as sent. */
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

export const EMULATOR_DEFAULTS = {
  apiKey: 'kapso-emulator-key',
  configId: '3f1c2b8e-7d4a-4c59-9e21-5b6f0a8d7c13',
  phoneNumberId: '106540352242922'
} as const

/** The one project behind the API key: every Platform API webhook belongs to it. */
export const EMULATOR_PROJECT_ID = '0c9a7e52-1b3d-4f6e-8a90-2d4c6b8e0f11'

/** The scope that exists by default on each API generation. */
export function defaultScopeId(api: Api): string {
  return api === 'legacy' ? EMULATOR_DEFAULTS.configId : EMULATOR_DEFAULTS.phoneNumberId
}

/** A Platform API webhook that belongs to the project rather than to one phone number. */
export function isProjectScoped(webhook: StoredWebhook): boolean {
  return webhook.api === 'platform' && webhook.scopeId === EMULATOR_PROJECT_ID
}

/** An answer with Kapso's error body, `{"error": message}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string
  ) {
    super(message)
  }
}

/** What a route answers: a status, a JSON body (none for 204) and extra response headers. */
export interface Answer {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export class WebhookStore {
  private readonly byId = new Map<string, StoredWebhook>()
  /** Webhooks not yet in list answers (see EmulatorSettings.listLagMs): the time they show from. */
  private readonly listedFrom = new Map<string, number>()
  private lastTime = 0

  /** Oldest first; optionally only one generation's, or one scope's. */
  all(api?: Api, scopeId?: string): StoredWebhook[] {
    return [...this.byId.values()].filter((w) => (!api || w.api === api) && (!scopeId || w.scopeId === scopeId))
  }

  /** What a list answer sees: all() without the webhooks created too recently to be listed yet. */
  listed(api: Api, scopeId?: string, now = Date.now()): StoredWebhook[] {
    return this.all(api, scopeId).filter((w) => (this.listedFrom.get(w.id) ?? 0) <= now)
  }

  get(id: string): StoredWebhook | undefined {
    return UUID.test(id) ? this.byId.get(id) : undefined
  }

  /** Stores the webhook; with `unlistedForMs`, list answers show it only that long from now. */
  put(webhook: StoredWebhook, unlistedForMs = 0): StoredWebhook {
    this.byId.set(webhook.id, webhook)
    if (unlistedForMs > 0) this.listedFrom.set(webhook.id, Date.now() + unlistedForMs)
    return webhook
  }

  delete(id: string): void {
    this.byId.delete(id)
    this.listedFrom.delete(id)
  }

  clear(): void {
    this.byId.clear()
    this.listedFrom.clear()
  }

  /** Strictly increasing timestamps, so that "most recent" is never a tie. */
  timestamp(): string {
    this.lastTime = Math.max(Date.now(), this.lastTime + 1)
    return new Date(this.lastTime).toISOString()
  }

  /** A new webhook with Kapso's defaults (no url, secret or events yet). */
  blank(api: Api, scopeId: string): StoredWebhook {
    const now = this.timestamp()
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
      created_at: now,
      updated_at: now
    }
  }
}

/** `{data, meta}` offset paging over a list that is already in answer order. */
export function offsetPage<T, U>(
  items: T[],
  page: number,
  perPage: number,
  present: (item: T) => U
): { data: U[]; meta: Record<string, number> } {
  return {
    data: items.slice((page - 1) * perPage, page * perPage).map(present),
    meta: {
      page,
      per_page: perPage,
      total_pages: Math.max(1, Math.ceil(items.length / perPage)),
      total_count: items.length
    }
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** `buffer_window_seconds` → "Buffer window seconds", as Rails words a field in its messages. */
export function humanise(key: string): string {
  const words = key.replace(/_/g, ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}
