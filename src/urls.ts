/**
 * When two webhook URLs are the same webhook. Kapso may keep a URL in another form than it was sent in,
 * so URLs compare in a normal form: what the WHATWG URL parser makes of them (scheme and host in lower
 * case, the default port dropped, an empty path as "/", "." and ".." segments resolved, the same
 * percent-encoding), with one trailing slash of the path ignored. Path, query and fragment otherwise
 * compare exactly, case included.
 */
export function urlKey(raw: string): string | undefined {
  const url = parseUrl(raw)
  if (!url) return undefined
  const path = url.pathname.endsWith('/') ? url.pathname.slice(0, -1) : url.pathname
  const credentials = url.username || url.password ? `${url.username}:${url.password}@` : ''
  return `${url.protocol}//${credentials}${url.host}${path}${url.search}${url.hash}`
}

/** Whether both are URLs and the same webhook URL in the normal form above. */
export function sameUrl(a: string, b: string): boolean {
  const key = urlKey(a)
  return key !== undefined && key === urlKey(b)
}

/**
 * The text to give Kapso's "URL contains" filter so that every stored form of this URL passes it: the path
 * without a trailing slash (hosts may come back in another case, with or without a port). Only when the
 * path reads the same as typed and as parsed: a path that parsing changes (non-ASCII, percent-encoding,
 * "." segments, braces, backslashes) may be stored either way, so the whole scope is read instead, as it
 * is for an empty path.
 */
export function containsFilter(raw: string): string | undefined {
  const url = parseUrl(raw)
  if (!url) return undefined
  const typed = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^?#]*)/i.exec(raw)?.[1] ?? ''
  const path = url.pathname.replace(/\/$/, '')
  return path === '' || typed.replace(/\/$/, '') !== path ? undefined : path
}

/** Whether the URL's path has an empty segment (`//`), as `${{ url }}/api` makes of a URL ending in "/". */
export function hasEmptySegment(raw: string): boolean {
  return parseUrl(raw)?.pathname.includes('//') ?? false
}

/** The URL, or undefined when it is none. */
export function parseUrl(raw: string): URL | undefined {
  return URL.canParse(raw) ? new URL(raw) : undefined
}
