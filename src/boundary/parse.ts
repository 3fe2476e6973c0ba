import * as v from 'valibot'
import { UUID } from '../ids.js'
import { outsideText } from '../secrets.js'
import { hasControl } from '../text.js'

/**
 * The one way an answer from a server becomes a value this action uses: validated against a schema,
 * or refused with a message that names the request and the field, and never quotes what the server
 * sent (it could be anything, a secret included).
 */
export class AnswerError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'AnswerError'
  }
}

/** Each schema says what it expects in words; this is said where a schema gives none. */
v.setGlobalMessage('of the expected form')

/**
 * Parses `body` with `schema`, or throws AnswerError: "Kapso's answer while listing webhooks has data that is
 * not a list".
 */
export function parseAnswer<S extends v.GenericSchema>(
  schema: S,
  body: unknown,
  service: string,
  doing: string
): v.InferOutput<S> {
  const result = v.safeParse(schema, body, { abortEarly: true })
  if (result.success) return result.output
  const issue = result.issues[0]
  const path = issue ? pathOf(issue.path) : ''
  const expected = issue?.message ?? 'of the expected form'
  if (path === '') throw new AnswerError(`${service}'s answer while ${doing} is not ${expected}.`)
  // A key that is not there at all: valibot reports it with the object's expectation, which reads wrong.
  if (issue?.input === undefined) throw new AnswerError(`${service}'s answer while ${doing} has no ${path}.`)
  throw new AnswerError(`${service}'s answer while ${doing} has ${path} that is not ${expected}.`)
}

/** `data[3].headers["X-Env"]`: keys come from the server, so they are shown as outside text. */
function pathOf(path: readonly { key?: unknown }[] | undefined): string {
  let text = ''
  for (const item of path ?? []) {
    const key = item.key
    if (typeof key === 'number') text += `[${key}]`
    else if (typeof key === 'string' && /^[A-Za-z_][A-Za-z0-9_]{0,40}$/.test(key)) text += text === '' ? key : `.${key}`
    else text += `[${JSON.stringify(outsideText(String(key), 40))}]`
  }
  return text
}

/** An id: a UUID, nothing else. */
export const uuid = v.pipe(v.string('a UUID'), v.regex(UUID, 'a UUID'))

/** Text a log line may hold: a string without control characters, at most `max` long. */
export const text = (max = 1000, what = 'text without control characters') =>
  v.pipe(
    v.string(what),
    v.check((s) => s.length <= max && !hasControl(s), what)
  )

/**
 * A list of what `item` reads, of at most the `max` entries asked for: counted before any entry is parsed,
 * so that an answer far longer than asked is refused without reading it.
 */
export const listOfAtMost = <S extends v.GenericSchema>(item: S, max: number) =>
  v.pipe(
    v.array(v.unknown(), 'a list'),
    v.maxLength(max, `a list of at most the ${max} asked for`),
    v.array(item, 'a list')
  )

export const wholeNumber = (what = 'a whole number') => v.pipe(v.number(what), v.safeInteger(what))

/** A date-time Date.parse reads (Kapso sends ISO 8601). */
export const dateTime = v.pipe(
  v.string('a date-time'),
  v.check((s) => s.length <= 64 && !hasControl(s) && !Number.isNaN(Date.parse(s)), 'a date-time')
)

/**
 * The JSON text of a value that should have been a string (a number where text was expected): so that a
 * secret_key or a header value of any JSON type is still handled as text. Undefined when it has no text
 * (too deep to write, or a value JSON has no form for).
 */
export function jsonText(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  try {
    return JSON.stringify(value)
  } catch {
    return undefined
  }
}
