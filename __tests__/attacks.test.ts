/**
 * A hostile review's attacks that held, kept so that they keep holding: redirects to another host, answers
 * of every wrong shape to a create and a list, endless pages, servers that hang, trickle or rate-limit
 * forever, a 204 to a create, and meta-kind webhooks let through the filter. Loose ownership records are in
 * ownership.test.ts, the one table of how a record is read; the attacks that once broke a claim are in claims.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EMULATOR_DEFAULTS } from '../emulator/server.js'
import { useEmulator } from './support/emulator.js'
import { emulatorInputs, runAction, type ActionRun, type RunOptions } from '../scripts/run-action.js'
import { runChecked } from './support/bundle.js'
import { Liar } from './support/liar.js'
import { scheduleEvent } from '../scripts/github-events.js'

const OTHER_NUMBER = '555000111'
const kapso = useEmulator({ phoneNumberIds: [EMULATOR_DEFAULTS.phoneNumberId, OTHER_NUMBER] })
let elsewhere: Liar
beforeAll(async () => {
  elsewhere = await Liar.start(() => ({ body: '{}' }))
})
afterAll(() => elsewhere.close())

const CONFIG = EMULATOR_DEFAULTS.configId
const URL_A = 'https://pr-9.preview.example.com/api/whatsapp'
const REPO = 'octo-org/shop'
const ID = '11111111-2222-4333-8444-555555555555'

async function run(inputs: Record<string, string>, options: RunOptions = {}): Promise<ActionRun> {
  return runChecked(inputs, { options })
}
const legacyVia = (origin: string, more: Record<string, string> = {}): Record<string, string> => ({
  'api-key': EMULATOR_DEFAULTS.apiKey,
  'api-url': `${origin}/api/v1`,
  'whatsapp-config-id': CONFIG,
  url: URL_A,
  events: 'whatsapp.message.received',
  ...more
})
const errorLine = (r: ActionRun): string => r.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? ''

describe('redirects are never followed, and the key goes nowhere else', () => {
  it.each([301, 302, 307, 308])('Kapso %i to another host', async (status) => {
    const front = await Liar.start(() => ({ status, headers: { Location: `${elsewhere.origin}/api/v1/steal` } }))
    try {
      const r = await run(legacyVia(front.origin))
      expect(r.exitCode).toBe(1)
      expect(errorLine(r)).toContain(`redirect (HTTP ${status})`)
      expect(elsewhere.seen).toEqual([])
    } finally {
      await front.close()
    }
  })

  it('GitHub 302 on the GraphQL query of a sweep', async () => {
    kapso.seed('legacy', CONFIG, {
      url: URL_A,
      headers: { 'X-Provisioned-By': `kapso-webhook-action; repository=${REPO}; pull-request=5` }
    })
    const github = await Liar.start(() => ({ status: 302, headers: { Location: `${elsewhere.origin}/graphql` } }))
    try {
      const r = await run(
        { ...emulatorInputs(kapso, 'legacy'), operation: 'sweep' },
        { event: scheduleEvent({ repository: REPO, apiUrl: github.origin }) }
      )
      expect(errorLine(r)).toContain('GitHub answered with a redirect')
      expect(elsewhere.seen).toEqual([])
    } finally {
      await github.close()
    }
  })
})

describe('wrong shapes fail with a message naming the request and the field', () => {
  const good = { id: ID, url: URL_A, events: ['whatsapp.message.received'], secret_key: 'abcdefghijklmnop' }
  const deep = '['.repeat(100000) + ']'.repeat(100000)
  const one = (w: unknown): string => JSON.stringify({ data: w })
  const cases: [string, string, RegExp][] = [
    ['id a number', one({ ...good, id: 5 }), /has data\.id that is not a UUID/],
    ['id with a line break', one({ ...good, id: `${ID}\n::warning::x` }), /has data\.id that is not a UUID/],
    ['relative url', one({ ...good, url: '/hook' }), /has data\.url that is not a URL/],
    ['created_at a number', one({ ...good, created_at: 5 }), /has data\.created_at that is not a date-time/],
    ['unknown kind', one({ ...good, kind: 'KAPSO' }), /has data\.kind that is not kapso or meta/],
    ['events of numbers', one({ ...good, events: [1] }), /has data\.events\[0\] that is not a name/],
    ['event name with U+2028', one({ ...good, events: ['a\u2028b'] }), /has data\.events\[0\] that is not a name/],
    [
      'header name with a line break',
      one({ ...good, headers: { 'a\nb': 'v' } }),
      /has data\.headers\["a\\\\nb"\] that is not a header name/
    ],
    [
      'a header value nested 100,000 deep',
      `{"data":{"id":"${ID}","url":"${URL_A}","secret_key":"abcdefghijkl","headers":{"A":${deep}}}}`,
      /has a header value that is not JSON/
    ],
    [
      'a secret_key nested 100,000 deep',
      `{"data":{"id":"${ID}","url":"${URL_A}","secret_key":${deep}}}`,
      /has a secret_key that is not text/
    ],
    ['the whole body nested 100,000 deep', deep, /has no data\.$/],
    ['a list instead of {data}', '[]', /has no data\.$/],
    ['null', 'null', /is not a JSON object with data/]
  ]
  it.each(cases)('create answered 201 with %s', async (_name, body, message) => {
    let used = false
    const front = await Liar.start(
      (req) => (req.method === 'POST' && !used ? ((used = true), { status: 201, body }) : undefined),
      kapso.origin
    )
    try {
      const r = await run(legacyVia(front.origin, { 'max-attempts': '2' }))
      expect(r.exitCode).toBe(1)
      expect(errorLine(r)).toMatch(/^::error::Kapso's answer while creating a webhook for \S+ /)
      expect(errorLine(r)).toMatch(message)
    } finally {
      await front.close()
    }
  })

  // Lists of the wrong shape: hostile.test.ts ("answers of the wrong shape").
})

describe('pages, slow servers and the step deadline', () => {
  it('total_pages 1e9 is refused at the first page, saying so', async () => {
    const front = await Liar.start((req) =>
      req.method === 'GET' ? { body: JSON.stringify({ data: [], meta: { total_pages: 1e9 } }) } : undefined
    )
    try {
      const r = await runAction(legacyVia(front.origin))
      expect(errorLine(r)).toContain(
        'hold 1,000,000,000 pages of 100: more than this action reads from one scope (20,000 webhooks, 64 MiB), so it stopped reading and changed nothing.'
      )
      expect(front.seen).toHaveLength(1)
    } finally {
      await front.close()
    }
  })

  const outOfTime = /ran out of time \(timeout-seconds: 3\)/
  it.each([
    ['hangs', { hang: true }, outOfTime],
    ['trickles a body forever', { trickle: { everyMs: 200, chunk: ' ' } }, outOfTime],
    // Once the wait asked for is more than the step has left, it stops, saying so (issue 15).
    [
      'answers 429 Retry-After 2 forever',
      { status: 429, headers: { 'Retry-After': '2' }, body: '{}' },
      /Kapso is rate-limiting these requests \(HTTP 429\) while .* and asks to wait 2 s, more than the [\d.]+ s left of timeout-seconds \(3\)/
    ]
  ])('a server that %s: the step ends within timeout-seconds (plus process start-up)', async (_name, answer, says) => {
    const front = await Liar.start(() => answer)
    try {
      const started = Date.now()
      const r = await runAction(
        legacyVia(front.origin, { 'timeout-seconds': '3', 'request-timeout-seconds': '2', 'max-attempts': '10' })
      )
      expect(Date.now() - started).toBeLessThan(3000 + 2500)
      expect(errorLine(r)).toMatch(says)
    } finally {
      await front.close()
    }
  })

  it('204 on a create that made nothing: reconciled, one webhook', async () => {
    kapso.inject({ method: 'POST', fault: { kind: 'status', status: 204 } })
    const r = await run({ ...emulatorInputs(kapso, 'legacy'), url: URL_A, events: 'whatsapp.message.received' })
    expect(r.outputs.result).toBe('created')
    expect(kapso.webhooks()).toHaveLength(1)
  })
})

describe('kind and scope filters', () => {
  it.each(['upsert', 'delete'])(
    '%s by webhook-id: a webhook of another phone number, answered for this one, is never touched',
    async (operation) => {
      const other = kapso.seed('platform', OTHER_NUMBER, { url: URL_A })
      // Answers the read of the webhook in this number's path with the other number's webhook, as Kapso holds it.
      const front = await Liar.start(async (req) => {
        if (req.method !== 'GET' || !req.path.endsWith(`/webhooks/${other.id}`)) return undefined
        const real = await fetch(
          `${kapso.apiUrl('platform')}/whatsapp/phone_numbers/${OTHER_NUMBER}/webhooks/${other.id}`,
          { headers: { 'X-API-Key': EMULATOR_DEFAULTS.apiKey } }
        )
        return { body: await real.text() }
      }, kapso.origin)
      try {
        const r = await run({
          ...emulatorInputs(kapso, 'platform'),
          'api-url': `${front.origin}/platform/v1`,
          'webhook-id': other.id,
          events: 'whatsapp.message.received',
          operation
        })
        expect(r.exitCode).toBe(1)
        expect(errorLine(r)).toContain(`webhook-id ${other.id} is`)
        expect(errorLine(r)).toMatch(
          new RegExp(
            `${operation === 'upsert' ? `webhook of phone number ${OTHER_NUMBER}, not of phone-number-id ${EMULATOR_DEFAULTS.phoneNumberId}` : `not a webhook of phone-number-id ${EMULATOR_DEFAULTS.phoneNumberId}`}`
          )
        )
        expect(kapso.requests.filter((q) => q.method !== 'GET')).toEqual([])
      } finally {
        await front.close()
      }
    }
  )

  it.each(['delete', 'upsert'])(
    '%s: a meta webhook with the URL, listed although kind=kapso was asked, is never touched',
    async (operation) => {
      kapso.configure({ lies: { ignoreKindFilter: true } })
      const meta = kapso.seed('platform', EMULATOR_DEFAULTS.phoneNumberId, { url: URL_A, kind: 'meta', events: [] })
      await run({ ...emulatorInputs(kapso, 'platform'), url: URL_A, events: 'whatsapp.message.received', operation })
      expect(kapso.requests.filter((q) => q.method !== 'GET' && q.path.includes(meta.id))).toEqual([])
    }
  )
})
