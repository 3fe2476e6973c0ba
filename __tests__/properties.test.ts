/**
 * Properties that hold for every answer a server could give and every string a workflow could pass:
 * run() against a loopback server that answers whatever fast-check makes up (Kapso and GitHub alike),
 * and with inputs of any text. Whatever happens, the step never ends on a raw JavaScript error, never
 * writes a secret it knows or 10+ characters of one, never writes a control character (a line break in
 * an annotation aside, which @actions/core escapes), and writes outputs only when it succeeded.
 */
import * as core from '@actions/core'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it, vi, type Mock } from 'vitest'
import { longestFragment } from '../scripts/leaks.js'
import { run } from '../src/main.js'
import { clearCore, setInputs } from './support/core.js'
import { Liar } from './support/liar.js'

vi.mock('@actions/core', async (orig) => (await import('./support/core-mock.js')).mockCore(orig))

const API_KEY = 'prop-api-key-7d1e0c9b8a7f6e5d'
const SECRET = 'prop-signing-secret-2b4d6f8h0j2l4n6p'
const TOKEN = 'ghs_PropertyTestToken00000000000000'
const CONFIG_ID = '3f1c2b8e-7d4a-4c59-9e21-5b6f0a8d7c13'
const URL_A = 'https://pr-7.preview.example.com/api/whatsapp'
const IDS = ['9e8d7c6b-5a4f-4e2d-8c0b-9a8f7e6d5c4b', '1a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d']
const EVENTS = ['whatsapp.message.received', 'whatsapp.message.sent']

interface Answer {
  status: number
  text: string
  retryAfter?: string
}

/** A server that answers each request with the next made-up answer, and 503 once they run out. */
let server: Liar
let answers: Answer[] = []
let origin = ''
beforeAll(async () => {
  server = await Liar.start(() => {
    const answer = answers.shift() ?? { status: 503, text: '{"error":"no more answers"}' }
    const headers: Record<string, string> = {}
    if (answer.retryAfter !== undefined) headers['Retry-After'] = answer.retryAfter
    if (answer.status >= 300 && answer.status < 400) headers.Location = 'http://127.0.0.1:9/elsewhere'
    return { status: answer.status, headers, body: answer.status === 204 ? undefined : answer.text }
  })
  origin = server.origin
  Object.assign(process.env, {
    GITHUB_API_URL: origin,
    GITHUB_REPOSITORY: 'octo-org/shop',
    GITHUB_EVENT_NAME: 'schedule'
  })
})
afterAll(async () => {
  for (const name of ['GITHUB_API_URL', 'GITHUB_REPOSITORY', 'GITHUB_EVENT_NAME']) delete process.env[name]
  await server.close()
})

/** Text that may carry a secret, part of one, or a workflow command. */
const tricky = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom(API_KEY, SECRET, TOKEN, '\n::warning::forged', '\u2028::error::forged', '%0A::add-mask::x'),
  fc
    .tuple(fc.constantFrom(API_KEY, SECRET, TOKEN), fc.nat(20), fc.integer({ min: 10, max: 30 }), fc.string())
    .map(([s, at, length, rest]) => `${rest}${s.slice(at, at + length)}${rest}`)
)
const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | unknown> => fc.oneof(arb, fc.jsonValue(), tricky)

const webhook = fc.record(
  {
    id: maybe(fc.oneof(fc.constantFrom(...IDS), fc.uuid())),
    url: maybe(
      fc.constantFrom(
        URL_A,
        URL_A.toUpperCase().replace('/API/WHATSAPP', '/api/whatsapp/'),
        `${URL_A}\n::warning::forged`
      )
    ),
    secret_key: fc.oneof(fc.jsonValue(), tricky, fc.constantFrom(SECRET, API_KEY)),
    kind: maybe(fc.constantFrom('kapso', 'meta')),
    events: maybe(fc.subarray(EVENTS)),
    active: maybe(fc.boolean()),
    headers: fc.oneof(
      fc.constant(null),
      fc.dictionary(tricky, fc.oneof(tricky, fc.jsonValue())),
      fc.constant({ 'X-Provisioned-By': 'kapso-webhook-action; repository=octo-org/shop; pull-request=3' })
    ),
    inactivity_minutes: maybe(fc.integer({ min: 1, max: 1440 })),
    created_at: maybe(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()))
  },
  { requiredKeys: [] }
)
const body = fc.oneof(
  fc.jsonValue(),
  fc.record({
    data: fc.array(webhook, { maxLength: 4 }),
    meta: fc.oneof(fc.constant(undefined), fc.record({ total_pages: maybe(fc.integer({ min: 0, max: 3 })) }))
  }),
  fc.record({ data: webhook }),
  fc.record({ error: tricky, message: tricky }),
  fc.record({
    data: fc.record({
      repository: fc.oneof(
        fc.constant(null),
        fc.dictionary(
          fc.constantFrom('pr3', 'pr4'),
          fc.oneof(
            fc.constant(null),
            fc.record({ number: maybe(fc.constant(3)), state: maybe(fc.constantFrom('OPEN', 'CLOSED', 'MERGED')) })
          )
        )
      )
    })
  })
)
const answer: fc.Arbitrary<Answer> = fc.record(
  {
    status: fc.constantFrom(200, 200, 200, 201, 204, 307, 400, 401, 402, 403, 404, 422, 429, 500, 503),
    text: fc.oneof(
      body.map((b) => JSON.stringify(b) ?? ''),
      body.map((b) => JSON.stringify(b) ?? ''),
      fc.string(),
      fc.constant('')
    ),
    retryAfter: fc.constantFrom('0', '1', 'soon', '3600')
  },
  { requiredKeys: ['status', 'text'] }
)
const operation = fc.constantFrom<Record<string, string>>(
  {},
  { 'secret-key': '' },
  { operation: 'create' },
  { operation: 'delete' },
  { operation: 'delete', url: '', 'webhook-id': IDS[0] as string },
  { 'dry-run': 'true' },
  { 'webhook-id': IDS[1] as string },
  { operation: 'sweep', url: '', 'github-token': TOKEN }
)

const calls = (fn: unknown): string[] => (fn as Mock).mock.calls.map(([text]) => String(text))
// eslint-disable-next-line no-control-regex
const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/
// eslint-disable-next-line no-control-regex
const CONTROL_BUT_LINE_BREAK = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/
const RAW_ERROR =
  /TypeError|RangeError|SyntaxError|ReferenceError|is not a function|Cannot read|undefined|Maximum call stack|unexpected error|\[object Object\]/i

/** What the runner would have seen of the step, checked against every promise. */
function checkRun(): void {
  const masked = calls(core.setSecret).filter((s) => s.length >= 10)
  const lines = [...calls(core.info), ...calls(core.debug)]
  const annotations = [...calls(core.warning), ...calls(core.notice), ...calls(core.error), ...calls(core.setFailed)]
  const outputs = (core.setOutput as unknown as Mock).mock.calls.map(
    ([name, value]) => [String(name), String(value)] as const
  )
  for (const line of lines) expect(line).not.toMatch(ANY_CONTROL)
  for (const text of annotations) expect(text).not.toMatch(CONTROL_BUT_LINE_BREAK)
  for (const [, value] of outputs) expect(value).not.toMatch(ANY_CONTROL)
  const shown = [
    ...lines,
    ...annotations,
    ...outputs.filter(([name]) => name !== 'secret-key').map(([, value]) => value)
  ]
  // What the action knows to be secret is what it masked: the inputs' key, secret and token among them.
  expect(masked).toContain(API_KEY)
  for (const secret of new Set(masked)) {
    for (const text of shown)
      expect(longestFragment(text, secret), `a fragment of a secret in: ${text.slice(0, 200)}`).toBeLessThan(10)
  }
  const failure = calls(core.setFailed)[0]
  if (failure !== undefined) {
    expect(failure).not.toMatch(RAW_ERROR)
    expect(outputs).toEqual([])
  }
  const secretOutput = outputs.find(([name]) => name === 'secret-key')?.[1]
  if (secretOutput) expect(calls(core.setSecret)).toContain(secretOutput)
}

const base = (): Record<string, string> => ({
  'api-key': API_KEY,
  'api-url': `${origin}/api/v1`,
  'whatsapp-config-id': CONFIG_ID,
  url: URL_A,
  events: EVENTS.join(','),
  'secret-key': SECRET,
  'max-attempts': '2',
  'request-timeout-seconds': '2',
  'timeout-seconds': '10'
})

describe('whatever the servers answer', () => {
  it('the step keeps every promise', async () => {
    await fc.assert(
      fc.asyncProperty(operation, fc.array(answer, { minLength: 1, maxLength: 6 }), async (inputs, made) => {
        answers = [...made]
        clearCore()
        setInputs({ ...base(), ...inputs })
        await run()
        checkRun()
      }),
      { numRuns: 200 }
    )
  }, 120_000)
})

describe('whatever the inputs say', () => {
  const names = [
    'url',
    'events',
    'headers',
    'webhook-id',
    'whatsapp-config-id',
    'phone-number-id',
    'api-url',
    'operation',
    'secret-key',
    'buffer-window-seconds',
    'max-age',
    'active',
    'timeout-seconds'
  ]
  it('the step keeps every promise', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom(...names), tricky, { maxKeys: 4 }), async (given) => {
        answers = []
        clearCore()
        setInputs({ ...base(), 'max-attempts': '1', ...given })
        await run()
        checkRun()
        // An input error names the input it is about, and quotes no secret.
        const failure = calls(core.setFailed)[0]
        if (failure?.startsWith('Invalid input'))
          expect(failure).toMatch(
            /api-key|url|events|headers|webhook-id|whatsapp-config-id|phone-number-id|api-url|operation|secret-key|buffer-window-seconds|max-age|active|timeout-seconds/
          )
      }),
      { numRuns: 300 }
    )
  }, 120_000)
})
