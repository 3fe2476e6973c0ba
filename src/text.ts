/**
 * Text that reaches the log, an annotation, an output or the job summary from outside this program (a
 * server's answer, an input's value): control characters made visible, length capped. Line breaks among
 * them, so that no such text can start a workflow command or split an output.
 */

/** C0, DEL and C1 controls, and the Unicode line and paragraph separators that some viewers break lines on. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/
const CONTROLS = new RegExp(CONTROL.source, 'g')

export function hasControl(text: string): boolean {
  return CONTROL.test(text)
}

/** Each control character as a visible escape: a line break becomes the two characters \n. */
export function escapeControl(text: string): string {
  return text.replace(CONTROLS, (c) => {
    if (c === '\n') return '\\n'
    if (c === '\r') return '\\r'
    if (c === '\t') return '\\t'
    const code = c.charCodeAt(0)
    return code > 0xff ? `\\u${code.toString(16).padStart(4, '0')}` : `\\x${code.toString(16).padStart(2, '0')}`
  })
}

/** At most `max` characters, with "..." when cut. */
export function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, Math.max(0, max - 3))}...` : text
}

/** "1 webhook", "3 webhooks": a count with its noun, in the plural unless it is one. */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}

/**
 * Ids for a message, at most `max` of them: "a, b, c and 9,997 more". A list a server made long (10,000
 * webhooks at one URL) must not make a line long: every line is scanned for secrets on its way out.
 */
export function listIds(ids: readonly string[], max = 10): string {
  if (ids.length <= max) return ids.join(', ')
  return `${ids.slice(0, max).join(', ')} and ${(ids.length - max).toLocaleString('en-US')} more`
}
