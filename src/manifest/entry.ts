/**
 * One entry of a manifest, read through the very rules and messages of the single-webhook inputs: each field
 * is written as the input of the same name would be, and read with inputs/ (see readingFrom). A message is
 * put at the line of the field it names ("orders.events has …"), or else of the entry.
 */
import { suggest } from '../events.js'
import { eventsFor, MIN_SECRET_KEY_LENGTH, readDesiredWebhook, WEBHOOK_FIELD_INPUTS } from '../inputs/webhook.js'
import { readApiUrl, readKind, readScope } from '../inputs/scope.js'
import { readingFrom } from '../inputs/values.js'
import { warnAboutEvent, warnAboutIgnored } from '../inputs/warnings.js'
import { isRecordName } from '../ownership.js'
import { hideInServerText, maskSecret } from '../secrets.js'
import type { ManifestEntry } from './types.js'
import { keyLabel, unknownKey, type RawEntry, type Report } from './yaml.js'

/** The fields an entry takes: the inputs of the same names, and secret-key-env in place of secret-key. */
export const ENTRY_FIELDS = [...WEBHOOK_FIELD_INPUTS, 'secret-key-env'] as const

const LISTS = ['events', 'buffer-events']
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/

export interface EntryContext {
  repository: string
  manifest: string
  /** The step's api-url, '' when not given: it applies to every entry. */
  apiUrl: string
  env: NodeJS.ProcessEnv
}

/** The entry as the step will reconcile it, or undefined when it has a problem (each one reported). */
export function readEntry(raw: RawEntry, context: EntryContext, report: Report): ManifestEntry | undefined {
  const before = problems(report)
  const { name, label } = raw
  if (!isRecordName(name)) {
    before.add(
      raw.line,
      `${label === name ? JSON.stringify(name) : label} is no entry name: 1 to 40 lower-case letters, digits and ` +
        'dashes, starting and ending with a letter or digit (like orders or staging-2).'
    )
  }
  // A field typed wrong is reported once, as a typo: not again as missing.
  const suggested = new Set<string>()
  const values = inputValues(raw, before.add, suggested)
  const variable = values.get('secret-key-env')
  values.delete('secret-key-env')
  const secret = variable ? readSecretEnv(raw, variable, context.env, before) : undefined
  if (secret !== undefined) values.set('secret-key', secret)
  values.set('api-url', context.apiUrl)
  const fail = (message: string): undefined => {
    const field = fieldOf(message)
    const line = (field && raw.fields.get(field === 'secret-key' ? 'secret-key-env' : field)?.line) || raw.line
    const text =
      field === 'secret-key'
        ? `${label}.secret-key-env (${variable})${message.slice('secret-key'.length)}`
        : field
          ? `${label}.${message}`
          : `${label}: ${message}`
    before.add(line, text)
    return undefined
  }
  const read = readingFrom(
    (field) => values.get(field) ?? '',
    () => {
      const scope = readScope(fail)
      const kind = readKind(scope, fail)
      const apiUrl = readApiUrl(scope, fail)
      const desired = readDesiredWebhook(fail, scope, kind)
      if (!values.get('url') && !suggested.has('url'))
        fail('url is required: the absolute https:// URL Kapso delivers to.')
      if (kind === 'kapso' && desired.events.length === 0 && !suggested.has('events'))
        fail(`events is required for kind kapso: one or more of ${eventsFor(scope, 'kapso').join(', ')}.`)
      if (before.count === 0) warnAboutIgnored('upsert', false, desired.bufferEnabled, desired.url, `${name}.`)
      return { scope, kind, apiUrl, desired }
    }
  )
  const { scope, kind, apiUrl, desired } = read
  for (const value of Object.values(desired.headers)) hideInServerText(value)
  if (before.count > 0 || !scope || !kind || !apiUrl || !isRecordName(name)) return undefined
  warnAboutEvent('upsert', 'upsert', false, scope, desired.events, `${name}.`)
  return {
    name,
    line: raw.line,
    scope,
    kind,
    apiUrl,
    desired,
    record: { repository: context.repository, manifest: context.manifest, name }
  }
}

/** The entry's fields as the inputs of the same names would be written; unknown fields and bad types reported. */
function inputValues(raw: RawEntry, report: Report, suggested: Set<string>): Map<string, string> {
  const values = new Map<string, string>()
  for (const [field, { value, line, problem }] of raw.fields) {
    if (problem !== undefined) {
      // Reported once, here: not again as missing.
      report(line, `${raw.label}.${keyLabel(field)} ${problem}`)
      suggested.add(field)
    } else if (!(ENTRY_FIELDS as readonly string[]).includes(field)) {
      report(line, unknownField(raw.label, field))
      const near = suggest(field, ENTRY_FIELDS)
      if (near) suggested.add(near)
    } else {
      const text = asInput(field, value)
      if (typeof text === 'string') values.set(field, text)
      else report(line, `${raw.label}.${field} ${text.problem}`)
    }
  }
  return values
}

/** Counts the problems an entry reports. */
function problems(report: Report): { add: Report; count: number } {
  const counter = {
    count: 0,
    add: (line: number, text: string): void => {
      counter.count++
      report(line, text)
    }
  }
  return counter
}

function unknownField(entry: string, field: string): string {
  if (field === 'secret-key') {
    return (
      `${entry}.secret-key is not taken in a manifest: no secret is written in a file of the repository. Give ` +
      'secret-key-env, the name of an environment variable the workflow sets from a secret.'
    )
  }
  return `${entry}.${unknownKey(field, ENTRY_FIELDS, 'a field of an entry')}`
}

/**
 * A field's value written as its input would be: text, a number or true/false as written; a list of events
 * joined by commas; headers as a JSON object. What it cannot be is returned as the problem.
 */
function asInput(field: string, value: unknown): string | { problem: string } {
  if (value === null) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value)
  if (Array.isArray(value) && LISTS.includes(field)) {
    const bad = value.some((item) => typeof item !== 'string' || /[,\r\n]/.test(item))
    return bad ? { problem: 'must be a list of event names (each one text, without commas).' } : value.join(',')
  }
  if (field === 'headers' && typeof value === 'object' && !Array.isArray(value))
    return JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? Number(item) : item))
  return {
    problem:
      field === 'headers'
        ? 'must be a mapping of header names to values, like { X-Env: prod }.'
        : LISTS.includes(field)
          ? 'must be a list of event names, like [whatsapp.message.received].'
          : `must be one value (text, a number, true or false); got a ${Array.isArray(value) ? 'list' : 'mapping'}.`
  }
}

/**
 * The secret the variable secret-key-env names holds: masked at once, as secret-key is (a shorter one is
 * refused by secret-key's rule, unmasked, for the same reason). Undefined when it cannot be read (reported).
 */
function readSecretEnv(
  raw: RawEntry,
  variable: string,
  env: NodeJS.ProcessEnv,
  counter: { add: Report }
): string | undefined {
  const line = raw.fields.get('secret-key-env')?.line ?? raw.line
  if (!ENV_NAME.test(variable)) {
    counter.add(
      line,
      `${raw.label}.secret-key-env must be the name of an environment variable (letters, digits and _, like ` +
        `ORDERS_WEBHOOK_SECRET), not the secret itself.`
    )
    return undefined
  }
  const secret = env[variable] ?? ''
  if (secret.length >= MIN_SECRET_KEY_LENGTH) maskSecret(secret)
  if (secret === '') {
    counter.add(
      line,
      `${raw.label}.secret-key-env names ${variable}, which is not set or empty: set it in the step's env from a ` +
        `secret (env: ${variable}: \${{ secrets.${variable} }}). Is that secret set for this run?`
    )
    return undefined
  }
  return secret
}

/** The input a rule's message is about: every message of inputs/ starts with the input's name. */
function fieldOf(message: string): string | undefined {
  const names = [...ENTRY_FIELDS, 'secret-key'].filter((name) => message.startsWith(`${name} `))
  return names.sort((a, b) => b.length - a.length)[0]
}
