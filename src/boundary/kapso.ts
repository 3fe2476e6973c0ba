import * as v from 'valibot'
import { outsideText } from '../secrets.js'
import { hasControl } from '../text.js'
import { AnswerError, dateTime, jsonText, parseAnswer, text, uuid, wholeNumber } from './parse.js'

/**
 * Kapso's answers, defined by schema, and the types they become. Nothing read from Kapso is used before it
 * has passed through here. Both API generations share one webhook shape: the legacy one lacks kind,
 * payload_version and phone_number_id; the Platform API sends null for fields it does not use.
 */

export type WebhookKind = 'kapso' | 'meta'

/** The fields of a webhook as Kapso's request bodies name them (the `whatsapp_webhook` object). */
export interface WebhookFields {
  url?: string
  /** Sent on create for meta only; kapso is Kapso's default. It cannot change afterwards. */
  kind?: WebhookKind
  secret_key?: string
  events?: string[]
  active?: boolean
  headers?: Record<string, string>
  buffer_enabled?: boolean
  buffer_window_seconds?: number
  max_buffer_size?: number
  buffer_events?: string[]
  inactivity_minutes?: number
  payload_version?: 'v1' | 'v2'
}

/** A webhook as Kapso holds it, parsed: nulls are absent fields, and the secret is there only when kept. */
export interface Webhook {
  id: string
  url: string
  kind: WebhookKind
  events: string[]
  /** Header values may be credentials: they are compared and sent, never shown. */
  headers: Record<string, string>
  /** Only for the webhook the step provisions; every other one's is dropped as the answer is read. */
  secret_key?: string
  active?: boolean
  buffer_enabled?: boolean
  buffer_window_seconds?: number
  max_buffer_size?: number
  buffer_events?: string[]
  inactivity_minutes?: number
  payload_version?: string
  /** The phone number's id; null for a project-scoped webhook; absent when Kapso did not say. */
  phone_number_id?: string | null
  created_at?: string
}

const MAX_URL = 2048
/**
 * The most a webhook may hold, as read: the action's own inputs allow far less (its events are Kapso's
 * dozen or so), and a receiver refuses a request with thousands of headers. Past these, the answer is
 * refused: each is work and memory that a server could otherwise make as large as it likes.
 */
export const MAX_HEADERS = 100
export const MAX_HEADER_VALUE = 8192
export const MAX_NAMES = 100
export const MAX_SECRET = 4096
/** The most webhooks one scope's list is read to (kapso/client.ts), and the post step's state may name. */
export const MAX_WEBHOOKS = 20_000

/** A URL as a log line may show it: parseable, no control characters. */
const webhookUrl = v.pipe(
  v.string('a URL'),
  v.check((s) => s.length <= MAX_URL && !hasControl(s) && URL.canParse(s), 'a URL')
)
const name = text(200, 'a name without control characters')
const nameList = v.nullish(
  v.pipe(v.array(name, 'a list of names'), v.maxLength(MAX_NAMES, `a list of at most ${MAX_NAMES} names`))
)
const count = v.nullish(wholeNumber())

const webhookSchema = v.object(
  {
    id: uuid,
    url: webhookUrl,
    kind: v.nullish(v.picklist(['kapso', 'meta'], 'kapso or meta')),
    events: nameList,
    active: v.nullish(v.boolean('true or false')),
    // Names are shown in the log; values only compared and sent. The Platform API allows any JSON value.
    headers: v.nullish(
      v.pipe(
        v.unknown(),
        // valibot's record takes an array as an object of "0", "1", …: headers are a JSON object or nothing.
        v.check(
          (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
          'an object of headers'
        ),
        v.check(
          (value) => Object.keys(value as object).length <= MAX_HEADERS,
          `an object of at most ${MAX_HEADERS} headers`
        ),
        v.record(text(256, 'a header name without control characters'), v.unknown(), 'an object of headers')
      )
    ),
    secret_key: v.optional(v.unknown()),
    buffer_enabled: v.nullish(v.boolean('true or false')),
    buffer_window_seconds: count,
    max_buffer_size: count,
    buffer_events: nameList,
    inactivity_minutes: count,
    payload_version: v.nullish(text(32)),
    phone_number_id: v.nullish(text(64)),
    created_at: v.nullish(dateTime)
  },
  'a webhook'
)
type RawWebhook = v.InferOutput<typeof webhookSchema>

const pageSchema = v.object(
  {
    data: v.array(webhookSchema, 'a list'),
    meta: v.nullish(
      v.object({ total_pages: v.nullish(v.pipe(wholeNumber(), v.minValue(0, 'a whole number of pages'))) }, 'an object')
    )
  },
  'a JSON object with data'
)
const oneSchema = v.object({ data: webhookSchema }, 'a JSON object with data')

/** One page of a webhook list: the webhooks on it, and the page count when Kapso gave one. */
export interface WebhookPage {
  webhooks: Webhook[]
  totalPages?: number
}

/**
 * A page of a list. `keepSecret` says whose secret to keep: each other secret is dropped here, so that a
 * scope of 10,000 webhooks does not leave 10,000 secrets to mask.
 */
export function parseWebhookPage(
  body: unknown,
  doing: string,
  perPage: number,
  keepSecret: (webhook: Webhook) => boolean
): WebhookPage {
  // Counted before anything is parsed: a page of 200,000 webhooks is refused at once, not read.
  const data = typeof body === 'object' && body !== null ? (body as { data?: unknown }).data : undefined
  if (Array.isArray(data) && data.length > perPage) {
    throw new AnswerError(
      `Kapso's answer while ${doing} lists ${data.length.toLocaleString('en-US')} webhooks on one page, more than ` +
        `the ${perPage} asked for (per_page): it was not read.`
    )
  }
  const page = parseAnswer(pageSchema, body, 'Kapso', doing)
  const webhooks = page.data.map((raw) => {
    const webhook = toWebhook(raw, false, doing)
    return keepSecret(webhook) ? toWebhook(raw, true, doing) : webhook
  })
  return { webhooks, totalPages: page.meta?.total_pages ?? undefined }
}

/** The webhook of a create, read, or update answer (`{"data": {…}}`), its secret kept. */
export function parseWebhook(body: unknown, doing: string): Webhook {
  return toWebhook(parseAnswer(oneSchema, body, 'Kapso', doing).data, true, doing)
}

function toWebhook(raw: RawWebhook, keepSecret: boolean, doing: string): Webhook {
  const webhook: Webhook = {
    id: raw.id,
    url: raw.url,
    // Kapso's documented default; the legacy API has no other kind.
    kind: raw.kind ?? 'kapso',
    events: raw.events ?? [],
    headers: headerTexts(raw.headers, doing)
  }
  const optional = {
    active: raw.active,
    buffer_enabled: raw.buffer_enabled,
    buffer_window_seconds: raw.buffer_window_seconds,
    max_buffer_size: raw.max_buffer_size,
    buffer_events: raw.buffer_events,
    inactivity_minutes: raw.inactivity_minutes,
    payload_version: raw.payload_version,
    created_at: raw.created_at
  }
  for (const [key, value] of Object.entries(optional))
    if (value !== null && value !== undefined) Object.assign(webhook, { [key]: value })
  // Null here means "not a phone number's": kept apart from absent, which says nothing.
  if (raw.phone_number_id !== undefined) webhook.phone_number_id = raw.phone_number_id
  if (keepSecret && raw.secret_key !== null && raw.secret_key !== undefined)
    webhook.secret_key = secretText(raw.secret_key, doing)
  return webhook
}

/**
 * A secret_key is text; one that came back as a number is still a secret (its digits are what gets masked
 * and compared). Any other type is refused, never shown: masking "true" would hide every "true" in the log.
 */
function secretText(value: unknown, doing: string): string {
  const secret =
    typeof value === 'string'
      ? value
      : typeof value === 'number' && Number.isFinite(value)
        ? jsonText(value)
        : undefined
  if (secret === undefined || hasControl(secret))
    throw new AnswerError(`Kapso's answer while ${doing} has a secret_key that is not text without control characters.`)
  // Every line the step writes is searched for it: a secret of megabytes would make each line cost as much.
  if (secret.length > MAX_SECRET)
    throw new AnswerError(`Kapso's answer while ${doing} has a secret_key longer than ${MAX_SECRET} characters.`)
  return secret
}

function headerTexts(headers: Record<string, unknown> | null | undefined, doing: string): Record<string, string> {
  const out: [string, string][] = []
  for (const [key, value] of Object.entries(headers ?? {})) {
    const valueText = jsonText(value)
    if (valueText === undefined)
      throw new AnswerError(`Kapso's answer while ${doing} has a header value that is not JSON.`)
    if (valueText.length > MAX_HEADER_VALUE)
      throw new AnswerError(
        `Kapso's answer while ${doing} has a header value longer than ${MAX_HEADER_VALUE} characters.`
      )
    out.push([key, valueText])
  }
  // fromEntries defines own properties: a header named __proto__ stays a header.
  return Object.fromEntries(out)
}

/**
 * Kapso's error message, wherever this body keeps it (`error`, `error.message`, `message`, `detail`), as
 * outside text: secrets hidden, control characters escaped, at most 500 characters. Empty when none.
 */
export function errorText(body: unknown): string {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return ''
  const record = body as Record<string, unknown>
  const error = record.error
  const nested = typeof error === 'object' && error !== null ? (error as Record<string, unknown>).message : undefined
  const parts = [error, nested, record.message, record.detail].filter(
    (part): part is string => typeof part === 'string' && part !== ''
  )
  return outsideText([...new Set(parts)].join(': '), 500)
}
