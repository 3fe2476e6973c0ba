/** The leak scanner itself: a test that could not see a leak would prove nothing. */
import { describe, expect, it } from 'vitest'
import { findLeaks } from '../scripts/leaks.js'

const SECRET = 'abcdefghij0123456789KLMNOP'

describe('the leak scanner', () => {
  it('allows the secret only in its own mask command, before any other use', () => {
    expect(findLeaks(`::add-mask::${SECRET}\nall fine`, [SECRET])).toEqual([])
    expect(findLeaks(`early ${SECRET}\n::add-mask::${SECRET}`, [SECRET])).toEqual([
      expect.stringMatching(/^secret #0 on line 1, before its mask: early /)
    ])
  })

  it('counts a mask command the runner does not obey (after stop-commands) as printing the secret', () => {
    const log = `::stop-commands::pause\n::add-mask::${SECRET}\n::pause::\nall fine`
    expect(findLeaks(log, [SECRET])).toEqual([
      'secret #0 on line 2: its ::add-mask:: comes while the runner obeys no commands, so it is printed'
    ])
    expect(findLeaks(`##[stop-commands]pause\n::pause::\n::add-mask::${SECRET}`, [SECRET])).toEqual([])
  })

  it('finds a fragment of 10 or more characters anywhere, and none shorter', () => {
    expect(
      findLeaks(`::add-mask::${SECRET}\nKapso said: ${'x'.repeat(20)}${SECRET.slice(0, 12)}...`, [SECRET])
    ).toEqual([expect.stringMatching(/^12 characters of secret #0 on line 2: /)])
    expect(findLeaks(`url https://x/${SECRET.slice(5, 15)}/y`, [SECRET])).toEqual([
      expect.stringMatching(/^10 characters of secret #0 on line 1: /)
    ])
    expect(findLeaks(`only ${SECRET.slice(0, 9)} here`, [SECRET])).toEqual([])
  })

  it('never prints the secret in its report', () => {
    const [report] = findLeaks(`leaked ${SECRET}`, [SECRET])
    expect(report).toBeDefined()
    for (let i = 0; i + 10 <= SECRET.length; i++) expect(report).not.toContain(SECRET.slice(i, i + 10))
    // No tail either: each run of the secret is one <secret>, whatever its length.
    expect(report).toBe('secret #0 on line 1, before its mask: leaked <secret>')
    expect(findLeaks(`cut ${SECRET.slice(3, 17)}... and ${SECRET.slice(0, 11)}`, [SECRET])).toEqual([
      '14 characters of secret #0 on line 1: cut <secret>... and <secret>'
    ])
  })
})
