import * as core from '@actions/core'
import { BUFFERABLE_EVENTS, KNOWN_EVENTS, splitList, suggest } from './events.js'
import { eventPullRequest, isForkPullRequest, isPullRequestClosed, readGitHubContext, type GitHubContext } from './github.js'
import type { Scope } from './kapso/client.js'
import { RECORD_HEADER } from './ownership.js'

export const OPERATIONS = ['upsert', 'create', 'delete', 'auto', 'sweep'] as const
/** What the step does; `auto` resolves to upsert or delete from the event. */
export type Operation = Exclude<(typeof OPERATIONS)[number], 'auto'>

/** The webhook as the inputs describe it. An absent optional field means "Kapso's default". */
export interface DesiredWebhook {
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
}

export interface ActionInputs {
  apiKey: string
  apiUrl: string
  scope: Scope
  /** The operation input as given. */
  requested: (typeof OPERATIONS)[number]
  operation: Operation
  webhookId?: string
  dryRun: boolean
  maxAttempts: number
  requestTimeoutSeconds: number
  desired: DesiredWebhook
  /** Delete the provisioned webhook when the job ends. */
  cleanup: boolean
  githubToken: string
  /** sweep: also delete pull-request webhooks older than this. */
  maxAgeMs?: number
  context: GitHubContext
  /** The pull request of the event, recorded on the webhooks this step creates. */
  pullRequest?: number
  /** Set when the step has nothing it may do, with the reason. */
  skip?: string
}

/** Every problem found in the inputs, reported together so one edit fixes them all. */
export class InputError extends Error {
  constructor(readonly problems: string[]) {
    super(
      problems.length === 1
        ? `Invalid input: ${problems[0]}`
        : `Invalid inputs:\n${problems.map((p) => `  - ${p}`).join('\n')}`
    )
    this.name = 'InputError'
  }
}

export const DEFAULT_API_URLS = {
  legacy: 'https://app.kapso.ai/api/v1',
  platform: 'https://api.kapso.ai/platform/v1'
} as const

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const PHONE_NUMBER_ID = /^[0-9]{1,32}$/
/** RFC 9110 token: what a header name may be made of. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/
/** Visible ASCII and non-ASCII text, spaces and tabs: no CR, LF, NUL or other control characters. */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\uffff]*$/
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x1f\x7f]/
const MAX_URL_LENGTH = 2048
const MAX_HEADER_VALUE_LENGTH = 4096
/** Headers Kapso sets on every delivery, or that HTTP itself owns: overriding them breaks deliveries. */
const RESERVED_HEADERS = [
  'content-type',
  'content-length',
  'host',
  'connection',
  'transfer-encoding',
  'x-webhook-signature',
  'x-webhook-event',
  'x-webhook-payload-version',
  'x-webhook-batch',
  'x-batch-size',
  'x-idempotency-key',
  RECORD_HEADER.toLowerCase()
]

const BOOLEAN_TRUE = ['true', 'True', 'TRUE']
const BOOLEAN_FALSE = ['false', 'False', 'FALSE']

/**
 * Reads and validates every input. Masks the API key and the secret before anything else can print them.
 * Throws InputError naming each bad input and what it accepts; makes no request.
 */
export function readInputs(context: GitHubContext = readGitHubContext()): ActionInputs {
  const apiKey = core.getInput('api-key')
  if (apiKey) core.setSecret(apiKey)
  const secretKey = core.getInput('secret-key')
  if (secretKey) core.setSecret(secretKey)
  const githubToken = core.getInput('github-token')
  if (githubToken) core.setSecret(githubToken)

  const problems: string[] = []
  const fail = (message: string): undefined => {
    problems.push(message)
    return undefined
  }

  // GitHub gives no secrets to runs for pull requests from forks: there, an empty key means "skip".
  const skip =
    !apiKey && isForkPullRequest(context)
      ? 'api-key is empty: this run is for a pull request from a fork, and GitHub gives such runs no secrets. Nothing was done.'
      : undefined
  if (!apiKey && !skip) fail('api-key is required: pass your Kapso project API key, e.g. ${{ secrets.KAPSO_API_KEY }}.')
  else if (/\s/.test(apiKey)) fail('api-key contains white space or a line break: paste the key alone.')

  const operationRaw = core.getInput('operation')
  const requested = (OPERATIONS as readonly string[]).includes(operationRaw)
    ? (operationRaw as ActionInputs['requested'])
    : fail(`operation must be one of ${OPERATIONS.join(', ')}; got "${printable(operationRaw)}".`)
  const operation: Operation | undefined = requested === 'auto' ? (isPullRequestClosed(context) ? 'delete' : 'upsert') : requested
  const pullRequest = eventPullRequest(context)

  const scope = readScope(fail)
  const apiUrl = readApiUrl(scope, fail)

  const webhookIdRaw = core.getInput('webhook-id')
  const webhookId =
    webhookIdRaw === '' || UUID.test(webhookIdRaw)
      ? webhookIdRaw || undefined
      : fail(`webhook-id must be a webhook's UUID (like 9e8d7c6b-5a4f-3e2d-1c0b-9a8f7e6d5c4b); got "${printable(webhookIdRaw)}".`)

  const url = readWebhookUrl(fail)
  const events = readEvents('events', KNOWN_EVENTS, fail)
  const bufferEventsRaw = core.getInput('buffer-events')
  const bufferEvents = bufferEventsRaw ? readEvents('buffer-events', BUFFERABLE_EVENTS, fail) : undefined

  if (secretKey && CONTROL.test(secretKey)) fail('secret-key contains a line break or control character.')

  const bufferEnabled = readBoolean('buffer-enabled', fail)
  const desired: DesiredWebhook = {
    url,
    events,
    secretKey: secretKey || undefined,
    active: readBoolean('active', fail) ?? true,
    headers: readHeaders(fail) ?? {},
    bufferEnabled: bufferEnabled ?? false,
    bufferWindowSeconds: readInteger('buffer-window-seconds', 1, 60, fail),
    maxBufferSize: readInteger('max-buffer-size', 1, 100, fail),
    bufferEvents,
    inactivityMinutes: readInteger('inactivity-minutes', 1, 1440, fail)
  }
  const dryRun = readBoolean('dry-run', fail) ?? false
  const maxAttempts = readInteger('max-attempts', 1, 10, fail)
  const requestTimeoutSeconds = readInteger('request-timeout-seconds', 1, 300, fail)
  // action.yml gives both a default: empty means the workflow set them to '' on purpose.
  if (core.getInput('max-attempts') === '') fail('max-attempts must be a whole number from 1 to 10; got "".')
  if (core.getInput('request-timeout-seconds') === '') fail('request-timeout-seconds must be a whole number from 1 to 300; got "".')

  if (operation === 'upsert' || operation === 'create') {
    if (!url && !(operation === 'upsert' && webhookId)) {
      fail(`url is required for operation ${operation}${operation === 'upsert' ? ' (or give webhook-id)' : ''}.`)
    }
    if (events.length === 0 && splitList(core.getInput('events')).length === 0) {
      fail(`events is required for operation ${operation}: one or more of ${KNOWN_EVENTS.join(', ')}.`)
    }
    if (operation === 'create' && webhookId) fail('webhook-id cannot be used with operation create, which always makes a new webhook.')
  }
  if (operation === 'delete' && !url && !webhookId && !(requested === 'auto' && pullRequest !== undefined)) {
    fail('operation delete needs url or webhook-id to know what to delete.')
  }

  const cleanup = readBoolean('cleanup', fail) ?? false
  const maxAgeMs = readDuration('max-age', fail)
  if (operation === 'sweep' && !githubToken) {
    fail('github-token is required for operation sweep, to ask GitHub which pull requests are closed: leave it at its default, ${{ github.token }}.')
  }
  if (maxAgeMs !== undefined && operation !== 'sweep') fail(`max-age is only for operation sweep; operation is ${operation}.`)

  if (problems.length > 0 || !scope || !operation || !requested || !apiUrl || !maxAttempts || !requestTimeoutSeconds) throw new InputError(problems)

  if (cleanup && (operation === 'delete' || operation === 'sweep')) core.warning(`cleanup has no effect with operation ${operation}: there is nothing provisioned to remove.`)

  if (bufferEnabled === false) {
    for (const name of ['buffer-window-seconds', 'max-buffer-size', 'buffer-events']) {
      if (core.getInput(name)) core.warning(`${name} is ignored while buffer-enabled is false.`)
    }
  }

  core.debug(`scope: ${scope.input} ${scope.id}; api-url: ${apiUrl}; operation: ${requested}${requested === 'auto' ? ` -> ${operation}` : ''}; dry-run: ${dryRun}`)
  core.debug(`event: ${context.eventName || '(none)'}; repository: ${context.repository || '(none)'}; pull request: ${pullRequest ?? '(none)'}`)
  core.debug(`url: ${url ?? '(none)'}; webhook-id: ${webhookId ?? '(none)'}; events: ${events.join(', ')}`)
  return {
    apiKey,
    apiUrl,
    scope,
    requested,
    operation,
    webhookId,
    dryRun,
    maxAttempts,
    requestTimeoutSeconds,
    desired,
    cleanup,
    githubToken,
    maxAgeMs,
    context,
    pullRequest,
    skip
  }
}

function readScope(fail: (m: string) => undefined): Scope | undefined {
  const configId = core.getInput('whatsapp-config-id')
  const phoneNumberId = core.getInput('phone-number-id')
  if (configId && phoneNumberId) {
    return fail('give exactly one of whatsapp-config-id (legacy API) and phone-number-id (Platform API), not both.')
  }
  if (configId) {
    if (!UUID.test(configId)) {
      return fail(`whatsapp-config-id must be a Kapso configuration UUID (like 550e8400-e29b-41d4-a716-446655440000); got "${printable(configId)}".`)
    }
    return { kind: 'legacy', id: configId, input: 'whatsapp-config-id' }
  }
  if (phoneNumberId) {
    if (!PHONE_NUMBER_ID.test(phoneNumberId)) {
      return fail(`phone-number-id must be Meta's phone number id, digits only (like 106540352242922); got "${printable(phoneNumberId)}".`)
    }
    return { kind: 'platform', id: phoneNumberId, input: 'phone-number-id' }
  }
  return fail('give exactly one of whatsapp-config-id (legacy API) and phone-number-id (Platform API).')
}

function readApiUrl(scope: Scope | undefined, fail: (m: string) => undefined): string | undefined {
  const raw = core.getInput('api-url')
  if (!raw) return scope ? DEFAULT_API_URLS[scope.kind] : undefined
  const parsed = parseUrl(raw)
  const accepts = 'an absolute https:// URL (http:// only for localhost), without credentials, query or fragment'
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
    return fail(`api-url must be ${accepts}; got "${printable(raw)}".`)
  }
  if (parsed.protocol === 'http:' && !isLoopback(parsed.hostname)) {
    return fail(`api-url may use http:// only for a loopback host (localhost, 127.0.0.1, [::1]); use https:// for ${parsed.hostname}.`)
  }
  if (parsed.username || parsed.password || parsed.search || parsed.hash) {
    return fail(`api-url must be ${accepts}.`)
  }
  return parsed.toString().replace(/\/+$/, '')
}

function readWebhookUrl(fail: (m: string) => undefined): string | undefined {
  const raw = core.getInput('url')
  if (!raw) return undefined
  const accepts = 'an absolute https:// URL'
  if (raw.length > MAX_URL_LENGTH) return fail(`url is longer than ${MAX_URL_LENGTH} characters.`)
  if (CONTROL.test(raw) || /\s/.test(raw)) return fail(`url must be ${accepts} without spaces or control characters.`)
  const parsed = parseUrl(raw)
  if (!parsed) return fail(`url must be ${accepts}; got "${printable(raw)}".`)
  if (parsed.protocol !== 'https:') {
    return fail(`url must be ${accepts}: Kapso delivers only over HTTPS; got a ${parsed.protocol.replace(':', '')} URL.`)
  }
  if (parsed.username || parsed.password) {
    return fail('url must not carry a user name or password: use the headers input for credentials.')
  }
  // Kapso keeps the URL as sent: keep the user's spelling so that matching by URL finds it again.
  return raw
}

function readEvents(name: string, allowed: readonly string[], fail: (m: string) => undefined): string[] {
  const events = splitList(core.getInput(name))
  const bad = events.filter((event) => !allowed.includes(event))
  for (const event of bad) {
    const near = suggest(event, allowed)
    fail(
      `${name} has an unknown event "${printable(event)}"` +
        (near ? `: did you mean "${near}"?` : `. Accepted: ${allowed.join(', ')}.`)
    )
  }
  return events.filter((event) => allowed.includes(event))
}

function readBoolean(name: string, fail: (m: string) => undefined): boolean | undefined {
  const raw = core.getInput(name)
  if (BOOLEAN_TRUE.includes(raw)) return true
  if (BOOLEAN_FALSE.includes(raw)) return false
  return fail(`${name} must be true or false; got "${printable(raw)}".`)
}

function readInteger(name: string, min: number, max: number, fail: (m: string) => undefined): number | undefined {
  const raw = core.getInput(name)
  if (raw === '') return undefined
  const value = /^[0-9]{1,5}$/.test(raw) ? Number(raw) : NaN
  if (!Number.isInteger(value) || value < min || value > max) {
    return fail(`${name} must be a whole number from ${min} to ${max}; got "${printable(raw)}".`)
  }
  return value
}

const DURATION_UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 }

/** A duration like 90m, 72h or 7d, in milliseconds; at most a year. */
function readDuration(name: string, fail: (m: string) => undefined): number | undefined {
  const raw = core.getInput(name)
  if (raw === '') return undefined
  const match = /^([0-9]{1,6})([mhd])$/.exec(raw)
  const ms = match ? Number(match[1]) * (DURATION_UNITS[match[2] as string] ?? 0) : 0
  if (!match || ms <= 0 || ms > 366 * DURATION_UNITS.d!) {
    return fail(`${name} must be a whole number of minutes, hours or days, like 90m, 72h or 7d, up to 366d; got "${printable(raw)}".`)
  }
  return ms
}

/** `headers` takes a JSON object of strings, or "Name: value" lines. */
function readHeaders(fail: (m: string) => undefined): Record<string, string> | undefined {
  const raw = core.getInput('headers')
  if (raw === '') return {}
  let entries: [string, unknown][]
  if (raw.startsWith('{') || raw.startsWith('[') || raw.startsWith('"')) {
    let parsed: unknown
    try {
      parsed = JSON.parse(raw)
    } catch {
      return fail('headers is not valid JSON: give a JSON object of strings, or one "Name: value" per line.')
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      return fail('headers must be a JSON object of strings (like {"X-Env": "preview"}), or one "Name: value" per line.')
    }
    entries = Object.entries(parsed)
  } else {
    entries = []
    for (const line of raw.split(/\r?\n/)) {
      if (line.trim() === '') continue
      const colon = line.indexOf(':')
      if (colon <= 0) return fail(`headers has a line without "Name: value" form: "${printable(line.trim())}".`)
      entries.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()])
    }
  }
  const headers: [string, string][] = []
  const seen = new Set<string>()
  for (const [name, value] of entries) {
    if (!HEADER_NAME.test(name)) {
      return fail(`headers has an invalid header name "${printable(name)}": use letters, digits and - (an HTTP token).`)
    }
    if (name.toLowerCase() === RECORD_HEADER.toLowerCase()) {
      return fail(`headers cannot set ${name}: the action keeps its ownership record there.`)
    }
    if (RESERVED_HEADERS.includes(name.toLowerCase())) {
      return fail(`headers cannot set ${name}: Kapso sets it on every delivery. Reserved: ${RESERVED_HEADERS.join(', ')}.`)
    }
    if (seen.has(name.toLowerCase())) return fail(`headers names ${name} twice.`)
    seen.add(name.toLowerCase())
    if (typeof value !== 'string') return fail(`headers value of ${name} must be a string.`)
    if (!HEADER_VALUE.test(value)) return fail(`headers value of ${name} contains a line break or control character.`)
    if (value.length > MAX_HEADER_VALUE_LENGTH) return fail(`headers value of ${name} is longer than ${MAX_HEADER_VALUE_LENGTH} characters.`)
    headers.push([name, value])
  }
  // fromEntries defines own properties, so even a header named __proto__ stays a header.
  return Object.fromEntries(headers)
}

function parseUrl(raw: string): URL | undefined {
  try {
    return new URL(raw)
  } catch {
    return undefined
  }
}

export function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname)
}

/** An input value made safe to quote in a message: control characters escaped, length capped. */
function printable(value: string): string {
  // eslint-disable-next-line no-control-regex
  const escaped = value.replace(/[\x00-\x1f\x7f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
  return escaped.length > 80 ? `${escaped.slice(0, 77)}...` : escaped
}
