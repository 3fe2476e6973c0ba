/**
 * What each published OpenAPI schema says about a request, checked by hand so that the emulator runs
 * without the spec files: the `whatsapp_webhook` fields (type, nullability, required, the legacy ranges)
 * and the list query parameters. Rules that only Kapso's prose states live in rules.ts, not here.
 *
 * Neither spec closes its objects, and no doc says Kapso refuses unknown fields or query parameters,
 * so both are ignored here, as a Rails app with strong parameters ignores them.
 */
import { ApiError, humanise, isObject, UUID, type StoredWebhook } from './store.js'

type FieldType = 'uri' | 'string' | 'boolean' | 'integer' | 'strings' | 'object' | 'kind'

interface FieldSpec {
  type: FieldType
  nullable?: boolean
  minLength?: number
  min?: number
  max?: number
  /** An object whose values must be strings (the legacy `headers`). */
  stringValues?: boolean
}

/** Which request schema applies: the legacy bodies, or one of the Platform API's three. */
export type BodySchema = 'legacy-create' | 'legacy-update' | 'number-create' | 'project-create' | 'platform-update'

const LEGACY: Record<string, FieldSpec> = {
  url: { type: 'uri' },
  secret_key: { type: 'string' },
  events: { type: 'strings' },
  active: { type: 'boolean' },
  headers: { type: 'object', stringValues: true },
  buffer_enabled: { type: 'boolean' },
  buffer_window_seconds: { type: 'integer', min: 1, max: 60 },
  max_buffer_size: { type: 'integer', min: 1, max: 100 },
  buffer_events: { type: 'strings' },
  inactivity_minutes: { type: 'integer', min: 1, max: 1440 }
}

const PLATFORM: Record<string, FieldSpec> = {
  url: { type: 'uri' },
  kind: { type: 'kind' },
  secret_key: { type: 'string', nullable: true },
  events: { type: 'strings' },
  active: { type: 'boolean' },
  headers: { type: 'object', nullable: true },
  buffer_enabled: { type: 'boolean' },
  buffer_window_seconds: { type: 'integer', nullable: true },
  max_buffer_size: { type: 'integer', nullable: true },
  buffer_events: { type: 'strings' },
  inactivity_minutes: { type: 'integer', nullable: true },
  payload_version: { type: 'string', nullable: true }
}

const SCHEMAS: Record<BodySchema, { fields: Record<string, FieldSpec>; required: string[] }> = {
  'legacy-create': { fields: LEGACY, required: ['url', 'secret_key', 'events'] },
  'legacy-update': { fields: LEGACY, required: [] },
  // WhatsappWebhookRequest; its oneOf (events for kapso, an explicit kind for meta) is rules.ts's kapso-needs-events.
  'number-create': {
    fields: { ...PLATFORM, secret_key: { type: 'string', minLength: 1 } },
    required: ['url', 'secret_key']
  },
  'project-create': { fields: { ...PLATFORM, phone_number_id: { type: 'string' } }, required: ['url'] },
  'platform-update': { fields: PLATFORM, required: [] }
}

/** The fields a create or update sends, schema-checked; a null sent for a nullable field means "not given". */
export type WebhookInput = Partial<Omit<StoredWebhook, 'id' | 'api' | 'scopeId' | 'created_at' | 'updated_at'>> & {
  phone_number_id?: string
}

export function readWebhookInput(schema: BodySchema, body: unknown): WebhookInput {
  if (!isObject(body) || !isObject(body.whatsapp_webhook))
    throw new ApiError(422, 'param is missing or the value is empty: whatsapp_webhook')
  const { fields, required } = SCHEMAS[schema]
  const input = body.whatsapp_webhook
  for (const key of required) {
    if (input[key] === undefined || input[key] === null) throw new ApiError(422, `${humanise(key)} can't be blank`)
  }
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(input)) {
    const spec = fields[key]
    if (!spec || value === undefined) continue
    if (value === null && spec.nullable) continue
    out[key] = checkField(humanise(key), spec, value)
  }
  return out as WebhookInput
}

function checkField(name: string, spec: FieldSpec, value: unknown): unknown {
  switch (spec.type) {
    case 'uri':
      if (typeof value !== 'string' || value === '') throw new ApiError(422, `${name} can't be blank`)
      if (!URL.canParse(value)) throw new ApiError(422, `${name} is not a valid URL`)
      return value
    case 'string':
      if (typeof value !== 'string') throw new ApiError(422, `${name} must be a string`)
      if (value.length < (spec.minLength ?? 0)) throw new ApiError(422, `${name} can't be blank`)
      return value
    case 'kind':
      if (value !== 'kapso' && value !== 'meta') throw new ApiError(422, `${name} must be kapso or meta`)
      return value
    case 'boolean':
      if (typeof value !== 'boolean') throw new ApiError(422, `${name} must be true or false`)
      return value
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) throw new ApiError(422, `${name} must be an integer`)
      if (value < (spec.min ?? -Infinity) || value > (spec.max ?? Infinity))
        throw new ApiError(422, `${name} must be between ${spec.min} and ${spec.max}`)
      return value
    case 'strings':
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
        throw new ApiError(422, `${name} must be a list of event names`)
      return [...(value as string[])]
    case 'object':
      if (!isObject(value)) throw new ApiError(422, `${name} must be an object`)
      if (spec.stringValues && Object.values(value).some((v) => typeof v !== 'string'))
        throw new ApiError(422, `${name} must be an object of strings`)
      return { ...value }
  }
}

/** A query parameter as its OpenAPI declares it; a value of another type is answered with 422. */
export type QuerySpec =
  | { type: 'integer'; min: number; max?: number; default?: number }
  | { type: 'boolean'; default?: boolean }
  | { type: 'string' }
  | { type: 'date-time' }
  | { type: 'uuid' }
  | { type: 'enum'; values: string[]; default?: string }

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i

/** The declared query parameters, read as their types; undeclared ones are ignored. */
export function readQuery(query: URLSearchParams, specs: Record<string, QuerySpec>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, spec] of Object.entries(specs)) {
    const raw = query.get(key)
    if (raw === null) {
      if ('default' in spec && spec.default !== undefined) out[key] = spec.default
      continue
    }
    out[key] = readParam(key, spec, raw)
  }
  return out
}

function readParam(key: string, spec: QuerySpec, raw: string): unknown {
  switch (spec.type) {
    case 'integer': {
      const value = /^[0-9]+$/.test(raw) ? Number(raw) : NaN
      const max = spec.max ?? Infinity
      if (!(value >= spec.min && value <= max)) {
        throw new ApiError(
          422,
          max === Infinity
            ? `${key} must be an integer of at least ${spec.min}`
            : `${key} must be an integer between ${spec.min} and ${max}`
        )
      }
      return value
    }
    case 'boolean':
      if (raw !== 'true' && raw !== 'false') throw new ApiError(422, `${key} must be true or false`)
      return raw === 'true'
    case 'date-time':
      if (!DATE_TIME.test(raw) || Number.isNaN(Date.parse(raw))) throw new ApiError(422, `${key} must be a date-time`)
      return Date.parse(raw)
    case 'uuid':
      if (!UUID.test(raw)) throw new ApiError(422, `${key} must be a UUID`)
      return raw
    case 'enum':
      if (!spec.values.includes(raw)) throw new ApiError(422, `${key} must be one of ${spec.values.join(', ')}`)
      return raw
    case 'string':
      return raw
  }
}
