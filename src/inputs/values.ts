import * as core from '@actions/core'
import { outsideText } from '../secrets.js'
import { ACTION_DEFAULTS } from './defaults.js'

/** Where input values come from: the step's inputs, or (see readingFrom) a manifest entry's fields. */
export type InputSource = (name: string) => string

const stepInputs: InputSource = (name) => core.getInput(name)
let source: InputSource = stepInputs

/**
 * An input's value, with action.yml's default when it is empty. The runner fills a default only for an input
 * the step leaves out; in a workflow an expression that is "not set" gives '', which means "not given" too.
 */
export function readInput(name: string): string {
  return source(name) || (ACTION_DEFAULTS[name] ?? '')
}

/**
 * Runs `read` (synchronous) with every input taken from `values` instead of the step's inputs: how a manifest
 * entry's fields, written as the inputs would be, go through the very rules and messages of the inputs.
 */
export function readingFrom<T>(values: InputSource, read: () => T): T {
  const before = source
  source = values
  try {
    return read()
  } finally {
    source = before
  }
}

/** The step's own input, as given: '' when left out or empty, whatever action.yml's default. */
export function givenInput(name: string): string {
  return stepInputs(name)
}

/** Collects the problems of every input, so that one run reports them all. */
export class Problems {
  readonly list: string[] = []

  /** Records a problem; returns undefined, to stand for the value that could not be read. */
  readonly fail = (message: string): undefined => {
    this.list.push(message)
    return undefined
  }
}

export type Fail = Problems['fail']

/**
 * An input's value, quoted in a message: credentials of a URL and known secrets hidden, control
 * characters escaped, at most 80 characters. Header values are never quoted at all.
 */
export function quote(value: string): string {
  return `"${outsideText(value.replace(/\/\/[^/?#@\s]*@/g, '//***@'), 80)}"`
}

const BOOLEAN_TRUE = ['true', 'True', 'TRUE']
const BOOLEAN_FALSE = ['false', 'False', 'FALSE']

export function readBoolean(name: string, fail: Fail): boolean | undefined {
  const raw = readInput(name)
  if (BOOLEAN_TRUE.includes(raw)) return true
  if (BOOLEAN_FALSE.includes(raw)) return false
  return fail(`${name} must be true or false; got ${quote(raw)}.`)
}

/** A whole number in [min, max]; undefined when empty and action.yml gives no default. */
export function readInteger(name: string, min: number, max: number, fail: Fail): number | undefined {
  const raw = readInput(name)
  if (raw === '') return undefined
  const value = /^[0-9]{1,5}$/.test(raw) ? Number(raw) : NaN
  if (!Number.isInteger(value) || value < min || value > max) {
    return fail(`${name} must be a whole number from ${min} to ${max}; got ${quote(raw)}.`)
  }
  return value
}

/**
 * request-timeout-seconds, 1 to 300: inputs/control.ts reads it with the other run controls, early.ts for the
 * proxy's CONNECT of the connection it opens before the rest of the inputs are read.
 */
export function readRequestTimeoutSeconds(fail: Fail): number | undefined {
  return readInteger('request-timeout-seconds', 1, 300, fail)
}

const DURATION_UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 }

/** A duration like 90m, 72h or 7d, in milliseconds; at most a year. */
export function readDuration(name: string, fail: Fail): number | undefined {
  const raw = readInput(name)
  if (raw === '') return undefined
  const match = /^([0-9]{1,6})([mhd])$/.exec(raw)
  const ms = match ? Number(match[1]) * (DURATION_UNITS[match[2] as string] ?? 0) : 0
  if (!match || ms <= 0 || ms > 366 * 86_400_000) {
    return fail(
      `${name} must be a whole number of minutes, hours or days, like 90m, 72h or 7d, up to 366d; got ${quote(raw)}.`
    )
  }
  return ms
}

export function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname)
}
