/**
 * Which secrets are masked, which only hidden in what a server says, and which neither (issue 15): what a
 * reader of the log or a later step reading an output would see, module by module.
 */
import * as core from '@actions/core'
import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest'
import * as log from '../src/log.js'
import { holdSecret, maskSecret, maskWebhookSecret, outsideText, redact } from '../src/secrets.js'
import { clearCore, recorded } from './support/core.js'

vi.mock('@actions/core', async (orig) => (await import('./support/core-mock.js')).mockCore(orig))

beforeEach(clearCore)

const SECRET = 'Kq7Zr2Wm9Tx4Lp8Vn3Hs6Jd1/+ é'
const ID = '1a2b3c4d-0000-4000-8000-0123456789ab'

describe('a webhook secret Kapso holds', () => {
  it.each(['a', 'https', 'whatsapp', '123456789012345'])(
    'of fewer than 16 characters (%j) is not masked, and rewrites nothing',
    (short) => {
      expect(maskWebhookSecret(short)).toBe(false)
      expect(recorded.masks()).toEqual([])
      log.setOutputs({ result: 'unchanged', 'webhook-id': ID, url: `https://pr-7.example.com/${short}` }, [
        'result',
        'webhook-id',
        'url'
      ])
      expect(recorded.outputs()).toEqual({
        result: 'unchanged',
        'webhook-id': ID,
        url: `https://pr-7.example.com/${short}`
      })
      expect(outsideText(`Kapso says ${short} is fine`, 100)).toBe(`Kapso says ${short} is fine`)
    }
  )

  it('of 16 characters or more is masked and hidden, as a given one is', () => {
    expect(maskWebhookSecret(SECRET)).toBe(true)
    expect(recorded.masks()).toEqual([SECRET])
    expect(redact(`echo ${SECRET}`)).toBe('echo ***')
  })
})

describe('outputs', () => {
  it('named verbatim are written as parsed, even when they hold a masked secret; the others are guarded', () => {
    maskSecret(SECRET)
    log.setOutputs({ url: `https://a.example.com/${SECRET}`, webhook: `{"url":"https://a.example.com/${SECRET}"}` }, [
      'url'
    ])
    expect(recorded.outputs()).toEqual({
      url: `https://a.example.com/${SECRET}`,
      webhook: '{"url":"https://a.example.com/***"}'
    })
  })

  it('that cannot be written say which runner file failed', () => {
    ;(core.setOutput as Mock).mockImplementationOnce(() => {
      throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' })
    })
    expect(() => log.setOutputs({ result: 'created' })).toThrow(
      "Could not write the step's outputs to the file GITHUB_OUTPUT names (EACCES): the runner sets GITHUB_OUTPUT and makes that file; " +
        'check that it exists and is writable (a step that changed it or its folder, or a full disk).'
    )
  })
})

describe('the secret of another webhook the step read', () => {
  it("is hidden in what a server says, never masked, and left alone in the step's own lines", () => {
    const other = 'seeded-c62e1158-540e-405a-b34e-e858b75fbce5'
    holdSecret(other)
    holdSecret('short-secret')
    expect(recorded.masks()).toEqual([])
    expect(outsideText(`conflict with ${other} and short-secret`, 200)).toBe('conflict with *** and short-secret')
    expect(redact(`line ${other}`)).toBe(`line ${other}`)
  })

  it('many of them are hidden in one pass: 20,000 held, one text', () => {
    const secrets = Array.from({ length: 20_000 }, (_, i) => `held-secret-${i.toString().padStart(8, '0')}-abcdef`)
    for (const secret of secrets) holdSecret(secret)
    expect(outsideText(`a ${secrets[12_345]} b ${secrets[19_999]} c`, 200)).toBe('a *** b *** c')
  })
})

describe('encoded forms of a masked secret', () => {
  const bytes = Buffer.from(SECRET)
  it.each([
    ['hex', bytes.toString('hex')],
    ['upper-case hex', bytes.toString('hex').toUpperCase()],
    ['base64', bytes.toString('base64')],
    ['base64url', bytes.toString('base64url')],
    ['percent-encoded', encodeURIComponent(SECRET)]
  ])('%s is hidden in what a server says', (_form, encoded) => {
    maskSecret(SECRET)
    expect(outsideText(`got ${encoded} back`, 500)).toBe('got *** back')
  })

  it.each([1, 2, 3])('base64 after %i other bytes is hidden, the whole encoded run', (n) => {
    maskSecret(SECRET)
    const encoded = Buffer.concat([Buffer.alloc(n, 0x41), bytes]).toString('base64')
    expect(outsideText(`blob ${encoded} end`, 500)).toBe('blob *** end')
  })

  it("of another webhook's secret, held and not masked, is hidden too", () => {
    const other = 'seeded-c62e1158-540e-405a-b34e-e858b75fbce5'
    holdSecret(other)
    expect(
      outsideText(`hex ${Buffer.from(other).toString('hex')} b64 ${Buffer.from(other).toString('base64url')} end`, 500)
    ).toBe('hex *** b64 *** end')
  })
})
