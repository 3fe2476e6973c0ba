import { describe, expect, it } from 'vitest'
import { kapsoMessage, retryAfterMs } from '../src/kapso/transport.js'

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
    expect(kapsoMessage({ error: 'Url is invalid' })).toBe('Url is invalid')
    expect(kapsoMessage({ error: { message: 'Invalid or missing API key' } })).toBe('Invalid or missing API key')
    expect(kapsoMessage({ error: 'Rate limit exceeded', message: 'Please retry after 60 seconds' })).toBe('Rate limit exceeded: Please retry after 60 seconds')
    expect(kapsoMessage({ detail: 'Bad page' })).toBe('Bad page')
    expect(kapsoMessage(null)).toBe('')
  })

  it('is flattened to one line and cut short', () => {
    expect(kapsoMessage({ error: 'line one\r\n::error::forged' })).toBe('line one ::error::forged')
    expect(kapsoMessage({ error: 'x'.repeat(2000) })).toHaveLength(503)
  })
})
