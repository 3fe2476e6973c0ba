/** Which URLs are one webhook: the normal form the README documents, and nothing looser. */
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

  it("filters Kapso's list by the path, which every stored form keeps", () => {
    expect(containsFilter('https://PR-1.example.com:443/api/whatsapp/')).toBe('/api/whatsapp')
    expect(containsFilter('https://pr-1.example.com')).toBeUndefined()
    // A path that parsing changes may be stored as typed or as parsed: no filter, the whole scope is read.
    for (const url of [
      'https://pr-1.example.com/café/hook',
      'https://pr-1.example.com/a/./hook',
      'https://pr-1.example.com/{pr}/hook',
      'https://pr-1.example.com/a\\hook'
    ]) {
      expect(containsFilter(url), url).toBeUndefined()
    }
    expect(hasEmptySegment('https://pr-1.example.com//api/whatsapp')).toBe(true)
    expect(hasEmptySegment('https://pr-1.example.com/api/whatsapp')).toBe(false)
  })
})
