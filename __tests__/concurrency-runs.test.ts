/**
 * What a user waits for at scale, through the built bundle against the emulators: an unchanged upsert finds
 * its webhook in one page however many share its path; list pages, GitHub's queries and a sweep's deletes
 * go up to KAPSO_ACTION_CONCURRENCY at once, never more, back off together on a 429, and end as one after
 * another would; a delete that fails says what went and what did not; a sweep opens GitHub's connection
 * while it lists Kapso, and nothing else opens it at all.
 */
import { describe, expect, it } from 'vitest'
import { defaultScopeId, type Api } from '../emulator/server.js'
import { REPOSITORY, pushEvent, scheduleEvent } from '../scripts/github-events.js'
import { emulatorInputs, type ActionRun, type RunOptions } from '../scripts/run-action.js'
import { runChecked } from './support/bundle.js'
import { useEmulator, useGitHub } from './support/emulator.js'

const kapso = useEmulator()
const github = useGitHub(REPOSITORY)
const SECRET = 'concurrency-test-signing-secret-0001'
const STEP_URL = 'https://pr-7.preview.acme.dev/api/whatsapp'

async function step(
  api: Api,
  inputs: Record<string, string>,
  env: Record<string, string> = {},
  options: RunOptions = {}
): Promise<ActionRun> {
  const run = await runChecked(
    { ...emulatorInputs(kapso, api), events: 'whatsapp.message.received', 'secret-key': SECRET, ...inputs },
    { secrets: [SECRET], env, options }
  )
  expect(run.stderr).toBe('')
  return run
}

const sweep = (env: Record<string, string> = {}, more: Record<string, string> = {}): Promise<ActionRun> =>
  step('legacy', { operation: 'sweep', events: '', 'secret-key': '', ...more }, env, {
    event: scheduleEvent({ repository: REPOSITORY, apiUrl: github.apiUrl })
  })

const failed = (run: ActionRun): string => /^::error::(.*)$/m.exec(run.stdout)?.[1] ?? ''
const listRequests = (): number =>
  kapso.requests.filter((r) => r.method === 'GET' && r.path.endsWith('webhooks')).length
const recordFor = (pr: number): Record<string, string> => ({
  'X-Provisioned-By': `kapso-webhook-action; repository=${REPOSITORY}; pull-request=${pr}`
})

/** `count` webhooks in the legacy scope, recorded for pull requests 1… of this repository when `recorded`. */
function seedMany(count: number, recorded = false): void {
  const scope = defaultScopeId('legacy')
  for (let pr = 1; pr <= count; pr++)
    kapso.seed('legacy', scope, {
      url: `https://pr-${pr}.preview.example.com/api/whatsapp`,
      ...(recorded && { headers: recordFor(pr) })
    })
}

describe('an unchanged upsert among 10,000 webhooks whose URLs share its path', () => {
  it.each(['legacy', 'platform'] as const)('reads at most 2 pages on the %s API', async (api) => {
    const scope = defaultScopeId(api)
    for (let pr = 1; pr <= 10_001; pr++)
      if (pr !== 7) kapso.seed(api, scope, { url: `https://pr-${pr}.preview.acme.dev/api/whatsapp` })
    expect((await step(api, { url: STEP_URL })).outputs.result).toBe('created')
    kapso.requests.length = 0
    const again = await step(api, { url: STEP_URL })
    expect(again.outputs.result).toBe('unchanged')
    expect(listRequests()).toBeLessThanOrEqual(2)
    expect(kapso.writes()).toEqual([])
  })

  it('still finds a webhook Kapso keeps in another form, and makes no second one', async () => {
    const scope = defaultScopeId('platform')
    for (let pr = 1; pr <= 500; pr++)
      if (pr !== 7) kapso.seed('platform', scope, { url: `https://pr-${pr}.preview.acme.dev/api/whatsapp` })
    kapso.configure({ lies: { storeUrl: (url) => `${url}/` } })
    expect((await step('platform', { url: STEP_URL })).outputs.result).toBe('created')
    const writes = kapso.writes().length
    const lists = listRequests()
    expect((await step('platform', { url: STEP_URL })).outputs.result).toBe('unchanged')
    expect(listRequests() - lists).toBeLessThanOrEqual(2)
    expect(kapso.writes()).toHaveLength(writes)
    expect(kapso.webhooks().filter((w) => w.url === `${STEP_URL}/`)).toHaveLength(1)
    // Spelled with capitals and :443, kept in lower case: found by the path alone, no duplicate.
    const spelled = 'https://PR-9999.Preview.acme.dev:443/api/whatsapp'
    kapso.configure({
      lies: { storeUrl: (url) => url.replace('PR-9999.Preview', 'pr-9999.preview').replace(':443', '') }
    })
    expect((await step('platform', { url: spelled })).outputs.result).toBe('created')
    expect((await step('platform', { url: spelled })).outputs.result).toBe('unchanged')
    expect(kapso.webhooks().filter((w) => w.url.startsWith('https://pr-9999.'))).toHaveLength(1)
  })
})

describe('list pages in flight together', () => {
  it.each([
    ['3', 3],
    ['', 4]
  ])('never more than KAPSO_ACTION_CONCURRENCY ("%s"), and that many', async (value, bound) => {
    seedMany(2_000)
    kapso.configure({ lies: { latencyMs: 40 } })
    expect((await sweep({ KAPSO_ACTION_CONCURRENCY: value })).exitCode).toBe(0)
    expect(kapso.maxInFlight).toBe(bound)
    expect(listRequests()).toBe(20)
  })

  it('a 429 on one page holds back every other request until its Retry-After, and the list completes', async () => {
    seedMany(2_000)
    kapso.configure({ lies: { latencyMs: 50 } })
    // The third list request to arrive is told to wait 1 s.
    for (let i = 0; i < 2; i++) kapso.inject({ method: 'GET', fault: { kind: 'delay', ms: 0 } })
    kapso.inject({ method: 'GET', fault: { kind: 'status', status: 429, headers: { 'Retry-After': '1' } } })
    const run = await sweep()
    expect(run.exitCode, run.stdout).toBe(0)
    expect(run.stdout).toMatch(
      /::notice::Kapso is rate-limiting these requests \(HTTP 429\) while listing .*: waiting 1 s/
    )
    expect(run.stdout).toContain('2000 webhooks in whatsapp-config-id')
    const told = kapso.requests.find((r) => r.status === 429)?.answeredAt ?? 0
    const startedWhileHeld = kapso.requests.filter((r) => r.receivedAt > told + 100 && r.receivedAt < told + 900)
    expect(startedWhileHeld).toEqual([])
    expect(kapso.requests.filter((r) => r.receivedAt >= told + 900).length).toBeGreaterThan(1)
  })

  it('gives what one request after another gives: the same deletes, in the same order, and the same summary', async () => {
    seedMany(600, true)
    github.setPullRequests(Array.from({ length: 600 }, (_, i) => ({ number: i + 1, state: i % 3 ? 'open' : 'closed' })))
    const one = await sweep({ KAPSO_ACTION_CONCURRENCY: '1' }, { 'dry-run': 'true' })
    const four = await sweep({}, { 'dry-run': 'true' })
    expect(one.outputs['deleted-count']).toBe('200')
    expect(four.outputs).toEqual(one.outputs)
    expect(four.summary).toBe(one.summary)
  })
})

describe("a sweep's deletes, in flight together", () => {
  it('when one fails, says which went and which did not, and a re-run deletes the rest', async () => {
    seedMany(12, true)
    github.setPullRequests(Array.from({ length: 12 }, (_, i) => ({ number: i + 1, state: 'closed' })))
    kapso.configure({ lies: { latencyMs: 30 } })
    for (let i = 0; i < 2; i++) kapso.inject({ method: 'DELETE', fault: { kind: 'delay', ms: 0 } })
    kapso.inject({ method: 'DELETE', fault: { kind: 'status', status: 403, body: { error: 'Forbidden' } } })
    const run = await sweep()
    expect(run.exitCode).toBe(1)
    const message = failed(run)
    const left = kapso.webhooks().map((w) => w.id)
    const deleted = kapso.requests
      .filter((r) => r.method === 'DELETE' && r.status === 204)
      .map((r) => r.path.split('/').pop())
    expect(left.length).toBeGreaterThanOrEqual(1)
    expect(deleted.length).toBeGreaterThanOrEqual(2)
    expect(left.length + deleted.length).toBe(12)
    expect(message).toMatch(/HTTP 403/)
    expect(message).toContain(`Not deleted: `)
    for (const id of left) expect(message).toContain(id)
    for (const id of deleted) expect(message).toContain(`deleted webhook ${id}`)
    expect(run.summary).toContain('Not deleted')
    const again = await sweep()
    expect(again.exitCode, again.stdout).toBe(0)
    expect(again.outputs['deleted-count']).toBe(String(left.length))
    expect(kapso.webhooks()).toEqual([])
  })
})

describe("GitHub's client and connection", () => {
  it('a sweep opens the connection while it lists Kapso, then queries GitHub, bounded too', async () => {
    seedMany(450, true)
    github.setPullRequests(Array.from({ length: 450 }, (_, i) => ({ number: i + 1, state: 'open' })))
    kapso.configure({ lies: { latencyMs: 400 } })
    github.setLatency(150)
    const run = await sweep({ KAPSO_ACTION_CONCURRENCY: '2' })
    expect(run.exitCode, run.stdout).toBe(0)
    const lastPage = Math.max(...kapso.requests.map((r) => r.answeredAt ?? 0))
    expect(github.connectionTimes[0]).toBeLessThan(lastPage - 400)
    expect(github.requests[0]).toBe('GET /rate_limit')
    expect(github.requests.filter((r) => r.startsWith('POST /graphql'))).toHaveLength(5)
    expect(github.maxInFlight).toBe(2)
  })

  it('an upsert neither loads nor connects to GitHub', async () => {
    const run = await step(
      'legacy',
      { url: STEP_URL },
      {},
      { event: pushEvent({ repository: REPOSITORY, apiUrl: github.apiUrl }) }
    )
    expect(run.outputs.result).toBe('created')
    expect(github.connectionTimes).toEqual([])
    expect(run.stdout).not.toContain('GitHub:')
  })
})

describe('KAPSO_ACTION_CONCURRENCY', () => {
  it('that is not a whole number of at least 1 fails the step before any request', async () => {
    const run = await step('legacy', { url: STEP_URL }, { KAPSO_ACTION_CONCURRENCY: '0' })
    expect(run.exitCode).toBe(1)
    expect(failed(run)).toBe(
      'KAPSO_ACTION_CONCURRENCY must be a whole number of at least 1 (requests in flight at once; default 4); got "0".'
    )
    expect(kapso.requests).toEqual([])
  })
})
