import * as core from '@actions/core'
import { BUFFERABLE_EVENTS, KNOWN_EVENTS, splitList, suggest } from '../events.js'
import { RECORD_HEADER } from '../ownership.js'
import { hasControl } from '../text.js'
import type { DesiredWebhook } from './types.js'
import { parseUrl, quote, readBoolean, readInteger, type Fail } from './values.js'

const MAX_URL_LENGTH = 2048
const MAX_HEADER_VALUE_LENGTH = 4096
/** RFC 9110 token: what a header name may be made of. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/
/** Visible ASCII and non-ASCII text, spaces and tabs: no CR, LF, NUL or other control characters. */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\uffff]*$/

/**
 * Headers that Kapso sets on every delivery, or that HTTP itself owns: overriding them would break
 * deliveries or their signature. Every X-Webhook-* name is Kapso's, so the whole prefix is refused.
 */
export const RESERVED_HEADERS = ['content-type', 'content-length', 'host', 'connection', 'transfer-encoding', 'x-idempotency-key', 'x-batch-size']
export const RESERVED_PREFIX = 'x-webhook-'

/** The webhook the inputs describe (url, events, secret-key, active, headers, buffering, inactivity). */
export function readDesiredWebhook(fail: Fail): DesiredWebhook {
  const secretKey = core.getInput('secret-key')
  if (secretKey && hasControl(secretKey)) fail('secret-key contains a line break or control character.')
  const bufferEventsRaw = core.getInput('buffer-events')
  return {
    url: readWebhookUrl(fail),
    events: readEvents('events', KNOWN_EVENTS, fail),
    secretKey: secretKey || undefined,
    active: readBoolean('active', fail) ?? true,
    headers: readHeaders(fail) ?? {},
    bufferEnabled: readBoolean('buffer-enabled', fail) ?? false,
    bufferWindowSeconds: readInteger('buffer-window-seconds', 1, 60, fail),
    maxBufferSize: readInteger('max-buffer-size', 1, 100, fail),
    bufferEvents: bufferEventsRaw ? readEvents('buffer-events', BUFFERABLE_EVENTS, fail) : undefined,
    inactivityMinutes: readInteger('inactivity-minutes', 1, 1440, fail)
  }
}

function readWebhookUrl(fail: Fail): string | undefined {
  const raw = core.getInput('url')
  if (!raw) return undefined
  const accepts = 'an absolute https:// URL'
  if (raw.length > MAX_URL_LENGTH) return fail(`url is longer than ${MAX_URL_LENGTH} characters.`)
  if (hasControl(raw) || /\s/.test(raw)) return fail(`url must be ${accepts} without spaces or control characters.`)
  const parsed = parseUrl(raw)
  if (!parsed) return fail(`url must be ${accepts}; got ${quote(raw)}.`)
  if (parsed.username || parsed.password) return fail('url must not carry a user name or password: use the headers input for credentials.')
  if (parsed.protocol !== 'https:') {
    return fail(`url must be ${accepts}: Kapso delivers only over HTTPS; got a ${parsed.protocol.replace(':', '')} URL.`)
  }
  // Kapso keeps the URL as sent: keep the user's spelling, and match by the normal form (urls.ts).
  return raw
}

export function readEvents(name: string, allowed: readonly string[], fail: Fail): string[] {
  const events = splitList(core.getInput(name))
  for (const event of events.filter((e) => !allowed.includes(e))) {
    const near = suggest(event, allowed)
    fail(`${name} has an unknown event ${quote(event)}` + (near ? `: did you mean "${near}"?` : `. Accepted: ${allowed.join(', ')}.`))
  }
  return events.filter((event) => allowed.includes(event))
}

/** `headers` takes a JSON object of strings, or "Name: value" lines. No message ever quotes a value. */
function readHeaders(fail: Fail): Record<string, string> | undefined {
  const raw = core.getInput('headers')
  if (raw === '') return {}
  const entries = raw.startsWith('{') || raw.startsWith('[') || raw.startsWith('"') ? jsonHeaders(raw, fail) : lineHeaders(raw, fail)
  if (!entries) return undefined
  const headers: [string, string][] = []
  const seen = new Set<string>()
  for (const [index, [name, value]] of entries.entries()) {
    const where = `(${entries.length > 1 ? `header ${index + 1} of ${entries.length}` : 'the only header'})`
    if (!HEADER_NAME.test(name)) return fail(`headers has an invalid header name ${where}: use letters, digits and - (an HTTP token).`)
    const lower = name.toLowerCase()
    if (lower === RECORD_HEADER.toLowerCase()) return fail(`headers cannot set ${name}: the action keeps its ownership record there.`)
    if (lower.startsWith(RESERVED_PREFIX) || RESERVED_HEADERS.includes(lower)) {
      return fail(`headers cannot set ${name}: Kapso sets it on every delivery. Reserved: any X-Webhook-* header, ${RESERVED_HEADERS.join(', ')} and ${RECORD_HEADER}.`)
    }
    if (seen.has(lower)) return fail(`headers names ${name} twice.`)
    seen.add(lower)
    if (typeof value !== 'string') return fail(`headers value of ${name} must be a string.`)
    if (!HEADER_VALUE.test(value)) return fail(`headers value of ${name} contains a line break or control character.`)
    if (value.length > MAX_HEADER_VALUE_LENGTH) return fail(`headers value of ${name} is longer than ${MAX_HEADER_VALUE_LENGTH} characters.`)
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
