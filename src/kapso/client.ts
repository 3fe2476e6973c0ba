import * as core from '@actions/core'
import { HttpClient } from '@actions/http-client'

/** Where the webhooks live: a legacy WhatsApp configuration, or a Platform API phone number. */
export interface Scope {
  kind: 'legacy' | 'platform'
  id: string
  /** The input that named this scope, for messages. */
  input: 'whatsapp-config-id' | 'phone-number-id'
}

/** The fields of a webhook as Kapso's request bodies name them (the `whatsapp_webhook` object). */
export interface WebhookFields {
  url?: string
  secret_key?: string
  events?: string[]
  active?: boolean
  headers?: Record<string, string>
  buffer_enabled?: boolean
  buffer_window_seconds?: number
  max_buffer_size?: number
  buffer_events?: string[]
  inactivity_minutes?: number
}

/** A webhook as Kapso returns it. The Platform API sends null for unused fields; both add fields of their own. */
export interface Webhook {
  id: string
  url: string
  secret_key?: string | null
  events?: string[] | null
  active?: boolean | null
  headers?: Record<string, string> | null
  buffer_enabled?: boolean | null
  buffer_window_seconds?: number | null
  max_buffer_size?: number | null
  buffer_events?: string[] | null
  inactivity_minutes?: number | null
  kind?: string | null
  created_at?: string | null
  [other: string]: unknown
}

/** Kapso answered with an error status; `message` is what a user can act on. */
export class KapsoError extends Error {
  constructor(
    message: string,
    readonly status?: number
  ) {
    super(message)
    this.name = 'KapsoError'
  }
}

export interface ClientOptions {
  apiUrl: string
  apiKey: string
  scope: Scope
  userAgent?: string
  timeoutMs?: number
}

const PER_PAGE = 100
const MAX_PAGES = 1000
const MAX_MESSAGE_LENGTH = 500

/**
 * Kapso's webhook API for one scope, on either API generation. Every webhook read back has its
 * secret masked before this returns it; no response body is ever logged.
 */
export class KapsoClient {
  private readonly http: HttpClient
  private readonly base: string

  constructor(private readonly options: ClientOptions) {
    const { scope, apiUrl } = options
    this.base =
      scope.kind === 'legacy'
        ? `${apiUrl}/whatsapp_configs/${encodeURIComponent(scope.id)}/whatsapp_webhooks`
        : `${apiUrl}/whatsapp/phone_numbers/${encodeURIComponent(scope.id)}/webhooks`
    // No redirects: following one to another host would hand it the X-API-Key header.
    this.http = new HttpClient(options.userAgent ?? 'kapso-webhook-action', [], {
      allowRedirects: false,
      allowRetries: false,
      socketTimeout: options.timeoutMs ?? 30_000,
      headers: { 'X-API-Key': options.apiKey, Accept: 'application/json' }
    })
  }

  /** Every webhook of the scope whose URL is exactly `url`, most recent first, reading every page. */
  async findByUrl(url: string): Promise<Webhook[]> {
    const found: Webhook[] = []
    for (let page = 1; page <= MAX_PAGES; page++) {
      const query = new URLSearchParams({ page: String(page), per_page: String(PER_PAGE) })
      if (this.options.scope.kind === 'legacy') query.set('q[url_cont]', url)
      else {
        query.set('url_contains', url)
        query.set('kind', 'kapso')
      }
      const body = await this.send('GET', `?${query}`, undefined, `listing webhooks with url ${url}`)
      const data = Array.isArray(body?.data) ? (body.data as unknown[]) : []
      for (const item of data) {
        const webhook = this.accept(item)
        if (webhook?.url === url) found.push(webhook)
      }
      const totalPages = Number((body?.meta as Record<string, unknown> | undefined)?.total_pages)
      const more = Number.isFinite(totalPages) ? page < totalPages : data.length >= PER_PAGE
      if (!more) return sortNewestFirst(found)
    }
    throw new KapsoError(`Kapso listed more than ${MAX_PAGES} pages of webhooks for ${url}; stopped reading.`)
  }

  /** The webhook with this id, or undefined when the scope has none such. */
  async get(id: string): Promise<Webhook | undefined> {
    const body = await this.sendOrAbsent('GET', `/${encodeURIComponent(id)}`, undefined, `reading webhook ${id}`)
    return body === undefined ? undefined : this.acceptData(body, `reading webhook ${id}`)
  }

  async create(fields: WebhookFields): Promise<Webhook> {
    const doing = `creating a webhook for ${fields.url}`
    return this.acceptData(await this.send('POST', '', { whatsapp_webhook: fields }, doing), doing)
  }

  async update(id: string, fields: WebhookFields): Promise<Webhook> {
    const doing = `updating webhook ${id}`
    const body = await this.sendOrAbsent('PATCH', `/${encodeURIComponent(id)}`, { whatsapp_webhook: fields }, doing)
    if (body === undefined) throw new KapsoError(`Webhook ${id} was not found while ${doing}: it was deleted meanwhile. Re-run to create it again.`, 404)
    return this.acceptData(body, doing)
  }

  /** Deletes the webhook; false when it was already gone. */
  async remove(id: string): Promise<boolean> {
    const body = await this.sendOrAbsent('DELETE', `/${encodeURIComponent(id)}`, undefined, `deleting webhook ${id}`)
    return body !== undefined
  }

  /**
   * A request on one webhook. A 404 there means either "no such webhook" or "no such scope": one list
   * request tells which, so an unknown scope is never mistaken for an absent webhook.
   */
  private async sendOrAbsent(method: string, path: string, payload: unknown, doing: string): Promise<Record<string, unknown> | null | undefined> {
    try {
      return await this.send(method, path, payload, doing)
    } catch (error) {
      if (!(error instanceof KapsoError) || error.status !== 404) throw error
      await this.send('GET', '?page=1&per_page=1', undefined, `checking ${this.options.scope.input} ${this.options.scope.id}`)
      return undefined
    }
  }

  private async send(method: string, path: string, payload: unknown, doing: string): Promise<Record<string, unknown> | null> {
    const target = `${this.base}${path}`
    const started = Date.now()
    let status: number
    let text: string
    try {
      const response = await this.http.request(
        method,
        target,
        payload === undefined ? null : JSON.stringify(payload),
        payload === undefined ? {} : { 'Content-Type': 'application/json' }
      )
      status = response.message.statusCode ?? 0
      text = await response.readBody()
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message
      throw new KapsoError(`Could not reach Kapso at ${new URL(target).host} while ${doing}: ${clean(String(code))}. Check api-url and the runner's network.`)
    }
    // Path and status only: bodies carry secret_key, headers carry the API key.
    core.debug(`${method} ${new URL(target).pathname} -> ${status} (${Date.now() - started} ms)`)
    const body = parseJson(text)
    if (status >= 200 && status < 300) return body
    throw new KapsoError(this.describe(status, body, doing), status)
  }

  private describe(status: number, body: Record<string, unknown> | null, doing: string): string {
    const said = kapsoMessage(body)
    const quote = said ? ` Kapso said: ${said}` : ''
    const { scope } = this.options
    switch (status) {
      case 401:
        return `Kapso rejected the API key (HTTP 401) while ${doing}. Check the api-key input: it must be a current Kapso project API key.${quote}`
      case 403:
        return `Kapso refused access (HTTP 403) while ${doing}: the API key's project cannot use ${scope.input} ${scope.id}.${quote}`
      case 404:
        return scope.kind === 'legacy'
          ? `Kapso has no WhatsApp configuration ${scope.id} for this API key (HTTP 404) while ${doing}. Check whatsapp-config-id: it is the configuration's UUID in Kapso.${quote}`
          : `Kapso has no phone number ${scope.id} for this API key (HTTP 404) while ${doing}. Check phone-number-id: it is Meta's phone number id (digits), not Kapso's configuration UUID.${quote}`
      case 422:
        return `Kapso refused ${doing} (HTTP 422): ${said || 'no reason given'}`
      default:
        return status >= 300 && status < 400
          ? `Kapso answered with a redirect (HTTP ${status}) while ${doing}; redirects are not followed, so that the API key goes nowhere else. Check api-url.`
          : `Kapso answered HTTP ${status} while ${doing}.${quote}`
    }
  }

  private acceptData(body: Record<string, unknown> | null, doing: string): Webhook {
    const webhook = this.accept(body?.data)
    if (!webhook) throw new KapsoError(`Kapso's answer while ${doing} holds no webhook; nothing was changed by this step after it.`)
    return webhook
  }

  /** Takes a webhook object from a response, masking its secret before anything can print it. */
  private accept(item: unknown): Webhook | undefined {
    if (typeof item !== 'object' || item === null) return undefined
    const webhook = item as Webhook
    if (typeof webhook.secret_key === 'string' && webhook.secret_key) core.setSecret(webhook.secret_key)
    if (typeof webhook.id !== 'string' || typeof webhook.url !== 'string') return undefined
    return webhook
  }
}

function sortNewestFirst(webhooks: Webhook[]): Webhook[] {
  const time = (w: Webhook): number => Date.parse(w.created_at ?? '') || 0
  return [...webhooks].sort((a, b) => time(b) - time(a))
}

function parseJson(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null
  } catch {
    return null
  }
}

/** Kapso's error text, wherever this body keeps it: `error`, `error.message`, `message` or `detail`. */
function kapsoMessage(body: Record<string, unknown> | null): string {
  if (!body) return ''
  const error = body.error
  const parts = [
    typeof error === 'string' ? error : (error as Record<string, unknown> | undefined)?.message,
    body.message,
    body.detail
  ].filter((part): part is string => typeof part === 'string' && part !== '')
  return clean([...new Set(parts)].join(': '))
}

/** Text from the network made safe for one log line. */
function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\x00-\x1f\x7f]+/g, ' ').trim()
  return flat.length > MAX_MESSAGE_LENGTH ? `${flat.slice(0, MAX_MESSAGE_LENGTH)}...` : flat
}
