/**
 * The runs of a text that may be a secret in an encoded form (hex; base64 or base64url, at each of the four
 * places its groups may start; percent-encoded), each with the text it decodes to. secrets.ts looks for
 * every secret in these as in the text itself, however many secrets there are: a server that echoes one
 * encoded shows none of it, and the work grows with the text, not with the secrets.
 */
export interface DecodedRun {
  start: number
  end: number
  decoded: string
}

/** Runs long enough to hold FRAGMENT_LENGTH (10) characters of a secret, decoded. */
const HEX = /[0-9a-fA-F]{20,}/g
const BASE64 = /[A-Za-z0-9+/_-]{14,}={0,2}/g
const PERCENT_CHAR = "(?:%[0-9A-Fa-f]{2}|[A-Za-z0-9._~!*'()+-])"
const PERCENT = new RegExp(`${PERCENT_CHAR}*%[0-9A-Fa-f]{2}${PERCENT_CHAR}*`, 'g')

export function decodedRuns(text: string): DecodedRun[] {
  const runs: DecodedRun[] = []
  const add = (match: RegExpMatchArray, bytes: Buffer): void => {
    const start = match.index ?? 0
    runs.push({ start, end: start + match[0].length, decoded: bytes.toString('utf8') })
  }
  for (const match of text.matchAll(HEX))
    add(match, Buffer.from(match[0].slice(0, match[0].length - (match[0].length % 2)), 'hex'))
  // Node's base64 decoder takes the url-safe alphabet too.
  for (const match of text.matchAll(BASE64))
    for (let skip = 0; skip < 4; skip++) add(match, Buffer.from(match[0].slice(skip), 'base64'))
  for (const match of text.matchAll(PERCENT)) {
    add(
      match,
      Buffer.from(
        match[0].replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
        'latin1'
      )
    )
  }
  return runs
}
