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
 * The text to give Kapso's "URL contains" filter: as much of the URL as every form Kapso may keep of it
 * contains. Kapso documents the filter as a substring match (`q[url_cont]`, `url_contains`: NOTES.md §1.1,
 * §2.3) and never says it ignores case, so the text must be in each form exactly. The forms: the URL as sent
 * (the user's spelling: inputs/webhook.ts) and what a server makes of it in normal form (the host in lower
 * case, the default port dropped, a trailing slash added or dropped). When the host is spelled as it parses
 * (lower case, no default port), that is `//host/path`, the path without a trailing slash: one webhook among
 * any number that share the path. When the path is not spelled as it parses (non-ASCII, percent-encoding,
 * "." segments, braces, backslashes: it may be kept either way), `//host` alone. When the host is spelled
 * otherwise, the path alone; when neither holds, undefined: the whole scope is read.
 */
export function containsFilter(raw: string): string | undefined {
  const url = parseUrl(raw)
  if (!url) return undefined
  const typed = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)([^?#]*)/i.exec(raw)
  const path = url.pathname.replace(/\/$/, '')
  const pathAsParsed = (typed?.[2] ?? '').replace(/\/$/, '') === path
  const hostAsParsed = typed?.[1] === url.host && !url.username && !url.password
  if (hostAsParsed) return `//${url.host}${pathAsParsed ? path : ''}`
  return path === '' || !pathAsParsed ? undefined : path
}

/** Whether the URL's path has an empty segment (`//`), as `${{ url }}/api` makes of a URL ending in "/". */
export function hasEmptySegment(raw: string): boolean {
  return parseUrl(raw)?.pathname.includes('//') ?? false
}

/** The URL, or undefined when it is none. */
export function parseUrl(raw: string): URL | undefined {
  return URL.canParse(raw) ? new URL(raw) : undefined
}

/** A host as URL.hostname gives it, an IPv6 address bracketed, as sockets and lookups take it: unbracketed. */
export const unbracketed = (host: string): string => host.replace(/^\[(.*)\]$/, '$1')
