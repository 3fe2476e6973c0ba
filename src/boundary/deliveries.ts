import * as v from 'valibot'
import { dateTime, listOfAtMost, parseAnswer, text, uuid, wholeNumber } from './parse.js'

/**
 * The Platform API's answers about deliveries: the test endpoint's acknowledgement, and a page of
 * GET /webhook_deliveries. The endpoint's HTTP status comes from here, so it is a whole number or nothing.
 */

const testSchema = v.object(
  { data: v.object({ success: v.boolean('true or false') }, 'an object with success') },
  'a JSON object with data'
)

/** Whether Kapso says it queued the test delivery. */
export function parseTestQueued(body: unknown, doing: string): boolean {
  return parseAnswer(testSchema, body, 'Kapso', doing).data.success
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed'

/** A delivery as Kapso lists it, with Kapso's field names (CONTRIBUTING.md, "Names and types"). */
export interface Delivery {
  id: string
  event: string
  status: DeliveryStatus
  /** What the endpoint answered; undefined when it did not answer. */
  response_status?: number
  attempt_count: number
  webhook_id?: string
  created_at: string
}

const deliverySchema = v.object(
  {
    id: uuid,
    event: text(200, 'an event name without control characters'),
    status: v.picklist(['pending', 'delivered', 'failed'], 'pending, delivered or failed'),
    response_status: v.nullish(
      v.pipe(wholeNumber('an HTTP status'), v.minValue(100, 'an HTTP status'), v.maxValue(599, 'an HTTP status'))
    ),
    attempt_count: v.pipe(wholeNumber('a number of attempts'), v.minValue(0, 'a number of attempts')),
    webhook_id: v.nullish(uuid),
    created_at: dateTime
  },
  'a delivery'
)
/** The deliveries list is asked for 100 (limit=100): a page with more is not read. */
const MAX_DELIVERIES = 100
const pageSchema = v.object(
  {
    data: listOfAtMost(deliverySchema, MAX_DELIVERIES)
  },
  'a JSON object with data'
)

/** The deliveries of one page, newest first as Kapso lists them. */
export function parseDeliveries(body: unknown, doing: string): Delivery[] {
  return parseAnswer(pageSchema, body, 'Kapso', doing).data.map((d) => ({
    id: d.id,
    event: d.event,
    status: d.status,
    response_status: d.response_status ?? undefined,
    attempt_count: d.attempt_count,
    webhook_id: d.webhook_id ?? undefined,
    created_at: d.created_at
  }))
}
