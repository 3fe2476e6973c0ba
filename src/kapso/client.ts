import * as core from '@actions/core'
import { KapsoError, kapsoMessage, StatusError, Transport, type Reply, type RequestSpec } from './transport.js'

export { KapsoError } from './transport.js'

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

type ClientRequest = Omit<RequestSpec, 'url'> & { path: string }

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

export interface ClientOptions {
  apiUrl: string
  scope: Scope
}

const PER_PAGE = 100
const MAX_PAGES = 1000

/**
 * Kapso's webhook API for one scope, on either API generation. Every webhook read back has its
 * secret masked before this returns it; no response body is ever logged.
 */
export class KapsoClient {
  private readonly base: string

  constructor(
    private readonly options: ClientOptions,
    private readonly transport: Transport
  ) {
    const { scope, apiUrl } = options
    this.base =
      scope.kind === 'legacy'
        ? `${apiUrl}/whatsapp_configs/${encodeURIComponent(scope.id)}/whatsapp_webhooks`
        : `${apiUrl}/whatsapp/phone_numbers/${encodeURIComponent(scope.id)}/webhooks`
  }

  /** Every webhook of the scope whose URL is exactly `url`, most recent first, reading every page. */
  async findByUrl(url: string): Promise<Webhook[]> {
    return (await this.list(url)).filter((webhook) => webhook.url === url)
  }

  /** Every kapso-kind webhook of the scope, most recent first, reading every page. */
  async listAll(): Promise<Webhook[]> {
    return this.list()
  }

  /** Reads every page of the scope's webhooks, with Kapso's "URL contains" filter when given. */
  private async list(urlContains?: string): Promise<Webhook[]> {
    const found: Webhook[] = []
    const doing = urlContains === undefined ? `listing the webhooks of ${this.options.scope.input} ${this.options.scope.id}` : `listing webhooks with url ${urlContains}`
    for (let page = 1; page <= MAX_PAGES; page++) {
      const query = new URLSearchParams({ page: String(page), per_page: String(PER_PAGE) })
      if (this.options.scope.kind === 'legacy') {
        if (urlContains !== undefined) query.set('q[url_cont]', urlContains)
      } else {
        if (urlContains !== undefined) query.set('url_contains', urlContains)
        query.set('kind', 'kapso')
      }
      const { body } = await this.send({ method: 'GET', path: `?${query}`, doing })
      const data = Array.isArray(body?.data) ? (body.data as unknown[]) : []
      for (const item of data) {
        const webhook = this.accept(item)
        if (webhook) found.push(webhook)
      }
      const totalPages = Number((body?.meta as Record<string, unknown> | undefined)?.total_pages)
      const more = Number.isFinite(totalPages) ? page < totalPages : data.length >= PER_PAGE
      if (!more) return sortNewestFirst(found)
    }
    throw new KapsoError(`Kapso listed more than ${MAX_PAGES} pages of webhooks while ${doing}; stopped reading.`)
  }

  /** The webhook with this id, or undefined when the scope has none such. */
  async get(id: string): Promise<Webhook | undefined> {
    const reply = await this.sendOrAbsent({ method: 'GET', path: `/${encodeURIComponent(id)}`, doing: `reading webhook ${id}` })
    return reply && this.acceptData(reply.body, `reading webhook ${id}`)
  }

  /**
   * Creates a webhook. When an attempt's outcome is unknown (reset, timeout, 5xx), the scope is searched
   * for a webhook with this URL that is not among `existingIds` before anything is sent again: found, the
   * lost attempt made it, and it is adopted.
   */
  async create(fields: WebhookFields, existingIds: readonly string[]): Promise<Webhook> {
    const doing = `creating a webhook for ${fields.url}`
    const reconcile = async (): Promise<Webhook | undefined> =>
      (await this.findByUrl(fields.url as string)).find((webhook) => !existingIds.includes(webhook.id))
    const { body } = await this.send({ method: 'POST', path: '', payload: { whatsapp_webhook: fields }, doing, reconcile })
    return this.acceptData(body, doing)
  }

  async update(id: string, fields: WebhookFields): Promise<Webhook> {
    const doing = `updating webhook ${id}`
    const reply = await this.sendOrAbsent({ method: 'PATCH', path: `/${encodeURIComponent(id)}`, payload: { whatsapp_webhook: fields }, doing })
    if (!reply) throw new KapsoError(`Webhook ${id} was not found while ${doing}: it was deleted meanwhile. Re-run to create it again.`, 404)
    return this.acceptData(reply.body, doing)
  }

  /** Deletes the webhook; false when it was already gone. */
  async remove(id: string): Promise<boolean> {
    return (await this.sendOrAbsent({ method: 'DELETE', path: `/${encodeURIComponent(id)}`, doing: `deleting webhook ${id}` })) !== undefined
  }

  /**
   * A request on one webhook. A 404 there means either "no such webhook" or "no such scope": one list
   * request tells which, so an unknown scope is never mistaken for an absent webhook.
   */
  private async sendOrAbsent(request: ClientRequest): Promise<Reply | undefined> {
    try {
      return await this.send(request)
    } catch (error) {
      if (!(error instanceof KapsoError) || error.status !== 404) throw error
      await this.send({ method: 'GET', path: '?page=1&per_page=1', doing: `checking ${this.options.scope.input} ${this.options.scope.id}` })
      return undefined
    }
  }

  private async send(request: ClientRequest): Promise<Reply> {
    const { path, ...spec } = request
    try {
      return await this.transport.request({ ...spec, url: `${this.base}${path}` })
    } catch (error) {
      if (error instanceof StatusError) throw new KapsoError(this.describe(error.status, error.body, request.doing), error.status)
      throw error
    }
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
