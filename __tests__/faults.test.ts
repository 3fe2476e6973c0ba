/**
 * The fault matrix: each operation × each fault the emulator can inject, on the request that makes the
 * change, run through the built bundle with debug logging on. Each cell asserts the final state on the
 * emulator, the `result` output, that no URL has two webhooks, and that nothing leaked.
 */
import { describe, expect, it } from 'vitest'
import { defaultScopeId, EMULATOR_DEFAULTS, type Api, type Fault } from '../emulator/server.js'
import { emulatorInputs, type ActionRun } from '../scripts/run-action.js'
import { runChecked } from './support/bundle.js'
import { useEmulator } from './support/emulator.js'

const emulator = useEmulator()

const URL_A = 'https://pr-77.preview.example.com/api/whatsapp'
const OTHER_URL = 'https://someone-else.example.com/hook'

async function runClean(api: Api, inputs: Record<string, string>): Promise<ActionRun> {
  return runChecked(
    {
      ...emulatorInputs(emulator, api),
      url: URL_A,
      events: 'whatsapp.message.received',
      'request-timeout-seconds': '1',
      ...inputs
    },
    { secrets: emulator.webhooks().map((w) => w.secret_key) }
  )
}

function duplicates(): string[] {
  const urls = emulator.webhooks().map((w) => `${w.api}:${w.scopeId}:${w.url}`)
  return urls.filter((url, i) => urls.indexOf(url) !== i)
}

const faults: [string, Fault][] = [
  ['500', { kind: 'status', status: 500, body: { error: 'Internal server error' } }],
  ['502 HTML page', { kind: 'html' }],
  [
    '429, Retry-After in seconds',
    { kind: 'status', status: 429, headers: { 'Retry-After': '1' }, body: { error: 'Rate limit exceeded' } }
  ],
  [
    '429, Retry-After as a date',
    { kind: 'status', status: 429, headers: { 'Retry-After': new Date(Date.now() + 1000).toUTCString() } }
  ],
  ['malformed body after the change', { kind: 'malformed' }],
  ['reset before handling', { kind: 'reset-before' }],
  ['reset after the change was committed', { kind: 'reset-after' }],
  ['no answer within request-timeout-seconds', { kind: 'delay', ms: 2500 }]
]

interface Operation {
  name: string
  /** The request the fault hits. */
  method: string
  setUp: (api: Api, scopeId: string) => void
  inputs: Record<string, string>
  result: string
  check: (api: Api) => void
}

const operations: Operation[] = [
  {
    name: 'upsert that creates',
    method: 'POST',
    setUp: () => {},
    inputs: {},
    result: 'created',
    check: (api) => expect(emulator.webhooks(api).map((w) => w.url)).toEqual([URL_A])
  },
  {
    name: 'upsert that updates',
    method: 'PATCH',
    setUp: (api, scopeId) => void emulator.seed(api, scopeId, { url: URL_A, events: ['whatsapp.message.sent'] }),
    inputs: {},
    result: 'updated',
    check: (api) =>
      expect(emulator.webhooks(api).map((w) => [w.url, w.events])).toEqual([[URL_A, ['whatsapp.message.received']]])
  },
  {
    name: 'delete',
    method: 'DELETE',
    setUp: (api, scopeId) => {
      emulator.seed(api, scopeId, { url: OTHER_URL })
      emulator.seed(api, scopeId, { url: URL_A })
    },
    inputs: { operation: 'delete' },
    result: 'deleted',
    check: (api) => expect(emulator.webhooks(api).map((w) => w.url)).toEqual([OTHER_URL])
  }
]

describe.each(['legacy', 'platform'] as Api[])('faults on the %s API', (api) => {
  const scopeId = defaultScopeId(api)

  for (const op of operations) {
    const cells: [string, Fault, string | undefined][] = [
      ...faults.map(([name, fault]): [string, Fault, string] => [name, fault, op.method]),
      ['503 on the first list', { kind: 'status', status: 503 }, 'GET']
    ]
    it.each(cells)(`${op.name} survives %s`, async (_name, fault, method) => {
      op.setUp(api, scopeId)
      emulator.inject({ method, fault })
      const run = await runClean(api, op.inputs)
      expect(run.exitCode, run.stdout).toBe(0)
      expect(run.outputs.result).toBe(op.result)
      expect(emulator.faultsInjected).toBe(1)
      expect(duplicates()).toEqual([])
      op.check(api)
    })
  }
})

describe('the retry policy, on the legacy API', () => {
  const api: Api = 'legacy'

  it('logs a notice and waits as Retry-After says', async () => {
    emulator.inject({ method: 'POST', fault: { kind: 'status', status: 429, headers: { 'Retry-After': '1' } } })
    const run = await runClean(api, {})
    expect(run.stdout).toMatch(
      /::notice::Kapso is rate-limiting these requests \(HTTP 429\) while creating a webhook for \S+: waiting 1 s as it asks, then trying again \(attempt 2 of 5\)\./
    )
    expect(run.outputs.result).toBe('created')
  })

  it('backs off on a 429 without Retry-After, and says it is rate-limited', async () => {
    emulator.inject({ method: 'GET', fault: { kind: 'status', status: 429, body: { error: 'Rate limit exceeded' } } })
    const run = await runClean(api, {})
    expect(run.stdout).toMatch(
      /::notice::Kapso is rate-limiting these requests \(HTTP 429\) while listing webhooks with url \S+: waiting \d+ s, then trying again \(attempt 2 of 5\)\./
    )
    expect(run.outputs.result).toBe('created')
  })

  it('fails at once, saying so, when Retry-After asks for more than it will sleep', async () => {
    emulator.inject({ method: 'GET', fault: { kind: 'status', status: 429, headers: { 'Retry-After': '3600' } } })
    const run = await runClean(api, {})
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(
      '::error::Kapso is rate-limiting these requests (HTTP 429) while listing webhooks with url'
    )
    expect(run.stdout).toContain('asks to wait 3600 s, more than the 60 s this step will sleep')
    expect(emulator.requests).toHaveLength(1)
  })

  it('says what it was doing, how many attempts it made and the last status when every attempt fails', async () => {
    for (let i = 0; i < 3; i++)
      emulator.inject({ method: 'GET', fault: { kind: 'status', status: 503, body: { error: 'Service Unavailable' } } })
    const run = await runClean(api, { 'max-attempts': '3' })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(
      `::error::Gave up listing webhooks with url ${URL_A} after 3 attempts; the last one ended with HTTP 503 (Kapso said: Service Unavailable).`
    )
    expect(emulator.requests).toHaveLength(3)
  })

  it.each([400, 403, 409, 422])('does not retry a %i', async (status) => {
    emulator.inject({ method: 'POST', fault: { kind: 'status', status, body: { error: 'No' } } })
    const run = await runClean(api, {})
    expect(run.exitCode).toBe(1)
    expect(emulator.writes()).toHaveLength(1)
    expect(emulator.webhooks()).toHaveLength(0)
  })

  it('abandons a hung request after request-timeout-seconds and retries it', async () => {
    emulator.inject({ method: 'GET', fault: { kind: 'delay', ms: 20_000 } })
    const run = await runClean(api, {})
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toMatch(
      /::debug::GET \S+ -> no answer within 1 s \(request-timeout-seconds\) \(\d+ ms, attempt 1\)/
    )
    expect(run.stdout).toMatch(/::debug::GET \S+ -> 200 \(\d+ ms, attempt 2\)/)
    expect(run.outputs.result).toBe('created')
  })

  it('counts a retried DELETE that meets 404 as deleted', async () => {
    emulator.seed(api, EMULATOR_DEFAULTS.configId, { url: URL_A })
    emulator.inject({ method: 'DELETE', fault: { kind: 'reset-after' } })
    const run = await runClean(api, { operation: 'delete' })
    expect(run.outputs.result).toBe('deleted')
    expect(emulator.requests.filter((r) => r.method === 'DELETE').map((r) => r.status)).toEqual([204, 404])
  })

  it('adopts the webhook a lost create made, and never sends it twice', async () => {
    emulator.inject({ method: 'POST', fault: { kind: 'reset-after' } })
    const run = await runClean(api, { operation: 'create' })
    expect(run.outputs.result).toBe('created')
    expect(emulator.requests.filter((r) => r.method === 'POST')).toHaveLength(1)
    expect(run.outputs['webhook-id']).toBe(emulator.webhooks()[0]?.id)
    expect(run.stdout).toContain('did reach Kapso: using what it made instead of sending it again')
  })

  it('with operation create, never adopts a webhook that was there before', async () => {
    const earlier = emulator.seed(api, EMULATOR_DEFAULTS.configId, { url: URL_A })
    emulator.inject({ method: 'POST', fault: { kind: 'reset-before' } })
    const run = await runClean(api, { operation: 'create' })
    expect(run.outputs.result).toBe('created')
    expect(run.outputs['webhook-id']).not.toBe(earlier.id)
    expect(emulator.webhooks()).toHaveLength(2)
  })
})
