import { AnswerError } from '../boundary/parse.js'
import { parseWebhook, type Webhook, type WebhookFields, type WebhookKind } from '../boundary/kapso.js'
import { ActionError, StatusError } from '../errors.js'
import * as log from '../log.js'
import { StepTimeout, type Deadline } from '../deadline.js'
import { recordEntry } from '../ownership.js'
import type { Progress } from '../progress.js'
import { containsFilter, sameUrl } from '../urls.js'
import { PER_PAGE, readList } from './list.js'
import { lookAgain, type LookAgainPolicy } from './look-again.js'
import { refusal } from './refusal.js'
import { collectionUrl, describeScope, inScope, listQuery, scopeNotFound, type Scope } from './scope.js'
import type { Reply, RequestSpec, Transport } from './transport.js'

export interface ClientOptions {
  apiUrl: string
  /** Whether api-url is the default for the scope (a 404 then cannot be api-url's fault). */
  defaultApiUrl: boolean
  scope: Scope
  /** The only kind of webhook this step matches, changes or deletes. */
  kind: WebhookKind
  /** The step's deadline, checked after each page as well as before each request. */
  deadline?: Deadline
  /** How long, and how often, to look again for what a create made when a list does not show it yet. */
  lookAgain: LookAgainPolicy
  /** List pages in flight at once after the first (KAPSO_ACTION_CONCURRENCY); default 1. */
  concurrency?: number
  /** With scope project: list the project's list as it is, every phone number's webhooks too (a manifest's prune). */
  everyScope?: boolean
}

type ClientRequest = Omit<RequestSpec, 'url'> & { path: string }

/**
 * Kapso's webhook API for one scope, on any API generation. Every answer is parsed by boundary/kapso.ts
 * before it is used; every webhook it returns is of the step's kind and belongs to the scope, whatever
 * the server's filters let through.
 */
export class KapsoClient {
  private readonly base: string

  constructor(
    private readonly options: ClientOptions,
    private readonly transport: Transport,
    private readonly progress: Progress
  ) {
    this.base = collectionUrl(options.apiUrl, options.scope)
  }

  /** Every webhook of the scope with this URL (compared in normal form), most recent first. Their secrets are kept. */
  async findByUrl(url: string): Promise<Webhook[]> {
    const same = (webhook: Webhook): boolean => sameUrl(webhook.url, url)
    return (await this.list(`listing webhooks with url ${url}`, containsFilter(url), same)).filter(same)
  }

  /** Every webhook of the scope, most recent first; secrets only of those `keepSecret` picks. */
  async listAll(keepSecret: (webhook: Webhook) => boolean = () => false): Promise<Webhook[]> {
    return this.list(`listing the webhooks of ${describeScope(this.options.scope)}`, undefined, keepSecret)
  }

  /** Every page, read by list.ts, keeping the webhooks of the step's kind in the scope. */
  private list(
    doing: string,
    contains: string | undefined,
    keepSecret: (webhook: Webhook) => boolean
  ): Promise<Webhook[]> {
    const { scope, kind } = this.options
    return readList({
      doing,
      fetchPage: (page) =>
        this.send({ method: 'GET', path: `?${listQuery(scope, page, PER_PAGE, kind, contains)}`, doing }),
      keep: (webhook) => webhook.kind === kind && (this.options.everyScope === true || inScope(scope, webhook)),
      keepSecret,
      concurrency: this.options.concurrency ?? 1,
      checkDeadline: () => this.checkDeadline(doing)
    })
  }

  /** CPU work on an answer counts against timeout-seconds too, not only the requests. */
  private checkDeadline(doing: string): void {
    const { deadline } = this.options
    if (deadline && deadline.remainingMs() <= 0) throw new StepTimeout(doing, false, deadline.seconds)
  }

  /** The webhook with this id, or undefined when the scope has none such. Its secret is kept. */
  async get(id: string): Promise<Webhook | undefined> {
    const doing = `reading webhook ${id}`
    const reply = await this.sendOrAbsent({ method: 'GET', path: `/${encodeURIComponent(id)}`, doing })
    return reply && this.checkAnswerIsAbout(parseWebhook(reply.body, doing), id, doing)
  }

  /**
   * Creates a webhook. When an attempt's outcome is unknown (reset, timeout, 5xx, an unreadable answer),
   * the scope is searched for a webhook with this URL and the same ownership record that is not among
   * `existingIds`: found, the lost attempt made it, and it is adopted instead of sending the create again.
   * Kapso's lists may lag behind a create: when the first search finds nothing, it searches again for a
   * while (look-again.ts) before the create is sent again.
   */
  async create(fields: WebhookFields, existingIds: readonly string[]): Promise<Webhook> {
    const url = fields.url ?? ''
    const doing = `creating a webhook for ${url}`
    let adopted: Webhook | undefined
    // Only one recorded as this create records it: another's made at the same moment is never adopted.
    const record = recordEntry(fields.headers)?.[1]
    const made = (webhook: Webhook): boolean =>
      !existingIds.includes(webhook.id) && recordEntry(webhook.headers)?.[1] === record
    const lookForIt = async (): Promise<Webhook | undefined> => (await this.findByUrl(url)).find(made)
    const reply = await this.send({
      method: 'POST',
      path: '',
      payload: { whatsapp_webhook: fields },
      doing,
      reconcile: async (): Promise<Reply | undefined> => {
        const missing = `No webhook that the earlier attempt at ${doing} could have made is listed yet.`
        adopted = await lookAgain(lookForIt, this.options.lookAgain, missing, 'sending it again')
        return adopted && { status: 201, body: undefined }
      }
    })
    const created = adopted ?? (await this.readCreated(reply, doing, lookForIt))
    if (existingIds.some((id) => id.toLowerCase() === created.id.toLowerCase())) {
      throw new AnswerError(
        `Kapso's answer while ${doing} names webhook ${created.id}, which was there before the create: it is not the ` +
          `new one. Re-run to find what the create made.`
      )
    }
    if (created.kind !== this.options.kind) {
      throw new AnswerError(
        `Kapso's answer while ${doing} has kind ${created.kind}, not ${this.options.kind} as asked. A re-run will ` +
          `not find this webhook (${created.id}); delete it with operation delete and webhook-id.`
      )
    }
    this.progress.record(`created webhook ${created.id}`)
    return created
  }

  /**
   * The created webhook from Kapso's answer; when the answer cannot be read, the one the create made,
   * found by listing (looking again for a while: the list may not show it yet).
   */
  private async readCreated(
    reply: Reply,
    doing: string,
    lookForIt: () => Promise<Webhook | undefined>
  ): Promise<Webhook> {
    try {
      return parseWebhook(reply.body, doing)
    } catch (error) {
      if (!(error instanceof AnswerError)) throw error
      const missing = `${error.message} No webhook the create made is listed yet.`
      const found = await lookAgain(lookForIt, this.options.lookAgain, missing, 'failing the step')
      if (!found) throw error
      log.warning(`${error.message} The webhook it made was found by listing the scope: using ${found.id}.`)
      return found
    }
  }

  async update(id: string, fields: WebhookFields): Promise<Webhook> {
    const doing = `updating webhook ${id}`
    const reply = await this.sendOrAbsent({
      method: 'PATCH',
      path: `/${encodeURIComponent(id)}`,
      payload: { whatsapp_webhook: fields },
      doing
    })
    if (!reply)
      throw new ActionError(
        `Webhook ${id} was not found while ${doing}: it was deleted meanwhile. Re-run to create it again.`,
        404
      )
    const updated = this.checkAnswerIsAbout(parseWebhook(reply.body, doing), id, doing)
    this.progress.record(`updated webhook ${id}`)
    return updated
  }

  /** Deletes the webhook; false when it was already gone. One request when it exists. */
  async remove(id: string): Promise<boolean> {
    const removed =
      (await this.sendOrAbsent({
        method: 'DELETE',
        path: `/${encodeURIComponent(id)}`,
        doing: `deleting webhook ${id}`
      })) !== undefined
    if (removed) this.progress.record(`deleted webhook ${id}`)
    return removed
  }

  /** The webhook of an answer about webhook `id`; an answer about another one is refused (AnswerError). */
  private checkAnswerIsAbout(webhook: Webhook, id: string, doing: string): Webhook {
    if (webhook.id.toLowerCase() !== id.toLowerCase())
      throw new AnswerError(`Kapso's answer while ${doing} is about webhook ${webhook.id}, not ${id}.`)
    return webhook
  }

  /**
   * A request on one webhook. A 404 there means either "no such webhook" or "no such scope": one list
   * request tells which, so that an unknown scope is never mistaken for an absent webhook.
   */
  private async sendOrAbsent(request: ClientRequest): Promise<Reply | undefined> {
    try {
      return await this.send(request)
    } catch (error) {
      if (!(error instanceof ActionError) || error.status !== 404) throw error
      if (this.options.scope.kind !== 'project') {
        await this.send({
          method: 'GET',
          path: '?page=1&per_page=1',
          doing: `checking ${describeScope(this.options.scope)}`
        })
      }
      return undefined
    }
  }

  private async send(request: ClientRequest): Promise<Reply> {
    const { path, ...spec } = request
    try {
      return await this.transport.request({ ...spec, url: `${this.base}${path}` })
    } catch (error) {
      if (error instanceof StatusError)
        throw new ActionError(this.describe(error.status, error.body, request.doing), error.status)
      throw error
    }
  }

  private describe(status: number, body: unknown, doing: string): string {
    const { scope, apiUrl, defaultApiUrl } = this.options
    const where = defaultApiUrl ? '' : ` at api-url ${apiUrl}`
    return refusal(status, body, doing, {
      notFound: scopeNotFound(scope, doing, where),
      forbidden: describeScope(scope)
    })
  }
}
