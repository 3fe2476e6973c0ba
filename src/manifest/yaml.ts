/**
 * The manifest's YAML, read into entries and fields with the line each starts on. The yaml package is
 * loaded here, on the first manifest read only: ncc puts a dynamic import in a chunk of its own, so a
 * single-webhook step never parses it (see github/lazy.ts for the same with Octokit).
 */
import type { Document, Node, Pair } from 'yaml'
import { suggest } from '../events.js'
import { cut, escapeControl, hasControl } from '../text.js'

/** One field of an entry as the file writes it: its value (as YAML gives it) and its line. */
export interface RawField {
  value: unknown
  line: number
  /** Why the value cannot be read at all (its aliases), to report once at the field; value is then null. */
  problem?: string
}

export interface RawEntry {
  name: string
  /** The name as messages show it (keyLabel). */
  label: string
  line: number
  /** The entry's fields in the file's order; a field written twice is reported and kept once. */
  fields: Map<string, RawField>
}

/** Records a problem at a line of the file (1-based; 0: the file as a whole). */
export type Report = (line: number, text: string) => void

const TOP_LEVEL = ['webhooks']

/** The entries of the file, or undefined when it is no manifest at all (every problem reported). */
export async function parseEntries(text: string, report: Report): Promise<RawEntry[] | undefined> {
  const yaml = await import('yaml')
  const lines = new yaml.LineCounter()
  // Integers as BigInt: a phone number id of 16 digits or more would lose its last digits as a number.
  const doc = yaml.parseDocument(text, { lineCounter: lines, uniqueKeys: false, intAsBigInt: true })
  if (doc.errors.length > 0) {
    for (const error of doc.errors) report(error.linePos?.[0].line ?? 0, firstLine(error.message))
    return undefined
  }
  const lineOf = (node: unknown): number => {
    const range = (node as Node | null | undefined)?.range
    return range ? lines.linePos(range[0]).line : 0
  }
  const root = doc.contents
  if (!yaml.isMap(root)) {
    report(lineOf(root), 'the file must be a mapping with one key, webhooks: a mapping of entry names to webhooks.')
    return undefined
  }
  let webhooks: Pair | undefined
  for (const pair of root.items) {
    const key = keyText(pair, yaml)
    if (key === 'webhooks' && !webhooks) webhooks = pair
    else if (key === 'webhooks') report(lineOf(pair.key), 'webhooks is given twice.')
    else report(lineOf(pair.key), unknownKey(key, TOP_LEVEL, 'a key of the file'))
  }
  if (!webhooks) {
    report(lineOf(root), 'the file has no webhooks key: give webhooks, a mapping of entry names to webhooks.')
    return undefined
  }
  if (!yaml.isMap(webhooks.value)) {
    report(
      lineOf(webhooks.key),
      'webhooks must be a mapping of entry names to webhooks (write webhooks: {} for none, to delete every webhook ' +
        'this manifest made).'
    )
    return undefined
  }
  return readEntries(webhooks.value.items, doc, lineOf, report, yaml)
}

type Yaml = typeof import('yaml')

function readEntries(
  pairs: Pair[],
  doc: Document,
  lineOf: (node: unknown) => number,
  report: Report,
  yaml: Yaml
): RawEntry[] {
  const entries: RawEntry[] = []
  for (const pair of pairs) {
    const name = keyText(pair, yaml)
    const label = keyLabel(name)
    const line = lineOf(pair.key)
    const first = entries.find((entry) => entry.name === name)
    if (first) {
      report(line, `${label}: the entry name is given twice (first on line ${first.line}): entry names are unique.`)
      continue
    }
    const fields = new Map<string, RawField>()
    entries.push({ name, label, line, fields })
    if (!yaml.isMap(pair.value)) {
      report(line, `${label}: an entry must be a mapping of fields (url, events, phone-number-id, ...).`)
      continue
    }
    for (const field of pair.value.items) {
      const key = keyText(field, yaml)
      const at = lineOf(field.key)
      const before = fields.get(key)
      if (before) report(at, `${label}.${keyLabel(key)} is given twice (first on line ${before.line}).`)
      else fields.set(key, { ...fieldValue(field.value as Node | null, doc), line: at })
    }
  }
  return entries
}

/**
 * A field's value as JavaScript. Its aliases are expanded by the yaml package, which refuses an expansion past
 * maxAliasCount (an "entity expansion" bomb) by throwing; an alias inside its own anchor expands into a value
 * that holds itself, which no field can be. Either is the field's problem, not a fault of the action.
 */
function fieldValue(node: Node | null, doc: Document): Omit<RawField, 'line'> {
  const problem = {
    value: null,
    problem:
      'uses YAML aliases (*name) that expand too far or refer to their own anchor: write the value out, or ' +
      'use each alias for a plain list or mapping.'
  }
  let value: unknown
  try {
    value = node?.toJS(doc, { maxAliasCount: MAX_ALIAS_COUNT }) ?? null
  } catch {
    return problem
  }
  return holdsItself(value, new Set(), new Set()) ? problem : { value }
}

/** yaml's own default: at most this many aliases expanded for one value, counting those within each. */
const MAX_ALIAS_COUNT = 100

/** Whether the value holds itself somewhere inside; each object looked into once. */
function holdsItself(value: unknown, path: Set<object>, done: Set<object>): boolean {
  if (typeof value !== 'object' || value === null) return false
  if (path.has(value)) return true
  if (done.has(value)) return false
  path.add(value)
  const found = Object.values(value).some((item) => holdsItself(item, path, done))
  path.delete(value)
  done.add(value)
  return found
}

/**
 * A key (an entry's name, a field's) as problems show it: as written when it could be a name, else quoted,
 * its control characters escaped, cut short. Each of an entry's problems starts with its name, so a name of
 * 100 KB is not repeated in each of thousands, nor a line break in one taken for a second line.
 */
export function keyLabel(name: string): string {
  return name.length <= 60 && !hasControl(name) ? name : cut(escapeControl(JSON.stringify(name)), 60)
}

/** A key as text: YAML allows keys of any type, a manifest only plain ones. */
function keyText(pair: Pair, yaml: Yaml): string {
  const key = pair.key
  return yaml.isScalar(key) ? String(key.value) : String(key)
}

/** "evnts is not …: did you mean "events"?" */
export function unknownKey(key: string, known: readonly string[], what: string): string {
  const near = suggest(key, known)
  return `${keyLabel(key)} is not ${what}${near ? `: did you mean "${near}"?` : `. Accepted: ${known.join(', ')}.`}`
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message
}
