import * as core from '@actions/core'
import { cut, escapeControl } from './text.js'

/**
 * Every secret this step knows: the API key, the GitHub token, the signing secret given, generated or read
 * back for the webhook it provisions. Each is masked (core.setSecret) once, when it becomes known, before
 * anything could print it; and any text from outside is passed through redact() before it is cut, quoted
 * or logged, because the runner masks only whole values and a cut can leave half a secret readable.
 */
const known: string[] = []
/** Values hidden in server text only: header values, which may be credentials but are too common to mask. */
const serverOnly: string[] = []
const windowsOf = new Map<string, Set<string>>()

/** Fragments this long or longer are hidden too: a text that holds part of a secret shows none of it. */
export const FRAGMENT_LENGTH = 10

/** Masks a secret and remembers it for redact(). Empty values and repeats are ignored. */
export function maskSecret(value: string): void {
  if (value === '' || known.includes(value)) return
  core.setSecret(value)
  known.push(value)
  remember(value)
}

/**
 * A value that a server's text must never show (a header value: it may be a token for the endpoint), but
 * that is not masked in the whole log: "preview" or "true" would vanish from every line.
 */
export function hideInServerText(value: string): void {
  if (value.length < 6 || serverOnly.includes(value) || known.includes(value)) return
  serverOnly.push(value)
  remember(value)
}

function remember(value: string): void {
  if (value.length < FRAGMENT_LENGTH || windowsOf.has(value)) return
  const windows = new Set<string>()
  for (let i = 0; i + FRAGMENT_LENGTH <= value.length; i++) windows.add(value.slice(i, i + FRAGMENT_LENGTH))
  windowsOf.set(value, windows)
}

/**
 * The text with every known secret, and every run of it that holds FRAGMENT_LENGTH or more characters of
 * one, replaced by ***. For text from outside (a server's message, an input's value) before it is shown.
 */
export function redact(text: string, serverText = false): string {
  const values = serverText ? [...known, ...serverOnly] : known
  if (values.length === 0 || text === '') return text
  const hidden = new Uint8Array(text.length)
  let any = false
  for (const secret of values) {
    const windows = windowsOf.get(secret)
    if (!windows) {
      for (let at = text.indexOf(secret); at !== -1; at = text.indexOf(secret, at + 1)) {
        hidden.fill(1, at, at + secret.length)
        any = true
      }
      continue
    }
    for (let i = 0; i + FRAGMENT_LENGTH <= text.length; i++) {
      if (windows.has(text.slice(i, i + FRAGMENT_LENGTH))) {
        hidden.fill(1, i, i + FRAGMENT_LENGTH)
        any = true
      }
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


/** For tests: forget every secret (each run of the action is a new process). */
export function forgetSecrets(): void {
  known.length = 0
  serverOnly.length = 0
  windowsOf.clear()
}

/**
 * Text from outside (a server's message or string, a quoted input), made safe to show: secrets and their
 * fragments hidden first, then control characters escaped, then the length capped, in that order.
 */
export function outsideText(text: string, max: number): string {
  // A first, generous cut keeps a huge text cheap to scan; a fragment it splits keeps 10+ characters or none.
  return cut(escapeControl(redact(text.length > 16 * max + 1024 ? text.slice(0, 16 * max + 1024) : text, true)), max)
}
