/** Which URLs are one webhook: the normal form the README documents, and nothing looser. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { containsFilter, hasEmptySegment, sameUrl } from '../src/urls.js'

describe('sameUrl', () => {
  it.each([
    ['scheme and host in any case', 'HTTPS://Preview.Example.COM/api', 'https://preview.example.com/api'],
    ['the default port', 'https://preview.example.com:443/api', 'https://preview.example.com/api'],
    ['an empty path', 'https://preview.example.com', 'https://preview.example.com/'],
    ['one trailing slash', 'https://preview.example.com/api/', 'https://preview.example.com/api'],
    ['dot segments', 'https://preview.example.com/a/../api', 'https://preview.example.com/api']
  ])('takes %s as the same URL', (_what, a, b) => {
    expect(sameUrl(a, b)).toBe(true)
  })

  it.each([
    ['path case', 'https://preview.example.com/API', 'https://preview.example.com/api'],
    ['another port', 'https://preview.example.com:8443/api', 'https://preview.example.com/api'],
    ['an empty segment', 'https://preview.example.com//api', 'https://preview.example.com/api'],
    ['two trailing slashes', 'https://preview.example.com/api//', 'https://preview.example.com/api'],
    ['a query', 'https://preview.example.com/api?pr=1', 'https://preview.example.com/api'],
    ['query case', 'https://preview.example.com/api?pr=A', 'https://preview.example.com/api?pr=a'],
    ['credentials', 'https://u:p@preview.example.com/api', 'https://preview.example.com/api'],
    ['another scheme', 'http://preview.example.com/api', 'https://preview.example.com/api'],
    ['a text that is no URL', 'preview.example.com/api', 'preview.example.com/api']
  ])('takes %s as another URL', (_what, a, b) => {
    expect(sameUrl(a, b)).toBe(false)
  })

  it("filters Kapso's list by host and path when the host is spelled as it parses, else by what every form keeps", () => {
    expect(containsFilter('https://pr-1.example.com/api/whatsapp/')).toBe('//pr-1.example.com/api/whatsapp')
    expect(containsFilter('https://pr-1.example.com:8443/api')).toBe('//pr-1.example.com:8443/api')
    expect(containsFilter('https://pr-1.example.com')).toBe('//pr-1.example.com')
    // A host spelled otherwise may be kept as spelled or lower-cased, with or without :443: the path alone.
    expect(containsFilter('https://PR-1.example.com:443/api/whatsapp/')).toBe('/api/whatsapp')
    expect(containsFilter('https://PR-1.example.com')).toBeUndefined()
    // A path that parsing changes may be stored as typed or as parsed: the host alone.
    for (const url of [
      'https://pr-1.example.com/café/hook',
      'https://pr-1.example.com/a/./hook',
      'https://pr-1.example.com/{pr}/hook',
      'https://pr-1.example.com/a\\hook'
    ]) {
      expect(containsFilter(url), url).toBe('//pr-1.example.com')
    }
    expect(hasEmptySegment('https://pr-1.example.com//api/whatsapp')).toBe(true)
    expect(hasEmptySegment('https://pr-1.example.com/api/whatsapp')).toBe(false)
  })
})

describe('containsFilter', () => {
  const label = fc.stringMatching(/^[a-zA-Z0-9]([a-zA-Z0-9-]{0,8}[a-zA-Z0-9])?$/)
  const host = fc.array(label, { minLength: 1, maxLength: 4 }).map((labels) => labels.join('.'))
  const segment = fc.stringMatching(/^[a-zA-Z0-9._~-]{0,8}$/)
  const path = fc.array(segment, { maxLength: 4 }).map((segments) => segments.map((s) => `/${s}`).join(''))
  const url = fc
    .tuple(host, fc.constantFrom('', ':443', ':8443'), path, fc.constantFrom('', '?pr=1'))
    .map(([h, port, p, query]) => `https://${h}${port}${p}${query}`)
    .filter((u) => URL.canParse(u))

  /** What a server may keep of a URL: as sent, or any mix of the normal form's changes. */
  const keptForms = (sent: string): string[] => {
    const parsed = new URL(sent)
    const normal = `${parsed.protocol}//${parsed.host}${parsed.pathname}${parsed.search}`
    return [sent, normal].flatMap((form) => {
      const [base = '', query] = form.split('?')
      const toggled = base.endsWith('/') ? base.slice(0, -1) : `${base}/`
      return [form, query === undefined ? toggled : `${toggled}?${query}`]
    })
  }

  it('is in every form a server may keep of the URL, exactly, so the filter lets each through', () => {
    fc.assert(
      fc.property(url, (sent) => {
        const filter = containsFilter(sent)
        for (const form of keptForms(sent).filter((f) => sameUrl(f, sent))) {
          if (filter !== undefined) expect(form, `${filter} in ${form}`).toContain(filter)
        }
      })
    )
  })

  it('names the host whenever the host is spelled in lower case without a port', () => {
    fc.assert(
      fc.property(url, (sent) => {
        const parsed = new URL(sent)
        const spelled = `https://${parsed.host}`
        if (sent.startsWith(spelled) && /^([/?]|$)/.test(sent.slice(spelled.length)))
          expect(containsFilter(sent)).toMatch(`//${parsed.host}`)
      })
    )
  })
})
