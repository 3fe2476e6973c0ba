import { parseDeliveries, parseTestQueued, type Delivery } from '../boundary/deliveries.js'
import { ActionError, StatusError } from '../errors.js'
import { refusal } from './refusal.js'
import type { Reply, Transport } from './transport.js'

/**
 * The Platform API's test endpoint and deliveries list, for any webhook of the project: what verify asks.
 * Both live at the Platform API's root, whichever scope the webhook is in.
 */
export class DeliveriesClient {
  constructor(
    private readonly apiUrl: string,
    private readonly transport: Transport
  ) {}

  /** The webhook's recent deliveries of this event (or of any, when none is given), newest first. */
  async list(webhookId: string, event: string | undefined): Promise<Delivery[]> {
    const query = new URLSearchParams({ webhook_id: webhookId, limit: '100' })
    if (event !== undefined) query.set('event', event)
    const doing = `reading the deliveries of webhook ${webhookId}`
    const reply = await this.send({ method: 'GET', url: `${this.apiUrl}/webhook_deliveries?${query}`, doing })
    return parseDeliveries(reply.body, doing).filter(
      (d) => d.webhook_id === undefined || d.webhook_id.toLowerCase() === webhookId.toLowerCase()
    )
  }

  /**
   * Asks Kapso to deliver a test event to the webhook. A lost answer is looked for among the deliveries
   * (`isNew`) before the request is sent again: a second test delivery would do no harm, but proves nothing more.
   */
  async test(webhookId: string, event: string | undefined, isNew: (delivery: Delivery) => boolean): Promise<void> {
    const doing = `asking Kapso for a test delivery to webhook ${webhookId}`
    // The OpenAPI puts event_type in the body, Kapso's own scripts in the query: both, so that either reading works.
    const query = event === undefined ? '' : `?${new URLSearchParams({ event_type: event })}`
    const reply = await this.send({
      method: 'POST',
      url: `${this.apiUrl}/whatsapp/webhooks/${encodeURIComponent(webhookId)}/test${query}`,
      payload: event === undefined ? {} : { event_type: event },
      doing,
      reconcile: async () =>
        (await this.list(webhookId, event)).some(isNew) ? { status: 200, body: { data: { success: true } } } : undefined
    })
    if (!parseTestQueued(reply.body, doing))
      throw new ActionError(
        `Kapso did not queue the test delivery to webhook ${webhookId} (success: false). Re-run, or set verify to ` +
          `false.`
      )
  }

  private async send(spec: Parameters<Transport['request']>[0]): Promise<Reply> {
    try {
      return await this.transport.request(spec)
    } catch (error) {
      if (!(error instanceof StatusError)) throw error
      const context = {
        notFound:
          `Kapso answered HTTP 404 while ${spec.doing}: the Platform API at api-url ${this.apiUrl} has no ` +
          `such webhook.`,
        forbidden: 'webhook test deliveries or the deliveries list'
      }
      throw new ActionError(refusal(error.status, error.body, spec.doing, context), error.status)
    }
  }
}
