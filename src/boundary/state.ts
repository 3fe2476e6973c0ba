import * as v from 'valibot'
import { parseRecord, type OwnershipRecord } from '../ownership.js'
import { hasControl } from '../text.js'
import { MAX_WEBHOOKS } from './kapso.js'
import { UUID } from '../ids.js'
import { uuid } from './parse.js'

/**
 * What the main step saves for its post step (GITHUB_STATE), read back as strictly as a server's answer:
 * the runner hands it over as STATE_* variables, and a variable of that name can also come from the
 * workflow's env. Anything not of exactly the form cleanup.ts writes is no state of this step.
 */

/** The webhook the step provisioned: its id and URL, the record it carries, and its secret's fingerprint. */
export interface SavedWebhook {
  id: string
  url: string
  record?: OwnershipRecord
  /** SHA-256 (hex) of the signing secret in force after the step; undefined when the step did not know it. */
  secret?: string
}

/** Before a create is sent: its URL, the ids at that URL already, the record and the secret it sends. */
export interface SavedCreate {
  url: string
  existing: string[]
  record?: OwnershipRecord
  secret?: string
}

const url = v.pipe(
  v.string(),
  v.check((s) => s.length <= 2048 && !hasControl(s) && URL.canParse(s))
)
const fingerprint = v.optional(v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)))
const record = v.optional(
  v.pipe(
    v.string(),
    v.check((s) => parseRecord(s) !== undefined)
  )
)
const webhookSchema = v.strictObject({ id: uuid, url, record, secret: fingerprint })
const createSchema = v.strictObject({
  url,
  existing: v.pipe(v.array(v.pipe(v.string(), v.regex(UUID))), v.maxLength(MAX_WEBHOOKS)),
  record,
  secret: fingerprint
})

/** The saved webhook, or undefined when the text is not one this action wrote. */
export function parseSavedWebhook(text: string): SavedWebhook | undefined {
  const saved = parseJsonState(webhookSchema, text)
  return saved && { id: saved.id, url: saved.url, record: recordOf(saved.record), secret: saved.secret }
}

/** The saved create, or undefined when the text is not one this action wrote. */
export function parseSavedCreate(text: string): SavedCreate | undefined {
  const saved = parseJsonState(createSchema, text)
  return (
    saved && {
      url: saved.url,
      existing: saved.existing.map((id) => id.toLowerCase()),
      record: recordOf(saved.record),
      secret: saved.secret
    }
  )
}

function parseJsonState<S extends v.GenericSchema>(schema: S, text: string): v.InferOutput<S> | undefined {
  try {
    const result = v.safeParse(schema, JSON.parse(text))
    return result.success ? result.output : undefined
  } catch {
    return undefined
  }
}

function recordOf(text: string | undefined): OwnershipRecord | undefined {
  return text === undefined ? undefined : parseRecord(text)
}
