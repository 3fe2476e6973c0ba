/**
 * The promise that no secret leaks, module by module: what secrets.ts hides, what text.ts escapes and
 * cuts, what log.ts lets out, and which secrets boundary/kapso.ts keeps from Kapso's answers. Each case
 * is something a reader of the log, an annotation or an output would see.
 */
import * as core from '@actions/core'
import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest'
import { errorText, parseWebhook, parseWebhookPage } from '../src/boundary/kapso.js'
import { AnswerError } from '../src/boundary/parse.js'
import * as log from '../src/log.js'
import { FRAGMENT_LENGTH, hideInServerText, maskSecret, outsideText, redact } from '../src/secrets.js'
import { cut, escapeControl, hasControl } from '../src/text.js'
import { clearCore, recorded } from './support/core.js'

vi.mock('@actions/core', async (orig) => (await import('./support/core-mock.js')).mockCore(orig))

beforeEach(clearCore)

/** 24 characters, no two windows of 10 alike, so each fragment names its place in the secret. */
const SECRET = 'Kq7Zr2Wm9Tx4Lp8Vn3Hs6Jd1'
const API_KEY = 'kapso_live_0123456789abcdefABCDEF'
const calls = (fn: unknown): unknown[][] => (fn as Mock).mock.calls

describe('maskSecret', () => {
  it('asks the runner to mask each secret once, and never an empty value', () => {
    maskSecret('')
    maskSecret(SECRET)
    maskSecret(SECRET)
    maskSecret(API_KEY)
    expect(recorded.masks()).toEqual([SECRET, API_KEY])
  })
})

describe('redact', () => {
  it('leaves text alone while no secret is known, or when none is in it', () => {
    expect(redact(`before any mask: ${SECRET}`)).toBe(`before any mask: ${SECRET}`)
    maskSecret(SECRET)
    expect(redact('')).toBe('')
    expect(redact('nothing secret here, not even Kq7Zr2Wm9')).toBe('nothing secret here, not even Kq7Zr2Wm9')
  })

  it('hides every occurrence of a secret, each as one ***', () => {
    maskSecret(SECRET)
    expect(redact(`key=${SECRET} and again ${SECRET}.`)).toBe('key=*** and again ***.')
    expect(redact(SECRET)).toBe('***')
    expect(redact(`${SECRET}${SECRET}`)).toBe('***')
  })

  it(`hides a fragment of ${FRAGMENT_LENGTH} characters or more, wherever it stands, and shows a shorter one`, () => {
    maskSecret(SECRET)
    const head = SECRET.slice(0, FRAGMENT_LENGTH)
    const middle = SECRET.slice(7, 7 + FRAGMENT_LENGTH)
    const tail = SECRET.slice(-FRAGMENT_LENGTH)
    expect(redact(head)).toBe('***')
    expect(redact(`${head} at the start`)).toBe('*** at the start')
    expect(redact(`in the ${middle} middle`)).toBe('in the *** middle')
    expect(redact(`at the end ${tail}`)).toBe('at the end ***')
    expect(redact(`cut short: ${SECRET.slice(0, 17)}...`)).toBe('cut short: ***...')
    const short = SECRET.slice(3, 3 + FRAGMENT_LENGTH - 1)
    expect(redact(`only ${short} shows`)).toBe(`only ${short} shows`)
  })

  it('hides a short secret only whole: it has no fragments to look for', () => {
    maskSecret('pw-12345')
    expect(redact('token pw-12345, twice pw-12345pw-12345')).toBe('token ***, twice ***')
    expect(redact('pw-1234 is not it')).toBe('pw-1234 is not it')
  })

  it('hides overlapping and neighbouring secrets as one *** and keeps what is between them', () => {
    maskSecret(SECRET)
    maskSecret(API_KEY)
    maskSecret('pw-12345')
    expect(redact(`${SECRET}${API_KEY}`)).toBe('***')
    expect(redact(`a ${SECRET} b ${API_KEY} c pw-12345 d`)).toBe('a *** b *** c *** d')
    expect(redact(`${SECRET.slice(0, 12)}${API_KEY.slice(-12)}!`)).toBe('***!')
  })
})

describe('outsideText', () => {
  it('hides a secret before it cuts, so that the cut cannot leave a readable part', () => {
    maskSecret(SECRET)
    // Cut first, 14 characters of the secret would stay; hidden first, none does.
    expect(outsideText(`server says: ${SECRET}`, 30)).toBe('server says: ***')
    expect(outsideText(`${'x'.repeat(20)}${SECRET}`, 30)).toBe(`${'x'.repeat(20)}***`)
  })

  it('escapes control characters after hiding, so that a line break cannot split a secret out of sight', () => {
    maskSecret(SECRET)
    expect(outsideText(`${SECRET}\n::error::forged`, 100)).toBe('***\\n::error::forged')
  })

  it('keeps the words after a secret of thousands of characters that the server echoes', () => {
    // The first, cheap cut of a huge text keeps 16 times what is shown: room for the secret and the words after it.
    const long = Array.from({ length: 800 }, (_, i) => `${i}`.padStart(10, '#')).join('')
    maskSecret(long)
    expect(outsideText(`${long} is not a valid certificate`, 500)).toBe('*** is not a valid certificate')
    const huge = outsideText(`${long} is not a valid certificate: ${'x'.repeat(5_000)}`, 500)
    expect(huge).toMatch(/^\*\*\* is not a valid certificate: x+\.\.\.$/)
    expect(huge).toHaveLength(500)
  })

  it('caps what it shows', () => {
    expect(outsideText('y'.repeat(50_000), 100)).toBe(`${'y'.repeat(97)}...`)
  })
})

describe('text.ts', () => {
  it.each([
    ['a line break', 'a\nb', 'a\\nb'],
    ['a carriage return', 'a\rb', 'a\\rb'],
    ['a tab', 'a\tb', 'a\\tb'],
    ['NUL', 'a\u0000b', 'a\\x00b'],
    ['the last C0 control', 'a\u001fb', 'a\\x1fb'],
    ['DEL', 'a\u007fb', 'a\\x7fb'],
    ['a C1 control', 'a\u0085b', 'a\\x85b'],
    ['the last C1 control', 'a\u009fb', 'a\\x9fb'],
    ['the line separator', 'a\u2028b', 'a\\u2028b'],
    ['the paragraph separator', 'a\u2029b', 'a\\u2029b'],
    ['every one of several', '\n\n%0A\r', '\\n\\n%0A\\r']
  ])('makes %s visible', (_what, raw, shown) => {
    expect(hasControl(raw)).toBe(true)
    expect(escapeControl(raw)).toBe(shown)
  })

  it.each([
    ['a space', 'a b'],
    ['a tilde', 'a~b'],
    ['a no-break space', 'a\u00a0b'],
    ['an accent', 'café'],
    ['a character just past the separators', 'a\u202ab'],
    ['an emoji', 'a\u{1F600}b']
  ])('leaves %s as it is', (_what, raw) => {
    expect(hasControl(raw)).toBe(false)
    expect(escapeControl(raw)).toBe(raw)
  })

  it('cuts only text longer than the bound, to exactly the bound', () => {
    expect(cut('abcdef', 6)).toBe('abcdef')
    expect(cut('abcdefg', 6)).toBe('abc...')
    expect(cut('abcdefg', 6)).toHaveLength(6)
  })
})

describe('header values in server text', () => {
  const TOKEN = 'Bearer preview-bypass-7f3a9c'

  it('are hidden, whole or in part, in what a server says, and nowhere else (they are not masked in the log)', () => {
    hideInServerText(TOKEN)
    expect(outsideText(`401: header ${TOKEN} refused`, 200)).toBe('401: header *** refused')
    expect(outsideText(`cut: ${TOKEN.slice(3, 17)}`, 200)).toBe('cut: ***')
    expect(redact(`the input said ${TOKEN}`)).toBe(`the input said ${TOKEN}`)
    expect(recorded.masks()).toEqual([])
  })

  it('leave values under 6 characters alone: "true" or "eu" would vanish from every server message', () => {
    hideInServerText('true')
    hideInServerText('eu')
    expect(outsideText('enabled is true, region eu', 200)).toBe('enabled is true, region eu')
    // Six characters is long enough to be a credential.
    hideInServerText('k9-x7q')
    expect(outsideText('token k9-x7q refused', 200)).toBe('token *** refused')
  })
})

describe('log.ts, the last guard', () => {
  beforeEach(() => maskSecret(SECRET))

  it('writes a log text as one line, its line breaks escaped (never a new line the runner would parse), secrets hidden', () => {
    log.info(`first ${SECRET}\nsecond \u0007 ${SECRET.slice(2, 14)}`)
    expect(calls(core.info)).toEqual([['first ***\\nsecond \\x07 ***']])
    log.debug(`debug ${SECRET}\n::warning::more`)
    expect(calls(core.debug)).toEqual([['debug ***\\n::warning::more']])
  })

  it("breaks the runner's old ##[command] form wherever it stands, and changes nothing else of the line", () => {
    log.info('Kapso said: busy ##[stop-commands]t and ##[set-output name=x;]y')
    log.warning('##[error]forged')
    expect(calls(core.info)).toEqual([['Kapso said: busy ##\\[stop-commands]t and ##\\[set-output name=x;]y']])
    expect(calls(core.warning)).toEqual([['##\\[error]forged']])
  })

  it('keeps an annotation in one piece with its line breaks, each line guarded', () => {
    log.notice(`notice ${SECRET}\nline two\r`)
    log.warning(`warning ${SECRET}\n${SECRET}`)
    log.fail(`failed: ${SECRET}\n\u001b[31mred`)
    expect(calls(core.notice)).toEqual([['notice ***\nline two\\r']])
    expect(calls(core.warning)).toEqual([['warning ***\n***']])
    expect(recorded.failure()).toBe('failed: ***\n\\x1b[31mred')
  })

  it('writes a secret output whole (the runner masks it), and hides secrets in every other output', () => {
    log.setOutputs({ 'secret-key': SECRET, webhook: `{"note":"${SECRET}"}`, url: 'https://a.example.com/\nx' }, [
      'secret-key'
    ])
    expect(recorded.outputs()).toEqual({
      'secret-key': SECRET,
      webhook: '{"note":"***"}',
      url: 'https://a.example.com/\\nx'
    })
  })

  it('names no output secret unless told', () => {
    log.setOutputs({ 'secret-key': SECRET })
    expect(recorded.outputs()).toEqual({ 'secret-key': '***' })
  })
})

describe("secrets in Kapso's answers", () => {
  const webhook = (id: string, secret: unknown): Record<string, unknown> => ({
    id,
    url: `https://${id.slice(0, 4)}.example.com/hook`,
    events: ['whatsapp.message.received'],
    secret_key: secret
  })
  const MINE = '11111111-1111-4111-8111-111111111111'
  const OTHER = '22222222-2222-4222-8222-222222222222'

  it('keeps the secret of the webhook asked for and drops every other one as the list is read', () => {
    const page = parseWebhookPage(
      { data: [webhook(MINE, 'mine-secret-0123456789'), webhook(OTHER, 'other-secret-0123456789')] },
      'listing',
      100,
      (w) => w.id === MINE
    )
    expect(page.webhooks.map((w) => [w.id, w.secret_key])).toEqual([
      [MINE, 'mine-secret-0123456789'],
      [OTHER, undefined]
    ])
    expect(page.webhooks[1]).not.toHaveProperty('secret_key')
    expect(JSON.stringify(page)).not.toContain('other-secret')
  })

  it('keeps a secret of another JSON type as its text, so that it is masked like any other', () => {
    expect(parseWebhook({ data: webhook(MINE, 12345678901234) }, 'reading').secret_key).toBe('12345678901234')
    expect(parseWebhook({ data: webhook(MINE, null) }, 'reading')).not.toHaveProperty('secret_key')
  })

  it('refuses a secret with a control character, without quoting it', () => {
    const bad = 'line-one-secret\n::add-mask::x'
    let error: unknown
    try {
      parseWebhook({ data: webhook(MINE, bad) }, 'reading webhook x')
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(AnswerError)
    expect((error as Error).message).toBe(
      "Kapso's answer while reading webhook x has a secret_key that is not text without control characters."
    )
    // The same secret on a webhook whose secret is dropped is no reason to fail.
    expect(parseWebhookPage({ data: [webhook(OTHER, bad)] }, 'listing', 100, () => false).webhooks).toHaveLength(1)
  })

  it('hides a known secret that Kapso quotes back in its error', () => {
    maskSecret(API_KEY)
    expect(errorText({ error: `Invalid API key ${API_KEY}` })).toBe('Invalid API key ***')
    expect(errorText({ error: { message: `key ${API_KEY.slice(0, 15)} revoked` } })).toBe('key *** revoked')
  })

  it('finds the message beside an empty or null error', () => {
    expect(errorText({ error: null, message: 'Invalid or missing API key' })).toBe('Invalid or missing API key')
    expect(errorText({ error: '', message: 'Invalid or missing API key' })).toBe('Invalid or missing API key')
  })
})

describe("Kapso's error text", () => {
  it('is found wherever the body keeps it', () => {
    expect(errorText({ error: 'Url is invalid' })).toBe('Url is invalid')
    expect(errorText({ error: { message: 'Invalid or missing API key' } })).toBe('Invalid or missing API key')
    expect(errorText({ error: 'Rate limit exceeded', message: 'Please retry after 60 seconds' })).toBe(
      'Rate limit exceeded: Please retry after 60 seconds'
    )
    expect(errorText({ detail: 'Bad page' })).toBe('Bad page')
    expect(errorText(null)).toBe('')
    expect(errorText(['error'])).toBe('')
  })

  it('keeps to one line, its control characters made visible, and is cut short', () => {
    expect(errorText({ error: 'line one\r\n::error::forged' })).toBe('line one\\r\\n::error::forged')
    expect(errorText({ error: 'x'.repeat(2000) })).toHaveLength(500)
  })
})
