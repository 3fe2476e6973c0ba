import { describe, expect, it } from 'vitest'
import { errorText } from '../src/boundary/kapso.js'
import { retryAfterMs } from '../src/retry.js'

describe('Retry-After', () => {
  const now = Date.parse('2026-11-28T10:00:00Z')
  it('reads seconds and HTTP dates, and nothing else', () => {
    expect(retryAfterMs('60', now)).toBe(60_000)
    expect(retryAfterMs(' 0 ', now)).toBe(0)
    expect(retryAfterMs('Sat, 28 Nov 2026 10:00:30 GMT', now)).toBe(30_000)
    expect(retryAfterMs('Sat, 28 Nov 2026 09:59:00 GMT', now)).toBe(0)
    expect(retryAfterMs('soon', now)).toBeUndefined()
    expect(retryAfterMs('-5', now)).toBeUndefined()
    expect(retryAfterMs(undefined, now)).toBeUndefined()
  })
})

describe('Kapso\'s error text', () => {
  it('is found wherever the body keeps it', () => {
    expect(errorText({ error: 'Url is invalid' })).toBe('Url is invalid')
    expect(errorText({ error: { message: 'Invalid or missing API key' } })).toBe('Invalid or missing API key')
    expect(errorText({ error: 'Rate limit exceeded', message: 'Please retry after 60 seconds' })).toBe('Rate limit exceeded: Please retry after 60 seconds')
    expect(errorText({ detail: 'Bad page' })).toBe('Bad page')
    expect(errorText(null)).toBe('')
    expect(errorText(['error'])).toBe('')
  })

  it('keeps to one line, its control characters made visible, and is cut short', () => {
    expect(errorText({ error: 'line one\r\n::error::forged' })).toBe('line one\\r\\n::error::forged')
    expect(errorText({ error: 'x'.repeat(2000) })).toHaveLength(500)
  })
})
