import { MAX_HEADERS, MAX_NAMES, MAX_SECRET, type WebhookKind } from '../boundary/kapso.js'
import { BUFFERABLE_EVENTS, classifyEvent, PHONE_NUMBER_EVENTS, PROJECT_EVENTS, splitList, typoOf } from '../events.js'
import type { Scope } from '../kapso/scope.js'
import * as log from '../log.js'
import { RECORD_HEADER } from '../ownership.js'
import { hasControl } from '../text.js'
import { parseUrl } from '../urls.js'
import type { DesiredWebhook } from './types.js'
import { quote, readBoolean, readInput, readInteger, type Fail } from './values.js'

/** The inputs that say what one webhook is and where (action.yml's order): a manifest's entry has a field for each. */
export const WEBHOOK_FIELD_INPUTS = [
  'whatsapp-config-id',
  'phone-number-id',
  'scope',
  'kind',
  'url',
  'events',
  'payload-version',
  'active',
  'headers',
  'buffer-enabled',
  'buffer-window-seconds',
  'max-buffer-size',
  'buffer-events',
  'inactivity-minutes'
] as const

const MAX_URL_LENGTH = 2048
/**
 * The shortest secret-key taken. A shorter signing secret is easy to guess, and no log can keep it: masking
 * "f" or "config" would hide every such letter or word in the whole job log (and in this step's messages).
 */
export const MIN_SECRET_KEY_LENGTH = 16
const MAX_HEADER_VALUE_LENGTH = 4096
/** As many events as a webhook read back from Kapso may hold (boundary/kapso.ts). */
const MAX_LISTED = MAX_NAMES
/** RFC 9110 token: what a header name may be made of. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/
/** Visible ASCII and non-ASCII text, spaces and tabs: no CR, LF, NUL or other control characters. */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\uffff]*$/

/**
 * Headers that Kapso sets on every delivery, or that HTTP itself owns: overriding them would break
 * deliveries or their signature. Every X-Webhook-* name is Kapso's, so the whole prefix is refused.
 */
export const RESERVED_HEADERS = [
  'content-type',
  'content-length',
  'host',
  'connection',
  'transfer-encoding',
  'x-idempotency-key',
  'x-batch-size'
]
export const RESERVED_PREFIX = 'x-webhook-'

/** The events a webhook of this scope and kind takes; meta takes none (Meta decides what it sends). */
export function eventsFor(scope: Scope | undefined, kind: WebhookKind | undefined): readonly string[] {
  if (kind === 'meta') return []
  // With no valid scope, which events apply is unknown: only the scope's own error is reported.
  if (!scope) return [...PHONE_NUMBER_EVENTS, ...PROJECT_EVENTS]
  return scope.kind === 'project' ? PROJECT_EVENTS : PHONE_NUMBER_EVENTS
}

/** The known events of the other kind of webhook: a phone number's for a project webhook, and the reverse. */
function otherScopeEvents(scope: Scope | undefined): readonly string[] {
  if (!scope) return []
  return scope.kind === 'project' ? PHONE_NUMBER_EVENTS : PROJECT_EVENTS
}

/** Inputs a meta webhook has no use for: Kapso's events, batching and payload format are not Meta's. */
const NOT_FOR_META = [
  'events',
  'buffer-window-seconds',
  'max-buffer-size',
  'buffer-events',
  'inactivity-minutes',
  'payload-version'
]

/**
 * The webhook the inputs describe (url, events, secret-key, active, headers, buffering, inactivity, payload
 * version). With `urlUnused` (a delete on a pull request, which goes by the ownership record), url is not
 * read at all: on close, the expression that makes it often has nothing to build from.
 */
export function readDesiredWebhook(
  fail: Fail,
  scope: Scope | undefined,
  kind: WebhookKind | undefined,
  urlUnused = false
): DesiredWebhook {
  const secretKey = readInput('secret-key')
  if (secretKey && hasControl(secretKey)) fail('secret-key contains a line break or control character.')
  else if (secretKey.length > MAX_SECRET)
    fail(`secret-key must be at most ${MAX_SECRET} characters; got ${secretKey.length}.`)
  else if (secretKey && secretKey.length < MIN_SECRET_KEY_LENGTH) {
    fail(
      `secret-key must be at least ${MIN_SECRET_KEY_LENGTH} characters; got ${secretKey.length}. Leave it empty to ` +
        `have a 256-bit one generated.`
    )
  }
  if (kind === 'meta') {
    for (const name of NOT_FOR_META)
      if (readInput(name))
        fail(
          `${name} is not for kind meta: Meta sends its raw payloads, with no Kapso events, batching or payload ` +
            `version. Remove ${name}.`
        )
  }
  const bufferEventsRaw = readInput('buffer-events')
  const bufferEnabled = readBoolean('buffer-enabled', fail) ?? false
  if (bufferEnabled && kind === 'meta')
    fail('buffer-enabled must be false for kind meta: Meta payloads are not batched.')
  if (bufferEnabled && scope?.kind === 'project')
    fail(
      'buffer-enabled must be false with scope project: buffering batches whatsapp.message.received, which project ' +
        'webhooks do not receive.'
    )
  return {
    kind: kind ?? 'kapso',
    url: urlUnused ? undefined : readWebhookUrl(fail),
    events: kind === 'meta' ? [] : readEvents(fail, scope),
    secretKey: secretKey || undefined,
    active: readBoolean('active', fail) ?? true,
    headers: readHeaders(fail) ?? {},
    bufferEnabled,
    bufferWindowSeconds: readInteger('buffer-window-seconds', 1, 60, fail),
    maxBufferSize: readInteger('max-buffer-size', 1, 100, fail),
    bufferEvents: bufferEventsRaw && kind !== 'meta' ? readBufferEvents(fail) : undefined,
    inactivityMinutes: readInteger('inactivity-minutes', 1, 1440, fail),
    payloadVersion: readPayloadVersion(scope, fail)
  }
}

function readPayloadVersion(scope: Scope | undefined, fail: Fail): 'v1' | 'v2' | undefined {
  const raw = readInput('payload-version')
  if (raw === '') return undefined
  if (raw !== 'v1' && raw !== 'v2')
    return fail(`payload-version must be v1 or v2, or empty for Kapso's default (v2); got ${quote(raw)}.`)
  if (scope?.kind === 'legacy')
    return fail(
      'payload-version is a Platform API setting: the legacy API (whatsapp-config-id) has none. Remove it, or use ' +
        'phone-number-id.'
    )
  return raw
}

function readWebhookUrl(fail: Fail): string | undefined {
  const raw = readInput('url')
  if (!raw) return undefined
  const accepts = 'an absolute https:// URL'
  if (raw.length > MAX_URL_LENGTH) return fail(`url is longer than ${MAX_URL_LENGTH} characters.`)
  if (hasControl(raw) || /\s/.test(raw)) return fail(`url must be ${accepts} without spaces or control characters.`)
  const parsed = parseUrl(raw)
  if (!parsed && raw.startsWith('/')) {
    return fail(
      `url must be ${accepts}; got ${quote(raw)}, a path without scheme or host: the expression before it gave ` +
        `nothing. ` +
        'Did the step whose output makes the URL run, and set that output?'
    )
  }
  if (!parsed) return fail(`url must be ${accepts}; got ${quote(raw)}.`)
  if (parsed.username || parsed.password)
    return fail('url must not carry a user name or password: use the headers input for credentials.')
  if (parsed.protocol !== 'https:') {
    return fail(
      `url must be ${accepts}: Kapso delivers only over HTTPS; got a ${parsed.protocol.replace(':', '')} URL.`
    )
  }
  // Kapso keeps the URL as sent: keep the user's spelling, and match by the normal form (urls.ts).
  return raw
}

/**
 * The events input. A known event of the other kind of webhook, a name a typo away from a known one, and
 * anything that is no event name are refused; a well-formed name this action does not know is taken (see
 * unknownEvents): Kapso may have added it, and Kapso's own 422 is the final word.
 */
export function readEvents(fail: Fail, scope: Scope | undefined): string[] {
  const events = splitList(readInput('events'))
  const allowed = eventsFor(scope, 'kapso')
  if (events.length > MAX_LISTED)
    return fail(`events lists ${events.length} events; at most ${MAX_LISTED} are taken (Kapso has a few dozen).`) ?? []
  for (const event of events) {
    const verdict = classifyEvent(event, allowed, otherScopeEvents(scope))
    if (verdict.verdict === 'other-scope') {
      fail(
        scope?.kind === 'project'
          ? `events has ${event}, a phone-number event: project webhooks (scope: project) never receive message, ` +
              `conversation or contact events. Give phone-number-id for a phone number's webhook.`
          : `events has ${event}, a project event: give scope: project for a project webhook. A phone number's ` +
              `webhook takes message, conversation and contact events only.`
      )
    } else if (verdict.verdict === 'typo') {
      fail(`events has an unknown event ${quote(event)}: did you mean "${verdict.near}"?`)
    } else if (verdict.verdict === 'malformed') {
      fail(
        `events has ${quote(event)}, which is no event name (lower-case words joined by dots, like ` +
          `whatsapp.message.received)` +
          (verdict.near ? `: did you mean "${verdict.near}"?` : `. Accepted: ${allowed.join(', ')}.`)
      )
    }
  }
  return events
}

/** The well-formed event names Kapso's catalog, as this action knows it, lacks: sent as given, with a warning. */
export function unknownEvents(events: readonly string[], scope: Scope): string[] {
  return events.filter(
    (event) => classifyEvent(event, eventsFor(scope, 'kapso'), otherScopeEvents(scope)).verdict === 'unknown'
  )
}

/** buffer-events: Kapso batches only whatsapp.message.received. */
function readBufferEvents(fail: Fail): string[] {
  const events = splitList(readInput('buffer-events'))
  for (const event of events.filter((e) => !(BUFFERABLE_EVENTS as readonly string[]).includes(e))) {
    const near = typoOf(event, BUFFERABLE_EVENTS)
    fail(
      `buffer-events has ${quote(event)}, which Kapso cannot batch` +
        (near ? `: did you mean "${near}"?` : `: only ${BUFFERABLE_EVENTS.join(', ')} can be.`)
    )
  }
  return events
}

/** `headers` takes a JSON object of strings, or "Name: value" lines. No message ever quotes a value. */
function readHeaders(fail: Fail): Record<string, string> | undefined {
  const raw = readInput('headers')
  if (raw === '') return {}
  const entries =
    raw.startsWith('{') || raw.startsWith('[') || raw.startsWith('"') ? jsonHeaders(raw, fail) : lineHeaders(raw, fail)
  if (!entries) return undefined
  if (entries.length >= MAX_HEADERS)
    return fail(
      `headers has ${entries.length} headers; at most ${MAX_HEADERS - 1} are taken (the action adds its ownership ` +
        `record, and reads no webhook with more than ${MAX_HEADERS}).`
    )
  const headers: [string, string][] = []
  const seen = new Set<string>()
  for (const [index, [name, value]] of entries.entries()) {
    const where = `(${entries.length > 1 ? `header ${index + 1} of ${entries.length}` : 'the only header'})`
    if (!HEADER_NAME.test(name))
      return fail(`headers has an invalid header name ${where}: use letters, digits and - (an HTTP token).`)
    const lower = name.toLowerCase()
    if (lower === RECORD_HEADER.toLowerCase())
      return fail(`headers cannot set ${name}: the action keeps its ownership record there.`)
    if (lower.startsWith(RESERVED_PREFIX) || RESERVED_HEADERS.includes(lower)) {
      return fail(
        `headers cannot set ${name}: Kapso sets it on every delivery. Reserved: any X-Webhook-* header, ` +
          `${RESERVED_HEADERS.join(', ')} and ${RECORD_HEADER}.`
      )
    }
    if (seen.has(lower)) return fail(`headers names ${name} twice.`)
    seen.add(lower)
    if (typeof value !== 'string') return fail(`headers value of ${name} must be a string.`)
    if (!HEADER_VALUE.test(value)) return fail(`headers value of ${name} contains a line break or control character.`)
    if (value.length > MAX_HEADER_VALUE_LENGTH)
      return fail(`headers value of ${name} is longer than ${MAX_HEADER_VALUE_LENGTH} characters.`)
    // An empty value is allowed (Kapso takes it), but it is what a secret that is not set gives.
    if (value === '')
      log.warning(`headers value of ${name} is empty: if it comes from a secret, is that secret set for this run?`)
    headers.push([name, value])
  }
  // fromEntries defines own properties, so even a header named __proto__ stays a header.
  return Object.fromEntries(headers)
}

function jsonHeaders(raw: string, fail: Fail): [string, unknown][] | undefined {
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch {
    return fail('headers is not valid JSON: give a JSON object of strings, or one "Name: value" per line.')
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return fail('headers must be a JSON object of strings (like {"X-Env": "preview"}), or one "Name: value" per line.')
  }
  return Object.entries(parsed)
}

function lineHeaders(raw: string, fail: Fail): [string, unknown][] | undefined {
  const entries: [string, unknown][] = []
  for (const [index, line] of raw.split(/\r?\n/).entries()) {
    if (line.trim() === '') continue
    const colon = line.indexOf(':')
    if (colon <= 0) return fail(`headers line ${index + 1} is not in "Name: value" form.`)
    entries.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()])
  }
  return entries
}
