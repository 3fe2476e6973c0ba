import type { Webhook, WebhookFields, WebhookKind } from './boundary/kapso.js'
import { RECORD_HEADER } from './ownership.js'
import { sameUrl } from './urls.js'

/** The webhook as the inputs describe it. An absent optional field means "Kapso's default". */
export interface DesiredWebhook {
  /** kapso (events in Kapso's format) or meta (Meta's raw payloads): the only kind the step touches. */
  kind: WebhookKind
  url?: string
  events: string[]
  /** Absent: keep the existing secret, or generate one for a new webhook. */
  secretKey?: string
  active: boolean
  /** Empty: no extra headers. */
  headers: Record<string, string>
  bufferEnabled: boolean
  bufferWindowSeconds?: number
  maxBufferSize?: number
  bufferEvents?: string[]
  inactivityMinutes?: number
  /** Absent: Kapso's default (v2). Platform API only. */
  payloadVersion?: 'v1' | 'v2'
}

/**
 * What Kapso uses when a field is not sent (shared/kapso-api/NOTES.md §1.2, §2.3). A fact about the
 * server, not a default of this action: an input left empty means "whatever Kapso uses", and an actual
 * value equal to this, or null, counts as "not set".
 */
export const KAPSO_DEFAULTS = {
  active: true,
  buffer_enabled: false,
  buffer_window_seconds: 5,
  max_buffer_size: 50,
  buffer_events: ['whatsapp.message.received'],
  inactivity_minutes: 60,
  payload_version: 'v2'
} as const

/** One field that differs, with both sides in a form safe to print. */
export interface FieldChange {
  /** The input that sets this field. */
  input: string
  field: keyof WebhookFields
  from: string
  to: string
}

export interface UpdatePlan {
  changes: FieldChange[]
  /** The PATCH body: only the fields that differ. Empty when nothing does. */
  patch: WebhookFields
}

/**
 * The body that creates the desired webhook. A meta webhook takes its kind, URL, secret, state and
 * headers only; buffer settings are sent only when buffering is on.
 */
export function planCreate(desired: DesiredWebhook, secretKey: string): WebhookFields {
  const body: WebhookFields = { url: desired.url, secret_key: secretKey }
  if (desired.kind === 'meta') body.kind = 'meta'
  else body.events = desired.events
  body.active = desired.active
  if (Object.keys(desired.headers).length > 0) body.headers = desired.headers
  if (desired.kind === 'meta') return body
  body.buffer_enabled = desired.bufferEnabled
  if (desired.bufferEnabled) {
    if (desired.bufferWindowSeconds !== undefined) body.buffer_window_seconds = desired.bufferWindowSeconds
    if (desired.maxBufferSize !== undefined) body.max_buffer_size = desired.maxBufferSize
    if (desired.bufferEvents !== undefined) body.buffer_events = desired.bufferEvents
  }
  if (desired.inactivityMinutes !== undefined) body.inactivity_minutes = desired.inactivityMinutes
  if (desired.payloadVersion !== undefined) body.payload_version = desired.payloadVersion
  return body
}

type Change = <K extends keyof WebhookFields>(
  input: string,
  field: K,
  value: WebhookFields[K],
  from: string,
  to: string
) => void

/**
 * Compares the desired webhook with the one Kapso has, field by field. Kapso's defaults and the nulls
 * the Platform API returns for unused fields equal "not set"; buffer settings are compared only when
 * buffering is wanted, since Kapso ignores (and may null out) them otherwise. A meta webhook has only
 * its URL, secret, state and headers to compare.
 */
export function planUpdate(desired: DesiredWebhook, actual: Webhook): UpdatePlan {
  const changes: FieldChange[] = []
  const patch: WebhookFields = {}
  const change: Change = (input, field, value, from, to) => {
    changes.push({ input, field, from, to })
    patch[field] = value
  }

  // The same URL in another form (host case, a trailing slash) is the same webhook: nothing to change.
  if (desired.url !== undefined && !sameUrl(desired.url, actual.url))
    change('url', 'url', desired.url, actual.url, desired.url)
  if (desired.kind === 'kapso' && !sameSet(desired.events, actual.events)) {
    change('events', 'events', desired.events, list(actual.events), list(desired.events))
  }
  if (desired.secretKey !== undefined && desired.secretKey !== actual.secret_key) {
    change('secret-key', 'secret_key', desired.secretKey, '(hidden)', '(hidden, changed)')
  }
  const actualActive = actual.active ?? KAPSO_DEFAULTS.active
  if (desired.active !== actualActive)
    change('active', 'active', desired.active, String(actualActive), String(desired.active))
  if (!sameHeaders(desired.headers, actual.headers)) {
    // Header values may be credentials for the receiving endpoint: show names only.
    change('headers', 'headers', desired.headers, headerNames(actual.headers), headerNames(desired.headers))
  }
  if (desired.kind === 'kapso') planKapsoFormat(desired, actual, change)
  return { changes, patch }
}

/** What only kapso-kind webhooks have: buffering, inactivity and the payload version. */
function planKapsoFormat(desired: DesiredWebhook, actual: Webhook, change: Change): void {
  const actualBuffering = actual.buffer_enabled ?? KAPSO_DEFAULTS.buffer_enabled
  if (desired.bufferEnabled !== actualBuffering) {
    change(
      'buffer-enabled',
      'buffer_enabled',
      desired.bufferEnabled,
      String(actualBuffering),
      String(desired.bufferEnabled)
    )
  }
  if (desired.bufferEnabled) {
    const window = desired.bufferWindowSeconds ?? KAPSO_DEFAULTS.buffer_window_seconds
    const actualWindow = actual.buffer_window_seconds ?? KAPSO_DEFAULTS.buffer_window_seconds
    if (window !== actualWindow)
      change('buffer-window-seconds', 'buffer_window_seconds', window, String(actualWindow), String(window))

    const size = desired.maxBufferSize ?? KAPSO_DEFAULTS.max_buffer_size
    const actualSize = actual.max_buffer_size ?? KAPSO_DEFAULTS.max_buffer_size
    if (size !== actualSize) change('max-buffer-size', 'max_buffer_size', size, String(actualSize), String(size))

    const bufferEvents = desired.bufferEvents ?? [...KAPSO_DEFAULTS.buffer_events]
    const actualBufferEvents = actual.buffer_events?.length ? actual.buffer_events : [...KAPSO_DEFAULTS.buffer_events]
    if (!sameSet(bufferEvents, actualBufferEvents)) {
      change('buffer-events', 'buffer_events', bufferEvents, list(actualBufferEvents), list(bufferEvents))
    }
  }
  const inactivity = desired.inactivityMinutes ?? KAPSO_DEFAULTS.inactivity_minutes
  const actualInactivity = actual.inactivity_minutes ?? KAPSO_DEFAULTS.inactivity_minutes
  if (inactivity !== actualInactivity) {
    change('inactivity-minutes', 'inactivity_minutes', inactivity, String(actualInactivity), String(inactivity))
  }
  // The legacy API has no payload version: its webhooks never hold one, and the default is what they send.
  const version = desired.payloadVersion ?? KAPSO_DEFAULTS.payload_version
  const actualVersion = actual.payload_version ?? KAPSO_DEFAULTS.payload_version
  if (version !== actualVersion) change('payload-version', 'payload_version', version, actualVersion, version)
}

/** The field-by-field lines of a create, in the same safe form as an update's changes. */
export function describeCreate(body: WebhookFields, secretGenerated: boolean): FieldChange[] {
  const lines: FieldChange[] = []
  const add = (input: string, field: keyof WebhookFields, to: string): void => {
    lines.push({ input, field, from: '(new)', to })
  }
  add('url', 'url', body.url ?? '')
  if (body.kind === 'meta') add('kind', 'kind', 'meta')
  else add('events', 'events', list(body.events ?? []))
  add('secret-key', 'secret_key', secretGenerated ? '(hidden, generated)' : '(hidden, from input)')
  add('active', 'active', String(body.active))
  const { [RECORD_HEADER]: record, ...own } = body.headers ?? {}
  if (Object.keys(own).length > 0) add('headers', 'headers', headerNames(own))
  // The ownership record is no secret, and says whose the webhook is: shown as it is written.
  if (record !== undefined) add('(ownership record)', 'headers', `${RECORD_HEADER}: ${record}`)
  if (body.buffer_enabled !== undefined) add('buffer-enabled', 'buffer_enabled', String(body.buffer_enabled))
  if (body.buffer_window_seconds !== undefined)
    add('buffer-window-seconds', 'buffer_window_seconds', String(body.buffer_window_seconds))
  if (body.max_buffer_size !== undefined) add('max-buffer-size', 'max_buffer_size', String(body.max_buffer_size))
  if (body.buffer_events !== undefined) add('buffer-events', 'buffer_events', list(body.buffer_events))
  if (body.inactivity_minutes !== undefined)
    add('inactivity-minutes', 'inactivity_minutes', String(body.inactivity_minutes))
  if (body.payload_version !== undefined) add('payload-version', 'payload_version', body.payload_version)
  return lines
}

/**
 * The webhook for the `webhook` output: every field the action read (or would send), but the secret and
 * the header values (tokens for the endpoint, often: a preview's bypass secret), which read "(hidden)".
 * The ownership record is no secret, and stays readable.
 */
export function publicView(webhook: Webhook | WebhookFields): Record<string, unknown> {
  const view: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(webhook)) if (key !== 'secret_key' && value !== undefined) view[key] = value
  if (webhook.headers) {
    view.headers = Object.fromEntries(
      Object.entries(webhook.headers).map(([name, value]) => [
        name,
        name.toLowerCase() === RECORD_HEADER.toLowerCase() ? value : HIDDEN
      ])
    )
  }
  return view
}

const HIDDEN = '(hidden)'

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a)
  const right = new Set(b)
  return left.size === right.size && [...left].every((item) => right.has(item))
}

/** Header names compare without regard to case, as HTTP's do; values exactly. */
function sameHeaders(a: Record<string, string>, b: Record<string, string>): boolean {
  const lower = (headers: Record<string, string>): Map<string, string> =>
    new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]))
  const left = lower(a)
  const right = lower(b)
  return (
    left.size === Object.keys(a).length &&
    right.size === Object.keys(b).length &&
    left.size === right.size &&
    [...left].every(([k, v]) => right.get(k) === v)
  )
}

function list(items: readonly string[]): string {
  return items.length ? items.join(', ') : '(none)'
}

function headerNames(headers: Record<string, string>): string {
  const names = Object.keys(headers)
  return names.length ? `${names.join(', ')} (values hidden)` : '(none)'
}
