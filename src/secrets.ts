import * as core from '@actions/core'
import { decodedRuns, type DecodedRun } from './encodings.js'
import { cut, escapeControl } from './text.js'

/**
 * Every secret this step knows, in two tiers:
 * - masked (core.setSecret) and hidden in every line: the API key, the GitHub token, and the signing secret
 *   of the webhook the step provisions (given, generated or read back). Each is masked once, when it becomes
 *   known, before anything could print it.
 * - hidden only in text that came from outside (a server's message): header values, which may be
 *   credentials but are too common to mask, and the secrets of the other webhooks the step read at its
 *   URL, which are not masked at all (10,000 webhooks must not put 10,000 masks into the log), yet never
 *   shown. In such text every secret is also looked for hex-, base64- and percent-encoded (encodings.ts),
 *   forms a server may echo and the runner does not mask.
 * Text from outside is passed through redact() before it is cut, quoted or logged, because the runner masks
 * only whole values and a cut can leave half a secret readable.
 */
const masked: string[] = []
const serverOnly: string[] = []
const serverOnlySet = new Set<string>()

/** Fragments this long or longer are hidden too: a text that holds part of a secret shows none of it. */
export const FRAGMENT_LENGTH = 10

/**
 * A secret Kapso holds is masked only from this length: the signing secrets the action makes are 64, and
 * the secret-key input must have 16. Masking a shorter one ("a", "https") would rewrite every such letter or
 * word of the log and of the outputs, ids and URLs included.
 */
export const MIN_MASKED_SECRET = 16

/** Masks a secret the step was given (api-key, github-token, secret-key) and remembers it for redact(). */
export function maskSecret(value: string): void {
  if (value === '' || masked.includes(value)) return
  core.setSecret(value)
  masked.push(value)
}

/**
 * The signing secret Kapso holds for the webhook the step provisions: masked like a given one when it has
 * MIN_MASKED_SECRET characters or more. False when it is shorter: then it is neither masked nor hidden,
 * and must never be printed nor written to an output (the caller warns to rotate it).
 */
export function maskWebhookSecret(value: string): boolean {
  if (value.length < MIN_MASKED_SECRET) return false
  maskSecret(value)
  return true
}

/** The secret of another webhook the step read (not the one it provisions): hidden in server text, not masked. */
export function holdSecret(value: string): void {
  if (value.length >= MIN_MASKED_SECRET) hideInServerText(value)
}

/**
 * A value that a server's text must never show (a header value: it may be a token for the endpoint), but
 * that is not masked in the whole log: "preview" or "true" would vanish from every line.
 */
export function hideInServerText(value: string): void {
  if (value.length < 6 || serverOnlySet.has(value) || masked.includes(value)) return
  serverOnlySet.add(value)
  serverOnly.push(value)
}

/**
 * The text with every known secret, and every run of it that holds FRAGMENT_LENGTH or more characters of
 * one, replaced by ***. For text from outside (a server's message, an input's value) before it is shown.
 * Linear in the text and in the secrets' lengths: the text's windows are indexed once, and the decoded
 * forms of its encoded runs (in server text) are searched together, once.
 */
export function redact(text: string, serverText = false): string {
  if (text === '' || (masked.length === 0 && (!serverText || serverOnly.length === 0))) return text
  const hidden = new Uint8Array(text.length)
  let any = false
  const values = serverText ? [...masked, ...serverOnly] : masked
  for (const [at, length] of hits(text, values)) {
    hidden.fill(1, at, at + length)
    any = true
  }
  // In a server's text, a secret echoed hex-, base64- or percent-encoded: the whole encoded run is hidden.
  const runs = serverText ? decodedRuns(text) : []
  if (runs.length > 0) {
    const starts: number[] = []
    let decoded = ''
    for (const run of runs) {
      starts.push(decoded.length)
      decoded += `${run.decoded}\u0000`
    }
    for (const [at] of hits(decoded, values)) {
      const run = runs[lastAtOrBefore(starts, at)] as DecodedRun
      hidden.fill(1, run.start, run.end)
      any = true
    }
  }
  if (!any) return text
  let out = ''
  for (let i = 0; i < text.length; i++) {
    if (!hidden[i]) out += text[i]
    else if (i === 0 || !hidden[i - 1]) out += '***'
  }
  return out
}

/** Where the values, whole or in runs of FRAGMENT_LENGTH or more of their characters, stand in the text. */
function* hits(text: string, values: readonly string[]): Generator<[number, number]> {
  let windows: Map<string, number[]> | undefined
  for (const secret of values) {
    if (secret.length < FRAGMENT_LENGTH) {
      for (let at = text.indexOf(secret); at !== -1; at = text.indexOf(secret, at + 1)) yield [at, secret.length]
      continue
    }
    windows ??= windowsOf(text)
    for (let i = 0; i + FRAGMENT_LENGTH <= secret.length; i++) {
      for (const at of windows.get(secret.slice(i, i + FRAGMENT_LENGTH)) ?? []) yield [at, FRAGMENT_LENGTH]
    }
  }
}

/** The index of the last of these ascending numbers that is at most `n`. */
function lastAtOrBefore(ascending: readonly number[], n: number): number {
  let low = 0
  let high = ascending.length - 1
  while (low < high) {
    const middle = Math.ceil((low + high) / 2)
    if ((ascending[middle] ?? 0) <= n) low = middle
    else high = middle - 1
  }
  return low
}

/** Where each run of FRAGMENT_LENGTH characters of the text starts. */
function windowsOf(text: string): Map<string, number[]> {
  const windows = new Map<string, number[]>()
  for (let i = 0; i + FRAGMENT_LENGTH <= text.length; i++) {
    const window = text.slice(i, i + FRAGMENT_LENGTH)
    const at = windows.get(window)
    if (at) at.push(i)
    else windows.set(window, [i])
  }
  return windows
}

/** For tests: forget every secret (each run of the action is a new process). */
export function forgetSecrets(): void {
  masked.length = 0
  serverOnly.length = 0
  serverOnlySet.clear()
}

/**
 * Text from outside (a server's message or string, a quoted input), made safe to show: secrets and their
 * fragments hidden first, then control characters escaped, then the length capped, in that order.
 */
export function outsideText(text: string, max: number): string {
  // A first, generous cut keeps a huge text cheap to scan; a fragment it splits keeps 10+ characters or none.
  return cut(escapeControl(redact(text.length > 16 * max + 1024 ? text.slice(0, 16 * max + 1024) : text, true)), max)
}
